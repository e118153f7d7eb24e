/**
 * A member's data on request (GDPR Art. 15 and 17): everything the community stores about one
 * member as one JSON document, and its erasure.
 *
 * Erasure deletes the member's posts (with their attachments and everything under them),
 * comments, reactions, commitments, memberships, learning progress, cohort check-ins, awards,
 * sign-in account and the member record, and keeps every counter other people see (comment
 * counts, reactions, call slots, group sizes) true, in one transaction.
 */
import * as z from 'zod/mini';
import type { Sql } from './db.js';

const Row = z.record(z.string(), z.unknown());
const Rows = z.array(Row);

/** The export document (`GET …/data`); rows as stored, never a password hash. */
export const MemberDataExport = z.object({
  format: z.literal('dorfplatz-member-data/1'),
  community: z.string(),
  memberId: z.string(),
  exportedAt: z.string(),
  member: z.nullable(Row),
  account: z.nullable(Row),
  memberships: Rows,
  posts: Rows,
  comments: Rows,
  reactions: Rows,
  commitments: Rows,
  progress: Rows,
  cohorts: Rows,
  checkIns: Rows,
  awards: Rows,
});
export type MemberDataExport = z.infer<typeof MemberDataExport>;

const count = z.int().check(z.nonnegative());
export const ErasureReport = z.object({
  posts: count,
  comments: count,
  reactions: count,
  commitments: count,
  memberships: count,
  progress: count,
  checkIns: count,
  awards: count,
  files: count,
  /** Groups whose feed changed (for live updates). */
  groups: z.array(z.string()),
});
export type ErasureReport = z.infer<typeof ErasureReport>;

export async function exportMemberData(sql: Sql, community: string, memberId: string, now: Date): Promise<MemberDataExport> {
  const q = (text: string) => sql.query<Record<string, unknown>>(text, [community, memberId]);
  const [member, account, memberships, posts, comments, reactions, commitments, progress, cohorts, checkIns, awards] = await Promise.all([
    q('SELECT id, token_name, profile_name, roles FROM members WHERE community = $1 AND id = $2'),
    // Never the password hash.
    q('SELECT username, display_name, roles FROM staff WHERE community = $1 AND member_id = $2'),
    q('SELECT group_id, display_name, role, status, rules_accepted, message, since FROM memberships WHERE community = $1 AND member_id = $2 ORDER BY since'),
    q('SELECT id, group_id, kind, title, body, tags, expires_at, created_at, edited_at, status, attachments, call FROM posts WHERE community = $1 AND author_id = $2 ORDER BY created_at'),
    q('SELECT id, post_id, group_id, body, created_at, status FROM comments WHERE community = $1 AND author_id = $2 ORDER BY created_at'),
    q('SELECT post_id, reaction FROM reactions WHERE community = $1 AND member_id = $2 ORDER BY post_id, reaction'),
    q('SELECT post_id, slot_id, count, note FROM commitments WHERE community = $1 AND member_id = $2 ORDER BY post_id, slot_id'),
    q('SELECT path_id, member_name, steps, completed_at FROM progress WHERE community = $1 AND member_id = $2 ORDER BY path_id'),
    q('SELECT cohort_id, joined_at FROM cohort_members WHERE community = $1 AND member_id = $2 ORDER BY joined_at'),
    q('SELECT cohort_id, day, at, note FROM check_ins WHERE community = $1 AND member_id = $2 ORDER BY cohort_id, day'),
    q(`SELECT a.id, a.achievement_id, ach.name AS achievement_name, a.recipient_name, a.issued_on, a.expires, a.revoked,
              a.revocation_reason, a.evidence, a.note, a.on_wall
         FROM awards a JOIN achievements ach ON ach.community = a.community AND ach.id = a.achievement_id
        WHERE a.community = $1 AND a.recipient_id = $2 ORDER BY a.issued_on`),
  ]);
  return {
    format: 'dorfplatz-member-data/1',
    community,
    memberId,
    exportedAt: now.toISOString(),
    member: member[0] ?? null,
    account: account[0] ?? null,
    memberships, posts, comments, reactions, commitments, progress, cohorts, checkIns, awards,
  };
}

