-- The sequences Hibernate expects for @Id @GeneratedValue Long id on MariaDB:
-- <entity>_seq, INCREMENT BY 50 (its pooled optimizer hands out 50 ids per NEXTVAL).
CREATE SEQUENCE author_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE book_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE author (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An audit trail kept by the server: every change of a book stays in its history.
CREATE TABLE book (
  id BIGINT NOT NULL PRIMARY KEY,
  title VARCHAR(255) NOT NULL,
  author_id BIGINT NOT NULL,
  CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci WITH SYSTEM VERSIONING;
