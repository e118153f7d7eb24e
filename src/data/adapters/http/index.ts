/**
 * The HTTP adapter: the backend contract over the reference server's JSON protocol
 * (`server/`, documented at `/openapi.json`).
 *
 * ```ts
 * const backend = createHttpBackend({ baseUrl: 'https://dorf.example.org', community: 'musterdorf', token });
 * ```
 *
 * Browser code: fetch and streams only. Every response is validated with the contract's
 * schemas; errors arrive as the server's `BackendError`. Reads and writes carrying an
 * idempotency key are retried with backoff on transient failures.
 *
 * Writes made offline or during an outage wait in the outbox (`backend.outbox`, see `outbox.ts`)
 * and reject with `BackendError('queued')`; they are sent exactly once when the connection is back.
 * `storage: 'session'` (default) keeps them for this tab, `'persistent'` in IndexedDB.
 */
import * as z from 'zod/mini';
import type {
  Backend, BadgesApi, BookingsApi, FeedApi, FilesApi, LearningApi, LostFoundApi, SessionApi, Topic,
} from '../../backend.js';
import { BackendError, check } from '../../backend.js';
import type { TokenChange } from '../../../core/backends.js';
import {
  AbuseReport, Achievement, Award, AwardInput, Booking, BookingReceipt, BookingRequest, CheckInInput, CohortOverview, Comment,
  CommentInput, CommitmentInput, CompleteStepInput, ContactInput, FileRef, Group, Highlights, Item, ItemInput, ItemReceipt, Member,
  Membership, OwnItem, page, Path, PendingSignOff, Post, PostInput, ProfileInput, Progress, PublicBooking, PublicMember, ReactionInput,
  Report, ReportInput, Resource, Session, SignInResult,
  type Change, type Credentials, type Dataset, type FileInput, type Page, type PageRequest,
} from '../../schema/index.js';
import { HttpClient, isOutage, type Call, type ClientOptions } from './client.js';
import { EventStream } from './events.js';
import { Outbox } from './outbox.js';
import type { OutboxApi, OutboxOperation, OutboxStorage } from './outbox-api.js';
import type { OutboxStore } from './outbox-store.js';

export type { OutboxApi, OutboxEntry, OutboxEvent, OutboxOperation, OutboxStorage, OutboxRefusal } from './outbox-api.js';
export { outboxOf } from './outbox-api.js';

export interface HttpBackendOptions extends ClientOptions {
  /** A member token signed by the host site, or a staff token from an earlier sign-in. */
  token?: string | null;
  /**
   * Called when the token changes, with why (`sign-in`, `use-token`, `sign-out`, or `expired` when
   * the server refused it as no longer valid), e.g. to keep a staff token in sessionStorage.
   */
  onTokenChange?: (token: string | null, change: TokenChange) => void;
  /**
   * Where writes made offline wait to be sent: `session` (default) for this tab only
   * (sessionStorage, or memory), `persistent` in IndexedDB (sent on the next visit too).
   */
  storage?: OutboxStorage;
  /** Outbox tuning, mostly for tests. */
  outbox?: {
    /** Names its storage and lock; default from the server URL and community. */
    name?: string;
    /** First and longest delay between delivery attempts; default 2 s and 5 min. */
    retryMs?: { min: number; max: number };
    /** A ready store instead of the one `storage` picks. */
    store?: OutboxStore;
  };
}

/** The HTTP adapter: the contract plus its outbox. */
export interface HttpBackend extends Backend {
  readonly outbox: OutboxApi;
}

