/**
 * Group feeds. Permissions mirror the local adapter (see its module comment):
 * - reading: public groups → anyone; `members` groups → any member; `private` groups → active
 *   group members only; community moderators and admins read everything. Every post query also
 *   carries the access rule in SQL (`readable`), so a private group's rows cannot leave the
 *   database for a non-member even if a check above it were wrong;
 * - posting and commenting: active membership with the current rules accepted;
 * - "Mach mit!" capacity: the slot row is locked (`FOR UPDATE`) in the transaction that writes
 *   the commitment, and a CHECK keeps `committed <= capacity` as the last line of defence.
 */
import * as z from 'zod/mini';
import { BackendError, parse } from '../../../src/data/backend.js';
import {
  CandidateQuery, Comment, CommentInput, CommentQuery, CommitmentInput, Group, GroupInput, Highlights, Id, JoinRequest, Membership, ModerationAction,
  page, PageRequest, Post, PostInput, PostPatch, PostQuery, PublicMember, Reaction, ReactionInput, Report, ReportInput, ReportQuery, Slug, WithdrawInput,
  type Member,
} from '../../../src/data/schema/index.js';
import { foldText } from '../../../src/data/rules/text.js';
import { PG, pgCode, type Sql } from '../db.js';
import { forbidden, invalid, notFound } from '../errors.js';
import type { Ctx, Route } from '../http.js';
import { cursorKey, isModerator, iso, isoOrNull, limitOf, pageFrom, requireMember } from './common.js';
import { FILE_COLUMNS, requireFiles, toFileRef, type FileRow } from './session.js';

// ---------------------------------------------------------------------------------------------
// Rows and views

interface GroupRow {
  id: string;
  name: string;
  description: string;
  visibility: Group['visibility'];
  join_policy: Group['joinPolicy'];
  rules: string;
  approve_before_publish: boolean;
  rules_version: number;
  member_count: number;
  created_at: Date | string;
}

interface MembershipRow {
  group_id: string;
  member_id: string;
  display_name: string;
  role: Membership['role'];
  status: Membership['status'];
  rules_accepted: number | null;
  message: string | null;
  since: Date | string;
}

interface PostRow {
  id: string;
  group_id: string;
  kind: Post['kind'];
  title: string;
  body: string;
  tags: string[];
  expires_at: Date | string | null;
  author_id: string;
  author_name: string;
  created_at: Date | string;
  edited_at: Date | string | null;
  status: Post['status'];
  pinned: boolean;
  comments_locked: boolean;
  comment_count: number;
  reactions: Post['reactions'];
  attachments: string[];
  call: { start: string; end?: string; place: string } | null;
}

interface CommentRow {
  id: string;
  post_id: string;
  group_id: string;
  body: string;
  author_id: string;
  author_name: string;
  created_at: Date | string;
  status: Comment['status'];
}

const GROUP_COLUMNS = 'id, name, description, visibility, join_policy, rules, approve_before_publish, rules_version, member_count, created_at';
const MEMBERSHIP_COLUMNS = 'group_id, member_id, display_name, role, status, rules_accepted, message, since';
const POST_COLUMNS = 'p.id, p.group_id, p.kind, p.title, p.body, p.tags, p.expires_at, p.author_id, p.author_name, p.created_at, p.edited_at, p.status, p.pinned, p.comments_locked, p.comment_count, p.reactions, p.attachments, p.call';
const COMMENT_COLUMNS = 'id, post_id, group_id, body, author_id, author_name, created_at, status';

const noReactions = () => Object.fromEntries(Reaction.options.map((r) => [r, 0])) as Post['reactions'];

function toMembership(m: MembershipRow): Membership {
  const membership: Membership = {
    groupId: m.group_id, member: { id: m.member_id, displayName: m.display_name }, role: m.role, status: m.status,
    rulesAccepted: m.rules_accepted, since: iso(m.since),
  };
  if (m.message) membership.message = m.message;
  return membership;
}

function toGroup(g: GroupRow, membership: MembershipRow | null | undefined): Group {
  return {
    id: g.id, name: g.name, description: g.description, visibility: g.visibility, joinPolicy: g.join_policy, rules: g.rules,
    approveBeforePublish: g.approve_before_publish, rulesVersion: g.rules_version, memberCount: g.member_count,
    createdAt: iso(g.created_at), membership: membership ? toMembership(membership) : null,
  };
}

function toComment(c: CommentRow): Comment {
  return { id: c.id, postId: c.post_id, body: c.body, author: { id: c.author_id, displayName: c.author_name }, createdAt: iso(c.created_at), status: c.status };
}

/** A slot of a "Mach mit!" call, and the session's own commitment to one. */
interface SlotRow { post_id: string; slot_id: string; label: string; kind: 'people' | 'item'; capacity: number; committed: number }
interface MineRow { post_id: string; slot_id: string; count: number }

/**
 * A post row with its per-session parts already fetched by the same query (`postParts`):
 * the hot path (a feed page) then needs one round trip instead of five.
 */
interface PostRowWithParts extends PostRow {
  slots: SlotRow[] | null;
  mine: MineRow[] | null;
  my_reactions: Post['myReactions'] | null;
  files: FileRow[] | null;
}

/**
 * The per-session parts of `posts p` as json columns, for the acting member `me` (a parameter
 * like `$3`, or null when anonymous): slots, the member's commitments and reactions,
 * attachment metadata. Each subquery runs only for rows that need it (a call, attachments).
 */
const postParts = (me: string | null) => `
  CASE WHEN p.call IS NULL THEN NULL ELSE (SELECT json_agg(s ORDER BY s.position) FROM (
    SELECT post_id, slot_id, label, kind, capacity, committed, position FROM call_slots WHERE community = p.community AND post_id = p.id) s) END AS slots,
  ${me ? `CASE WHEN p.call IS NULL THEN NULL ELSE (SELECT json_agg(c) FROM (
    SELECT post_id, slot_id, count FROM commitments WHERE community = p.community AND post_id = p.id AND member_id = ${me}) c) END` : 'NULL::json'} AS mine,
  ${me ? `(SELECT json_agg(r.reaction) FROM reactions r WHERE r.community = p.community AND r.post_id = p.id AND r.member_id = ${me})` : 'NULL::json'} AS my_reactions,
  CASE WHEN cardinality(p.attachments) = 0 THEN NULL ELSE (SELECT json_agg(f) FROM (
    SELECT ${FILE_COLUMNS} FROM files WHERE community = p.community AND id = ANY(p.attachments)) f) END AS files`;

