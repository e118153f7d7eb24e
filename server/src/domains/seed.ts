/**
 * Loading a dataset (sample data, an import): validated with `Dataset`, inserted in one
 * transaction where absent, so seeding twice changes nothing and never overwrites what
 * visitors did since. Admins only on a shared server.
 */
import { Dataset, type PublicMember } from '../../../src/data/schema/index.js';
import { foldText } from '../../../src/data/rules/text.js';
import { forbidden, invalid } from '../errors.js';
import type { Ctx, Route } from '../http.js';
import type { Sql } from '../db.js';
import type { ChangeDraft } from '../changes.js';
import { isAdmin } from './common.js';

const MINUTE = 60_000;

/** Inserts a dataset; used by the route and by the CLI (`--sample`). */
export async function seedDataset(tx: Sql, community: string, data: Dataset, now: Date, changes: ChangeDraft[] = []): Promise<void> {
  if (data.community.id !== community) throw invalid('community.id', 'seed.otherCommunity', { expected: community });
  const c = community;
  const people = new Map(data.members.map((m) => [m.id, m]));
  const person = (id: string, path: string): PublicMember => {
    const m = people.get(id);
    if (!m) throw invalid(path, 'seed.unknownMember');
    return { id: m.id, displayName: m.displayName };
  };
  // Check every reference before writing anything.
  data.groups.forEach((g, i) => g.members.forEach((m, j) => person(m.memberId, `groups.${i}.members.${j}.memberId`)));
  data.posts.forEach((p, i) => {
    person(p.authorId, `posts.${i}.authorId`);
    p.comments.forEach((x, j) => person(x.authorId, `posts.${i}.comments.${j}.authorId`));
    p.commitments.forEach((x, j) => person(x.memberId, `posts.${i}.commitments.${j}.memberId`));
  });
  const cohorts = new Map(data.paths.flatMap((p) => (p.cohort ? [[p.cohort.id, p.id] as const] : [])));
  data.checkIns.forEach((x, i) => {
    if (!cohorts.has(x.cohortId)) throw invalid(`checkIns.${i}.cohortId`, 'seed.unknownCohort');
    person(x.memberId, `checkIns.${i}.memberId`);
  });
  const achievementIds = new Set(data.achievements.map((a) => a.id));
  data.awards.forEach((a, i) => {
    if (!achievementIds.has(a.achievementId)) throw invalid(`awards.${i}.achievementId`, 'seed.unknownAchievement');
    person(a.recipientId, `awards.${i}.recipientId`);
  });

  const topics = new Set<string>();
  await tx.query('UPDATE communities SET name = $2, time_zone = $3, locale = $4 WHERE id = $1', [c, data.community.name, data.community.timeZone, data.community.locale]);
  for (const m of data.members) {
    await tx.query(
      'INSERT INTO members (community, id, token_name, roles, name_key) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [c, m.id, m.displayName, m.roles, foldText(m.displayName)],
    );
  }
  for (const { members, ...g } of data.groups) {
    await tx.query(
      `INSERT INTO groups (community, id, name, description, visibility, join_policy, rules, approve_before_publish, rules_version, member_count, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10) ON CONFLICT DO NOTHING`,
      [c, g.id, g.name, g.description, g.visibility, g.joinPolicy, g.rules, g.approveBeforePublish, members.length, now],
    );
    for (const m of members) {
      await tx.query(
        `INSERT INTO memberships (community, group_id, member_id, display_name, role, status, rules_accepted, since)
         VALUES ($1, $2, $3, $4, $5, 'active', 1, $6) ON CONFLICT DO NOTHING`,
        [c, g.id, m.memberId, people.get(m.memberId)!.displayName, m.role, now],
      );
    }
    topics.add(`feed/${g.id}`);
  }
  for (const p of data.posts) {
    const counts: Record<string, number> = { like: 0, heart: 0, thanks: 0, clap: 0 };
    const seen = new Set<string>();
    for (const r of p.reactions) {
      const key = `${r.memberId}/${r.reaction}`;
      if (seen.has(key)) continue;
      seen.add(key);
      counts[r.reaction]!++;
    }
    const author = person(p.authorId, 'authorId');
    const call = p.call && { start: new Date(p.call.start).toISOString(), ...(p.call.end && { end: new Date(p.call.end).toISOString() }), place: p.call.place };
    const inserted = await tx.query(
      `INSERT INTO posts (community, id, group_id, kind, title, body, tags, folded_tags, expires_at, author_id, author_name, created_at, status,
         pinned, comment_count, reactions, attachments, call)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'published', $13, $14, $15, $16, $17) ON CONFLICT DO NOTHING RETURNING 1`,
      [c, p.id, p.groupId, p.kind, p.title, p.body, p.tags, p.tags.map(foldText), p.expiresAt && new Date(p.expiresAt), author.id, author.displayName,
        new Date(p.createdAt), p.pinned, p.comments.length, JSON.stringify(counts), p.attachments, call && JSON.stringify(call)],
    );
    if (!inserted.length) continue;
    for (const r of seen) {
      const [memberId, reaction] = r.split('/');
      await tx.query('INSERT INTO reactions (community, post_id, member_id, reaction) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [c, p.id, memberId, reaction]);
    }
    for (const x of p.comments) {
      await tx.query(
        `INSERT INTO comments (community, id, post_id, group_id, body, author_id, author_name, created_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'published') ON CONFLICT DO NOTHING`,
        [c, x.id, p.id, p.groupId, x.body, x.authorId, people.get(x.authorId)!.displayName, new Date(x.createdAt)],
      );
    }
    const committed = new Map<string, number>();
    for (const x of p.commitments) committed.set(x.slotId, (committed.get(x.slotId) ?? 0) + x.count);
    for (const [position, s] of (p.call?.slots ?? []).entries()) {
      await tx.query(
        'INSERT INTO call_slots (community, post_id, slot_id, position, label, kind, capacity, committed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING',
        [c, p.id, s.id, position, s.label, s.kind, s.capacity, committed.get(s.id) ?? 0],
      );
    }
    for (const x of p.commitments) {
      await tx.query(
        `INSERT INTO commitments (community, post_id, slot_id, member_id, count) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (community, post_id, slot_id, member_id) DO UPDATE SET count = commitments.count + excluded.count`,
        [c, p.id, x.slotId, x.memberId, x.count],
      );
      await tx.query('INSERT INTO receipts (community, key, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [c, `commit:${x.id}`, now]);
    }
  }
  const buffers = new Map(data.resources.map((r) => [r.id, r.rules.buffer]));
  for (const r of data.resources) {
    await tx.query('INSERT INTO resources (community, id, name, data) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [c, r.id, r.name, JSON.stringify(r)]);
    topics.add(`bookings/${r.id}`);
  }
  for (const b of data.bookings) {
    const buffer = buffers.get(b.resourceId)
      ?? (await tx.query<{ buffer: number }>("SELECT (data->'rules'->>'buffer')::int AS buffer FROM resources WHERE community = $1 AND id = $2", [c, b.resourceId]))[0]?.buffer
      ?? 0;
    const end = Date.parse(b.end);
    await tx.query(
      `INSERT INTO bookings (community, id, resource_id, start_at, end_at, held, status, public_label, purpose, attendees, requester, created_at, decided_at, reason, manage_token)
       VALUES ($1, $2, $3, $4, $5, tstzrange($4, $6, '[)'), $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (community, id) DO NOTHING`,
      [c, b.id, b.resourceId, new Date(b.start), new Date(end), new Date(end + buffer * MINUTE), b.status, b.publicLabel, b.purpose, b.attendees,
        JSON.stringify(b.requester), new Date(b.createdAt), b.decidedAt && new Date(b.decidedAt), b.reason, b.manageToken],
    );
    topics.add(`bookings/${b.resourceId}`);
  }
  for (const item of data.items) {
    // "expired" is not stored: it is read from `expiresAt` against the clock.
    const expired = item.status === 'expired';
    const expiresAt = expired && Date.parse(item.expiresAt) > now.getTime() ? now : new Date(item.expiresAt);
    const a = item.animal;
    const text = foldText([item.title, item.description, item.place, a?.species, a?.colour, a?.marks, a?.microchip].filter(Boolean).join(' '));
    await tx.query(
      `INSERT INTO items (community, id, type, category, title, description, place, place_folded, point, date, animal, microchip, photo, status,
         created_at, expires_at, contact, proof_detail, manage_token, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, to_tsvector('german', $20)) ON CONFLICT (community, id) DO NOTHING`,
      [c, item.id, item.type, item.category, item.title, item.description, item.place, foldText(item.place), item.point && JSON.stringify(item.point),
        item.date, a && JSON.stringify(a), a?.microchip ?? null, item.photo, expired ? 'open' : item.status, new Date(item.createdAt), expiresAt,
        JSON.stringify(item.contact), item.proofDetail || null, item.manageToken, text],
    );
    topics.add('lost-found');
  }
  for (const p of data.paths) {
    await tx.query(
      'INSERT INTO paths (community, id, title, level, cohort_id, data) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
      [c, p.id, p.title, p.level, p.cohort?.id ?? null, JSON.stringify(p)],
    );
    topics.add(`learning/${p.id}`);
  }
  for (const x of data.checkIns) {
    await tx.query('INSERT INTO cohort_members (community, cohort_id, member_id, joined_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [c, x.cohortId, x.memberId, now]);
    await tx.query(
      'INSERT INTO check_ins (community, id, cohort_id, member_id, day, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
      [c, `seed-${x.cohortId}-${x.memberId}-${x.day}`.slice(0, 200), x.cohortId, x.memberId, x.day, now],
    );
  }
  for (const a of data.achievements) {
    await tx.query('INSERT INTO achievements (community, id, name, data) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [c, a.id, a.name, JSON.stringify(a)]);
  }
  for (const w of data.awards) {
    await tx.query(
      `INSERT INTO awards (community, id, input_id, achievement_id, recipient_id, recipient_name, issued_on, expires, revoked, revocation_reason, evidence, note, on_wall)
       VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
      [c, w.id, w.achievementId, w.recipientId, people.get(w.recipientId)!.displayName, new Date(w.issuedOn), w.expires && new Date(w.expires), w.revoked,
        w.revocationReason && w.revocationReason.replace(/\s+/g, ' '), JSON.stringify(w.evidence), w.note, w.onWall],
    );
  }
  if (data.awards.length || data.achievements.length) topics.add('badges');
  changes.push(...[...topics].map((topic): ChangeDraft => ({ topic, kind: 'updated', entity: 'dataset', id: c })));
}

export function seedRoutes(): Route[] {
  return [
    {
      method: 'post', path: '/seed', tag: 'seed', summary: 'Admins: load a dataset (idempotent by record ids)', body: Dataset, bodyLimit: 20 * 1024 * 1024,
      handler: async (ctx: Ctx<Dataset>) => {
        if (!isAdmin(ctx.member)) throw forbidden('adminsOnly');
        await ctx.write((tx, changes) => seedDataset(tx, ctx.community.id, ctx.body, ctx.now, changes));
        return undefined;
      },
    },
  ];
}
