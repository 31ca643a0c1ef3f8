-- A side effect outside the template: counts how often the history really runs.
INSERT INTO ${counterSchema}.runs (run_id) VALUES ('${runId}');
