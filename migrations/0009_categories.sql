-- The treasurer's kinds of money (issue 24): a withdrawal or a deposit that is not dues filed
-- under a 결산 line ("대관료", "송년회"). The newest row per transaction is in force and '' takes
-- the line back off; older rows stay as history. The newest line given to a text also applies to
-- other rows with the same text (learned, like depositor rules). Rows written by one command
-- carry the id of its first row in `batch`, and are undone together.
CREATE TABLE categories (
    id             INTEGER PRIMARY KEY,
    group_id       TEXT NOT NULL,
    transaction_id INTEGER NOT NULL REFERENCES transactions(id),
    category       TEXT NOT NULL,
    batch          INTEGER,
    decided_by     TEXT NOT NULL,
    decided_at     TEXT NOT NULL
);
CREATE INDEX categories_by_group ON categories(group_id, transaction_id, id);
