-- Groups kept as data and who may see them (../0014_group_configs.sql). `body` stays text, not
-- jsonb: jsonb would reorder the keys and drop duplicates, and the group must come back as written.
CREATE TABLE group_configs (
    group_id    text        PRIMARY KEY,
    body        text        NOT NULL,
    previous    text,
    revision    bigint      NOT NULL CHECK (revision > 0),
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL DEFAULT ''
);

CREATE TABLE group_config_clock (
    name     text   PRIMARY KEY CHECK (name = 'groups'),
    revision bigint NOT NULL
);
INSERT INTO group_config_clock(name, revision) VALUES ('groups', 0);

ALTER TABLE treasurers ADD COLUMN scope text NOT NULL DEFAULT 'all' CHECK (scope IN ('all', 'listed'));

CREATE TABLE group_access (
    treasurer_id bigint NOT NULL REFERENCES treasurers(id) ON DELETE CASCADE,
    group_id     text   NOT NULL,
    PRIMARY KEY (treasurer_id, group_id)
);
