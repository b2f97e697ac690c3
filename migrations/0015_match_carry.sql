-- Matching only what is new (issue 26). A saved match leaves what its next batch needs to know
-- (`carry`: per member, the periods paid in full and what is paid beyond them, as JSON written and
-- read by the allocator alone) and the highest transaction id it covered (`carried_upto`): rows
-- above it are new. `history` is the generation at which something a match reads besides new rows
-- last changed (a decision, a rule, the configuration, a revert): a carry saved before that
-- (matched < history) is stale, and the next match is a full one.
ALTER TABLE match_state ADD COLUMN history INTEGER NOT NULL DEFAULT 0;
ALTER TABLE match_state ADD COLUMN carry TEXT;
ALTER TABLE match_state ADD COLUMN carried_upto INTEGER;
