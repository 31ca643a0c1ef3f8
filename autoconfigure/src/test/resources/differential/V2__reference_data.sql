SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';

INSERT INTO author (first_name, last_name, born) VALUES ('Ada', 'Lovelace', '1815-12-10'), ('Anon', '', '0000-00-00');
INSERT INTO member (id, handle, joined, perks) VALUES (998, 'ada', '0000-00-00 00:00:00', b'101'), (999, 'bob', '2024-02-29 12:00:00', b'0');
-- The Java side knows these weights and prices, to change them by one ulp.
INSERT INTO item (a, b, c, d, doc, flags, tags, size, weight, price, made_on, made_at) VALUES
  ('x', 'g-1', 'p', 'qr', '{"k": 1}', b'101', 'red,green', 's', 0.1, 0.1, '2024-01-01', '2024-01-01 10:00:00'),
  ('y', 'z', 'ab', 'cd', '{"k": 2}', b'1', 'blue', 'm', 1.5, 2.5, '0000-00-00', '0000-00-00 00:00:00'),
  ('same', 'same', '', '', NULL, b'0', '', 'l', 3.25, 1e300, NULL, NULL),
  ('gone', 'gone', NULL, NULL, NULL, b'0', '', 'm', 0, 0, NULL, NULL),
  ('é', 'ü-ß', 0x00ff, 0x0001, '[1, 2]', b'11111111', 'red,blue', 'l', 0.001, 0.3333333333333333, '2024-00-00', '2024-02-00 00:00:00');
-- A gap: the counter stands at 6 above ids 1, 2, 3 and 5.
DELETE FROM item WHERE id = 4;
INSERT INTO tag (code, name) VALUES ('new', 'New'), ('hot', 'Hot'), ('old', 'Old');
INSERT INTO item_tag (item_id, tag_code, note) VALUES (1, 'new', 'a'), (1, 'hot', NULL), (2, 'new', 'b');
INSERT INTO reading (sensor, value, note) VALUES ('s1', 1, 'a'), ('s1', 1, 'a'), ('s2', NULL, 'b'), ('s3', 3, NULL);
INSERT INTO hit_count (page, hits) VALUES ('/', 10), ('/about', 0), ('/x', 7);
INSERT INTO shelf_slot (shelf, slot, label) VALUES ('A', 1, 'one'), ('A', 2, 'two'), ('B', 1, NULL);
