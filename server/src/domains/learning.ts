/**
 * Learning paths, progress and cohorts. Paths and cohort overviews are public (counts only);
 * progress, completing steps, joining and checking in need a member; `savePath`: admins;
 * sign-offs: moderators (mentors). Completing the last step awards the path's badge once,
 * under a deterministic id (`rules/token.ts` `deriveId`), in the same transaction.
 */
import * as z from 'zod/mini';
import {
  CheckInInput, CohortOverview, CompleteStepInput, Level, Path, PendingSignOff, Progress, SignOffInput, Slug,
  type Evidence, type StepProgress,
} from '../../../src/data/schema/index.js';
import { checkInDay, cohortLastDay, isWithinCohort, streakOf } from '../../../src/data/rules/streak.js';
import { deriveId } from '../../../src/data/rules/token.js';
import { PG, pgCode, type Sql } from '../db.js';
import { forbidden, invalid, notFound } from '../errors.js';
import type { Ctx, Route } from '../http.js';
import type { ChangeDraft } from '../changes.js';
import { day, isAdmin, isModerator, iso, requireMember } from './common.js';

interface ProgressRow {
  path_id: string;
  member_id: string;
  member_name: string;
  steps: StepProgress[];
  completed_at: Date | string | null;
}

const toProgress = (r: ProgressRow): Progress => ({
  pathId: r.path_id, member: { id: r.member_id, displayName: r.member_name }, steps: r.steps.map((s) => ({ ...s })),
  completedAt: r.completed_at === null ? null : iso(r.completed_at),
});

const hasEvidence = (e: Evidence | null) => !!e && (!!e.note?.trim() || !!e.url || !!e.photo);

export const pathAwardId = (pathId: string, memberId: string) => deriveId('path-award', pathId, memberId);

async function pathOf(ctx: Ctx, sql: Sql, pathId: string): Promise<Path> {
  const rows = await sql.query<{ data: Path }>('SELECT data FROM paths WHERE community = $1 AND id = $2', [ctx.community.id, pathId]);
  if (!rows[0]) throw notFound('Path');
  return rows[0].data;
}

async function progressOf(ctx: Ctx, sql: Sql, pathId: string, member: { id: string; displayName: string }, lock = false): Promise<ProgressRow> {
  const rows = await sql.query<ProgressRow>(
    `SELECT path_id, member_id, member_name, steps, completed_at FROM progress WHERE community = $1 AND path_id = $2 AND member_id = $3${lock ? ' FOR UPDATE' : ''}`,
    [ctx.community.id, pathId, member.id],
  );
  return rows[0] ?? { path_id: pathId, member_id: member.id, member_name: member.displayName, steps: [], completed_at: null };
}

/** Stores progress; the first time every step is done, awards the path's badge once. */
async function save(ctx: Ctx, tx: Sql, path: Path, p: ProgressRow, changes: ChangeDraft[]): Promise<Progress> {
  const done = path.steps.every((step) => p.steps.some((s) => s.stepId === step.id && s.state === 'done'));
  const completedAt = done ? p.completed_at ?? ctx.now : null;
  await tx.query(
    `INSERT INTO progress (community, path_id, member_id, member_name, steps, completed_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (community, path_id, member_id) DO UPDATE SET steps = excluded.steps, completed_at = excluded.completed_at`,
    [ctx.community.id, path.id, p.member_id, p.member_name, JSON.stringify(p.steps), completedAt],
  );
  changes.push({ topic: `learning/${path.id}`, kind: 'updated', entity: 'progress', id: p.member_id });
  if (done && path.badgeId) {
    const awardId = await pathAwardId(path.id, p.member_id);
    const rows = await tx.query(
      `INSERT INTO awards (community, id, input_id, achievement_id, recipient_id, recipient_name, issued_on, evidence, note)
       SELECT $1, $2, $3, a.id, $5, $6, $7, $8, '' FROM achievements a WHERE a.community = $1 AND a.id = $4
       ON CONFLICT (community, id) DO NOTHING RETURNING id`,
      [ctx.community.id, awardId, `path-${path.id}`, path.badgeId, p.member_id, p.member_name, ctx.now, JSON.stringify([{ narrative: path.title }])],
    );
    if (rows.length) changes.push({ topic: 'badges', kind: 'created', entity: 'award', id: awardId });
  }
  return toProgress({ ...p, completed_at: completedAt });
}

