--liquibase formatted sql

--changeset person:3
CREATE TABLE visit (id BIGINT AUTO_INCREMENT PRIMARY KEY, person_id BIGINT NOT NULL,
  CONSTRAINT fk_visit_person FOREIGN KEY (person_id) REFERENCES person (id));

--changeset person:4 runAlways:true
-- Runs on every update: a context whose own update was not skipped has one more row.
INSERT INTO visit (person_id) VALUES (1);
