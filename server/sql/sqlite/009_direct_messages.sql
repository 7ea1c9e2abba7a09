-- FinChat schema, version 9: direct messages.

-- A direct conversation (dm.open) is a room marked direct: private to the members it was
-- opened with, never listed, joined or announced to anyone else. Its name is "dm:" and its
-- members' user ids, ascending ("dm:3-7"), so the same people always find the same one;
-- room names proper cannot hold ':'.
ALTER TABLE rooms ADD COLUMN direct INTEGER NOT NULL DEFAULT 0 CHECK (direct IN (0, 1));
