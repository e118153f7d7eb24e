/**
 * E-mail for the contact relay and booking decisions, when SMTP is configured.
 *
 * A mail is a row of `mail_outbox`, written by `enqueueMail` in the transaction of the write it
 * tells about: a committed contact message always gets its e-mail, a rolled-back one never does,
 * and an SMTP outage loses nothing. The `Mailer` of any server process claims due rows with
 * `FOR UPDATE SKIP LOCKED` (two processes never send the same row at once), sends them, and
 * deletes what was sent; failures are retried with backoff and kept, with `failed_at`, after
 * `maxAttempts`. Without SMTP nothing is queued at all.
 */
import nodemailer from 'nodemailer';
import type { Database, Sql } from './db.js';

export const MAIL_CHANNEL = 'dorfplatz_mail';

export interface OutgoingMail {
  kind: 'contact' | 'booking-decision';
  to: string;
  /** Where an answer goes (the relay: the visitor who wrote). */
  replyTo?: string;
  subject: string;
  body: string;
}

/** What sends one message: nodemailer's transport, or a test double. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; replyTo?: string; subject: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
  close?(): void;
}

export interface MailerOptions {
  /** The `From:` address, e.g. `"Musterdorf" <noreply@musterdorf.de>`. */
  from: string;
  /** How often due mail is looked for besides the wake-up after each write; default 30 s. */
  pollMs?: number;
  /** Attempts before a mail is given up (kept with `failed_at`); default 8 (about a day of backoff). */
  maxAttempts?: number;
  /** How long one claim lasts; a process that dies mid-send leaves the row due again after it. */
  leaseMs?: number;
  /** Mails claimed per round. */
  batch?: number;
}

/** Header values may not carry line breaks (header injection) or other control characters. */
const headerSafe = (value: string) => value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim().slice(0, 250);

/** Queues a mail inside `tx`; the mailers wake when `tx` commits. */
export async function enqueueMail(tx: Sql, community: string, mail: OutgoingMail): Promise<void> {
  await tx.query(
    'INSERT INTO mail_outbox (community, kind, to_address, reply_to, subject, body) VALUES ($1, $2, $3, $4, $5, $6)',
    [community, mail.kind, headerSafe(mail.to), mail.replyTo ? headerSafe(mail.replyTo) : null, headerSafe(mail.subject), mail.body],
  );
  await tx.query('SELECT pg_notify($1, $2)', [MAIL_CHANNEL, community]);
}

/** SMTP from a URL: `smtp://user:pass@host:587`, `smtps://…:465`. */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

/** Backoff after the n-th failed attempt: 1 min, 2, 4 … capped at 6 h. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);

interface OutboxRow {
  id: string;
  community: string;
  to_address: string;
  reply_to: string | null;
  subject: string;
  body: string;
  attempts: number;
}

export class Mailer {
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly batch: number;

  constructor(
    private readonly db: Database,
    private readonly transport: MailTransport,
    private readonly options: MailerOptions,
  ) {
    this.pollMs = options.pollMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.batch = options.batch ?? 20;
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(MAIL_CHANNEL, () => void this.wake());
    const tick = () => {
      if (this.stopped) return;
      void this.wake().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.pollMs);
      });
    };
    tick();
  }

  /** Sends what is due; resolves when the queue has nothing due left (as far as this process sees). */
  async wake(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let sent = 0;
      do {
        this.again = false;
        for (;;) {
          const done = await this.round();
          sent += done.sent;
          if (done.claimed < this.batch) break;
        }
      } while (this.again && !this.stopped);
      return sent;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Claims up to `batch` due rows (their lease pushes `next_attempt` ahead), sends each. */
  private async round(): Promise<{ claimed: number; sent: number }> {
    const rows = await this.db.query<OutboxRow>(
      `UPDATE mail_outbox SET next_attempt = now() + make_interval(secs => $1::double precision / 1000)
        WHERE id IN (SELECT id FROM mail_outbox WHERE failed_at IS NULL AND next_attempt <= now()
                      ORDER BY next_attempt, id LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, community, to_address, reply_to, subject, body, attempts`,
      [this.leaseMs, this.batch],
    );
    let sent = 0;
    for (const row of rows) {
      if (this.stopped) break;
      try {
        await this.transport.sendMail({
          from: this.options.from,
          to: row.to_address,
          ...(row.reply_to && { replyTo: row.reply_to }),
          subject: row.subject,
          text: row.body,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Dorfplatz-Community': row.community },
        });
        await this.db.query('DELETE FROM mail_outbox WHERE id = $1', [row.id]);
        sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const message = error instanceof Error ? error.message : String(error);
        await this.db.query(
          `UPDATE mail_outbox SET attempts = $2::int, last_error = $3,
             next_attempt = now() + make_interval(secs => $4::double precision / 1000),
             failed_at = CASE WHEN $2::int >= $5::int THEN now() END
           WHERE id = $1`,
          [row.id, attempts, message.slice(0, 500), retryDelayMs(attempts), this.maxAttempts],
        );
      }
    }
    return { claimed: rows.length, sent };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.();
    await this.running?.catch(() => 0);
    this.transport.close?.();
  }
}
