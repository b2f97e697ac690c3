-- Un-assigning (action 'review': "never decide this text automatically") joins the decisions a
-- treasurer can make. SQLite cannot change a CHECK constraint in place, so the table is rebuilt.
-- Rules learned from decisions stay in `aliases`: member_id holds a member id, '!ignore' or '!review'.
CREATE TABLE decisions_new (
    id             INTEGER PRIMARY KEY,
    group_id       TEXT NOT NULL,
    transaction_id INTEGER NOT NULL REFERENCES transactions(id),
    action         TEXT NOT NULL CHECK (action IN ('assign', 'ignore', 'review', 'clear')),
    member_id      TEXT,
    periods        TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    decided_by     TEXT NOT NULL,
    decided_at     TEXT NOT NULL
);
INSERT INTO decisions_new SELECT id, group_id, transaction_id, action, member_id, periods, reason, decided_by, decided_at FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_new RENAME TO decisions;
CREATE INDEX decisions_by_transaction ON decisions(transaction_id, id);
