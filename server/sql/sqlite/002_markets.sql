-- FinChat schema, version 2: watchlists and price alerts, kept per user (they are data, not
-- chat messages).

CREATE TABLE watchlist (
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code     TEXT    NOT NULL,        -- lower-case stooq code: "aapl.us"
    added_at INTEGER NOT NULL,        -- UTC milliseconds; the list is shown in this order
    PRIMARY KEY (user_id, code)
) WITHOUT ROWID;
CREATE INDEX watchlist_by_code ON watchlist(code);

CREATE TABLE price_alerts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code            TEXT    NOT NULL,
    above           INTEGER NOT NULL, -- 1: fires at or above price; 0: at or below
    price           REAL    NOT NULL,
    room_id         INTEGER REFERENCES rooms(id) ON DELETE SET NULL, -- announced there too
    created_at      INTEGER NOT NULL,
    triggered_at    INTEGER,          -- NULL while armed; an alert fires once
    triggered_price REAL
);
CREATE INDEX price_alerts_by_user ON price_alerts(user_id);
CREATE INDEX price_alerts_armed ON price_alerts(code) WHERE triggered_at IS NULL;
