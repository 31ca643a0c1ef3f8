CREATE TABLE genre (
  code VARCHAR(16) NOT NULL PRIMARY KEY,
  label VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO genre (code, label) VALUES
  ('FIC', 'Fiction'), ('SF', 'Science fiction'), ('HIST', 'History'), ('SCI', 'Science'), ('CHILD', 'Children');
