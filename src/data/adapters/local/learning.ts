/**
 * Learning paths, progress and cohorts on IndexedDB.
 *
 * Permissions: paths and cohort overviews are public (counts only, never who checked in).
 * Progress, step completion, joining and checking in need a member profile (the local visitor's
 * progress lives in this browser); `savePath`: community admins; `listPendingSignOffs` and
 * `signOff`: community moderators (mentors).
 */
import { parse, type LearningApi } from '../../backend.js';
import {
  CheckInInput, CompleteStepInput, Level, Path, SignOffInput, Slug,
  type CohortOverview, type Evidence, type Member, type PendingSignOff, type Progress, type PublicMember,
} from '../../schema/index.js';
import { cohortLastDay, checkInDay, isWithinCohort, streakOf } from '../../rules/streak.js';
import { deriveId } from '../../rules/token.js';
import type { ChangeDraft, Core } from './core.js';
import { forbidden, invalid, isAdmin, isModerator, notFound, prefixRange, publicMember } from './domain.js';
import { indexAward } from './badges.js';
import type { PathRecord, ProgressRecord, Tx } from './schema.js';

/** Adds the sign-off queue keys: one `[pathId, completedAt, memberId, stepId]` per awaiting step. */
export function indexProgress(progress: Omit<ProgressRecord, 'awaitingKeys'>): ProgressRecord {
  return {
    ...progress,
    awaitingKeys: progress.steps
      .filter((s) => s.state === 'awaiting-sign-off')
      .map((s) => [progress.pathId, s.completedAt, progress.memberId, s.stepId]),
  };
}

/** The deterministic id of the badge a path awards a member: replays and re-completions find it. */
export const pathAwardId = (pathId: string, memberId: string) => deriveId('path-award', pathId, memberId);

export function toPath(r: PathRecord): Path {
  return {
    id: r.id, title: r.title, description: r.description, level: r.level, steps: r.steps, prerequisites: r.prerequisites,
    badgeId: r.badgeId, cohort: r.cohort,
  };
}

function toProgress(r: ProgressRecord): Progress {
  return { pathId: r.pathId, member: publicMember(r.member), steps: r.steps.map((s) => ({ ...s })), completedAt: r.completedAt };
}

const emptyProgress = (pathId: string, member: PublicMember): ProgressRecord =>
  ({ pathId, memberId: member.id, member: publicMember(member), steps: [], completedAt: null, awaitingKeys: [] });

const hasEvidence = (e: Evidence | null) => !!e && (!!e.note?.trim() || !!e.url || !!e.photo);

export class LocalLearning implements LearningApi {
  constructor(private readonly core: Core) {}

  private async path(tx: Tx, pathId: string): Promise<PathRecord> {
    const path = await tx.objectStore('paths').get(pathId);
    if (!path) throw notFound('Path');
    return path;
  }

  /**
   * Sets or clears `completedAt` and, the first time every step is done, awards the path's
   * badge under a deterministic id, so un-completing and completing again awards nothing new.
   */
  private async save(tx: Tx<'readwrite'>, path: PathRecord, progress: ProgressRecord, awardId: string, now: string, changes: ChangeDraft[]) {
    const done = path.steps.every((step) => progress.steps.some((s) => s.stepId === step.id && s.state === 'done'));
    const record = indexProgress({ ...progress, completedAt: done ? progress.completedAt ?? now : null });
    await tx.objectStore('progress').put(record);
    changes.push({ topic: `learning/${path.id}`, kind: 'updated', entity: 'progress', id: record.memberId });
    if (done && path.badgeId && !(await tx.objectStore('awards').getKey(awardId))) {
      const achievement = await tx.objectStore('achievements').get(path.badgeId);
      if (achievement) {
        await tx.objectStore('awards').put(indexAward({
          id: awardId, inputId: `path-${path.id}`, achievementId: achievement.id, recipientId: record.memberId,
          recipient: record.member, issuedOn: now, expires: null, revoked: false, revocationReason: null,
          evidence: [{ narrative: path.title }], note: '', onWall: false,
        }));
        changes.push({ topic: 'badges', kind: 'created', entity: 'award', id: awardId });
      }
    }
    return toProgress(record);
  }

  async listPaths(query: { level?: Level } = {}): Promise<Path[]> {
    const level = query.level === undefined ? undefined : parse(Level, query.level);
    return this.core.read(['paths'], async (tx) => {
      const paths: Path[] = [];
      const store = tx.objectStore('paths');
      const cursorStart = level ? store.index('byLevel').openCursor(prefixRange([level])) : store.index('byTitle').openCursor();
      for (let c = await cursorStart; c; c = await c.continue()) paths.push(toPath(c.value));
      return paths;
    });
  }

  async getPath(pathId: string): Promise<Path> {
    parse(Slug, pathId);
    return this.core.read(['paths'], async (tx) => toPath(await this.path(tx, pathId)));
  }

