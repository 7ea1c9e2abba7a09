-- FinChat schema for PostgreSQL, version 8: full-text search of messages (message.search).

-- Words as SQLite's unicode61 tokenizer with remove_diacritics finds them: lower-cased,
-- without accents ("Müller" is found as "muller"), no stemming and no stop words, whatever
-- the language of the chat. unaccent ships with PostgreSQL and is a trusted extension: the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION finchat_words (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION finchat_words
    ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;

-- The words of each message, kept by PostgreSQL itself as the text changes (an edit, a
-- deletion that empties it).
ALTER TABLE messages ADD COLUMN words tsvector
    GENERATED ALWAYS AS (to_tsvector('finchat_words', body)) STORED;
CREATE INDEX messages_words ON messages USING GIN (words);
