-- Matching only what is new (issue 26). A saved match leaves what its next batch needs to know
-- (`carry`: per member, the periods paid in full and what is paid beyond them, as JSON written and
-- read by the allocator alone) and the highest transaction id it covered (`carried_upto`): rows
-- above it are new. `history` is the generation at which something a match reads besides new rows
-- last changed (a decision, a rule, the configuration, a revert): a carry saved before that
-- (matched < history) is stale, and the next match is a full one.
ALTER TABLE match_state ADD COLUMN history INTEGER NOT NULL DEFAULT 0;
ALTER TABLE match_state ADD COLUMN carry TEXT;
ALTER TABLE match_state ADD COLUMN carried_upto INTEGER;

-- The balance chain's check, carried the same way: `chain` is what the last check left (its
-- breaks and the last row with the balance it left, JSON), `chain_upto` the highest transaction id
-- it covered, `chain_at` the generation read with it. A check after a history change (a revert
-- removes rows) starts again from the first row.
ALTER TABLE match_state ADD COLUMN chain TEXT;
ALTER TABLE match_state ADD COLUMN chain_upto INTEGER;
ALTER TABLE match_state ADD COLUMN chain_at INTEGER;
