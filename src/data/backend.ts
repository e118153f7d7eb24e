/**
 * The backend contract: everything a widget may ask of a backend, and nothing else.
 *
 * Widgets talk only to this interface; each adapter (IndexedDB, HTTP, a CMS plugin…)
 * implements it and proves it with the contract test kit (`dorfplatz/contract`).
 * Every value crossing it is described by a zod schema in `./schema/`.
 *
 * Rules every adapter keeps:
 * - Inputs are validated with the schemas; a bad input rejects with `BackendError('validation')`
 *   carrying field issues, and nothing is written.
 * - Writes carry a client-generated `id`; repeating a write with the same id returns the first
 *   result and creates nothing new (idempotency key).
 * - Lists are paged by opaque cursor and filtered by the backend, never by the widget.
 * - Public reads never contain private fields: the public shapes simply do not have them.
 * - Permissions are enforced here, not by hiding buttons.
 */
import type * as z from 'zod/mini';
import type {
  Achievement, AbuseReport, Alternative, Award, AwardInput, AwardQuery, Booking, BookingDecision, CandidateQuery,
  BookingQuery, BookingReceipt, BookingRequest, CheckInInput, CohortOverview, Comment, CommentInput,
  CommentQuery, CommitmentInput, CompleteStepInput, ContactInput, Credentials, FileInput, FileRef,
  Group, GroupInput, Highlights, Item, ItemInput, ItemPatch, ItemQuery, ItemReceipt, JoinRequest, Level, Member,
  Membership, ModerationAction, OccupancyQuery, OwnItem, Page, PageRequest, Path, PendingSignOff, Post,
  PostInput, PostPatch, PostQuery, ProfileInput, Progress, PublicBooking, PublicMember, ReactionInput, Report,
  ReportInput, ReportQuery, Resource, RevokeInput, Session, SignOffInput, WallConsentInput,
  WithdrawInput, Change, Dataset,
} from './schema/index.js';


// ---------------------------------------------------------------------------------------------
// Errors

export type BackendErrorCode =
  | 'validation'
  | 'conflict'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'unavailable'
  | 'queued';

/**
 * One problem with one field. `code` is a message key: a generic one (`required`, `tooLong`…)
 * or a domain rule (`booking.leadTime`…). Widgets turn it into words with the catalogue.
 */
export interface FieldIssue {
  /** Dot path of the field in the input, e.g. `requester.email`; empty for the whole input. */
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface BackendErrorDetails {
  issues?: FieldIssue[];
  /** `conflict` on a booking: nearby free ranges to offer instead. */
  alternatives?: Alternative[];
  /** `rate-limited`: seconds until another try makes sense. */
  retryAfter?: number;
  /** `queued`: the id of the write waiting in the outbox. */
  queuedId?: string;
}

/** The only error type an adapter rejects with. Serializable, so it crosses HTTP unchanged. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  constructor(
    readonly code: BackendErrorCode,
    message: string = code,
    readonly details: BackendErrorDetails = {},
  ) {
    super(message);
  }

  get issues(): FieldIssue[] {
    return this.details.issues ?? [];
  }

  toJSON() {
    return { code: this.code, message: this.message, details: this.details };
  }

  static is(error: unknown, code?: BackendErrorCode): error is BackendError {
    return error instanceof BackendError && (code === undefined || error.code === code);
  }

  static invalid(issues: FieldIssue[]): BackendError {
    return new BackendError('validation', issues.map((i) => `${i.path || '(input)'}: ${i.code}`).join('; '), {
      issues,
    });
  }
}

/** `not-found` for a record asked for by id. */
export const notFound = (what: string): BackendError => new BackendError('not-found', `${what} not found`);

/** A permission error with a catalogue key the widget can explain ("join the group first"). */
export const forbidden = (code: string, params?: Record<string, string | number>): BackendError =>
  new BackendError('forbidden', code, { issues: [params ? { path: '', code, params } : { path: '', code }] });

/** One field issue as a `validation` error. */
export const invalid = (path: string, code: string, params?: Record<string, string | number>): BackendError =>
  BackendError.invalid([params ? { path, code, params } : { path, code }]);

export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw BackendError.invalid(issues);
}

// ---------------------------------------------------------------------------------------------
// Validation: zod issues to field issues

type ZodIssue = z.core.$ZodIssue;

