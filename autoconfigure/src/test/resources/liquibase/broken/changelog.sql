--liquibase formatted sql

--changeset alice:fine
CREATE TABLE fine (id INT NOT NULL PRIMARY KEY);

--changeset bob:broken
INSERT INTO no_such_table (id) VALUES (1);
