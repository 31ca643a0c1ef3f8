INSERT INTO person (name) VALUES ('written while starting');
