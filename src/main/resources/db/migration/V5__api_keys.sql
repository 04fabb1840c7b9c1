-- API keys: only a salted SHA-256 of each key is kept; the key itself is shown once, at creation.
-- lookup_id is the key's public part (its first characters after the prefix): it finds the row without a scan.
CREATE TABLE api_key (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('reader', 'writer', 'admin')),
    lookup_id    text        NOT NULL UNIQUE,
    salt         bytea       NOT NULL,
    key_hash     bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz
);
