CREATE TABLE membership_tier (
  code VARCHAR(16) NOT NULL PRIMARY KEY,
  max_loans INT NOT NULL,
  loan_days INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO membership_tier (code, max_loans, loan_days) VALUES ('STANDARD', 3, 21), ('STUDENT', 5, 28), ('STAFF', 10, 42);

ALTER TABLE member ADD COLUMN tier VARCHAR(16) NOT NULL DEFAULT 'STANDARD';
ALTER TABLE member ADD CONSTRAINT fk_member_tier FOREIGN KEY (tier) REFERENCES membership_tier (code);
