-- Failed sign-ins, shared by every instance (../0013_sign_in_failures.sql).
CREATE TABLE sign_in_failures (
    key text   NOT NULL,
    at  bigint NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, at);
