-- Reverting runs and undoing decisions (../0005_undo.sql).
ALTER TABLE runs ADD COLUMN reverted_at timestamptz;
ALTER TABLE runs ADD COLUMN reverted_by text;

CREATE TABLE run_sightings (
    run_id         bigint NOT NULL REFERENCES runs(id),
    transaction_id bigint NOT NULL REFERENCES transactions(id),
    PRIMARY KEY (run_id, transaction_id)
);
CREATE INDEX run_sightings_by_transaction ON run_sightings(transaction_id);
CREATE INDEX transactions_by_run ON transactions(run_id);

ALTER TABLE decisions ADD COLUMN rule_text text;
ALTER TABLE decisions ADD COLUMN rule_before text;
ALTER TABLE decisions ADD COLUMN undone_at timestamptz;
ALTER TABLE decisions ADD COLUMN undoes bigint;
