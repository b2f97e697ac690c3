-- The service (`hoebi serve`): treasurers who sign in, their sessions, API tokens for scripts,
-- and each group's share link for members. Secrets are kept as SHA-256 hashes (passwords as
-- bcrypt); a share link is a capability the treasurer shows members, so its token is kept as is.
CREATE TABLE treasurers (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    password_hash  TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash     TEXT PRIMARY KEY,
    treasurer_id   INTEGER NOT NULL REFERENCES treasurers(id) ON DELETE CASCADE,
    csrf           TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id             INTEGER PRIMARY KEY,
    treasurer_id   INTEGER NOT NULL REFERENCES treasurers(id) ON DELETE CASCADE,
    label          TEXT NOT NULL,
    token_hash     TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL,
    revoked_at     TEXT
);

CREATE TABLE share_links (
    group_id       TEXT PRIMARY KEY,
    token          TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL
);
