CREATE VIEW available_book AS
  SELECT b.id, b.title, a.name AS author, b.copies - COUNT(l.id) AS available
  FROM book b
  JOIN author a ON a.id = b.author_id
  LEFT JOIN loan l ON l.book_id = b.id AND l.returned_on IS NULL
  GROUP BY b.id, b.title, a.name, b.copies;
