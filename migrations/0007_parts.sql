-- One deposit as several things (issue 21). A treasurer's collective payment or split is stored
-- as an 'assign' decision whose `parts` says where every won goes (JSON: {"collective": …} or
-- {"split": […]}); older rows have none and read as before.
ALTER TABLE decisions ADD COLUMN parts TEXT NOT NULL DEFAULT '';

-- The part of a deposit an 'other' outcome covers when the rest of it is dues (a split's 뒷풀이,
-- a collective payment's remainder); NULL: the whole deposit.
ALTER TABLE outcomes ADD COLUMN amount INTEGER;
ALTER TABLE outcomes ADD COLUMN label TEXT;

-- Member periods a deposit in review would pay if answered as suggested: shown as 확인 필요,
-- never counted as paid (rebuilt by every re-match, like allocations).
CREATE TABLE holds (
    group_id       TEXT NOT NULL,
    transaction_id INTEGER NOT NULL REFERENCES transactions(id),
    member_id      TEXT NOT NULL,
    period         TEXT NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount > 0)
);
CREATE INDEX holds_by_group ON holds(group_id, period);
CREATE INDEX holds_by_transaction ON holds(transaction_id);
