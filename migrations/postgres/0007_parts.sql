-- One deposit as several things (../0007_parts.sql).
ALTER TABLE decisions ADD COLUMN parts text NOT NULL DEFAULT '';
ALTER TABLE outcomes ADD COLUMN amount bigint;
ALTER TABLE outcomes ADD COLUMN label text;

CREATE TABLE holds (
    group_id       text NOT NULL,
    transaction_id bigint NOT NULL REFERENCES transactions(id),
    member_id      text NOT NULL,
    period         text COLLATE "C" NOT NULL,
    amount         bigint NOT NULL CHECK (amount > 0)
);
CREATE INDEX holds_by_group ON holds(group_id, period);
CREATE INDEX holds_by_transaction ON holds(transaction_id);
