-- Who syncs which account now (issue 25): several service instances on one database sync each
-- account once per scheduled slot. A lease is claimed for a bounded time and renewed while the
-- sync runs; a holder that dies loses it when `lease_until` (epoch seconds) passes. `fence` grows
-- with every claim, so a holder that lost its lease cannot release its successor's. `last_slot`
-- is the scheduled run last finished: another instance waking for the same slot skips it.
CREATE TABLE sync_leases (
    account     TEXT PRIMARY KEY,
    holder      TEXT,
    fence       INTEGER NOT NULL DEFAULT 0,
    lease_until INTEGER,
    last_slot   TEXT
);
