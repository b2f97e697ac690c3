-- Whether a group's allocations are up to date. Every change to what a re-match reads (new rows,
-- decisions, rules, the group's configuration) bumps `generation` in the same SQL transaction;
-- a re-match records the generation it read. matched < generation means a re-match is owed (an
-- import or sync was interrupted between storing rows and matching them), and the next command
-- performs it before reading. `fingerprint` is the group's configuration as last registered.
CREATE TABLE match_state (
    group_id    TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL DEFAULT '',
    generation  INTEGER NOT NULL DEFAULT 1,
    matched     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO match_state(group_id, generation, matched) SELECT id, 1, 0 FROM groups;

-- A run records the process that started it, so a run left 'running' by a killed process can be
-- marked 'interrupted'.
ALTER TABLE runs ADD COLUMN pid INTEGER;

-- Finding deposits with no allocation (the report's safety net) and a transaction's allocations.
CREATE INDEX allocations_by_transaction ON allocations(transaction_id);