/** Posts with their per-session fields, slots and attachments: at most four queries for any page size. */
async function postViews(ctx: Ctx, sql: Sql, rows: PostRow[]): Promise<Post[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const c = ctx.community.id;
  const me = ctx.member?.id ?? null;
  const calls = rows.filter((r) => r.call).map((r) => r.id);
  const attached = [...new Set(rows.flatMap((r) => r.attachments))];
  const [slots, mine, reactions, files] = await Promise.all([
    calls.length
      ? sql.query<SlotRow>('SELECT post_id, slot_id, label, kind, capacity, committed FROM call_slots WHERE community = $1 AND post_id = ANY($2) ORDER BY post_id, position', [c, calls])
      : [],
    me && calls.length
      ? sql.query<MineRow>('SELECT post_id, slot_id, count FROM commitments WHERE community = $1 AND post_id = ANY($2) AND member_id = $3', [c, calls, me])
      : [],
    me ? sql.query<{ post_id: string; reaction: Post['myReactions'][number] }>('SELECT post_id, reaction FROM reactions WHERE community = $1 AND post_id = ANY($2) AND member_id = $3', [c, ids, me]) : [],
    attached.length ? sql.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM files WHERE community = $1 AND id = ANY($2)`, [c, attached]) : [],
  ]);
  return rows.map((r) => toPost(ctx, {
    ...r,
    slots: r.call ? slots.filter((s) => s.post_id === r.id) : null,
    mine: mine.filter((m) => m.post_id === r.id),
    my_reactions: reactions.filter((x) => x.post_id === r.id).map((x) => x.reaction),
    files: r.attachments.length ? files : null,
  }));
}

/** The view of a post row whose parts came with it (`postParts`, or `postViews`). */
function toPost(ctx: Ctx, r: PostRowWithParts): Post {
  let call: Post['call'] = null;
  if (r.call) {
    call = {
      start: r.call.start, place: r.call.place,
      slots: (r.slots ?? []).map((s) => ({
        id: s.slot_id, label: s.label, kind: s.kind, capacity: s.capacity, committed: s.committed,
        mine: r.mine?.find((m) => m.slot_id === s.slot_id)?.count ?? 0,
      })),
    };
    if (r.call.end) call.end = r.call.end;
  }
  const files = new Map((r.files ?? []).map((f) => [f.id, f]));
  return {
    id: r.id, groupId: r.group_id, kind: r.kind, title: r.title, body: r.body, tags: [...r.tags], expiresAt: isoOrNull(r.expires_at),
    author: { id: r.author_id, displayName: r.author_name }, createdAt: iso(r.created_at), editedAt: isoOrNull(r.edited_at),
    status: r.status, pinned: r.pinned, commentsLocked: r.comments_locked, commentCount: r.comment_count,
    reactions: { ...noReactions(), ...r.reactions }, myReactions: r.my_reactions ?? [],
    attachments: r.attachments.flatMap((id) => (files.has(id) ? [toFileRef(ctx, files.get(id)!)] : [])), call,
  };
}

const postView = async (ctx: Ctx, sql: Sql, row: PostRow) => (await postViews(ctx, sql, [row]))[0]!;

// ---------------------------------------------------------------------------------------------
// Access

interface Access {
  group: GroupRow;
  membership: MembershipRow | null;
  canRead: boolean;
  canModerate: boolean;
}

async function accessTo(ctx: Ctx, sql: Sql, groupId: string, lock = false): Promise<Access> {
  const me = ctx.member;
  const rows = await sql.query<GroupRow & { m: MembershipRow | null }>(
    `SELECT ${GROUP_COLUMNS.split(', ').map((col) => `g.${col}`).join(', ')},
       (SELECT to_jsonb(m) FROM (SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE community = $1 AND group_id = $2 AND member_id = $3) m) AS m
     FROM groups g WHERE g.community = $1 AND g.id = $2${lock ? ' FOR UPDATE' : ''}`,
    [ctx.community.id, groupId, me?.id ?? null],
  );
  const group = rows[0];
  if (!group) throw notFound('Group');
  return accessOf(ctx, group, group.m);
}

function accessOf(ctx: Ctx, group: GroupRow, membership: MembershipRow | null): Access {
  const me = ctx.member;
  const active = membership?.status === 'active';
  const canModerate = isModerator(me) || (active && membership!.role !== 'member');
  const canRead = canModerate || active || group.visibility === 'public' || (group.visibility === 'members' && !!me);
  return { group, membership, canRead, canModerate };
}

function requireRead(ctx: Ctx, access: Access): void {
  if (!access.canRead) throw forbidden(ctx.member ? 'feed.groupClosed' : 'session.profileRequired');
}

function requireModerate(access: Access): void {
  if (!access.canModerate) throw forbidden('feed.moderatorsOnly');
}

function requireParticipation(ctx: Ctx, access: Access): void {
  if (isModerator(ctx.member)) return;
  const m = access.membership;
  if (m?.status !== 'active') throw forbidden('feed.notMember');
  const rulesOk = !access.group.rules || m.rules_accepted === access.group.rules_version || access.canModerate;
  if (!rulesOk) throw forbidden('feed.acceptRules', { version: access.group.rules_version });
}

/**
 * The read rule in SQL, for `groups g` and the acting member `$3` (null when anonymous) with
 * community-moderator flag `$4`: public groups, `members` groups for members, otherwise an
 * active membership.
 */
const READABLE = `(g.visibility = 'public' OR $4::boolean OR (g.visibility = 'members' AND $3::text IS NOT NULL)
  OR EXISTS (SELECT 1 FROM memberships m WHERE m.community = g.community AND m.group_id = g.id AND m.member_id = $3 AND m.status = 'active'))`;
/** Which posts of a readable group the session sees: published, or its own pending ones, or all for moderators (`$5`). */
const VISIBLE = `(p.status = 'published' OR $5::boolean OR (p.status = 'pending' AND p.author_id = $3))`;

/**
 * The hot path, a feed page, in one round trip: the group, the session's membership in it and
 * one page of posts with their per-session parts (`postParts`). The page is filtered by the
 * read rule in SQL, so it is empty for a caller who may not read the group.
 *
 * Cost notes (measured with `npm run bench:server`): `json`, not `jsonb` (the rows are only
 * passed through; building `jsonb` cost PostgreSQL more than the scan), and one statement per
 * shape (anonymous or member, with or without tag and cursor) instead of `$n IS NULL OR …`
 * branches: such branches made PostgreSQL re-plan the statement on every execution (a custom
 * plan folds them), which cost as much as running it. For an anonymous visitor the read rule
 * reduces to "public group, published post": exactly what the member statement yields with
 * `$3` null and `$4` false.
 *
 * Exported for the bench, which measures the raw rate of exactly this statement.
 */
export function feedPageQuery(community: string, groupId: string, member: Member | null, now: Date, tag: string | null, after: readonly unknown[] | null, rows: number): { text: string; values: unknown[] } {
  const values: unknown[] = member ? [community, groupId, member.id, isModerator(member), now] : [community, groupId, now];
  const param = (value: unknown) => `$${values.push(value)}`;
  const nowParam = member ? '$5' : '$3';
  const filters = [
    member
      ? `${READABLE}
        AND (p.status = 'published' OR $4::boolean OR (p.status = 'pending' AND p.author_id = $3)
          OR EXISTS (SELECT 1 FROM memberships m WHERE m.community = g.community AND m.group_id = g.id AND m.member_id = $3 AND m.status = 'active' AND m.role <> 'member'))`
      : `g.visibility = 'public' AND p.status = 'published'`,
    `NOT p.pinned AND p.kind <> 'urgent' AND (p.expires_at IS NULL OR p.expires_at > ${nowParam})`,
  ];
  if (tag !== null) filters.push(`p.folded_tags @> ARRAY[${param(tag)}::text]`);
  if (after) filters.push(`(p.created_at, p.id) < (${param(after[0])}::timestamptz, ${param(after[1])}::text)`);
  const limit = param(rows);
  const text = `SELECT ${GROUP_COLUMNS.split(', ').map((col) => `g.${col}`).join(', ')},
   ${member ? `(SELECT row_to_json(m) FROM (SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE community = $1 AND group_id = $2 AND member_id = $3) m)` : 'NULL::json'} AS m,
   (SELECT coalesce(json_agg(x ORDER BY x.created_at DESC, x.id DESC), '[]'::json) FROM (
      SELECT ${POST_COLUMNS}, ${postParts(member ? '$3' : null)} FROM posts p
      WHERE p.community = g.community AND p.group_id = g.id
        AND ${filters.join('\n        AND ')}
      ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit}) x) AS posts
 FROM groups g WHERE g.community = $1 AND g.id = $2`;
  return { text, values };
}

type FeedPageRow = GroupRow & { m: MembershipRow | null; posts: PostRowWithParts[] };

function visiblePost(ctx: Ctx, post: PostRow, access: Access): boolean {
  if (post.status === 'published' || access.canModerate) return true;
  return post.status === 'pending' && post.author_id === ctx.member?.id;
}

/** A post the session may see, with the access to its group. */
async function readPost(ctx: Ctx, sql: Sql, postId: string, lock = false): Promise<{ row: PostRow; access: Access }> {
  const rows = await sql.query<PostRow>(`SELECT ${POST_COLUMNS} FROM posts p WHERE p.community = $1 AND p.id = $2${lock ? ' FOR UPDATE' : ''}`, [ctx.community.id, postId]);
  const row = rows[0];
  if (!row) throw notFound('Post');
  const access = await accessTo(ctx, sql, row.group_id);
  requireRead(ctx, access);
  if (!visiblePost(ctx, row, access)) throw notFound('Post');
  return { row, access };
}

const change = (groupId: string, kind: 'created' | 'updated' | 'deleted', entity: string, id: string) =>
  ({ topic: `feed/${groupId}`, kind, entity, id });

/** The params of the SQL read rule: community, group, member, community moderator, group moderator. */
const readParams = (ctx: Ctx, groupId: string, access: Access) => [ctx.community.id, groupId, ctx.member?.id ?? null, isModerator(ctx.member), access.canModerate];

// ---------------------------------------------------------------------------------------------
// Routes

const Empty = z.object({});

export function feedRoutes(): Route[] {
  const setMemberCount = (tx: Sql, ctx: Ctx, groupId: string, delta: number) =>
    tx.query('UPDATE groups SET member_count = greatest(0, member_count + $3) WHERE community = $1 AND id = $2', [ctx.community.id, groupId, delta]);

  return [
    {
      method: 'get', path: '/feed/groups', tag: 'feed', summary: 'Groups the session may know of', response: z.array(Group),
      handler: async (ctx) => {
        const rows = await ctx.db.query<GroupRow & { m: MembershipRow | null }>(
          `SELECT ${GROUP_COLUMNS.split(', ').map((col) => `g.${col}`).join(', ')},
             (SELECT to_jsonb(m) FROM (SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE community = g.community AND group_id = g.id AND member_id = $2) m) AS m
           FROM groups g WHERE g.community = $1 AND (g.visibility <> 'members' OR $2::text IS NOT NULL) ORDER BY g.name, g.id`,
          [ctx.community.id, ctx.member?.id ?? null],
        );
        return rows.map((g) => toGroup(g, g.m));
      },
    },
    {
      method: 'get', path: '/feed/groups/:groupId', tag: 'feed', summary: 'One group', params: { groupId: Slug }, response: Group,
      handler: async (ctx) => {
        const access = await accessTo(ctx, ctx.db, ctx.params.groupId!);
        if (access.group.visibility === 'members') requireRead(ctx, access);
        return toGroup(access.group, access.membership);
      },
    },
    {
      method: 'put', path: '/feed/groups', tag: 'feed', summary: 'Admins: create or update a group', body: GroupInput, response: Group,
      handler: async (ctx: Ctx<GroupInput>) => {
        const member = requireMember(ctx.member);
        if (!member.roles.includes('admin')) throw forbidden('adminsOnly');
        const g = ctx.body;
        return ctx.write(async (tx, changes) => {
          const rows = await tx.query<GroupRow & { inserted: boolean }>(
            `INSERT INTO groups AS old (community, id, name, description, visibility, join_policy, rules, approve_before_publish, rules_version, member_count, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, 0, $9)
             ON CONFLICT (community, id) DO UPDATE SET name = excluded.name, description = excluded.description, visibility = excluded.visibility,
               join_policy = excluded.join_policy, rules = excluded.rules, approve_before_publish = excluded.approve_before_publish,
               rules_version = old.rules_version + (CASE WHEN old.rules = excluded.rules THEN 0 ELSE 1 END)
             RETURNING ${GROUP_COLUMNS}, (xmax = 0) AS inserted`,
            [ctx.community.id, g.id, g.name, g.description, g.visibility, g.joinPolicy, g.rules, g.approveBeforePublish, ctx.now],
          );
          const row = rows[0]!;
          changes.push(change(g.id, row.inserted ? 'created' : 'updated', 'group', g.id));
          const m = await tx.query<MembershipRow>(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE community = $1 AND group_id = $2 AND member_id = $3`, [ctx.community.id, g.id, member.id]);
          return toGroup(row, m[0]);
        });
      },
    },
    {
      method: 'post', path: '/feed/groups/:groupId/join', tag: 'feed', summary: 'Join (open), ask to join (request) or accept an invitation',
      params: { groupId: Slug }, body: JoinRequest, response: Membership,
      handler: async (ctx: Ctx<JoinRequest>) => {
        const member = requireMember(ctx.member);
        const groupId = ctx.params.groupId!;
        return ctx.write(async (tx, changes) => {
          const access = await accessTo(ctx, tx, groupId, true);
          const existing = access.membership;
          if (existing && existing.status !== 'invited') return toMembership(existing);
          const active = !!existing || access.group.join_policy === 'open' || isModerator(member);
          if (!active && access.group.join_policy === 'invite') throw forbidden('feed.inviteOnly');
          const rows = await tx.query<MembershipRow>(
            `INSERT INTO memberships (community, group_id, member_id, display_name, role, status, rules_accepted, message, since)
             VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8)
             ON CONFLICT (community, group_id, member_id) DO UPDATE SET status = excluded.status, message = excluded.message, since = excluded.since
             RETURNING ${MEMBERSHIP_COLUMNS}`,
            [ctx.community.id, groupId, member.id, member.displayName, existing?.role ?? 'member', active ? 'active' : 'pending', ctx.body.message || null, ctx.now],
          );
          if (active) await setMemberCount(tx, ctx, groupId, 1);
          changes.push(change(groupId, existing ? 'updated' : 'created', 'membership', member.id));
          return toMembership(rows[0]!);
        });
      },
    },
    {
      method: 'post', path: '/feed/groups/:groupId/leave', tag: 'feed', summary: 'Leave a group', params: { groupId: Slug }, body: Empty,
      handler: async (ctx) => {
        const member = requireMember(ctx.member);
        const groupId = ctx.params.groupId!;
        await ctx.write(async (tx, changes) => {
          await accessTo(ctx, tx, groupId, true);
          const rows = await tx.query<{ status: string }>(
            'DELETE FROM memberships WHERE community = $1 AND group_id = $2 AND member_id = $3 RETURNING status', [ctx.community.id, groupId, member.id],
          );
          if (!rows[0]) return;
          if (rows[0].status === 'active') await setMemberCount(tx, ctx, groupId, -1);
          changes.push(change(groupId, 'deleted', 'membership', member.id));
        });
        return undefined;
      },
    },
    {
      method: 'post', path: '/feed/groups/:groupId/accept-rules', tag: 'feed', summary: "Accept the group's current house rules",
      params: { groupId: Slug }, body: Empty, response: Membership,
      handler: async (ctx) => {
        const member = requireMember(ctx.member);
        const groupId = ctx.params.groupId!;
        return ctx.write(async (tx, changes) => {
          const { group, membership } = await accessTo(ctx, tx, groupId, true);
          let rows: MembershipRow[];
          if (membership?.status === 'active') {
            rows = await tx.query<MembershipRow>(
              `UPDATE memberships SET rules_accepted = $4 WHERE community = $1 AND group_id = $2 AND member_id = $3 RETURNING ${MEMBERSHIP_COLUMNS}`,
              [ctx.community.id, groupId, member.id, group.rules_version],
            );
          } else if (!membership && group.visibility === 'public' && group.join_policy === 'open') {
            rows = await tx.query<MembershipRow>(
              `INSERT INTO memberships (community, group_id, member_id, display_name, role, status, rules_accepted, since)
               VALUES ($1, $2, $3, $4, 'member', 'active', $5, $6) RETURNING ${MEMBERSHIP_COLUMNS}`,
              [ctx.community.id, groupId, member.id, member.displayName, group.rules_version, ctx.now],
            );
            await setMemberCount(tx, ctx, groupId, 1);
          } else {
            throw forbidden('feed.notMember');
          }
          changes.push(change(groupId, membership ? 'updated' : 'created', 'membership', member.id));
          return toMembership(rows[0]!);
        });
      },
    },
    {
      method: 'get', path: '/feed/groups/:groupId/members', tag: 'feed', summary: 'Moderators: members and pending requests',
      params: { groupId: Slug }, query: PageRequest, response: page(Membership),
      handler: async (ctx: Ctx<unknown, PageRequest>) => {
        requireMember(ctx.member);
        const groupId = ctx.params.groupId!;
        requireModerate(await accessTo(ctx, ctx.db, groupId));
        const limit = limitOf(ctx.query);
        const after = cursorKey(ctx.query.cursor, 'members', 1);
        const rows = await ctx.db.query<MembershipRow>(
          `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE community = $1 AND group_id = $2 AND ($3::text IS NULL OR member_id > $3)
           ORDER BY member_id LIMIT $4`,
          [ctx.community.id, groupId, after?.[0] ?? null, limit + 1],
        );
        return pageFrom(rows, limit, 'members', (r) => [r.member_id], toMembership);
      },
    },
    {
      method: 'get', path: '/feed/groups/:groupId/candidates', tag: 'feed',
      summary: 'Moderators: community members not in the group yet (to invite), by name, filtered by `q`',
      params: { groupId: Slug }, query: CandidateQuery, response: page(PublicMember),
      handler: async (ctx: Ctx<unknown, CandidateQuery>) => {
        requireMember(ctx.member);
        const groupId = ctx.params.groupId!;
        requireModerate(await accessTo(ctx, ctx.db, groupId));
        const q = ctx.query;
        const limit = limitOf(q);
        const after = cursorKey(q.cursor, 'candidates', 2);
        // Keyset over `members_by_name`; `name_key` is the folded name (byte order), so `q`,
        // folded the same way, is a plain substring test.
        const rows = await ctx.db.query<{ id: string; display_name: string; name_key: string }>(
          `SELECT m.id, coalesce(m.profile_name, m.token_name) AS display_name, m.name_key FROM members m
           WHERE m.community = $1 AND m.name_key IS NOT NULL
             AND ($3::text IS NULL OR strpos(m.name_key, $3) > 0)
             AND ($4::text IS NULL OR (m.name_key, m.id COLLATE "C") > ($4::text COLLATE "C", $5::text COLLATE "C"))
             AND NOT EXISTS (SELECT 1 FROM memberships s WHERE s.community = m.community AND s.group_id = $2 AND s.member_id = m.id)
           ORDER BY m.name_key, m.id COLLATE "C" LIMIT $6`,
          [ctx.community.id, groupId, q.q ? foldText(q.q) : null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
        );
        return pageFrom(rows, limit, 'candidates', (r) => [r.name_key, r.id], (r) => ({ id: r.id, displayName: r.display_name }));
      },
    },
    {
      method: 'get', path: '/feed/posts', tag: 'feed', summary: 'Posts of a group, newest first (without highlights)', query: PostQuery, response: page(Post),
      handler: async (ctx: Ctx<unknown, PostQuery>) => {
        const q = ctx.query;
        const limit = limitOf(q);
        const scope = q.tag ? 'posts.tag' : 'posts';
        const after = cursorKey(q.cursor, scope, 2);
        const { text, values } = feedPageQuery(ctx.community.id, q.groupId, ctx.member, ctx.now, q.tag ? foldText(q.tag) : null, after, limit + 1);
        const rows = await ctx.db.query<FeedPageRow>(text, values);
        const group = rows[0];
        if (!group) throw notFound('Group');
        requireRead(ctx, accessOf(ctx, group, group.m));
        return pageFrom(group.posts, limit, scope, (r) => [iso(r.created_at), r.id], (r) => toPost(ctx, r));
      },
    },
    {
      method: 'get', path: '/feed/groups/:groupId/highlights', tag: 'feed', summary: 'Active urgent notices and pinned posts',
      params: { groupId: Slug }, response: Highlights,
      handler: async (ctx) => {
        const groupId = ctx.params.groupId!;
        const access = await accessTo(ctx, ctx.db, groupId);
        requireRead(ctx, access);
        const rows = await ctx.db.query<PostRow>(
          `SELECT ${POST_COLUMNS} FROM posts p JOIN groups g ON g.community = p.community AND g.id = p.group_id
           WHERE p.community = $1 AND p.group_id = $2 AND ${READABLE} AND ${VISIBLE}
             AND (p.pinned OR p.kind = 'urgent') AND (p.expires_at IS NULL OR p.expires_at > $6)
           ORDER BY p.created_at DESC, p.id DESC LIMIT 100`,
          [...readParams(ctx, groupId, access), ctx.now],
        );
        const posts = await postViews(ctx, ctx.db, rows);
        return { urgent: posts.filter((p) => p.kind === 'urgent'), pinned: posts.filter((p) => p.kind !== 'urgent') };
      },
    },
    {
      method: 'get', path: '/feed/posts/:postId', tag: 'feed', summary: 'One post', params: { postId: Id }, response: Post,
      handler: async (ctx) => {
        const { row } = await readPost(ctx, ctx.db, ctx.params.postId!);
        return postView(ctx, ctx.db, row);
      },
    },
    {
      method: 'post', path: '/feed/posts', tag: 'feed', summary: 'Write a post (replaying an id returns the first post)', body: PostInput, response: Post,
      handler: async (ctx: Ctx<PostInput>) => {
        const member = requireMember(ctx.member);
        const post = ctx.body;
        if (post.expiresAt !== null && Date.parse(post.expiresAt) <= ctx.now.getTime()) throw invalid('expiresAt', 'feed.expiresInPast');
        if (post.call) {
          if (post.call.end && Date.parse(post.call.end) <= Date.parse(post.call.start)) throw invalid('call.end', 'feed.endBeforeStart');
          const duplicate = post.call.slots.findIndex((s, i) => post.call!.slots.findIndex((t) => t.id === s.id) !== i);
          if (duplicate >= 0) throw invalid(`call.slots.${duplicate}.id`, 'feed.duplicateSlot');
        }
        const replay = async () => {
          const rows = await ctx.db.query<PostRow>(`SELECT ${POST_COLUMNS} FROM posts p WHERE p.community = $1 AND p.id = $2`, [ctx.community.id, post.id]);
          if (!rows[0]) return null;
          const access = await accessTo(ctx, ctx.db, rows[0].group_id);
          if (!access.canRead || !visiblePost(ctx, rows[0], access)) throw new BackendError('conflict', 'This id is already in use.');
          return postView(ctx, ctx.db, rows[0]);
        };
        const first = await replay();
        if (first) return first;
        try {
          const row = await ctx.write(async (tx, changes) => {
            const access = await accessTo(ctx, tx, post.groupId);
            requireRead(ctx, access);
            requireParticipation(ctx, access);
            if (post.kind === 'urgent' && !access.canModerate) throw forbidden('feed.urgentModeratorsOnly');
            await requireFiles(ctx, tx, post.attachments, (i) => `attachments.${i}`);
            const status = access.group.approve_before_publish && !access.canModerate ? 'pending' : 'published';
            const call = post.call && { start: iso(post.call.start), ...(post.call.end && { end: iso(post.call.end) }), place: post.call.place };
            const rows = await tx.query<PostRow>(
              `INSERT INTO posts AS p (community, id, group_id, kind, title, body, tags, folded_tags, expires_at, author_id, author_name, created_at,
                 status, reactions, attachments, call)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING ${POST_COLUMNS}`,
              [
                ctx.community.id, post.id, post.groupId, post.kind, post.title, post.body, post.tags, post.tags.map(foldText),
                post.expiresAt && new Date(post.expiresAt), member.id, member.displayName, ctx.now, status, JSON.stringify(noReactions()),
                post.attachments, call && JSON.stringify(call),
              ],
            );
            for (const [position, s] of (post.call?.slots ?? []).entries()) {
              await tx.query(
                'INSERT INTO call_slots (community, post_id, slot_id, position, label, kind, capacity) VALUES ($1, $2, $3, $4, $5, $6, $7)',
                [ctx.community.id, post.id, s.id, position, s.label, s.kind, s.capacity],
              );
            }
            changes.push(change(post.groupId, 'created', 'post', post.id));
            return rows[0]!;
          });
          return postView(ctx, ctx.db, row);
        } catch (error) {
          if (pgCode(error) !== PG.uniqueViolation) throw error;
          const raced = await replay();
          if (raced) return raced;
          throw error;
        }
      },
    },
    {
      method: 'patch', path: '/feed/posts/:postId', tag: 'feed', summary: 'The author or a moderator edits a post',
      params: { postId: Id }, body: PostPatch, response: Post,
      handler: async (ctx: Ctx<PostPatch>) => {
        const member = requireMember(ctx.member);
        const edit = ctx.body;
        const row = await ctx.write(async (tx, changes) => {
          const { row: r, access } = await readPost(ctx, tx, ctx.params.postId!, true);
          if (r.author_id !== member.id && !access.canModerate) throw forbidden('feed.notAuthor');
          const merged = parse(PostInput, {
            id: r.id, groupId: r.group_id, kind: r.kind, title: edit.title ?? r.title, body: edit.body ?? r.body, tags: edit.tags ?? r.tags,
            expiresAt: edit.expiresAt !== undefined ? edit.expiresAt : isoOrNull(r.expires_at), attachments: edit.attachments ?? r.attachments,
            call: r.call && {
              ...r.call,
              slots: (await tx.query<{ id: string; label: string; kind: 'people' | 'item'; capacity: number }>(
                'SELECT slot_id AS id, label, kind, capacity FROM call_slots WHERE community = $1 AND post_id = $2 ORDER BY position', [ctx.community.id, r.id],
              )),
            },
          });
          await requireFiles(ctx, tx, merged.attachments, (i) => `attachments.${i}`);
          const rows = await tx.query<PostRow>(
            `UPDATE posts p SET title = $3, body = $4, tags = $5, folded_tags = $6, expires_at = $7, attachments = $8, edited_at = $9
             WHERE community = $1 AND id = $2 RETURNING ${POST_COLUMNS}`,
            [ctx.community.id, r.id, merged.title, merged.body, merged.tags, merged.tags.map(foldText), merged.expiresAt && new Date(merged.expiresAt), merged.attachments, ctx.now],
          );
          changes.push(change(r.group_id, 'updated', 'post', r.id));
          return rows[0]!;
        });
        return postView(ctx, ctx.db, row);
      },
    },
    {
      method: 'delete', path: '/feed/posts/:postId', tag: 'feed', summary: 'The author or a moderator deletes a post', params: { postId: Id },
      handler: async (ctx) => {
        const member = requireMember(ctx.member);
        await ctx.write(async (tx, changes) => {
          const { row, access } = await readPost(ctx, tx, ctx.params.postId!, true);
          if (row.author_id !== member.id && !access.canModerate) throw forbidden('feed.notAuthor');
          await tx.query('DELETE FROM posts WHERE community = $1 AND id = $2', [ctx.community.id, row.id]);
          changes.push(change(row.group_id, 'deleted', 'post', row.id));
        });
        return undefined;
      },
    },
    {
      method: 'post', path: '/feed/reactions', tag: 'feed', summary: 'React to a post (on/off is idempotent)', body: ReactionInput, response: Post,
      handler: async (ctx: Ctx<ReactionInput>) => {
        const member = requireMember(ctx.member);
        const { postId, reaction, on } = ctx.body;
        const row = await ctx.write(async (tx, changes) => {
          const { row: r } = await readPost(ctx, tx, postId, true);
          if (r.status !== 'published') throw forbidden('feed.notPublished');
          const done = on
            ? await tx.query('INSERT INTO reactions (community, post_id, member_id, reaction) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1', [ctx.community.id, postId, member.id, reaction])
            : await tx.query('DELETE FROM reactions WHERE community = $1 AND post_id = $2 AND member_id = $3 AND reaction = $4 RETURNING 1', [ctx.community.id, postId, member.id, reaction]);
          if (!done.length) return r;
          const rows = await tx.query<PostRow>(
            `UPDATE posts p SET reactions = jsonb_set(reactions, ARRAY[$3::text], to_jsonb(greatest(0, coalesce((reactions->>$3)::int, 0) + $4)))
             WHERE community = $1 AND id = $2 RETURNING ${POST_COLUMNS}`,
            [ctx.community.id, postId, reaction, on ? 1 : -1],
          );
          changes.push(change(r.group_id, 'updated', 'post', postId));
          return rows[0]!;
        });
        return postView(ctx, ctx.db, row);
      },
    },
    {
      method: 'get', path: '/feed/comments', tag: 'feed', summary: 'Comments of a post, oldest first', query: CommentQuery, response: page(Comment),
      handler: async (ctx: Ctx<unknown, CommentQuery>) => {
        const q = ctx.query;
        const { access } = await readPost(ctx, ctx.db, q.postId);
        const limit = limitOf(q);
        const after = cursorKey(q.cursor, 'comments', 2);
        const rows = await ctx.db.query<CommentRow>(
          `SELECT ${COMMENT_COLUMNS} FROM comments WHERE community = $1 AND post_id = $2 AND (status = 'published' OR $3::boolean)
             AND ($4::timestamptz IS NULL OR (created_at, id) > ($4::timestamptz, $5::text))
           ORDER BY created_at, id LIMIT $6`,
          [ctx.community.id, q.postId, access.canModerate, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
        );
        return pageFrom(rows, limit, 'comments', (r) => [iso(r.created_at), r.id], toComment);
      },
    },
    {
      method: 'post', path: '/feed/comments', tag: 'feed', summary: 'Comment on a post', body: CommentInput, response: Comment,
      handler: async (ctx: Ctx<CommentInput>) => {
        const member = requireMember(ctx.member);
        const c = ctx.body;
        const replay = async () => {
          const rows = await ctx.db.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments WHERE community = $1 AND id = $2`, [ctx.community.id, c.id]);
          if (!rows[0]) return null;
          if (rows[0].author_id !== member.id) throw new BackendError('conflict', 'This id is already in use.');
          return toComment(rows[0]);
        };
        const first = await replay();
        if (first) return first;
        try {
          return await ctx.write(async (tx, changes) => {
            const { row, access } = await readPost(ctx, tx, c.postId, true);
            requireParticipation(ctx, access);
            if (row.status !== 'published') throw forbidden('feed.notPublished');
            if (row.comments_locked && !access.canModerate) throw forbidden('feed.commentsLocked');
            const rows = await tx.query<CommentRow>(
              `INSERT INTO comments (community, id, post_id, group_id, body, author_id, author_name, created_at, status)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'published') RETURNING ${COMMENT_COLUMNS}`,
              [ctx.community.id, c.id, c.postId, row.group_id, c.body, member.id, member.displayName, ctx.now],
            );
            await tx.query('UPDATE posts SET comment_count = comment_count + 1 WHERE community = $1 AND id = $2', [ctx.community.id, c.postId]);
            changes.push(change(row.group_id, 'created', 'comment', c.id));
            return toComment(rows[0]!);
          });
        } catch (error) {
          if (pgCode(error) !== PG.uniqueViolation) throw error;
          const raced = await replay();
          if (raced) return raced;
          throw error;
        }
      },
    },
    {
      method: 'delete', path: '/feed/comments/:commentId', tag: 'feed', summary: 'The author or a moderator deletes a comment', params: { commentId: Id },
      handler: async (ctx) => {
        const member = requireMember(ctx.member);
        await ctx.write(async (tx, changes) => {
          const rows = await tx.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments WHERE community = $1 AND id = $2 FOR UPDATE`, [ctx.community.id, ctx.params.commentId]);
          const comment = rows[0];
          if (!comment) throw notFound('Comment');
          const access = await accessTo(ctx, tx, comment.group_id);
          requireRead(ctx, access);
          if (comment.author_id !== member.id && !access.canModerate) throw forbidden('feed.notAuthor');
          await tx.query('DELETE FROM comments WHERE community = $1 AND id = $2', [ctx.community.id, comment.id]);
          if (comment.status === 'published') {
            await tx.query('UPDATE posts SET comment_count = greatest(0, comment_count - 1) WHERE community = $1 AND id = $2', [ctx.community.id, comment.post_id]);
          }
          changes.push(change(comment.group_id, 'deleted', 'comment', comment.id));
        });
        return undefined;
      },
    },
    {
      method: 'post', path: '/feed/commitments', tag: 'feed', summary: '"Mach mit!": commit to a slot, never beyond its capacity', body: CommitmentInput, response: Post,
      handler: async (ctx: Ctx<CommitmentInput>) => {
        const member = requireMember(ctx.member);
        const c = ctx.body;
        const row = await ctx.write(async (tx, changes) => {
          const { row: r } = await readPost(ctx, tx, c.postId);
          if (!r.call || r.status !== 'published') throw invalid('postId', 'feed.notACall');
          // The slot row lock serialises every commitment to this slot, across processes.
          const slots = await tx.query<{ capacity: number; committed: number }>(
            'SELECT capacity, committed FROM call_slots WHERE community = $1 AND post_id = $2 AND slot_id = $3 FOR UPDATE', [ctx.community.id, c.postId, c.slotId],
          );
          const slot = slots[0];
          if (!slot) throw invalid('slotId', 'feed.unknownSlot');
          const receipt = `commit:${c.id}`;
          const seen = await tx.query('SELECT 1 FROM receipts WHERE community = $1 AND key = $2', [ctx.community.id, receipt]);
          if (seen.length) return r;
          const previous = (await tx.query<{ count: number }>(
            'SELECT count FROM commitments WHERE community = $1 AND post_id = $2 AND slot_id = $3 AND member_id = $4', [ctx.community.id, c.postId, c.slotId, member.id],
          ))[0]?.count ?? 0;
          const available = slot.capacity - slot.committed + previous;
          if (c.count > available) {
            throw new BackendError('conflict', 'feed.slotFull', { issues: [{ path: 'count', code: 'feed.slotFull', params: { available } }] });
          }
          await tx.query(
            `INSERT INTO commitments (community, post_id, slot_id, member_id, count, note) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (community, post_id, slot_id, member_id) DO UPDATE SET count = excluded.count, note = excluded.note`,
            [ctx.community.id, c.postId, c.slotId, member.id, c.count, c.note || null],
          );
          await tx.query('UPDATE call_slots SET committed = committed - $4 + $5 WHERE community = $1 AND post_id = $2 AND slot_id = $3', [ctx.community.id, c.postId, c.slotId, previous, c.count]);
          await tx.query('INSERT INTO receipts (community, key, at) VALUES ($1, $2, $3)', [ctx.community.id, receipt, ctx.now]);
          changes.push(change(r.group_id, 'updated', 'post', r.id));
          return r;
        });
        return postView(ctx, ctx.db, row);
      },
    },
    {
      method: 'post', path: '/feed/withdrawals', tag: 'feed', summary: '"Mach mit!": withdraw from a slot', body: WithdrawInput, response: Post,
      handler: async (ctx: Ctx<WithdrawInput>) => {
        const member = requireMember(ctx.member);
        const w = ctx.body;
        const row = await ctx.write(async (tx, changes) => {
          const { row: r } = await readPost(ctx, tx, w.postId);
          if (!r.call) return r;
          await tx.query('SELECT 1 FROM call_slots WHERE community = $1 AND post_id = $2 AND slot_id = $3 FOR UPDATE', [ctx.community.id, w.postId, w.slotId]);
          const gone = await tx.query<{ count: number }>(
            'DELETE FROM commitments WHERE community = $1 AND post_id = $2 AND slot_id = $3 AND member_id = $4 RETURNING count', [ctx.community.id, w.postId, w.slotId, member.id],
          );
          if (!gone[0]) return r;
          await tx.query('UPDATE call_slots SET committed = greatest(0, committed - $4) WHERE community = $1 AND post_id = $2 AND slot_id = $3', [ctx.community.id, w.postId, w.slotId, gone[0].count]);
          changes.push(change(r.group_id, 'updated', 'post', r.id));
          return r;
        });
        return postView(ctx, ctx.db, row);
      },
    },
    {
      method: 'post', path: '/feed/reports', tag: 'feed', summary: 'Report a post or comment (anyone who can read it)', body: ReportInput,
      handler: async (ctx: Ctx<ReportInput>) => {
        const r = ctx.body;
        const seen = await ctx.db.query('SELECT 1 FROM reports WHERE community = $1 AND id = $2', [ctx.community.id, r.id]);
        if (seen.length) return undefined;
        let groupId: string;
        let excerpt: string;
        if (r.target.type === 'post') {
          const { row } = await readPost(ctx, ctx.db, r.target.id);
          groupId = row.group_id;
          excerpt = row.title;
        } else {
          const rows = await ctx.db.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments WHERE community = $1 AND id = $2`, [ctx.community.id, r.target.id]);
          if (!rows[0]) throw notFound('Comment');
          requireRead(ctx, await accessTo(ctx, ctx.db, rows[0].group_id));
          groupId = rows[0].group_id;
          excerpt = rows[0].body;
        }
        await ctx.write(async (tx, changes) => {
          const rows = await tx.query(
            `INSERT INTO reports (community, id, target_type, target_id, reason, note, group_id, created_at, status, excerpt)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9) ON CONFLICT (community, id) DO NOTHING RETURNING 1`,
            [ctx.community.id, r.id, r.target.type, r.target.id, r.reason, r.note, groupId, ctx.now, excerpt.replace(/\s+/g, ' ').slice(0, 200).trim()],
          );
          if (rows.length) changes.push(change(groupId, 'created', 'report', r.id));
        });
        return undefined;
      },
    },
    {
      method: 'get', path: '/feed/reports', tag: 'feed', summary: 'Moderators: the report queue, newest first', query: ReportQuery, response: page(Report),
      handler: async (ctx: Ctx<unknown, ReportQuery>) => {
        const q = ctx.query;
        requireMember(ctx.member);
        if (q.groupId) requireModerate(await accessTo(ctx, ctx.db, q.groupId));
        else if (!isModerator(ctx.member)) throw forbidden('feed.moderatorsOnly');
        const limit = limitOf(q);
        const after = cursorKey(q.cursor, 'reports', 2);
        const rows = await ctx.db.query<{ id: string; target_type: 'post' | 'comment'; target_id: string; reason: Report['reason']; note: string; group_id: string; created_at: Date; status: Report['status']; excerpt: string }>(
          `SELECT id, target_type, target_id, reason, note, group_id, created_at, status, excerpt FROM reports
           WHERE community = $1 AND ($2::text IS NULL OR group_id = $2) AND ($3::text IS NULL OR status = $3)
             AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::text))
           ORDER BY created_at DESC, id DESC LIMIT $6`,
          [ctx.community.id, q.groupId ?? null, q.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
        );
        return pageFrom(rows, limit, 'reports', (r) => [iso(r.created_at), r.id], (r): Report => ({
          id: r.id, target: { type: r.target_type, id: r.target_id }, reason: r.reason, note: r.note, groupId: r.group_id,
          createdAt: iso(r.created_at), status: r.status, excerpt: r.excerpt,
        }));
      },
    },
    {
      method: 'get', path: '/feed/groups/:groupId/pending', tag: 'feed', summary: 'Moderators: posts waiting for approval',
      params: { groupId: Slug }, query: PageRequest, response: page(Post),
      handler: async (ctx: Ctx<unknown, PageRequest>) => {
        requireMember(ctx.member);
        const groupId = ctx.params.groupId!;
        requireModerate(await accessTo(ctx, ctx.db, groupId));
        const limit = limitOf(ctx.query);
        const after = cursorKey(ctx.query.cursor, 'pending', 2);
        const rows = await ctx.db.query<PostRow>(
          `SELECT ${POST_COLUMNS} FROM posts p WHERE p.community = $1 AND p.group_id = $2 AND p.status = 'pending'
             AND ($3::timestamptz IS NULL OR (p.created_at, p.id) < ($3::timestamptz, $4::text))
           ORDER BY p.created_at DESC, p.id DESC LIMIT $5`,
          [ctx.community.id, groupId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
        );
        const result = pageFrom(rows, limit, 'pending', (r) => [iso(r.created_at), r.id], (r) => r);
        return { items: await postViews(ctx, ctx.db, result.items), nextCursor: result.nextCursor };
      },
    },
    {
      method: 'post', path: '/feed/moderation', tag: 'feed', summary: 'Moderators: pin, hide, approve, lock comments, resolve reports, decide and invite members',
      body: ModerationAction,
      handler: async (ctx: Ctx<ModerationAction>) => {
        requireMember(ctx.member);
        const action = ctx.body;
        const c = ctx.community.id;
        await ctx.write(async (tx, changes) => {
          const moderatedPost = async (postId: string) => {
            const rows = await tx.query<PostRow>(`SELECT ${POST_COLUMNS} FROM posts p WHERE p.community = $1 AND p.id = $2 FOR UPDATE`, [c, postId]);
            if (!rows[0]) throw notFound('Post');
            requireModerate(await accessTo(ctx, tx, rows[0].group_id));
            return rows[0];
          };
          const setPost = async (post: PostRow, column: 'pinned' | 'comments_locked' | 'status', value: unknown) => {
            await tx.query(`UPDATE posts SET ${column} = $3 WHERE community = $1 AND id = $2`, [c, post.id, value]);
            changes.push(change(post.group_id, 'updated', 'post', post.id));
          };
          switch (action.action) {
            case 'pin':
              return setPost(await moderatedPost(action.postId), 'pinned', action.on);
            case 'lock-comments':
              return setPost(await moderatedPost(action.postId), 'comments_locked', action.on);
            case 'approve': {
              const post = await moderatedPost(action.postId);
              return post.status === 'pending' ? setPost(post, 'status', 'published') : undefined;
            }
            case 'hide': {
              if (action.target.type === 'post') {
                const post = await moderatedPost(action.target.id);
                if (action.on !== (post.status === 'hidden')) await setPost(post, 'status', action.on ? 'hidden' : 'published');
                return;
              }
              const rows = await tx.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments WHERE community = $1 AND id = $2 FOR UPDATE`, [c, action.target.id]);
              const comment = rows[0];
              if (!comment) throw notFound('Comment');
              requireModerate(await accessTo(ctx, tx, comment.group_id));
              if (action.on === (comment.status === 'hidden')) return;
              await tx.query('UPDATE comments SET status = $3 WHERE community = $1 AND id = $2', [c, comment.id, action.on ? 'hidden' : 'published']);
              await tx.query('UPDATE posts SET comment_count = greatest(0, comment_count + $3) WHERE community = $1 AND id = $2', [c, comment.post_id, action.on ? -1 : 1]);
              changes.push(change(comment.group_id, 'updated', 'comment', comment.id));
              return;
            }
            case 'resolve-report': {
              const rows = await tx.query<{ group_id: string }>('SELECT group_id FROM reports WHERE community = $1 AND id = $2 FOR UPDATE', [c, action.reportId]);
              if (!rows[0]) throw notFound('Report');
              requireModerate(await accessTo(ctx, tx, rows[0].group_id));
              await tx.query("UPDATE reports SET status = 'resolved' WHERE community = $1 AND id = $2", [c, action.reportId]);
              changes.push(change(rows[0].group_id, 'updated', 'report', action.reportId));
              return;
            }
            case 'decide-membership': {
              const access = await accessTo(ctx, tx, action.groupId, true);
              requireModerate(access);
              const rows = await tx.query<MembershipRow>(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE community = $1 AND group_id = $2 AND member_id = $3 FOR UPDATE`, [c, action.groupId, action.memberId]);
              if (!rows[0]) throw notFound('Membership');
              if (rows[0].status !== 'pending') return;
              if (action.approve) {
                await tx.query("UPDATE memberships SET status = 'active', since = $4 WHERE community = $1 AND group_id = $2 AND member_id = $3", [c, action.groupId, action.memberId, ctx.now]);
                await setMemberCount(tx, ctx, action.groupId, 1);
              } else {
                await tx.query('DELETE FROM memberships WHERE community = $1 AND group_id = $2 AND member_id = $3', [c, action.groupId, action.memberId]);
              }
              changes.push(change(action.groupId, action.approve ? 'updated' : 'deleted', 'membership', action.memberId));
              return;
            }
            case 'invite': {
              const access = await accessTo(ctx, tx, action.groupId, true);
              requireModerate(access);
              const invitee = (await tx.query<{ id: string; display_name: string }>(
                'SELECT id, coalesce(profile_name, token_name) AS display_name FROM members WHERE community = $1 AND id = $2', [c, action.memberId],
              ))[0];
              if (!invitee) throw invalid('memberId', 'feed.unknownMember');
              const existing = (await tx.query<MembershipRow>(`SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE community = $1 AND group_id = $2 AND member_id = $3 FOR UPDATE`, [c, action.groupId, action.memberId]))[0];
              if (existing?.status === 'active' || existing?.status === 'invited') return;
              // Inviting someone who asked to join lets them in.
              const status = existing ? 'active' : 'invited';
              await tx.query(
                `INSERT INTO memberships (community, group_id, member_id, display_name, role, status, rules_accepted, since) VALUES ($1, $2, $3, $4, 'member', $5, NULL, $6)
                 ON CONFLICT (community, group_id, member_id) DO UPDATE SET status = excluded.status, since = excluded.since`,
                [c, action.groupId, invitee.id, invitee.display_name, status, ctx.now],
              );
              if (status === 'active') await setMemberCount(tx, ctx, action.groupId, 1);
              changes.push(change(action.groupId, existing ? 'updated' : 'created', 'membership', invitee.id));
              return;
            }
          }
        });
        return undefined;
      },
    },
  ];
}

/**
 * Of `groupIds`, those whose posts `member` may read (the same rule as every post query), so an
 * event stream reveals no activity of a private group to outsiders.
 */
export async function readableGroups(db: Sql, community: string, member: Member | null, groupIds: string[]): Promise<Set<string>> {
  if (!groupIds.length) return new Set();
  const rows = await db.query<{ id: string }>(
    `SELECT g.id FROM groups g WHERE g.community = $1 AND g.id = ANY($2::text[]) AND ${READABLE}`,
    [community, groupIds, member?.id ?? null, isModerator(member)],
  );
  return new Set(rows.map((r) => r.id));
}
