-- Whether a group's stored match is current (../0004_match_state.sql).
CREATE TABLE match_state (
    group_id    text PRIMARY KEY,
    fingerprint text NOT NULL DEFAULT '',
    generation  bigint NOT NULL DEFAULT 1,
    matched     bigint NOT NULL DEFAULT 0
);
INSERT INTO match_state(group_id, generation, matched) SELECT id, 1, 0 FROM groups;

ALTER TABLE runs ADD COLUMN pid bigint;
CREATE INDEX allocations_by_transaction ON allocations(transaction_id);
