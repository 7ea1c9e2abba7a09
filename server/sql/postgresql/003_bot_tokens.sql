-- FinChat schema for PostgreSQL, version 3: bots that connect over the wire protocol
-- (bot.login); only the SHA-256 of a bot's token is kept, as in sql/sqlite/.

CREATE TABLE bot_tokens (
    user_id    BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash BYTEA  NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    commands   TEXT   -- JSON array of {name, usage, description}; NULL until announced
);
