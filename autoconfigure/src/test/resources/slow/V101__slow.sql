-- Sleeps as long as the test says, on the server, while the build lock is held.
DO SLEEP((SELECT seconds FROM ${counterSchema}.slow_down LIMIT 1));
