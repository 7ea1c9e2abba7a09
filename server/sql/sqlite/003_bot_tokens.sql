-- FinChat schema, version 3: tokens of bots that connect over the wire protocol
-- (bot.login). An administrator makes one with `finchat-server bot add`; only its SHA-256
-- is kept, like a session token's. A bot has at most one: a new one replaces the old.

CREATE TABLE bot_tokens (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash BLOB    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
