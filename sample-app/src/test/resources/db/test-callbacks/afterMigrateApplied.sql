-- Runs only when migrations were applied: once per template build, never on a clone.
CREATE DATABASE IF NOT EXISTS library_build_stats;
CREATE TABLE IF NOT EXISTS library_build_stats.history_run (
  schema_name VARCHAR(64) NOT NULL,
  ran_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);
INSERT INTO library_build_stats.history_run (schema_name) VALUES (DATABASE());
