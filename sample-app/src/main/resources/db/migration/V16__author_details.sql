ALTER TABLE author ADD COLUMN born_year SMALLINT NULL COMMENT 'year of birth, when known';
UPDATE author SET born_year = 1929 WHERE id = 1;
UPDATE author SET born_year = 1921 WHERE id = 2;
UPDATE author SET born_year = 1955 WHERE id = 3;
