-- A data fix: the book's history keeps the misspelt title.
UPDATE book SET title = 'A Wizard of Earthsea' WHERE title = 'A Wizard of Earthsee';
