-- Sync leases (../0012_sync_leases.sql): claimed with FOR UPDATE SKIP LOCKED against the
-- database's clock, so instances on machines whose clocks differ agree on who holds what.
CREATE TABLE sync_leases (
    account     text PRIMARY KEY,
    holder      text,
    fence       bigint NOT NULL DEFAULT 0,
    lease_until bigint,
    last_slot   text
);
