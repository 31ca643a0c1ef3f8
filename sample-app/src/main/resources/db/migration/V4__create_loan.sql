CREATE TABLE loan (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  book_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL,
  borrowed_on DATE NOT NULL,
  returned_on DATE NULL,
  CONSTRAINT fk_loan_book FOREIGN KEY (book_id) REFERENCES book (id),
  CONSTRAINT fk_loan_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB;
