/** Communities and their staff: created by the CLI (and by tests), never over HTTP. */
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { parse } from '../../src/data/backend.js';
import { Community, Credentials, Role } from '../../src/data/schema/index.js';
import { generateSecret, hashPassword } from './auth.js';
import type { Sql } from './db.js';

export const CommunityInput = z.extend(Community, {
  /** Origins (scheme://host[:port]) whose pages may call the server; `*` for any. */
  origins: z.array(z.string().check(z.regex(/^(?:\*|https?:\/\/[^/\s]+)$/))),
  /** The HMAC secret for member tokens; generated when omitted. */
  secret: z.optional(z.string().check(z.minLength(32), z.maxLength(200))),
});
export type CommunityInput = z.infer<typeof CommunityInput>;

/** Creates a community (or updates name, zone, locale and origins); returns its secret. */
export async function addCommunity(sql: Sql, input: CommunityInput): Promise<{ secret: string; created: boolean }> {
  const c = parse(CommunityInput, input);
  const secret = c.secret ?? generateSecret();
  const rows = await sql.query<{ secret: string; created: boolean }>(
    `INSERT INTO communities (id, name, time_zone, locale, secret, origins) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone, locale = excluded.locale, origins = excluded.origins
     RETURNING secret, (xmax = 0) AS created`,
    [c.id, c.name, c.timeZone, c.locale, secret, c.origins],
  );
  return rows[0]!;
}

export const StaffInput = z.extend(z.omit(Credentials, { code: true }), {
  displayName: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  roles: z.array(Role).check(z.minLength(1)),
  memberId: z.optional(z.string()),
});

/** Adds (or resets the password of) a moderator or admin who signs in with a password. */
export async function addStaff(sql: Sql, community: string, input: z.infer<typeof StaffInput>): Promise<{ memberId: string }> {
  const s = parse(StaffInput, input);
  const memberId = s.memberId ?? randomUUID();
  const hash = await hashPassword(s.password);
  const rows = await sql.query<{ member_id: string }>(
    `INSERT INTO staff (community, username, member_id, display_name, roles, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (community, username) DO UPDATE SET password_hash = excluded.password_hash, roles = excluded.roles
     RETURNING member_id`,
    [community, s.username, memberId, s.displayName ?? s.username, s.roles, hash],
  );
  return { memberId: rows[0]!.member_id };
}

/** Removes a community and everything in it. */
export async function removeCommunity(sql: Sql, id: string): Promise<void> {
  // Everything else cascades from `communities`.
  for (const table of ['reports', 'receipts', 'progress', 'awards']) await sql.query(`DELETE FROM ${table} WHERE community = $1`, [id]);
  await sql.query('DELETE FROM communities WHERE id = $1', [id]);
}
