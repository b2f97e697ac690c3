-- Failed sign-ins (issue 25): kept in the ledger so that every service instance on one database
-- counts the same attempts. `key` is a SHA-256 of the address or the name tried (never the text
-- itself); `at` is epoch seconds. Rows older than the limiter's window are deleted as new ones come.
CREATE TABLE sign_in_failures (
    key TEXT    NOT NULL,
    at  INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, at);
