-- Reads no column of loan that the writes widen: a view's columns are catalog rows too, and
-- a third changed row would give the widening away.
CREATE VIEW v_member_loans AS
  SELECT m.handle, l.id AS loan_id FROM member m JOIN loan l ON l.member_id = m.id;

DELIMITER //
CREATE TRIGGER trg_loan_log AFTER INSERT ON loan FOR EACH ROW
BEGIN
  INSERT INTO loan_log (loan_id, what) VALUES (NEW.id, 'opened');
END //
CREATE TRIGGER trg_shelf_slot_gone AFTER DELETE ON shelf_slot FOR EACH ROW
BEGIN
  INSERT INTO reading (sensor, value, note) VALUES ('gone', OLD.slot, OLD.shelf);
END //
CREATE PROCEDURE open_loan(IN p_member INT, IN p_memo VARCHAR(20))
BEGIN
  INSERT INTO loan (memo, member_id) VALUES (p_memo, p_member);
END //
CREATE FUNCTION item_weight(p_item INT) RETURNS DOUBLE READS SQL DATA
BEGIN
  RETURN (SELECT weight FROM item WHERE id = p_item);
END //
DELIMITER ;
