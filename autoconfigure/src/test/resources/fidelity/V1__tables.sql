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