/** Erases the member's data inside `tx` (the caller's transaction). */
export async function eraseMemberData(tx: Sql, community: string, memberId: string): Promise<ErasureReport> {
  const args = [community, memberId];
  const groups = new Set<string>();

  // Other people's posts: take the member's reactions and commitments off their counters.
  const reactions = await tx.query<{ post_id: string; reaction: string }>(
    'DELETE FROM reactions WHERE community = $1 AND member_id = $2 RETURNING post_id, reaction', args);
  for (const r of reactions) {
    await tx.query(
      `UPDATE posts SET reactions = jsonb_set(reactions, ARRAY[$3::text], to_jsonb(greatest(0, coalesce((reactions->>$3)::int, 0) - 1)))
        WHERE community = $1 AND id = $2`,
      [community, r.post_id, r.reaction],
    );
  }
  const commitments = await tx.query<{ post_id: string; slot_id: string; count: number }>(
    'DELETE FROM commitments WHERE community = $1 AND member_id = $2 RETURNING post_id, slot_id, count', args);
  for (const c of commitments) {
    await tx.query('UPDATE call_slots SET committed = greatest(0, committed - $4) WHERE community = $1 AND post_id = $2 AND slot_id = $3',
      [community, c.post_id, c.slot_id, c.count]);
  }
  const comments = await tx.query<{ post_id: string; group_id: string; status: string }>(
    'DELETE FROM comments WHERE community = $1 AND author_id = $2 RETURNING post_id, group_id, status', args);
  for (const c of comments) {
    groups.add(c.group_id);
    if (c.status === 'published') {
      await tx.query('UPDATE posts SET comment_count = greatest(0, comment_count - 1) WHERE community = $1 AND id = $2', [community, c.post_id]);
    }
  }

  // The member's own posts go with everything under them (slots, others' comments and reactions cascade).
  const posts = await tx.query<{ group_id: string; attachments: string[] }>(
    'DELETE FROM posts WHERE community = $1 AND author_id = $2 RETURNING group_id, attachments', args);
  const attachments = posts.flatMap((p) => p.attachments);
  for (const p of posts) groups.add(p.group_id);
  const files = attachments.length
    ? await tx.query('DELETE FROM files WHERE community = $1 AND id = ANY($2::text[]) RETURNING 1', [community, attachments])
    : [];

  const memberships = await tx.query<{ group_id: string; status: string }>(
    'DELETE FROM memberships WHERE community = $1 AND member_id = $2 RETURNING group_id, status', args);
  for (const m of memberships) {
    groups.add(m.group_id);
    if (m.status === 'active') {
      await tx.query('UPDATE groups SET member_count = greatest(0, member_count - 1) WHERE community = $1 AND id = $2', [community, m.group_id]);
    }
  }

  const progress = await tx.query('DELETE FROM progress WHERE community = $1 AND member_id = $2 RETURNING 1', args);
  await tx.query('DELETE FROM cohort_members WHERE community = $1 AND member_id = $2', args);
  const checkIns = await tx.query('DELETE FROM check_ins WHERE community = $1 AND member_id = $2 RETURNING 1', args);
  const awards = await tx.query('DELETE FROM awards WHERE community = $1 AND recipient_id = $2 RETURNING 1', args);
  await tx.query('DELETE FROM staff WHERE community = $1 AND member_id = $2', args);
  await tx.query('DELETE FROM members WHERE community = $1 AND id = $2', args);

  return {
    posts: posts.length,
    comments: comments.length,
    reactions: reactions.length,
    commitments: commitments.length,
    memberships: memberships.length,
    progress: progress.length,
    checkIns: checkIns.length,
    awards: awards.length,
    files: files.length,
    groups: [...groups].sort(),
  };
}
