-- Several deposits decided as one change (issue 23: `hoebi ignore t40 t64 t85`): every row of
-- the change carries the id of its first row, and `undo` takes the whole change back at once.
-- NULL: a decision on one deposit, as before.
ALTER TABLE decisions ADD COLUMN batch INTEGER;
CREATE INDEX decisions_by_batch ON decisions(batch) WHERE batch IS NOT NULL;
