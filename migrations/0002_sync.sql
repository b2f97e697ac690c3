-- Bank API sync: tokens and connectedIds (secrets issued by the banks, kept only here), and how
-- far each account has been fully synced.
CREATE TABLE credentials (
    key         TEXT PRIMARY KEY,       -- e.g. "codef:token:<base URL>"
    value       TEXT NOT NULL,
    expires_at  REAL                    -- seconds since 1970, NULL = does not expire
);

CREATE TABLE sync_state (
    account       TEXT NOT NULL,
    source        TEXT NOT NULL,
    covered_until TEXT NOT NULL,        -- YYYYMMDD: every day up to this one has been fetched whole
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (account, source)
);
