-- FinChat schema for PostgreSQL, version 7: edits, replies, profiles and the site's settings.

ALTER TABLE messages ADD COLUMN edited_at BIGINT;
-- No foreign key: messages go only with their room, replies included.
ALTER TABLE messages ADD COLUMN reply_to BIGINT;

ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';

CREATE TABLE site_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
