INSERT INTO author (id, name) VALUES (1, 'Ursula K. Le Guin'), (2, 'Stanisław Lem'), (3, 'Mary Beard');
INSERT INTO book (author_id, title, genre_code, isbn, copies) VALUES
  (1, 'A Wizard of Earthsea', 'FIC', '9780553383041', 2),
  (1, 'The Dispossessed', 'SF', '9780061054884', 1),
  (2, 'Solaris', 'SF', '9780156027601', 1),
  (3, 'SPQR', 'HIST', '9781631492228', 3);
