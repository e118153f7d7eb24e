/**
 * Badges (Open Badges 3.0 shaped), with the local adapter's permissions: achievements and
 * awards are public (a badge is a public recognition, and a revocation must be visible to
 * whoever checks it); the wall consent only decides whether an award appears on the
 * recognition wall. `recipients`/`award`/`revoke`: moderators; `saveAchievement`: admins;
 * `setWallConsent`: the recipient only.
 */
import * as z from 'zod/mini';
import {
  Achievement, Award, AwardInput, AwardQuery, CandidateQuery, Id, page, PageRequest, PublicMember, RevokeInput, WallConsentInput,
} from '../../../src/data/schema/index.js';
import { foldText } from '../../../src/data/rules/text.js';
import { deriveId } from '../../../src/data/rules/token.js';
import type { Sql } from '../db.js';
import { forbidden, invalid, notFound } from '../errors.js';
import type { Ctx, Route } from '../http.js';
import { cursorKey, isAdmin, isModerator, iso, isoOrNull, limitOf, pageFrom, requireMember } from './common.js';

interface AwardRow {
  id: string;
  achievement: Achievement;
  recipient_id: string;
  recipient_name: string;
  issued_on: Date | string;
  expires: Date | string | null;
  revoked: boolean;
  revocation_reason: string | null;
  evidence: Award['evidence'];
  note: string;
  on_wall: boolean;
}

const SELECT = `SELECT w.id, a.data AS achievement, w.recipient_id, w.recipient_name, w.issued_on, w.expires, w.revoked, w.revocation_reason,
  w.evidence, w.note, w.on_wall FROM awards w JOIN achievements a ON a.community = w.community AND a.id = w.achievement_id`;

const toAward = (r: AwardRow): Award => ({
  id: r.id, achievement: r.achievement, recipient: { id: r.recipient_id, displayName: r.recipient_name }, issuedOn: iso(r.issued_on),
  expires: isoOrNull(r.expires), revoked: r.revoked, revocationReason: r.revocation_reason, evidence: r.evidence.map((e) => ({ ...e })),
  note: r.note, onWall: r.on_wall,
});

async function awardById(ctx: Ctx, sql: Sql, id: string, lock = false): Promise<AwardRow | null> {
  const rows = await sql.query<AwardRow>(`${SELECT} WHERE w.community = $1 AND w.id = $2${lock ? ' FOR UPDATE OF w' : ''}`, [ctx.community.id, id]);
  return rows[0] ?? null;
}

const badgesChange = (kind: 'created' | 'updated', entity: string, id: string) => ({ topic: 'badges', kind, entity, id });

