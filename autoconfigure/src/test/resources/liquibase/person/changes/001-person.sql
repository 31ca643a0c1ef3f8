--liquibase formatted sql

--changeset person:1
CREATE TABLE person (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL);
INSERT INTO person (name) VALUES ('reference row');

--changeset person:2 context:reference labels:people
INSERT INTO person (name) VALUES ('${extraPerson}');
