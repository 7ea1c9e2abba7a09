-- FinChat schema, version 7: edits, replies, profiles and the site's settings.

-- When the author last changed the message's text (message.edit); NULL: never. The old text
-- is not kept.
ALTER TABLE messages ADD COLUMN edited_at INTEGER;
-- The message of the same room this one answers. No foreign key: messages are never removed
-- one by one (a deleted one stays as a tombstone), only with their room, replies included.
ALTER TABLE messages ADD COLUMN reply_to INTEGER;

-- What people write about themselves on their profile.
ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';

-- What admins set for the whole site (settings.update), one row per setting; a setting
-- without a row has its default.
CREATE TABLE site_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
