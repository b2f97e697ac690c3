-- A decision may also be "review" (../0003_decision_rules.sql rebuilds the table; PostgreSQL
-- changes the check in place).
ALTER TABLE decisions DROP CONSTRAINT decisions_action_check;
ALTER TABLE decisions ADD CONSTRAINT decisions_action_check CHECK (action IN ('assign', 'ignore', 'review', 'clear'));
