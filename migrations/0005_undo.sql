-- Taking things back: an import or sync can be reverted, the last decision undone.
ALTER TABLE runs ADD COLUMN reverted_at TEXT;
ALTER TABLE runs ADD COLUMN reverted_by TEXT;

-- Runs that brought a row they did not add (transactions.run_id names the run that added it): a
-- reverted run's row stays when another run also brought it.
CREATE TABLE run_sightings (
    run_id         INTEGER NOT NULL REFERENCES runs(id),
    transaction_id INTEGER NOT NULL REFERENCES transactions(id),
    PRIMARY KEY (run_id, transaction_id)
) WITHOUT ROWID;
CREATE INDEX run_sightings_by_transaction ON run_sightings(transaction_id);
CREATE INDEX transactions_by_run ON transactions(run_id);

-- What a decision did to the rule on its text, so `undo` can put the rule back as it was.
ALTER TABLE decisions ADD COLUMN rule_text TEXT;      -- the text key whose rule changed, or NULL
ALTER TABLE decisions ADD COLUMN rule_before TEXT;    -- the rule before (NULL: there was none)
ALTER TABLE decisions ADD COLUMN undone_at TEXT;
ALTER TABLE decisions ADD COLUMN undoes INTEGER;      -- on an undo's own row: the decision it took back
