-- FinChat schema, version 1. Statements end with ';' at the end of a line: the migrator
-- splits on that, because QSqlQuery runs one statement at a time.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    password_hash TEXT,               -- Argon2id (libsodium crypto_pwhash_str); NULL for bots
    is_bot        INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL    -- UTC milliseconds
);

CREATE TABLE sessions (
    token_hash   BLOB    PRIMARY KEY, -- SHA-256 of the token; the token itself is never stored
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE rooms (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    topic      TEXT    NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
    room_id   INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (room_id, user_id)
) WITHOUT ROWID;
CREATE INDEX memberships_by_user ON memberships(user_id);

-- AUTOINCREMENT: an id is never reused, so "before id" paging stays stable for ever.
CREATE TABLE messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id    INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,      -- UTC milliseconds, never decreasing with id
    nonce      TEXT                   -- the sender's retry key
);
-- "last N of a room" and "N before id" are both a backwards range scan of this index.
CREATE INDEX messages_by_room ON messages(room_id, id);
CREATE UNIQUE INDEX messages_by_nonce ON messages(user_id, nonce) WHERE nonce IS NOT NULL;