  /** Admins. Step ids are unique within a path; a cohort id belongs to one path. */
  async savePath(input: Path): Promise<Path> {
    const path = parse(Path, input);
    if (!isAdmin(await this.core.actor())) throw forbidden('adminsOnly');
    const duplicate = path.steps.findIndex((s, i) => path.steps.findIndex((t) => t.id === s.id) !== i);
    if (duplicate >= 0) throw invalid(`steps.${duplicate}.id`, 'learning.duplicateStep');
    return this.core.write(['paths'], async (tx, changes) => {
      const paths = tx.objectStore('paths');
      if (path.cohort) {
        const owner = await paths.index('byCohort').getKey(path.cohort.id);
        if (owner !== undefined && owner !== path.id) throw invalid('cohort.id', 'learning.cohortTaken');
      }
      const existed = await paths.getKey(path.id);
      await paths.put({ ...path, ...(path.cohort && { cohortId: path.cohort.id }) });
      changes.push({ topic: `learning/${path.id}`, kind: existed ? 'updated' : 'created', entity: 'path', id: path.id });
      return path;
    });
  }

  async getProgress(pathId: string): Promise<Progress> {
    parse(Slug, pathId);
    const member = await this.core.member();
    return this.core.read(['paths', 'progress'], async (tx) => {
      await this.path(tx, pathId);
      return toProgress((await tx.objectStore('progress').get([pathId, member.id])) ?? emptyProgress(pathId, member));
    });
  }

  /**
   * `evidence: 'required'` steps need a note, link or photo (`learning.evidenceRequired`);
   * `signOff` steps wait `awaiting-sign-off` for a mentor. Completing a step twice changes nothing.
   */
  async completeStep(input: CompleteStepInput): Promise<Progress> {
    const c = parse(CompleteStepInput, input);
    const member = await this.core.member();
    const now = this.core.now().toISOString();
    const awardId = await pathAwardId(c.pathId, member.id);
    return this.core.write(['paths', 'progress', 'achievements', 'awards', 'files'], async (tx, changes) => {
      const path = await this.path(tx, c.pathId);
      const step = path.steps.find((s) => s.id === c.stepId);
      if (!step) throw notFound('Step');
      if (step.evidence === 'required' && !hasEvidence(c.evidence)) throw invalid('evidence', 'learning.evidenceRequired');
      if (c.evidence?.photo && !(await tx.objectStore('files').getKey(c.evidence.photo))) throw invalid('evidence.photo', 'file.unknown');
      const progress = (await tx.objectStore('progress').get([c.pathId, member.id])) ?? emptyProgress(c.pathId, member);
      if (progress.steps.some((s) => s.stepId === c.stepId)) return toProgress(progress);
      progress.steps.push({
        stepId: c.stepId, state: step.signOff ? 'awaiting-sign-off' : 'done', completedAt: now, evidence: c.evidence, confirmedBy: null,
      });
      return this.save(tx, path, progress, awardId, now, changes);
    });
  }

  async uncompleteStep(pathId: string, stepId: string): Promise<Progress> {
    parse(Slug, pathId);
    parse(Slug, stepId);
    const member = await this.core.member();
    const now = this.core.now().toISOString();
    const awardId = await pathAwardId(pathId, member.id);
    return this.core.write(['paths', 'progress', 'achievements', 'awards'], async (tx, changes) => {
      const path = await this.path(tx, pathId);
      const progress = (await tx.objectStore('progress').get([pathId, member.id])) ?? emptyProgress(pathId, member);
      if (!progress.steps.some((s) => s.stepId === stepId)) return toProgress(progress);
      progress.steps = progress.steps.filter((s) => s.stepId !== stepId);
      return this.save(tx, path, progress, awardId, now, changes);
    });
  }

  /** Mentors: steps waiting for sign-off on a path, oldest first. */
  async listPendingSignOffs(pathId: string): Promise<PendingSignOff[]> {
    parse(Slug, pathId);
    if (!isModerator(await this.core.actor())) throw forbidden('moderatorsOnly');
    return this.core.read(['paths', 'progress'], async (tx) => {
      await this.path(tx, pathId);
      const pending: PendingSignOff[] = [];
      const index = tx.objectStore('progress').index('awaiting');
      for (let c = await index.openCursor(prefixRange([pathId])); c; c = await c.continue()) {
        const stepId = (c.key as string[])[3];
        const step = c.value.steps.find((s) => s.stepId === stepId);
        if (step) pending.push({ pathId, stepId: step.stepId, member: publicMember(c.value.member), completedAt: step.completedAt, evidence: step.evidence });
      }
      return pending;
    });
  }

