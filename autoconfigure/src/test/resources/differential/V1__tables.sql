-- Shapes a weak change detection misses. Permissive, so that rows may hold zero dates.
SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';

-- Filled; its counter stands at 3.
CREATE TABLE author (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  first_name VARCHAR(20) NOT NULL,
  last_name VARCHAR(20) NOT NULL,
  born DATE NULL
) ENGINE=InnoDB;

-- Filled with ids chosen so that its counter stands at 1000.
CREATE TABLE member (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  handle VARCHAR(20) NOT NULL,
  joined DATETIME NULL,
  perks BIT(3) NOT NULL DEFAULT b'0',
  UNIQUE KEY uk_member_handle (handle)
) ENGINE=InnoDB;

-- loan and note are empty and alike column for column, comment for comment: widening memo
-- and body alike, or changing both comments alike, changes their catalog rows alike.
CREATE TABLE loan (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  memo VARCHAR(20) NULL,
  member_id INT NOT NULL,
  author_id BIGINT NULL,
  CONSTRAINT fk_loan_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
  CONSTRAINT fk_loan_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE SET NULL
) ENGINE=InnoDB COMMENT='borrowed';

CREATE TABLE note (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  body VARCHAR(20) NULL
) ENGINE=InnoDB COMMENT='jottings';

-- Empty; written by a trigger on loan, so that one insert moves two counters alike.
CREATE TABLE loan_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  loan_id INT NOT NULL,
  what VARCHAR(20) NOT NULL
) ENGINE=InnoDB;

-- Filled: adjacent variable-length columns of every kind, bits, sets, enums, floats, zero
-- dates, and generated columns that read only the numbers (one reading a and b would show a
-- shift between them).
CREATE TABLE item (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  a VARCHAR(30) NOT NULL,
  b VARCHAR(30) NOT NULL,
  c VARBINARY(30) NULL,
  d BLOB NULL,
  doc JSON NULL,
  flags BIT(8) NOT NULL DEFAULT b'0',
  tags SET('red','green','blue') NOT NULL DEFAULT '',
  size ENUM('s','m','l') NOT NULL DEFAULT 'm',
  weight FLOAT NOT NULL DEFAULT 0,
  price DOUBLE NOT NULL DEFAULT 0,
  made_on DATE NULL,
  made_at DATETIME NULL,
  total DOUBLE AS (price * 2) STORED,
  heavy TINYINT AS (weight > 1) VIRTUAL,
  KEY ix_item_size (size)
) ENGINE=InnoDB;

CREATE TABLE tag (
  code CHAR(3) NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL
) ENGINE=InnoDB COMMENT='reference';

-- Composite primary key, two foreign keys.
CREATE TABLE item_tag (
  item_id INT NOT NULL,
  tag_code CHAR(3) NOT NULL,
  note VARCHAR(10) NULL,
  PRIMARY KEY (item_id, tag_code),
  CONSTRAINT fk_item_tag_item FOREIGN KEY (item_id) REFERENCES item (id) ON DELETE CASCADE,
  CONSTRAINT fk_item_tag_tag FOREIGN KEY (tag_code) REFERENCES tag (code)
) ENGINE=InnoDB;

-- No primary key, filled with a duplicate pair.
CREATE TABLE reading (
  sensor VARCHAR(10) NOT NULL,
  value INT NULL,
  note VARCHAR(10) NULL,
  KEY ix_reading_sensor (sensor)
) ENGINE=InnoDB;

-- No primary key, empty.
CREATE TABLE scratch (
  k VARCHAR(10) NULL,
  v VARBINARY(10) NULL
) ENGINE=InnoDB;

-- Not transactional: a rolled-back write stays.
CREATE TABLE hit_count (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  page VARCHAR(30) NOT NULL,
  hits INT NOT NULL DEFAULT 0
) ENGINE=MyISAM;

-- Composite primary key; deleting a slot writes a reading.
CREATE TABLE shelf_slot (
  shelf CHAR(2) NOT NULL,
  slot INT NOT NULL,
  label VARCHAR(20) NULL,
  PRIMARY KEY (shelf, slot)
) ENGINE=InnoDB;
