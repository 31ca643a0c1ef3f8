-- Aria tables: one with the server's page checksum, whose SHOW CREATE TABLE prints a
-- PAGE_CHECKSUM that CREATE_OPTIONS does not list; one with its own.
CREATE TABLE aria_log (
  id INT NOT NULL PRIMARY KEY,
  line VARCHAR(40) NOT NULL
) ENGINE=Aria;

CREATE TABLE aria_plain (
  id INT NOT NULL PRIMARY KEY
) ENGINE=Aria PAGE_CHECKSUM=0 TRANSACTIONAL=0;

INSERT INTO aria_log (id, line) VALUES (1, 'started'), (2, 'stopped');
INSERT INTO aria_plain (id) VALUES (7);
