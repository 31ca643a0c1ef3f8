CREATE VIEW book_view AS
  SELECT b.id, b.title, a.name AS author FROM book b JOIN author a ON a.id = b.author_id;
-- Sorts before the view it reads: the clone must create views in dependency order.
CREATE VIEW a_short_books AS SELECT id, title FROM book_view WHERE id < 1001;
