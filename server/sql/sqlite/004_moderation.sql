-- FinChat schema, version 4: roles, disabled (banned) accounts and the audit log.

-- What the account may do (docs/protocol.md, "Roles").
ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'member'
    CHECK (role IN ('member', 'moderator', 'admin'));
-- Set while the account may not log in: banned by a moderator, or disabled on the command
-- line. UTC milliseconds.
ALTER TABLE users ADD COLUMN disabled_at INTEGER;

-- A site from before roles: its first person is its administrator, as on a new site.
UPDATE users SET role = 'admin' WHERE id = (SELECT min(id) FROM users WHERE is_bot = 0);

-- Every moderation and administration action. Names, not ids, so that a line says what it
-- said when it was written.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     INTEGER NOT NULL, -- UTC milliseconds
    actor  TEXT,             -- username; NULL: the server's command line
    action TEXT    NOT NULL,
    target TEXT    NOT NULL,
    detail TEXT    NOT NULL DEFAULT ''
);
