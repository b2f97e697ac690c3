-- Several deposits decided as one change (../0008_batches.sql).
ALTER TABLE decisions ADD COLUMN batch bigint;
CREATE INDEX decisions_by_batch ON decisions(batch) WHERE batch IS NOT NULL;
