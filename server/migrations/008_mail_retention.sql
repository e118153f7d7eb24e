-- E-mail (contact relay, booking decisions) and retention.

-- Mail to send: written in the same transaction as what it tells about, so a committed contact
-- message or decision always has its e-mail, and a rolled-back one never does. The mailer of any
-- server process claims due rows (SKIP LOCKED), sends them and deletes them: a sent mail is not
-- kept. Rows that failed `maxAttempts` times stay with `failed_at` for the admin until retention.
CREATE TABLE mail_outbox (
  id            bigserial PRIMARY KEY,
  community     text NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  kind          text NOT NULL,
  to_address    text NOT NULL,
  reply_to      text,
  subject       text NOT NULL,
  body          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  attempts      integer NOT NULL DEFAULT 0,
  next_attempt  timestamptz NOT NULL DEFAULT now(),
  failed_at     timestamptz,
  last_error    text
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt) WHERE failed_at IS NULL;

-- When retention removed a past booking's requester contact (name, e-mail, phone, purpose).
ALTER TABLE bookings ADD COLUMN contact_removed_at timestamptz;
CREATE INDEX bookings_contact_retention ON bookings (end_at) WHERE contact_removed_at IS NULL;
