-- Matching only what is new (../0015_match_carry.sql).
ALTER TABLE match_state ADD COLUMN history bigint NOT NULL DEFAULT 0;
ALTER TABLE match_state ADD COLUMN carry text;
ALTER TABLE match_state ADD COLUMN carried_upto bigint;
ALTER TABLE match_state ADD COLUMN chain text;
ALTER TABLE match_state ADD COLUMN chain_upto bigint;
ALTER TABLE match_state ADD COLUMN chain_at bigint;
