-- Enabled: on MySQL, whose event scheduler runs by default, it would keep changing the
-- template after the build and fire in every clone.
CREATE EVENT ev_count_stamps ON SCHEDULE EVERY 1 SECOND ENABLE
DO INSERT INTO stamp_log (message) VALUES ('event');
