-- Groups kept as data (issue 25): a hosted service's groups live in the ledger, edited from the
-- command line, the dashboard and the API, instead of in one hoebi.json every club shares.
-- `body` is the group's object exactly as it would stand in hoebi.json's "groups" array (text,
-- not parsed: the same validator reads it as reads the file). `revision` is the clock's value at
-- the group's last write, so an editor who read revision 4 cannot overwrite a change made since
-- (compare-and-set). `previous` is the body the last write replaced (NULL for the first), what
-- the dashboard's "undo" puts back.
CREATE TABLE group_configs (
    group_id    TEXT PRIMARY KEY,
    body        TEXT NOT NULL,
    previous    TEXT,
    revision    INTEGER NOT NULL CHECK (revision > 0),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);

-- One counter moved by every write and removal of a stored group: its value is what a running
-- service compares to notice another instance's edit (never returning to a value seen before,
-- which a count or sum of revisions would after a removal).
CREATE TABLE group_config_clock (
    name     TEXT PRIMARY KEY CHECK (name = 'groups'),
    revision INTEGER NOT NULL
);
INSERT INTO group_config_clock(name, revision) VALUES ('groups', 0);

-- Which groups a treasurer or auditor may see: `scope` 'all' (everyone before this step, and a
-- single club's treasurer) or 'listed' (only the groups in group_access).
ALTER TABLE treasurers ADD COLUMN scope TEXT NOT NULL DEFAULT 'all' CHECK (scope IN ('all', 'listed'));

CREATE TABLE group_access (
    treasurer_id INTEGER NOT NULL REFERENCES treasurers(id) ON DELETE CASCADE,
    group_id     TEXT NOT NULL,
    PRIMARY KEY (treasurer_id, group_id)
);
