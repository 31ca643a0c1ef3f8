SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO');
INSERT INTO category (id, parent_id, name) VALUES (0, NULL, 'root'), (1, 0, 'fiction'), (2, 0, 'science');
INSERT INTO author (name, email, bio) VALUES ('Ursula K. Le Guin', 'ursula@example.org', 'Earthsea'), ('Stanisław Lem', NULL, 'Solaris');
INSERT INTO book (author_id, category_id, title, pages, isbn, price) VALUES
  (1, 1, 'A Wizard of Earthsea', 183, '9780553383041', 9.99),
  (2, 1, 'Solaris', 204, '9780156027601', 12.50),
  (2, 2, 'Summa Technologiae', 464, '9780816675760', 30.00);
DELETE FROM book WHERE isbn = '9780816675760';
INSERT INTO place (id, location) VALUES (1, ST_GeomFromText('POINT(1 2)'));
