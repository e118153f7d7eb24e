-- Abuse protection: password sign-in lockout per account, and optional TOTP for staff.

-- Failed password sign-ins per username (known or not, so the table tells nothing about which
-- usernames exist). After `failures` reaches the threshold the account is locked until
-- `locked_until`, doubling with every further failure; a successful sign-in deletes the row.
CREATE TABLE sign_in_guard (
  community     text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  username      text NOT NULL,
  failures      integer NOT NULL DEFAULT 0,
  locked_until  timestamptz,
  last_failure  timestamptz NOT NULL,
  PRIMARY KEY (community, username)
);

-- RFC 6238 one-time passwords (base32 secret), enabled per staff account with the CLI;
-- `totp_last_step` makes every code usable once.
ALTER TABLE staff ADD COLUMN totp_secret text;
ALTER TABLE staff ADD COLUMN totp_last_step bigint;
