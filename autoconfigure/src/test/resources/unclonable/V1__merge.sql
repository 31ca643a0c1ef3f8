-- A MERGE table shows the rows of the tables it unites: a copy of its rows would double them.
CREATE TABLE log_2024 (id INT NOT NULL, message VARCHAR(50)) ENGINE=MyISAM;
CREATE TABLE log_2025 (id INT NOT NULL, message VARCHAR(50)) ENGINE=MyISAM;
CREATE TABLE log_all (id INT NOT NULL, message VARCHAR(50)) ENGINE=MRG_MyISAM UNION=(log_2024, log_2025) INSERT_METHOD=LAST;
INSERT INTO log_2024 VALUES (1, 'kept');
