-- Columns whose default is an expression: MySQL 8 marks each DEFAULT_GENERATED in
-- information_schema.COLUMNS.EXTRA, although none is a generated column.
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

DELIMITER //
-- Created after the tables it reads; a clone must create it before the view that calls it.
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
DELIMITER ;

CREATE VIEW v_book_fees AS SELECT b.id, b.title, late_fee(b.pages) AS fee FROM book b;
