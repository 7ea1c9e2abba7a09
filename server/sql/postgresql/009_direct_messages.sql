-- FinChat schema for PostgreSQL, version 9: direct messages (a room marked direct; see
-- sql/sqlite/009_direct_messages.sql).

ALTER TABLE rooms ADD COLUMN direct INTEGER NOT NULL DEFAULT 0 CHECK (direct IN (0, 1));
