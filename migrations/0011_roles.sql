-- Who signs in may only look (an auditor, 감사): 'viewer' sees every page and answer, decides
-- nothing. Everyone before this migration was a treasurer.
ALTER TABLE treasurers ADD COLUMN role TEXT NOT NULL DEFAULT 'treasurer' CHECK (role IN ('treasurer', 'viewer'));
