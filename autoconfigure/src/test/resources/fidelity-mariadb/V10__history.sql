-- In a later transaction than the inserts, so that each change leaves a history row.
UPDATE price SET amount = 11.00 WHERE id = 1;
UPDATE rate SET percent = 6 WHERE id = 1;
DELETE FROM retired;
