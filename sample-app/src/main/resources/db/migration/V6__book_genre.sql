ALTER TABLE book ADD COLUMN genre_code VARCHAR(16) NULL AFTER title;
ALTER TABLE book ADD CONSTRAINT fk_book_genre FOREIGN KEY (genre_code) REFERENCES genre (code);
