--liquibase formatted sql

--changeset notes:1
CREATE TABLE topic (code VARCHAR(16) NOT NULL PRIMARY KEY, label VARCHAR(100) NOT NULL)
  DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO topic VALUES ('DB', 'Databases'), ('TEST', 'Testing');
