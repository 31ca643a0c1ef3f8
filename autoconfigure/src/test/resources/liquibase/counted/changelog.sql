--liquibase formatted sql

--changeset counter:1
CREATE TABLE tally (id INT NOT NULL PRIMARY KEY, label VARCHAR(40) NOT NULL);
INSERT INTO tally VALUES (1, 'one');

--changeset counter:2
-- A side effect outside the template: counts how often the change log really runs.
INSERT INTO ${counterSchema}.runs (run_id) VALUES ('${runId}');
