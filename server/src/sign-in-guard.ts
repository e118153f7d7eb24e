/**
 * Password brute-force protection for moderator and admin sign-ins, on two axes:
 *
 * - per account (in the database, so it holds across server processes): after
 *   `ACCOUNT_FREE_FAILURES` failed attempts in a row the username is locked for a minute,
 *   doubling with each further failure up to an hour; while locked, not even the right password
 *   signs in (429 `session.locked` with `Retry-After`). Unknown usernames are tracked the same
 *   way, so a lockout reveals nothing about which usernames exist. A success clears the count;
 *   failures older than a day are forgotten.
 * - per client (in memory, by client key): after `CLIENT_FREE_FAILURES` failures a client waits
 *   2, 4, 8 … seconds (at most 15 minutes) after each failure before its next attempt counts
 *   (429 `session.slowDown`), whichever accounts it tries.
 *
 * On top of both, the token bucket `signInsPerMinute` (rate-limit.ts) caps attempts per client.
 */
import type { Sql } from './db.js';
import { rateLimited } from './rate-limit.js';

export const ACCOUNT_FREE_FAILURES = 5;
const ACCOUNT_MAX_LOCK_SECONDS = 3600;
export const CLIENT_FREE_FAILURES = 10;
const CLIENT_MAX_WAIT_SECONDS = 900;

export class SignInGuard {
  private readonly clients = new Map<string, { failures: number; last: number }>();

  /** Throws `rate-limited` when the client must wait or the account is locked. */
  async check(sql: Sql, community: string, username: string, client: string, now: Date): Promise<void> {
    const seen = this.clients.get(`${community}\u0000${client}`);
    if (seen && seen.failures >= CLIENT_FREE_FAILURES) {
      const wait = Math.min(CLIENT_MAX_WAIT_SECONDS, 2 ** (seen.failures - CLIENT_FREE_FAILURES + 1));
      const left = seen.last + wait * 1000 - now.getTime();
      if (left > 0) throw rateLimited(left / 1000, 'session.slowDown');
    }
    const rows = await sql.query<{ locked_until: Date | string | null }>(
      'SELECT locked_until FROM sign_in_guard WHERE community = $1 AND username = $2', [community, username],
    );
    const until = rows[0]?.locked_until ? new Date(rows[0].locked_until).getTime() : 0;
    if (until > now.getTime()) throw rateLimited((until - now.getTime()) / 1000, 'session.locked');
  }

  async failed(sql: Sql, community: string, username: string, client: string, now: Date): Promise<void> {
    const key = `${community}\u0000${client}`;
    const seen = this.clients.get(key);
    this.clients.set(key, { failures: (seen && now.getTime() - seen.last < 86_400_000 ? seen.failures : 0) + 1, last: now.getTime() });
    if (this.clients.size > 50_000) {
      for (const [k, v] of this.clients) if (now.getTime() - v.last > 86_400_000) this.clients.delete(k);
    }
    await sql.query(
      `INSERT INTO sign_in_guard AS g (community, username, failures, locked_until, last_failure) VALUES ($1, $2, 1, NULL, $3)
       ON CONFLICT (community, username) DO UPDATE SET
         failures = CASE WHEN g.last_failure < $3::timestamptz - interval '1 day' THEN 1 ELSE g.failures + 1 END,
         last_failure = $3,
         locked_until = CASE WHEN g.last_failure >= $3::timestamptz - interval '1 day' AND g.failures + 1 >= $4::int
           THEN $3::timestamptz + make_interval(secs => least($5::int, 60 * power(2, g.failures + 1 - $4::int)))
           ELSE NULL END`,
      [community, username, now, ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_LOCK_SECONDS],
    );
  }

  async succeeded(sql: Sql, community: string, username: string, client: string): Promise<void> {
    this.clients.delete(`${community}\u0000${client}`);
    await sql.query('DELETE FROM sign_in_guard WHERE community = $1 AND username = $2', [community, username]);
  }
}
