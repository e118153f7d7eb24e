/** Learning paths, progress with evidence and mentor sign-off, cohort challenges with streaks. */
import * as z from 'zod/mini';
import { CalendarDate, Id, Instant, line, PublicMember, SafeUrl, Slug, text, TimeZone } from './common.js';

export const Level = z.enum(['beginner', 'intermediate', 'advanced']);
export type Level = z.infer<typeof Level>;

export const StepResource = z.object({ label: line(1, 120), url: SafeUrl });

export const Step = z.object({
  id: Slug,
  title: line(1, 140),
  description: text(0, 4000),
  resources: z.array(StepResource).check(z.maxLength(10)),
  milestone: z.boolean(),
  evidence: z.enum(['none', 'optional', 'required']),
  /** The step waits "zur Bestätigung" until a mentor (moderator) confirms it. */
  signOff: z.boolean(),
});
export type Step = z.infer<typeof Step>;

export const Cohort = z.object({
  id: Slug,
  pathId: z.nullable(Slug),
  title: line(1, 140),
  /** First day of the challenge, in `timeZone`. */
  start: CalendarDate,
  days: z.int().check(z.minimum(1), z.maximum(366)),
  timeZone: TimeZone,
});
export type Cohort = z.infer<typeof Cohort>;

export const Path = z.object({
  id: Slug,
  title: line(1, 140),
  description: text(0, 4000),
  level: Level,
  steps: z.array(Step).check(z.minLength(1), z.maxLength(100)),
  /** Paths to complete first (shown as advice, enforced by nothing). */
  prerequisites: z.array(Slug),
  /** Achievement awarded once when every step is done. */
  badgeId: z.nullable(Slug),
  cohort: z.nullable(Cohort),
});
export type Path = z.infer<typeof Path>;

export const Evidence = z.object({
  note: z.optional(text(0, 2000)),
  url: z.optional(SafeUrl),
  photo: z.optional(Id),
});
export type Evidence = z.infer<typeof Evidence>;

export const StepState = z.enum(['done', 'awaiting-sign-off']);
export const StepProgress = z.object({
  stepId: Slug,
  state: StepState,
  completedAt: Instant,
  evidence: z.nullable(Evidence),
  confirmedBy: z.nullable(PublicMember),
});
export type StepProgress = z.infer<typeof StepProgress>;

export const Progress = z.object({
  pathId: Slug,
  member: PublicMember,
  steps: z.array(StepProgress),
  /** Set when the last step became `done`; the path's badge is awarded then, once. */
  completedAt: z.nullable(Instant),
});
export type Progress = z.infer<typeof Progress>;

export const CompleteStepInput = z.object({
  id: Id,
  pathId: Slug,
  stepId: Slug,
  evidence: z.nullable(Evidence),
});
export type CompleteStepInput = z.infer<typeof CompleteStepInput>;

export const SignOffInput = z.object({
  pathId: Slug,
  stepId: Slug,
  memberId: Id,
  approve: z.boolean(),
});
export type SignOffInput = z.infer<typeof SignOffInput>;

export const PendingSignOff = z.object({
  pathId: Slug,
  stepId: Slug,
  member: PublicMember,
  completedAt: Instant,
  evidence: z.nullable(Evidence),
});
export type PendingSignOff = z.infer<typeof PendingSignOff>;

export const CheckInInput = z.object({ id: Id, cohortId: Slug, note: z.optional(line(0, 200)) });
export type CheckInInput = z.infer<typeof CheckInInput>;

/**
 * A cohort as one participant sees it. Counts only: who did not check in is never exposed.
 */
export const CohortOverview = z.object({
  cohort: Cohort,
  participants: z.int().check(z.nonnegative()),
  checkedInToday: z.int().check(z.nonnegative()),
  joined: z.boolean(),
  /** The current member's check-in days, ascending. */
  myDays: z.array(CalendarDate),
  myStreak: z.int().check(z.nonnegative()),
  today: CalendarDate,
});
export type CohortOverview = z.infer<typeof CohortOverview>;