async function cohortPath(ctx: Ctx, sql: Sql, cohortId: string): Promise<Path & { cohort: NonNullable<Path['cohort']> }> {
  const rows = await sql.query<{ data: Path }>('SELECT data FROM paths WHERE community = $1 AND cohort_id = $2', [ctx.community.id, cohortId]);
  if (!rows[0]?.data.cohort) throw notFound('Cohort');
  return rows[0].data as Path & { cohort: NonNullable<Path['cohort']> };
}

async function overview(ctx: Ctx, sql: Sql, path: Path & { cohort: NonNullable<Path['cohort']> }): Promise<CohortOverview> {
  const cohort = path.cohort;
  const today = checkInDay(ctx.now, cohort.timeZone);
  const me = ctx.member?.id ?? null;
  const rows = await sql.query<{ participants: number; today_count: number; joined: boolean; days: (Date | string)[] | null }>(
    `SELECT (SELECT count(*)::int FROM cohort_members WHERE community = $1 AND cohort_id = $2) AS participants,
            (SELECT count(*)::int FROM check_ins WHERE community = $1 AND cohort_id = $2 AND day = $4) AS today_count,
            EXISTS (SELECT 1 FROM cohort_members WHERE community = $1 AND cohort_id = $2 AND member_id = $3) AS joined,
            (SELECT array_agg(day ORDER BY day) FROM check_ins WHERE community = $1 AND cohort_id = $2 AND member_id = $3) AS days`,
    [ctx.community.id, cohort.id, me, today],
  );
  const r = rows[0]!;
  const myDays = (r.days ?? []).map(day);
  const lastDay = cohortLastDay(cohort);
  return {
    cohort, participants: r.participants, checkedInToday: r.today_count, joined: r.joined, myDays,
    myStreak: streakOf(myDays, today < lastDay ? today : lastDay), today,
  };
}

const LevelQuery = z.object({ level: z.optional(Level) });
const Uncomplete = z.object({ pathId: Slug, stepId: Slug });
const Empty = z.object({});

