-- Shapes that the reset's state query reads the same before and after a change.

-- A foreign key, with an index on each column it could be moved to: moving it changes no
-- index and no row of REFERENTIAL_CONSTRAINTS.
CREATE TABLE parent (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL
) ENGINE=InnoDB;

INSERT INTO parent (id, name) VALUES (1, 'one'), (2, 'two');

CREATE TABLE child (
  id INT NOT NULL PRIMARY KEY,
  a INT NULL,
  b INT NULL,
  KEY ix_child_a (a),
  KEY ix_child_b (b),
  CONSTRAINT fk_child_parent FOREIGN KEY (a) REFERENCES parent (id)
) ENGINE=InnoDB;

INSERT INTO child (id, a, b) VALUES (1, 1, 2);

-- An ENUM with '' as a member: its error value (index 0) reads as '' too.
CREATE TABLE choice (
  id INT NOT NULL PRIMARY KEY,
  pick ENUM('', 'yes') NOT NULL
) ENGINE=InnoDB;

INSERT INTO choice (id, pick) VALUES (1, '');

-- A row whose quoted values together exceed max_allowed_packet (16 MiB by default on
-- MariaDB): CONCAT_WS gives NULL for it, and so does its hash.
CREATE TABLE attachment (
  id INT NOT NULL PRIMARY KEY,
  front LONGBLOB NOT NULL,
  back LONGBLOB NOT NULL
) ENGINE=InnoDB;

INSERT INTO attachment (id, front, back) VALUES (1, REPEAT('x', 9000000), REPEAT('y', 9000000));

-- A view with a literal, of a fixed type whatever its length: its definition is a catalog
-- value the schema's name is taken out of.
CREATE VIEW v_label AS SELECT id, CAST('ab' AS CHAR(60)) AS label FROM parent;

-- A function of the schema's character set: information_schema's DTD_IDENTIFIER of its
-- parameter and its result omit the character set.
CREATE FUNCTION echo_text(p VARCHAR(10)) RETURNS VARCHAR(10) DETERMINISTIC RETURN p;
