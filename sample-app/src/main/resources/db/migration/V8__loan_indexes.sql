CREATE INDEX ix_loan_member_open ON loan (member_id, returned_on);
CREATE INDEX ix_loan_book_open ON loan (book_id, returned_on);
