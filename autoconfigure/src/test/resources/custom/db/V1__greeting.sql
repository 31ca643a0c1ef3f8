CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(100) NOT NULL);
INSERT INTO greeting VALUES (1, '${greeting}'), (2, '${customized}');
