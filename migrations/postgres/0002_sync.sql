-- Bank API secrets and how far each account has been fetched (../0002_sync.sql).
CREATE TABLE credentials (
    key         text PRIMARY KEY,
    value       text NOT NULL,
    expires_at  double precision
);

CREATE TABLE sync_state (
    account       text NOT NULL,
    source        text NOT NULL,
    covered_until text NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (account, source)
);
