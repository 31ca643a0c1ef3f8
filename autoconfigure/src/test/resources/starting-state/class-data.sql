INSERT INTO person (name) VALUES ('class script');