  /** Mentors: approve marks the step done (and may complete the path); reject sends it back to "not done". */
  async signOff(input: SignOffInput): Promise<Progress> {
    const s = parse(SignOffInput, input);
    const mentor = await this.core.member();
    if (!isModerator(mentor)) throw forbidden('moderatorsOnly');
    const now = this.core.now().toISOString();
    const awardId = await pathAwardId(s.pathId, s.memberId);
    return this.core.write(['paths', 'progress', 'achievements', 'awards'], async (tx, changes) => {
      const path = await this.path(tx, s.pathId);
      const progress = await tx.objectStore('progress').get([s.pathId, s.memberId]);
      const step = progress?.steps.find((p) => p.stepId === s.stepId);
      if (!progress || !step) throw notFound('Step progress');
      if (step.state === 'done') return toProgress(progress);
      progress.steps = s.approve
        ? progress.steps.map((p) => (p.stepId === s.stepId ? { ...p, state: 'done', confirmedBy: publicMember(mentor) } : p))
        : progress.steps.filter((p) => p.stepId !== s.stepId);
      return this.save(tx, path, progress, awardId, now, changes);
    });
  }

  private async overview(tx: Tx, path: PathRecord, member: Member | null, now: Date): Promise<CohortOverview> {
    const cohort = path.cohort!;
    const today = checkInDay(now, cohort.timeZone);
    const [participants, checkedInToday, joined, keys] = await Promise.all([
      tx.objectStore('cohortMembers').count(prefixRange([cohort.id])),
      tx.objectStore('checkIns').index('byDay').count([cohort.id, today]),
      member ? tx.objectStore('cohortMembers').getKey([cohort.id, member.id]) : undefined,
      member ? tx.objectStore('checkIns').getAllKeys(prefixRange([cohort.id, member.id])) : [],
    ]);
    const myDays = keys.map((key) => key[2]).sort();
    // After the last day the streak stays as it was when the cohort ended.
    const lastDay = cohortLastDay(cohort);
    return {
      cohort, participants, checkedInToday, joined: joined !== undefined, myDays,
      myStreak: streakOf(myDays, today < lastDay ? today : lastDay), today,
    };
  }

  private async cohortPath(tx: Tx, cohortId: string): Promise<PathRecord> {
    const path = await tx.objectStore('paths').index('byCohort').get(cohortId);
    if (!path?.cohort) throw notFound('Cohort');
    return path;
  }

  async cohort(cohortId: string): Promise<CohortOverview> {
    parse(Slug, cohortId);
    const member = await this.core.actor();
    const now = this.core.now();
    return this.core.read(['paths', 'cohortMembers', 'checkIns'], async (tx) => this.overview(tx, await this.cohortPath(tx, cohortId), member, now));
  }

  /** Before or during the cohort; after its last day: `learning.cohortEnded`. */
  async joinCohort(cohortId: string): Promise<CohortOverview> {
    parse(Slug, cohortId);
    const member = await this.core.member();
    const now = this.core.now();
    return this.core.write(['paths', 'cohortMembers', 'checkIns'], async (tx, changes) => {
      const path = await this.cohortPath(tx, cohortId);
      const cohort = path.cohort!;
      if (checkInDay(now, cohort.timeZone) > cohortLastDay(cohort)) throw invalid('cohortId', 'learning.cohortEnded');
      const members = tx.objectStore('cohortMembers');
      if (!(await members.getKey([cohortId, member.id]))) {
        await members.put({ cohortId, memberId: member.id, joinedAt: now.toISOString() });
        changes.push({ topic: `learning/${path.id}`, kind: 'created', entity: 'cohort-member', id: member.id });
      }
      return this.overview(tx, path, member, now);
    });
  }

  /**
   * One check-in per calendar day in the cohort's zone (a second one that day changes nothing);
   * outside `[start, start + days)`: `learning.outsideCohort`. Checking in joins the cohort.
   */
  async checkIn(input: CheckInInput): Promise<CohortOverview> {
    const c = parse(CheckInInput, input);
    const member = await this.core.member();
    const now = this.core.now();
    return this.core.write(['paths', 'cohortMembers', 'checkIns'], async (tx, changes) => {
      const path = await this.cohortPath(tx, c.cohortId);
      const checkIns = tx.objectStore('checkIns');
      if (await checkIns.index('byId').getKey(c.id)) return this.overview(tx, path, member, now);
      const cohort = path.cohort!;
      const day = checkInDay(now, cohort.timeZone);
      if (!isWithinCohort(cohort, day)) throw invalid('', 'learning.outsideCohort', { start: cohort.start, end: cohortLastDay(cohort) });
      if (!(await checkIns.getKey([c.cohortId, member.id, day]))) {
        const members = tx.objectStore('cohortMembers');
        if (!(await members.getKey([c.cohortId, member.id]))) {
          await members.put({ cohortId: c.cohortId, memberId: member.id, joinedAt: now.toISOString() });
        }
        await checkIns.put({ id: c.id, cohortId: c.cohortId, memberId: member.id, day, at: now.toISOString(), ...(c.note && { note: c.note }) });
        changes.push({ topic: `learning/${path.id}`, kind: 'created', entity: 'check-in', id: c.id });
      }
      return this.overview(tx, path, member, now);
    });
  }
}
