DELIMITER //
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
DELIMITER ;
