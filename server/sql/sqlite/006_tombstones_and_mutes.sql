-- FinChat schema, version 6: deleted messages and mutes.

-- A deleted message keeps its place (id, room, author, time) and loses its text: its body
-- becomes '' when deleted_at is set. deleted_by is who deleted it, the author or a moderator.
ALTER TABLE messages ADD COLUMN deleted_at INTEGER;
ALTER TABLE messages ADD COLUMN deleted_by INTEGER REFERENCES users(id) ON DELETE SET NULL;

-- Who may not post in a room until when (room.mute); a row whose time has passed means
-- nothing and is replaced by the next mute.
CREATE TABLE room_mutes (
    room_id  INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    until    INTEGER NOT NULL, -- UTC milliseconds
    muted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    PRIMARY KEY (room_id, user_id)
) WITHOUT ROWID;
