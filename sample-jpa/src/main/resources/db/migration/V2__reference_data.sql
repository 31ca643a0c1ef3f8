-- Reference data that takes its ids from the sequences, as the application would.
INSERT INTO author (id, name) VALUES (NEXTVAL(author_seq), 'Ursula K. Le Guin');
INSERT INTO book (id, title, author_id) VALUES (NEXTVAL(book_seq), 'A Wizard of Earthsee', 1);
