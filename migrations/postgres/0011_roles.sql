-- Read-only users, the auditor (../0011_roles.sql).
ALTER TABLE treasurers ADD COLUMN role text NOT NULL DEFAULT 'treasurer' CHECK (role IN ('treasurer', 'viewer'));