/** Maps one zod issue to a catalogue key with parameters. */
export function toFieldIssue(issue: ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { path, code: 'required' } : { path, code: 'tooShort', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { path, code: 'tooFew', params: { min } };
      return { path, code: 'tooSmall', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { path, code: 'tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { path, code: 'tooMany', params: { max } };
      if (issue.origin === 'file') return { path, code: 'file.tooLarge', params: { max } };
      return { path, code: 'tooBig', params: { max } };
    }
    case 'invalid_format':
      return { path, code: `format.${issue.format === 'regex' ? 'pattern' : issue.format}` };
    case 'invalid_value':
      return issue.values.length === 1 && issue.values[0] === true
        ? { path, code: 'mustAccept' }
        : { path, code: 'invalidChoice' };
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? { path, code: 'required' }
        : { path, code: 'invalidType' };
    case 'custom':
      return { path, code: issue.message || 'invalid' };
    default:
      return { path, code: 'invalid' };
  }
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Validates without throwing: for forms that show issues at the fields. */
export function check<S extends z.core.$ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  // `reportInput` lets `toFieldIssue` tell a wrong type (`invalidType`) from a missing value (`required`).
  const result = (schema as unknown as z.ZodMiniType).safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data as z.output<S> };
  return { ok: false, issues: result.error.issues.map(toFieldIssue) };
}

/** Validates or throws `BackendError('validation')`: for adapters and the server. */
export function parse<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = check(schema, input);
  if (!result.ok) throw BackendError.invalid(result.issues);
  return result.value;
}

// ---------------------------------------------------------------------------------------------
// The contract, domain by domain

export interface SessionApi {
  current(): Promise<Session>;
  /** Moderators and admins sign in with a password. */
  signIn(credentials: Credentials): Promise<Session>;
  /** A member token signed by the host site (HTTP adapter); the local adapter ignores it. */
  useToken(token: string): Promise<Session>;
  signOut(): Promise<Session>;
  /** Visitors choose the name others see; a local visitor gets a profile on first write. */
  updateProfile(input: ProfileInput): Promise<Member>;
}

export interface FilesApi {
  /** Stores an already downscaled, metadata-free image or a PDF; limits in `FILE_LIMITS`. */
  upload(input: FileInput): Promise<FileRef>;
}

export interface FeedApi {
  /** Every group of the community; members-only and private ones are listed, their content stays closed. */
  listGroups(): Promise<Group[]>;
  getGroup(groupId: string): Promise<Group>;
  /** Admins: create or update a group. */
  saveGroup(input: GroupInput): Promise<Group>;
  join(groupId: string, request: JoinRequest): Promise<Membership>;
  leave(groupId: string): Promise<void>;
  /** Accept the group's current house rules; required once before the first post. */
  acceptRules(groupId: string): Promise<Membership>;
  /** Moderators: members and pending requests of a group. */
  listMembers(groupId: string, page: PageRequest): Promise<Page<Membership>>;
  /**
   * Moderators of the group: community members who are not in it yet (no active, pending or
   * invited membership), ordered by folded display name then id, filtered by `q` (case- and accent-insensitive
   * part of the name); to invite someone with `moderate({ action: 'invite', … })`.
   */
  inviteCandidates(groupId: string, query: CandidateQuery): Promise<Page<PublicMember>>;

  /** Newest first; excludes active urgent notices and pinned posts (see `highlights`). */
  listPosts(query: PostQuery): Promise<Page<Post>>;
  highlights(groupId: string): Promise<Highlights>;
  getPost(postId: string): Promise<Post>;
  createPost(input: PostInput): Promise<Post>;
  updatePost(postId: string, patch: PostPatch): Promise<Post>;
  deletePost(postId: string): Promise<void>;
  react(input: ReactionInput): Promise<Post>;

  listComments(query: CommentQuery): Promise<Page<Comment>>;
  addComment(input: CommentInput): Promise<Comment>;
  deleteComment(commentId: string): Promise<void>;

  /** "Mach mit!": never beyond a slot's capacity, even under concurrent commitments. */
  commit(input: CommitmentInput): Promise<Post>;
  withdraw(input: WithdrawInput): Promise<Post>;

  report(input: ReportInput): Promise<void>;
  /** Moderators: the report queue. */
  listReports(query: ReportQuery): Promise<Page<Report>>;
  /** Moderators: posts waiting for approval in a group. */
  listPending(groupId: string, page: PageRequest): Promise<Page<Post>>;
  moderate(action: ModerationAction): Promise<void>;
}

