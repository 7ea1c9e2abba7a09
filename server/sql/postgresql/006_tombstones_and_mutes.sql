-- FinChat schema for PostgreSQL, version 6: deleted messages and mutes.

ALTER TABLE messages ADD COLUMN deleted_at BIGINT;
ALTER TABLE messages ADD COLUMN deleted_by BIGINT REFERENCES users(id) ON DELETE SET NULL;

CREATE TABLE room_mutes (
    room_id  BIGINT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    user_id  BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    until    BIGINT NOT NULL, -- UTC milliseconds
    muted_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    PRIMARY KEY (room_id, user_id)
);
