-- FinChat schema, version 3: bots that connect over the wire protocol (bot.login). An
-- administrator makes a token with `finchat-server bot add`; only its SHA-256 is kept, like a
-- session token's. A bot has at most one: a new one replaces the old. What the bot last
-- announced is kept, so that its commands stay its own while it is away (a restart of the
-- server or of the bot).

CREATE TABLE bot_tokens (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash BLOB    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    commands   TEXT    -- JSON array of {name, usage, description}; NULL until announced
);
