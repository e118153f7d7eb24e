/**
 * Retention: personal data is kept only as long as it serves its purpose.
 *
 * - Lost & found: an item leaves the board at `expiresAt`; `lostFoundDays` later it is deleted
 *   with the reporter's contact, its photo, the relay messages and abuse reports about it.
 * - Bookings: `bookingContactDays` after a booking ended, the requester's name, e-mail, phone and
 *   purpose are removed; when and whether the slot was taken stays (it is the calendar's history).
 * - E-mail: mail that could not be delivered is kept `failedMailDays` for the admin, then deleted
 *   (sent mail is never kept, see `mail.ts`).
 *
 * Every step is one idempotent statement, so several server processes may run it at once.
 */
import type { Database } from './db.js';

export interface RetentionSettings {
  lostFoundDays: number;
  bookingContactDays: number;
  failedMailDays: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { lostFoundDays: 30, bookingContactDays: 90, failedMailDays: 14 };

export interface RetentionReport {
  items: number;
  files: number;
  bookings: number;
  mails: number;
}

const DAY_MS = 86_400_000;

/** What a removed contact reads as, in the community's language; valid for the `Requester` schema. */
const REMOVED = { name: { de: '(gelöscht)', en: '(removed)' }, email: 'removed@example.invalid', purpose: { de: '(gelöscht)', en: '(removed)' } };

export async function runRetention(db: Database, now: Date, settings: RetentionSettings = DEFAULT_RETENTION): Promise<RetentionReport> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

  const [lostFound] = await db.query<{ items: string; files: string }>(
    `WITH gone AS (
       DELETE FROM items WHERE expires_at < $1 RETURNING community, photo
     ), files_gone AS (
       DELETE FROM files f USING gone WHERE f.community = gone.community AND f.id = gone.photo RETURNING 1
     )
     SELECT (SELECT count(*) FROM gone) AS items, (SELECT count(*) FROM files_gone) AS files`,
    [before(settings.lostFoundDays)],
  );

  const bookings = await db.query(
    `UPDATE bookings b SET
       requester = jsonb_build_object('name', CASE c.locale WHEN 'en' THEN $3::text ELSE $2::text END, 'email', $4::text),
       purpose = CASE c.locale WHEN 'en' THEN $6::text ELSE $5::text END,
       contact_removed_at = $7
     FROM communities c
     WHERE c.id = b.community AND b.contact_removed_at IS NULL AND b.end_at < $1
     RETURNING 1`,
    [before(settings.bookingContactDays), REMOVED.name.de, REMOVED.name.en, REMOVED.email, REMOVED.purpose.de, REMOVED.purpose.en, now.toISOString()],
  );

  const mails = await db.query('DELETE FROM mail_outbox WHERE failed_at < $1 RETURNING 1', [before(settings.failedMailDays)]);

  return { items: Number(lostFound?.items ?? 0), files: Number(lostFound?.files ?? 0), bookings: bookings.length, mails: mails.length };
}

/**
 * Runs `runRetention` now and then every `everyMs` (default 6 hours) until the returned
 * function is called. A failed run is reported and tried again next time.
 */
export function scheduleRetention(
  db: Database,
  settings: RetentionSettings,
  options: { everyMs?: number; now?: () => Date; onRun?: (report: RetentionReport) => void; onError?: (error: unknown) => void } = {},
): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = runRetention(db, options.now?.() ?? new Date(), settings)
      .then((report) => options.onRun?.(report), (error) => options.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, options.everyMs ?? 6 * 3_600_000);
      });
  };
  run();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