export function learningRoutes(): Route[] {
  return [
    {
      method: 'get', path: '/learning/paths', tag: 'learning', summary: 'Learning paths, by title', query: LevelQuery, response: z.array(Path),
      handler: async (ctx: Ctx<unknown, z.infer<typeof LevelQuery>>) => {
        const rows = await ctx.db.query<{ data: Path }>(
          'SELECT data FROM paths WHERE community = $1 AND ($2::text IS NULL OR level = $2) ORDER BY title, id', [ctx.community.id, ctx.query.level ?? null],
        );
        return rows.map((r) => r.data);
      },
    },
    {
      method: 'get', path: '/learning/paths/:pathId', tag: 'learning', summary: 'One path', params: { pathId: Slug }, response: Path,
      handler: async (ctx) => pathOf(ctx, ctx.db, ctx.params.pathId!),
    },
    {
      method: 'put', path: '/learning/paths', tag: 'learning', summary: 'Admins: create or update a path', body: Path, response: Path,
      handler: async (ctx: Ctx<Path>) => {
        if (!isAdmin(ctx.member)) throw forbidden('adminsOnly');
        const path = ctx.body;
        const duplicate = path.steps.findIndex((s, i) => path.steps.findIndex((t) => t.id === s.id) !== i);
        if (duplicate >= 0) throw invalid(`steps.${duplicate}.id`, 'learning.duplicateStep');
        try {
          return await ctx.write(async (tx, changes) => {
            const rows = await tx.query<{ inserted: boolean }>(
              `INSERT INTO paths (community, id, title, level, cohort_id, data) VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (community, id) DO UPDATE SET title = excluded.title, level = excluded.level, cohort_id = excluded.cohort_id, data = excluded.data
               RETURNING (xmax = 0) AS inserted`,
              [ctx.community.id, path.id, path.title, path.level, path.cohort?.id ?? null, JSON.stringify(path)],
            );
            changes.push({ topic: `learning/${path.id}`, kind: rows[0]?.inserted ? 'created' : 'updated', entity: 'path', id: path.id });
            return path;
          });
        } catch (error) {
          if (pgCode(error) === PG.uniqueViolation) throw invalid('cohort.id', 'learning.cohortTaken');
          throw error;
        }
      },
    },
    {
      method: 'get', path: '/learning/paths/:pathId/progress', tag: 'learning', summary: "The member's progress on a path", params: { pathId: Slug }, response: Progress,
      handler: async (ctx) => {
        const member = requireMember(ctx.member);
        await pathOf(ctx, ctx.db, ctx.params.pathId!);
        return toProgress(await progressOf(ctx, ctx.db, ctx.params.pathId!, member));
      },
    },
    {
      method: 'post', path: '/learning/completions', tag: 'learning', summary: 'Complete a step (with evidence)', body: CompleteStepInput, response: Progress,
      handler: async (ctx: Ctx<CompleteStepInput>) => {
        const member = requireMember(ctx.member);
        const c = ctx.body;
        return ctx.write(async (tx, changes) => {
          const path = await pathOf(ctx, tx, c.pathId);
          const step = path.steps.find((s) => s.id === c.stepId);
          if (!step) throw notFound('Step');
          if (step.evidence === 'required' && !hasEvidence(c.evidence)) throw invalid('evidence', 'learning.evidenceRequired');
          if (c.evidence?.photo) {
            const f = await tx.query('SELECT 1 FROM files WHERE community = $1 AND id = $2', [ctx.community.id, c.evidence.photo]);
            if (!f.length) throw invalid('evidence.photo', 'file.unknown');
          }
          // Serialise this member's progress on this path (concurrent tabs).
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`progress:${ctx.community.id}:${c.pathId}:${member.id}`]);
          const p = await progressOf(ctx, tx, c.pathId, member, true);
          if (p.steps.some((s) => s.stepId === c.stepId)) return toProgress(p);
          p.steps.push({ stepId: c.stepId, state: step.signOff ? 'awaiting-sign-off' : 'done', completedAt: ctx.now.toISOString(), evidence: c.evidence, confirmedBy: null });
          return save(ctx, tx, path, p, changes);
        });
      },
    },
    {
      method: 'post', path: '/learning/uncompletions', tag: 'learning', summary: 'Take back a completed step', body: Uncomplete, response: Progress,
      handler: async (ctx: Ctx<z.infer<typeof Uncomplete>>) => {
        const member = requireMember(ctx.member);
        const { pathId, stepId } = ctx.body;
        return ctx.write(async (tx, changes) => {
          const path = await pathOf(ctx, tx, pathId);
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`progress:${ctx.community.id}:${pathId}:${member.id}`]);
          const p = await progressOf(ctx, tx, pathId, member, true);
          if (!p.steps.some((s) => s.stepId === stepId)) return toProgress(p);
          p.steps = p.steps.filter((s) => s.stepId !== stepId);
          return save(ctx, tx, path, p, changes);
        });
      },
    },
    {
      method: 'get', path: '/learning/paths/:pathId/sign-offs', tag: 'learning', summary: 'Mentors: steps waiting for sign-off, oldest first',
      params: { pathId: Slug }, response: z.array(PendingSignOff),
      handler: async (ctx) => {
        if (!isModerator(ctx.member)) throw forbidden('moderatorsOnly');
        const pathId = ctx.params.pathId!;
        await pathOf(ctx, ctx.db, pathId);
        const rows = await ctx.db.query<ProgressRow>(
          `SELECT path_id, member_id, member_name, steps, completed_at FROM progress
           WHERE community = $1 AND path_id = $2 AND steps @> '[{"state": "awaiting-sign-off"}]'`, [ctx.community.id, pathId],
        );
        return rows
          .flatMap((r) => r.steps.filter((s) => s.state === 'awaiting-sign-off').map((s): PendingSignOff => ({
            pathId, stepId: s.stepId, member: { id: r.member_id, displayName: r.member_name }, completedAt: s.completedAt, evidence: s.evidence,
          })))
          .sort((a, b) => a.completedAt.localeCompare(b.completedAt) || a.member.id.localeCompare(b.member.id) || a.stepId.localeCompare(b.stepId));
      },
    },
    {
      method: 'post', path: '/learning/sign-offs', tag: 'learning', summary: 'Mentors: approve or send back a step', body: SignOffInput, response: Progress,
      handler: async (ctx: Ctx<SignOffInput>) => {
        const mentor = requireMember(ctx.member);
        if (!isModerator(mentor)) throw forbidden('moderatorsOnly');
        const s = ctx.body;
        return ctx.write(async (tx, changes) => {
          const path = await pathOf(ctx, tx, s.pathId);
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`progress:${ctx.community.id}:${s.pathId}:${s.memberId}`]);
          const rows = await tx.query<ProgressRow>(
            'SELECT path_id, member_id, member_name, steps, completed_at FROM progress WHERE community = $1 AND path_id = $2 AND member_id = $3 FOR UPDATE',
            [ctx.community.id, s.pathId, s.memberId],
          );
          const p = rows[0];
          const step = p?.steps.find((x) => x.stepId === s.stepId);
          if (!p || !step) throw notFound('Step progress');
          if (step.state === 'done') return toProgress(p);
          p.steps = s.approve
            ? p.steps.map((x) => (x.stepId === s.stepId ? { ...x, state: 'done' as const, confirmedBy: { id: mentor.id, displayName: mentor.displayName } } : x))
            : p.steps.filter((x) => x.stepId !== s.stepId);
          return save(ctx, tx, path, p, changes);
        });
      },
    },
    {
      method: 'get', path: '/learning/cohorts/:cohortId', tag: 'learning', summary: 'A cohort challenge (counts only)', params: { cohortId: Slug }, response: CohortOverview,
      handler: async (ctx) => overview(ctx, ctx.db, await cohortPath(ctx, ctx.db, ctx.params.cohortId!)),
    },
    {
      method: 'post', path: '/learning/cohorts/:cohortId/join', tag: 'learning', summary: 'Join a cohort challenge', params: { cohortId: Slug }, body: Empty, response: CohortOverview,
      handler: async (ctx) => {
        const member = requireMember(ctx.member);
        return ctx.write(async (tx, changes) => {
          const path = await cohortPath(ctx, tx, ctx.params.cohortId!);
          if (checkInDay(ctx.now, path.cohort.timeZone) > cohortLastDay(path.cohort)) throw invalid('cohortId', 'learning.cohortEnded');
          const rows = await tx.query(
            'INSERT INTO cohort_members (community, cohort_id, member_id, joined_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1',
            [ctx.community.id, path.cohort.id, member.id, ctx.now],
          );
          if (rows.length) changes.push({ topic: `learning/${path.id}`, kind: 'created', entity: 'cohort-member', id: member.id });
          return overview(ctx, tx, path);
        });
      },
    },
    {
      method: 'post', path: '/learning/check-ins', tag: 'learning', summary: "A cohort check-in: one per day in the cohort's zone", body: CheckInInput, response: CohortOverview,
      handler: async (ctx: Ctx<CheckInInput>) => {
        const member = requireMember(ctx.member);
        const c = ctx.body;
        return ctx.write(async (tx, changes) => {
          const path = await cohortPath(ctx, tx, c.cohortId);
          const seen = await tx.query('SELECT 1 FROM check_ins WHERE community = $1 AND id = $2', [ctx.community.id, c.id]);
          if (seen.length) return overview(ctx, tx, path);
          const cohort = path.cohort;
          const today = checkInDay(ctx.now, cohort.timeZone);
          if (!isWithinCohort(cohort, today)) throw invalid('', 'learning.outsideCohort', { start: cohort.start, end: cohortLastDay(cohort) });
          await tx.query('INSERT INTO cohort_members (community, cohort_id, member_id, joined_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [ctx.community.id, c.cohortId, member.id, ctx.now]);
          const rows = await tx.query(
            `INSERT INTO check_ins (community, id, cohort_id, member_id, day, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT DO NOTHING RETURNING 1`,
            [ctx.community.id, c.id, c.cohortId, member.id, today, ctx.now, c.note || null],
          );
          if (rows.length) changes.push({ topic: `learning/${path.id}`, kind: 'created', entity: 'check-in', id: c.id });
          return overview(ctx, tx, path);
        });
      },
    },
  ];
}
