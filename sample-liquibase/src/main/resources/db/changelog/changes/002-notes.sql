--liquibase formatted sql

--changeset notes:2
CREATE TABLE note (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  topic_code VARCHAR(16) NOT NULL,
  text VARCHAR(500) NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT fk_note_topic FOREIGN KEY (topic_code) REFERENCES topic (code)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

--changeset notes:3 endDelimiter://
CREATE FUNCTION note_count(p_topic VARCHAR(16)) RETURNS INT READS SQL DATA
BEGIN
  RETURN (SELECT COUNT(*) FROM note WHERE topic_code = p_topic);
END //
