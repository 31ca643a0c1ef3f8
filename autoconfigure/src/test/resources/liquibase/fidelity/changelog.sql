--liquibase formatted sql

--changeset fidelity:1
CREATE TABLE author (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL COMMENT 'display name',
  email VARCHAR(320) CHARACTER SET ascii COLLATE ascii_bin NULL,
  bio TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  name_upper VARCHAR(200) AS (UPPER(name)) VIRTUAL,
  name_length INT AS (CHAR_LENGTH(name)) STORED,
  UNIQUE KEY uk_author_email (email),
  KEY ix_author_name_prefix (name(20)),
  FULLTEXT KEY ft_author_bio (bio),
  CONSTRAINT ck_author_name CHECK (CHAR_LENGTH(name) > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='people who write';

CREATE TABLE category (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id INT NULL,
  name VARCHAR(100) NOT NULL,
  CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id) ON DELETE SET NULL
) ENGINE=InnoDB;

CREATE TABLE book (
  id BIGINT NOT NULL AUTO_INCREMENT,
  author_id BIGINT NOT NULL,
  category_id INT NULL,
  title VARCHAR(300) NOT NULL,
  isbn CHAR(13) NOT NULL,
  price DECIMAL(8,2) NOT NULL DEFAULT 0.00,
  PRIMARY KEY (id),
  UNIQUE KEY uk_book_isbn (isbn),
  KEY ix_book_author_title (author_id, title(30)),
  CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  CONSTRAINT fk_book_category FOREIGN KEY (category_id) REFERENCES category (id),
  CONSTRAINT ck_book_price CHECK (price >= 0)
) ENGINE=InnoDB AUTO_INCREMENT=1000;

CREATE TABLE place (
  id INT NOT NULL PRIMARY KEY,
  location POINT NOT NULL,
  SPATIAL KEY sx_place_location (location)
) ENGINE=InnoDB;

CREATE TABLE audit_log (
  id BIGINT NOT NULL,
  logged_on DATE NOT NULL,
  message VARCHAR(200),
  PRIMARY KEY (id, logged_on)
) ENGINE=InnoDB
PARTITION BY RANGE (YEAR(logged_on)) (
  PARTITION p2024 VALUES LESS THAN (2025),
  PARTITION pmax VALUES LESS THAN MAXVALUE
);

CREATE TABLE loan (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  book_id BIGINT NULL,
  member VARCHAR(100) NOT NULL,
  CONSTRAINT fk_loan_book FOREIGN KEY (book_id) REFERENCES book (id) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB;

--changeset fidelity:2
ALTER TABLE book ADD COLUMN pages INT NULL AFTER title;
ALTER TABLE book ADD KEY ix_book_pages (pages DESC);
ALTER TABLE loan ADD COLUMN due_on DATE NOT NULL DEFAULT '2030-01-01';
ALTER TABLE author MODIFY bio MEDIUMTEXT;
ALTER TABLE author ADD FULLTEXT KEY ft_author_name (name);
CREATE TABLE empty_table (id INT NOT NULL PRIMARY KEY, note VARCHAR(10));

--changeset fidelity:3
SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO');
INSERT INTO category (id, parent_id, name) VALUES (0, NULL, 'root'), (1, 0, 'fiction'), (2, 0, 'science');
INSERT INTO author (name, email, bio) VALUES ('Ursula K. Le Guin', 'ursula@example.org', 'Earthsea'), ('Stanisław Lem', NULL, 'Solaris');
INSERT INTO book (author_id, category_id, title, pages, isbn, price) VALUES
  (1, 1, 'A Wizard of Earthsea', 183, '9780553383041', 9.99),
  (2, 1, 'Solaris', 204, '9780156027601', 12.50),
  (2, 2, 'Summa Technologiae', 464, '9780816675760', 30.00);
DELETE FROM book WHERE isbn = '9780816675760';
INSERT INTO place (id, location) VALUES (1, ST_GeomFromText('POINT(1 2)'));

--changeset fidelity:4
CREATE VIEW book_view AS
  SELECT b.id, b.title, a.name AS author FROM book b JOIN author a ON a.id = b.author_id;
CREATE VIEW a_short_books AS SELECT id, title FROM book_view WHERE id < 1001;

--changeset fidelity:5 endDelimiter://
CREATE FUNCTION book_count(p_author BIGINT) RETURNS INT READS SQL DATA
BEGIN
  RETURN (SELECT COUNT(*) FROM book WHERE author_id = p_author);
END //
CREATE PROCEDURE add_loan(IN p_book BIGINT, IN p_member VARCHAR(100))
BEGIN
  INSERT INTO loan (book_id, member) VALUES (p_book, p_member);
END //
CREATE TRIGGER trg_loan_audit AFTER INSERT ON loan FOR EACH ROW
BEGIN
  INSERT INTO audit_log (id, logged_on, message) VALUES (NEW.id, '2024-06-01', CONCAT('loan ', NEW.id));
END //
CREATE TRIGGER trg_loan_audit_late AFTER INSERT ON loan FOR EACH ROW FOLLOWS trg_loan_audit
BEGIN
  INSERT INTO audit_log (id, logged_on, message) VALUES (NEW.id, '2031-01-01', 'late');
END //
CREATE TRIGGER trg_book_title BEFORE INSERT ON book FOR EACH ROW
BEGIN
  SET NEW.title = TRIM(NEW.title);
END //

--changeset fidelity:6
CREATE TABLE stamp (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  uid CHAR(36) NOT NULL DEFAULT (UUID()),
  note VARCHAR(50) NOT NULL,
  tags JSON NOT NULL DEFAULT ('[]'),
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uk_stamp_uid (uid)
) ENGINE=InnoDB;

CREATE TABLE stamp_child (
  id INT NOT NULL PRIMARY KEY,
  stamp_uid CHAR(36) NOT NULL,
  CONSTRAINT fk_stamp_child_stamp FOREIGN KEY (stamp_uid) REFERENCES stamp (uid)
) ENGINE=InnoDB;

CREATE TABLE stamp_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  message VARCHAR(100) NOT NULL
) ENGINE=InnoDB;

INSERT INTO stamp (note, created_at, updated_at) VALUES ('old', '2001-02-03 04:05:06', '2001-02-03 04:05:07');
INSERT INTO stamp_child (id, stamp_uid) SELECT 1, uid FROM stamp WHERE note = 'old';

--changeset fidelity:7 endDelimiter://
CREATE FUNCTION late_fee(p_pages INT) RETURNS DECIMAL(8,2) DETERMINISTIC NO SQL
BEGIN
  RETURN COALESCE(p_pages, 0) * 0.01;
END //
CREATE PROCEDURE log_stamp(IN p_note VARCHAR(50))
BEGIN
  INSERT INTO stamp_log (message) VALUES (CONCAT('stamped ', p_note));
END //
CREATE TRIGGER trg_stamp_log AFTER INSERT ON stamp FOR EACH ROW
BEGIN
  CALL log_stamp(NEW.note);
END //

--changeset fidelity:8
CREATE VIEW v_book_fees AS SELECT b.id, b.title, late_fee(b.pages) AS fee FROM book b;
