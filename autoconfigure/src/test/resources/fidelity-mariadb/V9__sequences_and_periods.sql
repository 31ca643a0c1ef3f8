-- MariaDB only: sequences, system-versioned tables and application-time periods.
-- Hibernate's default for an entity's id: INCREMENT BY 50, CACHE 1000.
CREATE SEQUENCE book_seq START WITH 1 INCREMENT BY 50;
-- Advanced by the history: it gives 151 next, while its row says 50001, the end of its cache.
DO NEXTVAL(book_seq), NEXTVAL(book_seq), NEXTVAL(book_seq);

CREATE SEQUENCE ticket_seq START WITH 100 INCREMENT BY 1 NOCACHE;
CREATE TABLE ticket (
  id BIGINT NOT NULL DEFAULT NEXTVAL(ticket_seq) PRIMARY KEY,
  note VARCHAR(50) NOT NULL
) ENGINE=InnoDB;
INSERT INTO ticket (note) VALUES ('first');

-- History with the implicit period columns, and with explicit ones.
CREATE TABLE price (
  id INT NOT NULL PRIMARY KEY,
  amount DECIMAL(8,2) NOT NULL
) ENGINE=InnoDB WITH SYSTEM VERSIONING;
CREATE TABLE rate (
  id INT NOT NULL PRIMARY KEY,
  percent INT NOT NULL,
  valid_from TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE,
  valid_to TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE,
  PERIOD FOR SYSTEM_TIME (valid_from, valid_to)
) ENGINE=InnoDB WITH SYSTEM VERSIONING;
-- Versioned, with history only: no current row.
CREATE TABLE retired (id INT NOT NULL PRIMARY KEY) ENGINE=InnoDB WITH SYSTEM VERSIONING;
INSERT INTO price VALUES (1, 10.00), (2, 20.00);
INSERT INTO rate (id, percent) VALUES (1, 5);
INSERT INTO retired VALUES (1);

-- An application-time period: plain columns and a constraint the server checks.
CREATE TABLE booking (
  id INT NOT NULL PRIMARY KEY,
  stay_from DATE NOT NULL,
  stay_to DATE NOT NULL,
  PERIOD FOR stay (stay_from, stay_to)
) ENGINE=InnoDB;
INSERT INTO booking VALUES (1, '2024-01-01', '2024-01-05');