export function badgeRoutes(): Route[] {
  return [
    {
      method: 'get', path: '/badges/achievements', tag: 'badges', summary: 'Achievements, by name', response: z.array(Achievement),
      handler: async (ctx) => (await ctx.db.query<{ data: Achievement }>('SELECT data FROM achievements WHERE community = $1 ORDER BY name, id', [ctx.community.id])).map((r) => r.data),
    },
    {
      method: 'put', path: '/badges/achievements', tag: 'badges', summary: 'Admins: create or update an achievement', body: Achievement, response: Achievement,
      handler: async (ctx: Ctx<Achievement>) => {
        if (!isAdmin(ctx.member)) throw forbidden('adminsOnly');
        const a = ctx.body;
        return ctx.write(async (tx, changes) => {
          const rows = await tx.query<{ inserted: boolean }>(
            `INSERT INTO achievements (community, id, name, data) VALUES ($1, $2, $3, $4)
             ON CONFLICT (community, id) DO UPDATE SET name = excluded.name, data = excluded.data RETURNING (xmax = 0) AS inserted`,
            [ctx.community.id, a.id, a.name, JSON.stringify(a)],
          );
          changes.push(badgesChange(rows[0]?.inserted ? 'created' : 'updated', 'achievement', a.id));
          return a;
        });
      },
    },
    {
      method: 'get', path: '/badges/awards', tag: 'badges', summary: "A member's awards, newest first (`member=me` for the session's)", query: AwardQuery, response: page(Award),
      handler: async (ctx: Ctx<unknown, AwardQuery>) => {
        const q = ctx.query;
        if (q.member === 'me' && !ctx.member) return { items: [], nextCursor: null };
        const recipientId = q.member === 'me' ? ctx.member!.id : q.member;
        const limit = limitOf(q);
        const after = cursorKey(q.cursor, 'awards', 2);
        const rows = await ctx.db.query<AwardRow>(
          `${SELECT} WHERE w.community = $1 AND w.recipient_id = $2
             AND ($3::timestamptz IS NULL OR (w.issued_on, w.id) < ($3::timestamptz, $4::text))
           ORDER BY w.issued_on DESC, w.id DESC LIMIT $5`,
          [ctx.community.id, recipientId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
        );
        return pageFrom(rows, limit, 'awards', (r) => [iso(r.issued_on), r.id], toAward);
      },
    },
    {
      method: 'get', path: '/badges/wall', tag: 'badges', summary: 'The recognition wall: consented, unrevoked awards, newest first', query: PageRequest, response: page(Award),
      handler: async (ctx: Ctx<unknown, PageRequest>) => {
        const limit = limitOf(ctx.query);
        const after = cursorKey(ctx.query.cursor, 'wall', 2);
        const rows = await ctx.db.query<AwardRow>(
          `${SELECT} WHERE w.community = $1 AND w.on_wall AND NOT w.revoked
             AND ($2::timestamptz IS NULL OR (w.issued_on, w.id) < ($2::timestamptz, $3::text))
           ORDER BY w.issued_on DESC, w.id DESC LIMIT $4`,
          [ctx.community.id, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
        );
        return pageFrom(rows, limit, 'wall', (r) => [iso(r.issued_on), r.id], toAward);
      },
    },
    {
      method: 'get', path: '/badges/awards/:awardId', tag: 'badges', summary: 'One award, revoked or not', params: { awardId: Id }, response: Award,
      handler: async (ctx) => {
        const r = await awardById(ctx, ctx.db, ctx.params.awardId!);
        if (!r) throw notFound('Award');
        return toAward(r);
      },
    },
    {
      method: 'get', path: '/badges/recipients', tag: 'badges',
      summary: 'Moderators: community members to award, by name, filtered by `q`', query: CandidateQuery, response: page(PublicMember),
      handler: async (ctx: Ctx<unknown, CandidateQuery>) => {
        if (!isModerator(ctx.member)) throw forbidden('moderatorsOnly');
        const q = ctx.query;
        const limit = limitOf(q);
        const after = cursorKey(q.cursor, 'recipients', 2);
        // Keyset over `members_by_name`, as the feed's invite candidates.
        const rows = await ctx.db.query<{ id: string; display_name: string; name_key: string }>(
          `SELECT m.id, coalesce(m.profile_name, m.token_name) AS display_name, m.name_key FROM members m
           WHERE m.community = $1 AND m.name_key IS NOT NULL
             AND ($2::text IS NULL OR strpos(m.name_key, $2) > 0)
             AND ($3::text IS NULL OR (m.name_key, m.id COLLATE "C") > ($3::text COLLATE "C", $4::text COLLATE "C"))
           ORDER BY m.name_key, m.id COLLATE "C" LIMIT $5`,
          [ctx.community.id, q.q ? foldText(q.q) : null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
        );
        return pageFrom(rows, limit, 'recipients', (r) => [r.name_key, r.id], (r) => ({ id: r.id, displayName: r.display_name }));
      },
    },
    {
      method: 'post', path: '/badges/awards', tag: 'badges', summary: 'Moderators: award to one or many members (replay-safe)', body: AwardInput, response: z.array(Award),
      handler: async (ctx: Ctx<AwardInput>) => {
        if (!isModerator(ctx.member)) throw forbidden('moderatorsOnly');
        const a = ctx.body;
        const recipientIds = [...new Set(a.recipientIds)];
        const ids = await Promise.all(recipientIds.map((r) => deriveId('award', a.id, r)));
        const order = (r: AwardRow) => ((i) => (i < 0 ? Infinity : i))(recipientIds.indexOf(r.recipient_id));
        return ctx.write(async (tx, changes) => {
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`award:${ctx.community.id}:${a.id}`]);
          const previous = await tx.query<AwardRow>(`${SELECT} WHERE w.community = $1 AND w.input_id = $2`, [ctx.community.id, a.id]);
          if (previous.length) return previous.sort((x, y) => order(x) - order(y)).map(toAward);
          const ach = await tx.query('SELECT 1 FROM achievements WHERE community = $1 AND id = $2', [ctx.community.id, a.achievementId]);
          if (!ach.length) throw invalid('achievementId', 'badges.unknownAchievement');
          const members = await tx.query<{ id: string; name: string }>(
            'SELECT id, coalesce(profile_name, token_name) AS name FROM members WHERE community = $1 AND id = ANY($2)', [ctx.community.id, recipientIds],
          );
          const byId = new Map(members.map((m) => [m.id, m]));
          const unknown = recipientIds.findIndex((id) => !byId.has(id));
          if (unknown >= 0) throw invalid(`recipientIds.${a.recipientIds.indexOf(recipientIds[unknown]!)}`, 'badges.unknownRecipient');
          for (const [i, recipientId] of recipientIds.entries()) {
            await tx.query(
              `INSERT INTO awards (community, id, input_id, achievement_id, recipient_id, recipient_name, issued_on, expires, evidence, note)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (community, id) DO NOTHING`,
              [ctx.community.id, ids[i], a.id, a.achievementId, recipientId, byId.get(recipientId)!.name, ctx.now, a.expires && new Date(a.expires), JSON.stringify(a.evidence), a.note],
            );
            changes.push(badgesChange('created', 'award', ids[i]!));
          }
          const rows = await tx.query<AwardRow>(`${SELECT} WHERE w.community = $1 AND w.id = ANY($2)`, [ctx.community.id, ids]);
          return rows.sort((x, y) => order(x) - order(y)).map(toAward);
        });
      },
    },
    {
      method: 'post', path: '/badges/revocations', tag: 'badges', summary: 'Moderators: revoke an award (the first reason stays)', body: RevokeInput, response: Award,
      handler: async (ctx: Ctx<RevokeInput>) => {
        if (!isModerator(ctx.member)) throw forbidden('moderatorsOnly');
        return ctx.write(async (tx, changes) => {
          const r = await awardById(ctx, tx, ctx.body.awardId, true);
          if (!r) throw notFound('Award');
          if (r.revoked) return toAward(r);
          await tx.query('UPDATE awards SET revoked = true, revocation_reason = $3 WHERE community = $1 AND id = $2', [ctx.community.id, r.id, ctx.body.reason]);
          changes.push(badgesChange('updated', 'award', r.id));
          return toAward({ ...r, revoked: true, revocation_reason: ctx.body.reason });
        });
      },
    },
    {
      method: 'post', path: '/badges/wall-consents', tag: 'badges', summary: 'The recipient: show or hide an award on the wall', body: WallConsentInput, response: Award,
      handler: async (ctx: Ctx<WallConsentInput>) => {
        const member = requireMember(ctx.member);
        return ctx.write(async (tx, changes) => {
          const r = await awardById(ctx, tx, ctx.body.awardId, true);
          if (!r) throw notFound('Award');
          if (r.recipient_id !== member.id) throw forbidden('badges.recipientOnly');
          await tx.query('UPDATE awards SET on_wall = $3 WHERE community = $1 AND id = $2', [ctx.community.id, r.id, ctx.body.onWall]);
          changes.push(badgesChange('updated', 'award', r.id));
          return toAward({ ...r, on_wall: ctx.body.onWall });
        });
      },
    },
  ];
}
