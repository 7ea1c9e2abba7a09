-- FinChat schema, version 8: full-text search of messages (message.search).

-- An external-content FTS5 index of messages' text: it keeps only the index, the text stays
-- in messages. Triggers keep it in step: an edit replaces a message's words, a deletion
-- (the body becomes '') and a room's removal take them out.
CREATE VIRTUAL TABLE messages_fts USING fts5(
    body,
    content = 'messages',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3' -- prefix terms of 2 and 3 characters read one index entry, not thousands
);
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

-- (Storage runs a schema file statement by statement, ending each at a ';' that ends a line:
-- a trigger's inner statements end mid-line.)
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body); END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body); END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body); INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body); END;