export interface BookingsApi {
  listResources(): Promise<Resource[]>;
  getResource(resourceId: string): Promise<Resource>;
  /** Admins. */
  saveResource(resource: Resource): Promise<Resource>;
  /** Public occupancy of a range: no person, only when and whether confirmed. */
  occupancy(query: OccupancyQuery): Promise<PublicBooking[]>;
  /**
   * An address calendar apps can subscribe to: the resource's public occupancy as iCalendar
   * (no person, like `occupancy`), kept current by the backend. `null` where there is no such
   * address (the local adapter: the data lives in one browser); widgets then offer a download.
   */
  calendarUrl(resourceId: string): Promise<string | null>;
  /**
   * Requests a booking. Rejects with `conflict` (and nearby `alternatives`) when the range
   * overlaps a requested or confirmed booking, checked and written in one atomic step.
   */
  request(input: BookingRequest): Promise<BookingReceipt>;
  getByToken(manageToken: string): Promise<Booking>;
  cancelByToken(manageToken: string): Promise<Booking>;
  /** Admins. */
  list(query: BookingQuery): Promise<Page<Booking>>;
  decide(decision: BookingDecision): Promise<Booking>;
  cancel(bookingId: string, reason: string): Promise<Booking>;
}

export interface LostFoundApi {
  /** Open items only, newest first, filtered and searched by the backend. */
  list(query: ItemQuery): Promise<Page<Item>>;
  get(itemId: string): Promise<Item>;
  report(input: ItemInput): Promise<ItemReceipt>;
  /** The relay: the message reaches the reporter; no address is revealed to either side. */
  contact(input: ContactInput): Promise<void>;
  /** Suggestions from the opposite list: same category, nearby dates, similar words. */
  matches(itemId: string): Promise<Item[]>;
  getOwn(manageToken: string): Promise<OwnItem>;
  updateOwn(manageToken: string, patch: ItemPatch): Promise<Item>;
  /** Mark as returned ("Zurückgegeben") or withdraw. */
  closeOwn(manageToken: string, status: 'resolved' | 'withdrawn'): Promise<Item>;
  reportAbuse(input: AbuseReport): Promise<void>;
  /** Moderators. */
  hide(itemId: string, hidden: boolean): Promise<void>;
}

export interface LearningApi {
  listPaths(query?: { level?: Level }): Promise<Path[]>;
  getPath(pathId: string): Promise<Path>;
  /** Admins. */
  savePath(path: Path): Promise<Path>;
  /** The session's progress (a local visitor's lives in the browser). */
  getProgress(pathId: string): Promise<Progress>;
  /** Completing the last step awards the path's badge, once. */
  completeStep(input: CompleteStepInput): Promise<Progress>;
  uncompleteStep(pathId: string, stepId: string): Promise<Progress>;
  /** Mentors (moderators). */
  listPendingSignOffs(pathId: string): Promise<PendingSignOff[]>;
  signOff(input: SignOffInput): Promise<Progress>;
  cohort(cohortId: string): Promise<CohortOverview>;
  joinCohort(cohortId: string): Promise<CohortOverview>;
  /** One per day in the cohort's time zone; outside the cohort's dates is a validation error. */
  checkIn(input: CheckInInput): Promise<CohortOverview>;
}

export interface BadgesApi {
  listAchievements(): Promise<Achievement[]>;
  /** Admins. */
  saveAchievement(achievement: Achievement): Promise<Achievement>;
  listAwards(query: AwardQuery): Promise<Page<Award>>;
  /** The recognition wall: recent awards whose recipients agreed to be shown. */
  wall(page: PageRequest): Promise<Page<Award>>;
  getAward(awardId: string): Promise<Award>;
  /**
   * Moderators: community members to award (the award form's picker), ordered by folded display
   * name then id, filtered by `q` (case- and accent-insensitive part of the name).
   */
  recipients(query: CandidateQuery): Promise<Page<PublicMember>>;
  /** Moderators: award to one or many members. */
  award(input: AwardInput): Promise<Award[]>;
  revoke(input: RevokeInput): Promise<Award>;
  /** The recipient only. */
  setWallConsent(input: WallConsentInput): Promise<Award>;
}

/** Topics for `subscribe`; see `Change` for what a listener receives. */
export type Topic =
  | `feed/${string}`
  | `bookings/${string}`
  | 'lost-found'
  | `learning/${string}`
  | 'badges'
  | 'session';

export interface Backend {
  /** The community this backend instance serves. */
  readonly community: string;
  readonly session: SessionApi;
  readonly files: FilesApi;
  readonly feed: FeedApi;
  readonly bookings: BookingsApi;
  readonly lostFound: LostFoundApi;
  readonly learning: LearningApi;
  readonly badges: BadgesApi;
  /**
   * Live changes, also from other tabs (local) or other visitors (server).
   * Returns the function that ends the subscription.
   */
  subscribe(topic: Topic, listener: (change: Change) => void): () => void;
  /**
   * Loads a dataset (sample data, an import). Idempotent by record ids. Admins only on a
   * shared server; always allowed locally (the data is the visitor's own).
   */
  seed(dataset: Dataset): Promise<void>;
  /** Releases connections and listeners. */
  close(): void;
}

