-- FinChat schema, version 5: invite codes, for servers that register by invitation
-- ([server] registration=invite). Only the SHA-256 of a code is kept, like a session token's.

CREATE TABLE invites (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    code_hash  BLOB    NOT NULL UNIQUE,
    created_by TEXT,             -- username; NULL: the server's command line
    created_at INTEGER NOT NULL, -- UTC milliseconds
    expires_at INTEGER,          -- NULL: never
    uses_left  INTEGER NOT NULL, -- 0: used up or revoked
    used       INTEGER NOT NULL DEFAULT 0
);
