-- Hoebi ledger schema. Money is INTEGER won; times are Asia/Seoul ISO-8601 text ("…+09:00"), which
-- sorts correctly as text because every row carries the same offset.

CREATE TABLE groups (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    account     TEXT NOT NULL            -- Account.key: bank + account digits
);

CREATE TABLE members (
    group_id    TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (group_id, id)
);

-- Every import or sync, successful or not: the audit trail of where rows came from.
CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    group_id     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('import', 'sync', 'match')),
    source       TEXT NOT NULL,           -- file path or API name
    format       TEXT NOT NULL DEFAULT '',
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    new_rows     INTEGER NOT NULL DEFAULT 0,
    known_rows   INTEGER NOT NULL DEFAULT 0,
    ignored_rows INTEGER NOT NULL DEFAULT 0,
    status       TEXT NOT NULL DEFAULT 'ok',
    message      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE transactions (
    id          INTEGER PRIMARY KEY,
    account     TEXT NOT NULL,
    identity    TEXT NOT NULL UNIQUE,     -- bank id, or content + occurrence number (see IdentityCounter)
    bank_id     TEXT,
    occurred_at TEXT NOT NULL,
    direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    balance     INTEGER,
    kind        TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL DEFAULT '',
    memo        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL,
    raw         TEXT NOT NULL,            -- the source row as read
    origin      TEXT NOT NULL DEFAULT '', -- where in the source (sheet/row or page)
    run_id      INTEGER REFERENCES runs(id)
);
CREATE INDEX transactions_by_account_time ON transactions(account, occurred_at, id);

-- Depositor texts that name a member: given in the config, or learned from a treasurer's decision.
CREATE TABLE aliases (
    group_id    TEXT NOT NULL,
    alias       TEXT NOT NULL,            -- Normalise.key of the depositor text
    member_id   TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('config', 'learned')),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (group_id, alias)
);

-- Treasurer decisions; the newest row per transaction is the one in force (older rows stay as history).
CREATE TABLE decisions (
    id             INTEGER PRIMARY KEY,
    group_id       TEXT NOT NULL,
    transaction_id INTEGER NOT NULL REFERENCES transactions(id),
    action         TEXT NOT NULL CHECK (action IN ('assign', 'ignore', 'clear')),
    member_id      TEXT,
    periods        TEXT NOT NULL DEFAULT '',   -- comma-separated YYYY-MM
    reason         TEXT NOT NULL DEFAULT '',
    decided_by     TEXT NOT NULL,
    decided_at     TEXT NOT NULL
);
CREATE INDEX decisions_by_transaction ON decisions(transaction_id, id);

-- The matcher's verdict on each deposit of a group (rebuilt by every re-match).
CREATE TABLE outcomes (
    transaction_id INTEGER PRIMARY KEY REFERENCES transactions(id),
    group_id       TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('allocated', 'review', 'other')),
    member_id      TEXT,
    method         TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    suggestion     TEXT
);
CREATE INDEX outcomes_by_group_status ON outcomes(group_id, status);

-- Money from a deposit applied to a member's period; period NULL is credit beyond any period owed.
CREATE TABLE allocations (
    id             INTEGER PRIMARY KEY,
    group_id       TEXT NOT NULL,
    transaction_id INTEGER NOT NULL REFERENCES transactions(id),
    member_id      TEXT NOT NULL,
    period         TEXT,
    amount         INTEGER NOT NULL CHECK (amount > 0),
    method         TEXT NOT NULL            -- how it was decided: name, given-name, learned, manual, +month-hint
);
CREATE INDEX allocations_by_group_period ON allocations(group_id, period);