/** What the outbox validates a delivered write's answer with, and the input before it queues one. */
const QUEUED: Record<OutboxOperation, { input: z.core.$ZodType; response?: z.core.$ZodType }> = {
  'session.updateProfile': { input: ProfileInput, response: Member },
  'feed.createPost': { input: PostInput, response: Post },
  'feed.addComment': { input: CommentInput, response: Comment },
  'feed.react': { input: ReactionInput, response: Post },
  'feed.commit': { input: CommitmentInput, response: Post },
  'feed.report': { input: ReportInput },
  'bookings.request': { input: BookingRequest, response: BookingReceipt },
  'lostFound.report': { input: ItemInput, response: ItemReceipt },
  'lostFound.contact': { input: ContactInput },
  'lostFound.reportAbuse': { input: AbuseReport },
  'learning.completeStep': { input: CompleteStepInput, response: Progress },
  'learning.checkIn': { input: CheckInInput, response: CohortOverview },
  'badges.award': { input: AwardInput, response: z.array(Award) },
};

/** Who a token speaks for: its member id (`sub`), without checking it (the server does); `anonymous` without one. */
function ownerOf(token: string | null): string {
  if (!token) return 'anonymous';
  try {
    const body = token.slice(0, token.indexOf('.'));
    const json = JSON.parse(atob(body.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown; c?: unknown };
    if (typeof json.sub === 'string') return `member:${json.sub}`;
  } catch {
    // not the reference server's token format
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193) >>> 0;
  return `token:${hash.toString(36)}`;
}

/** A short, stable name for the outbox's storage: community plus a hash of the server URL. */
function outboxName(baseUrl: string, community: string): string {
  let hash = 0x811c9dc5;
  for (const ch of baseUrl.replace(/\/+$/, '')) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `${community}-${hash.toString(36)}`;
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

const CalendarLink = z.object({ url: z.string().check(z.minLength(1), z.maxLength(2000)) });

const enc = encodeURIComponent;

function pageQuery(p: PageRequest | undefined): Record<string, string | number | undefined> {
  return { cursor: p?.cursor ?? undefined, limit: p?.limit };
}

/** Query values must be strings or numbers; anything else goes as JSON so the server can reject it. */
function queryOf(value: object): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    out[key] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  return out;
}

export function createHttpBackend(options: HttpBackendOptions): HttpBackend {
  const client = new HttpClient(options);
  client.token = options.token ?? null;
  const events = new EventStream(client, options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const localListeners = new Set<{ topic: string; listener: (c: Change) => void }>();
  let closed = false;

  const get = <T>(path: string, schema: z.core.$ZodType, query?: Call['query'], headers?: Record<string, string>) =>
    client.send<T>({ method: 'GET', path, schema, query, headers, retry: true });
  /** Writes carrying an id (or otherwise repeatable) are retried; the server answers a replay with the first result. */
  const write = <T>(method: Call['method'], path: string, body: unknown, schema?: z.core.$ZodType, extra: Partial<Call> = {}) =>
    client.send<T>({ method, path, body, schema, retry: true, ...extra });

  /** Absolute file URLs in whatever the server returned. */
  const withUrls = <T>(value: T): T => {
    const fix = (ref: FileRef | null | undefined) => {
      if (ref) ref.url = client.resolve(ref.url);
    };
    const visit = (v: unknown) => {
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.items)) o.items.forEach(visit);
      if (Array.isArray(o.attachments)) (o.attachments as FileRef[]).forEach(fix);
      if ('photo' in o && o.photo && typeof o.photo === 'object') fix(o.photo as FileRef);
      if (o.item) visit(o.item);
      if (Array.isArray(o.urgent)) o.urgent.forEach(visit);
      if (Array.isArray(o.pinned)) o.pinned.forEach(visit);
    };
    if (Array.isArray(value)) value.forEach(visit);
    else visit(value);
    return value;
  };

  const outbox = new Outbox({
    client,
    storage: options.storage ?? 'session',
    name: options.outbox?.name ?? outboxName(options.baseUrl, options.community),
    owner: () => ownerOf(client.token),
    schemas: Object.fromEntries(Object.entries(QUEUED).map(([op, { response }]) => [op, response])),
    finish: withUrls,
    ...(options.outbox?.retryMs && { retryMs: options.outbox.retryMs }),
    ...(options.outbox?.store && { store: options.outbox.store }),
  });

  /**
   * A write that may wait in the outbox: sent at once when online; kept (and rejected with
   * `queued`) when offline or when the attempt meets an outage. Its key is the input's id, or
   * `key` for writes that replace each other (a reaction's latest on/off, the profile).
   */
  const queueable = async <T>(operation: OutboxOperation, method: Call['method'], path: string, input: unknown, key?: string): Promise<T> => {
    const k = key ?? String((input as { id?: unknown } | null)?.id ?? crypto.randomUUID());
    const call = { method, path, body: input };
    const keep = async () => {
      // Offline nobody else checks the input: say what is wrong now, not after the trip.
      const checked = check(QUEUED[operation].input, input);
      if (!checked.ok) throw BackendError.invalid(checked.issues);
      return outbox.enqueue(operation, call, input, k);
    };
    if (isOffline()) throw await keep();
    try {
      const result = await client.send<T>({ ...call, schema: QUEUED[operation].response, retry: true });
      void outbox.settled(k);
      return result;
    } catch (error) {
      if (isOutage(error) && !closed) throw await keep();
      throw error;
    }
  };

  const setToken = (token: string | null, change: TokenChange) => {
    client.token = token;
    options.onTokenChange?.(token, change);
    events.reconnect();
    const event: Change = { topic: 'session', kind: 'updated', entity: 'session', id: 'session', at: new Date().toISOString() };
    for (const l of [...localListeners]) if (l.topic === 'session') l.listener(event);
  };

  /** The server's word for a token it does not accept (expired, or signed with an old secret). */
  const isBadToken = (error: unknown) => BackendError.is(error, 'forbidden') && error.issues.some((i) => i.code === 'session.badToken');

  const session: SessionApi = {
    /**
     * A token the server no longer accepts (a staff token past its 12 hours, kept in this tab) is
     * dropped: the visitor is anonymous again (`onTokenChange(null, 'expired')`), not locked out.
     */
    async current() {
      const sent = client.token;
      try {
        return await get<Session>('/session', Session);
      } catch (error) {
        if (!sent || !isBadToken(error) || client.token !== sent) throw error;
        setToken(null, 'expired');
        return get<Session>('/session', Session);
      }
    },
    /** Username and password, plus the one-time `code` for accounts with two-factor sign-in. */
    async signIn(credentials: Credentials) {
      const result = await write<SignInResult>('POST', '/session/sign-in', credentials, SignInResult, { retry: false });
      setToken(result.token, 'sign-in');
      return result.session;
    },
    async useToken(token) {
      const previous = client.token;
      client.token = token;
      try {
        const s = await get<Session>('/session', Session);
        setToken(token, 'use-token');
        return s;
      } catch (error) {
        client.token = previous;
        throw error;
      }
    },
    async signOut() {
      setToken(null, 'sign-out');
      return { community: options.community, member: null };
    },
    updateProfile: (input) => queueable<Member>('session.updateProfile', 'PUT', '/session/profile', input, 'session.updateProfile'),
  };

  const files: FilesApi = {
    async upload(input: FileInput) {
      if (!(input?.blob instanceof Blob)) throw BackendError.invalid([{ path: 'blob', code: 'invalidType' }]);
      const query = queryOf({ id: input.id, name: input.name, width: input.width, height: input.height });
      return withUrls(await client.send<FileRef>({ method: 'POST', path: '/files', query, body: input.blob, schema: FileRef, retry: true }));
    },
  };

  const feed: FeedApi = {
    listGroups: () => get('/feed/groups', z.array(Group)),
    getGroup: (groupId) => get(`/feed/groups/${enc(groupId)}`, Group),
    saveGroup: (input) => write('PUT', '/feed/groups', input, Group),
    join: (groupId, request) => write('POST', `/feed/groups/${enc(groupId)}/join`, request ?? {}, Membership),
    leave: (groupId) => write('POST', `/feed/groups/${enc(groupId)}/leave`, {}),
    acceptRules: (groupId) => write('POST', `/feed/groups/${enc(groupId)}/accept-rules`, {}, Membership),
    listMembers: (groupId, p) => get(`/feed/groups/${enc(groupId)}/members`, page(Membership), pageQuery(p)),
    inviteCandidates: (groupId, query) => get(`/feed/groups/${enc(groupId)}/candidates`, page(PublicMember), queryOf(query ?? {})),
    listPosts: async (query) => withUrls(await get<Page<Post>>('/feed/posts', page(Post), queryOf(query))),
    highlights: async (groupId) => withUrls(await get<z.infer<typeof Highlights>>(`/feed/groups/${enc(groupId)}/highlights`, Highlights)),
    getPost: async (postId) => withUrls(await get<Post>(`/feed/posts/${enc(postId)}`, Post)),
    createPost: async (input) => withUrls(await queueable<Post>('feed.createPost', 'POST', '/feed/posts', input)),
    updatePost: async (postId, patch) => withUrls(await write<Post>('PATCH', `/feed/posts/${enc(postId)}`, patch, Post)),
    // A retried delete whose first attempt went through would answer `not-found`: no retry.
    deletePost: (postId) => write('DELETE', `/feed/posts/${enc(postId)}`, undefined, undefined, { retry: false }),
    react: async (input) => withUrls(await queueable<Post>('feed.react', 'POST', '/feed/reactions', input, `feed.react/${input?.postId}/${input?.reaction}`)),
    listComments: (query) => get('/feed/comments', page(Comment), queryOf(query)),
    addComment: (input) => queueable('feed.addComment', 'POST', '/feed/comments', input),
    deleteComment: (commentId) => write('DELETE', `/feed/comments/${enc(commentId)}`, undefined, undefined, { retry: false }),
    commit: async (input) => withUrls(await queueable<Post>('feed.commit', 'POST', '/feed/commitments', input)),
    withdraw: async (input) => withUrls(await write<Post>('POST', '/feed/withdrawals', input, Post)),
    report: (input) => queueable('feed.report', 'POST', '/feed/reports', input),
    listReports: (query) => get('/feed/reports', page(Report), queryOf(query)),
    listPending: async (groupId, p) => withUrls(await get<Page<Post>>(`/feed/groups/${enc(groupId)}/pending`, page(Post), pageQuery(p))),
    moderate: (action) => write('POST', '/feed/moderation', action),
  };

  const token = (manageToken: string) => ({ 'X-Manage-Token': typeof manageToken === 'string' ? manageToken : '' });

  const bookings: BookingsApi = {
    listResources: () => get('/bookings/resources', z.array(Resource)),
    getResource: (resourceId) => get(`/bookings/resources/${enc(resourceId)}`, Resource),
    saveResource: (resource) => write('PUT', '/bookings/resources', resource, Resource),
    occupancy: (query) => get('/bookings/occupancy', z.array(PublicBooking), queryOf(query)),
    // The server names the feed's address (root-relative unless it knows its public URL).
    calendarUrl: async (resourceId) =>
      client.resolve((await get<{ url: string }>(`/bookings/resources/${enc(resourceId)}/calendar`, CalendarLink)).url),
    request: (input) => queueable('bookings.request', 'POST', '/bookings/requests', input),
    getByToken: (manageToken) => get('/bookings/manage', Booking, undefined, token(manageToken)),
    cancelByToken: (manageToken) => write('POST', '/bookings/manage/cancel', {}, Booking, { headers: token(manageToken) }),
    list: (query) => get('/bookings', page(Booking), queryOf(query)),
    decide: (decision) => write('POST', '/bookings/decisions', decision, Booking),
    cancel: (bookingId, reason) => write('POST', `/bookings/${enc(bookingId)}/cancel`, { reason }, Booking),
  };

  const lostFound: LostFoundApi = {
    list: async (query) => withUrls(await get<Page<Item>>('/lost-found/items', page(Item), queryOf(query ?? {}))),
    get: async (itemId) => withUrls(await get<Item>(`/lost-found/items/${enc(itemId)}`, Item)),
    report: async (input) => withUrls(await queueable<z.infer<typeof ItemReceipt>>('lostFound.report', 'POST', '/lost-found/items', input)),
    contact: (input) => queueable('lostFound.contact', 'POST', '/lost-found/contacts', input),
    matches: async (itemId) => withUrls(await get<Item[]>(`/lost-found/items/${enc(itemId)}/matches`, z.array(Item))),
    getOwn: async (manageToken) => withUrls(await get<z.infer<typeof OwnItem>>('/lost-found/own', OwnItem, undefined, token(manageToken))),
    updateOwn: async (manageToken, patch) => withUrls(await write<Item>('PATCH', '/lost-found/own', patch, Item, { headers: token(manageToken) })),
    closeOwn: async (manageToken, status) => withUrls(await write<Item>('POST', '/lost-found/own/close', { status }, Item, { headers: token(manageToken) })),
    reportAbuse: (input) => queueable('lostFound.reportAbuse', 'POST', '/lost-found/abuse-reports', input),
    hide: (itemId, hidden) => write('PUT', `/lost-found/items/${enc(itemId)}/hidden`, { hidden }),
  };

  const learning: LearningApi = {
    listPaths: (query) => get('/learning/paths', z.array(Path), queryOf(query ?? {})),
    getPath: (pathId) => get(`/learning/paths/${enc(pathId)}`, Path),
    savePath: (path) => write('PUT', '/learning/paths', path, Path),
    getProgress: (pathId) => get(`/learning/paths/${enc(pathId)}/progress`, Progress),
    completeStep: (input) => queueable('learning.completeStep', 'POST', '/learning/completions', input),
    uncompleteStep: (pathId, stepId) => write('POST', '/learning/uncompletions', { pathId, stepId }, Progress),
    listPendingSignOffs: (pathId) => get(`/learning/paths/${enc(pathId)}/sign-offs`, z.array(PendingSignOff)),
    signOff: (input) => write('POST', '/learning/sign-offs', input, Progress),
    cohort: (cohortId) => get(`/learning/cohorts/${enc(cohortId)}`, CohortOverview),
    joinCohort: (cohortId) => write('POST', `/learning/cohorts/${enc(cohortId)}/join`, {}, CohortOverview),
    checkIn: (input) => queueable('learning.checkIn', 'POST', '/learning/check-ins', input),
  };

  const badges: BadgesApi = {
    listAchievements: () => get('/badges/achievements', z.array(Achievement)),
    saveAchievement: (achievement) => write('PUT', '/badges/achievements', achievement, Achievement),
    listAwards: (query) => get('/badges/awards', page(Award), queryOf(query)),
    wall: (p) => get('/badges/wall', page(Award), pageQuery(p)),
    getAward: (awardId) => get(`/badges/awards/${enc(awardId)}`, Award),
    recipients: (query) => get('/badges/recipients', page(PublicMember), queryOf(query)),
    award: (input) => queueable('badges.award', 'POST', '/badges/awards', input),
    revoke: (input) => write('POST', '/badges/revocations', input, Award),
    setWallConsent: (input) => write('POST', '/badges/wall-consents', input, Award),
  };

  return {
    community: options.community,
    outbox,
    session,
    files,
    feed,
    bookings,
    lostFound,
    learning,
    badges,
    subscribe(topic: Topic, listener: (change: Change) => void) {
      if (topic === 'session') {
        // Session changes of this backend (sign-in, sign-out) happen here, not on the server.
        const entry = { topic, listener };
        localListeners.add(entry);
        return () => localListeners.delete(entry);
      }
      return events.subscribe(topic, listener);
    },
    seed: (dataset: Dataset) => write('POST', '/seed', dataset, undefined, { retry: true }),
    close() {
      closed = true;
      outbox.close();
      events.close();
      localListeners.clear();
    },
  };
}
