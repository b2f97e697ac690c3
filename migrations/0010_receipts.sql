-- Receipts (영수증) for the auditor: a photo or PDF attached to a withdrawal, kept in the store so
-- a backup or a handover bundle carries it. One file once per withdrawal (by its SHA-256).
CREATE TABLE receipts (
    id             INTEGER PRIMARY KEY,
    group_id       TEXT NOT NULL,
    transaction_id INTEGER NOT NULL REFERENCES transactions(id),
    name           TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    bytes          BLOB NOT NULL,
    sha256         TEXT NOT NULL,
    added_by       TEXT NOT NULL,
    added_at       TEXT NOT NULL,
    UNIQUE (transaction_id, sha256)
);
CREATE INDEX receipts_by_group ON receipts(group_id, transaction_id);
