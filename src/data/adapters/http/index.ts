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
 */
import * as z from 'zod/mini';
import type {
  Backend, BadgesApi, BookingsApi, FeedApi, FilesApi, LearningApi, LostFoundApi, SessionApi, Topic,
} from '../../backend.js';
import { BackendError } from '../../backend.js';
import {
  Achievement, Award, Booking, BookingReceipt, CohortOverview, Comment, FileRef, Group, Highlights, Item, ItemReceipt, Member,
  Membership, OwnItem, page, Path, PendingSignOff, Post, Progress, PublicBooking, PublicMember, Report, Resource, Session,
  type Change, type Dataset, type FileInput, type Page, type PageRequest,
} from '../../schema/index.js';
import { HttpClient, type Call, type ClientOptions } from './client.js';
import { EventStream } from './events.js';

export interface HttpBackendOptions extends ClientOptions {
  /** A member token signed by the host site, or a staff token from an earlier sign-in. */
  token?: string | null;
  /** Called when the token changes (sign-in, `useToken`, sign-out), e.g. to keep it in sessionStorage. */
  onTokenChange?: (token: string | null) => void;
}

const SignInResult = z.object({ session: Session, token: z.string() });
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

export function createHttpBackend(options: HttpBackendOptions): Backend {
  const client = new HttpClient(options);
  client.token = options.token ?? null;
  const events = new EventStream(client, options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const localListeners = new Set<{ topic: string; listener: (c: Change) => void }>();

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

  const setToken = (token: string | null) => {
    client.token = token;
    options.onTokenChange?.(token);
    const change: Change = { topic: 'session', kind: 'updated', entity: 'session', id: 'session', at: new Date().toISOString() };
    for (const l of [...localListeners]) if (l.topic === 'session') l.listener(change);
  };

  const session: SessionApi = {
    current: () => get<Session>('/session', Session),
    async signIn(credentials) {
      const result = await write<z.infer<typeof SignInResult>>('POST', '/session/sign-in', credentials, SignInResult, { retry: false });
      setToken(result.token);
      return result.session;
    },
    async useToken(token) {
      const previous = client.token;
      client.token = token;
      try {
        const s = await get<Session>('/session', Session);
        setToken(token);
        return s;
      } catch (error) {
        client.token = previous;
        throw error;
      }
    },
    async signOut() {
      setToken(null);
      return { community: options.community, member: null };
    },
    updateProfile: (input) => write<Member>('PUT', '/session/profile', input, Member),
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
    createPost: async (input) => withUrls(await write<Post>('POST', '/feed/posts', input, Post)),
    updatePost: async (postId, patch) => withUrls(await write<Post>('PATCH', `/feed/posts/${enc(postId)}`, patch, Post)),
    // A retried delete whose first attempt went through would answer `not-found`: no retry.
    deletePost: (postId) => write('DELETE', `/feed/posts/${enc(postId)}`, undefined, undefined, { retry: false }),
    react: async (input) => withUrls(await write<Post>('POST', '/feed/reactions', input, Post)),
    listComments: (query) => get('/feed/comments', page(Comment), queryOf(query)),
    addComment: (input) => write('POST', '/feed/comments', input, Comment),
    deleteComment: (commentId) => write('DELETE', `/feed/comments/${enc(commentId)}`, undefined, undefined, { retry: false }),
    commit: async (input) => withUrls(await write<Post>('POST', '/feed/commitments', input, Post)),
    withdraw: async (input) => withUrls(await write<Post>('POST', '/feed/withdrawals', input, Post)),
    report: (input) => write('POST', '/feed/reports', input),
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
    request: (input) => write('POST', '/bookings/requests', input, BookingReceipt),
    getByToken: (manageToken) => get('/bookings/manage', Booking, undefined, token(manageToken)),
    cancelByToken: (manageToken) => write('POST', '/bookings/manage/cancel', {}, Booking, { headers: token(manageToken) }),
    list: (query) => get('/bookings', page(Booking), queryOf(query)),
    decide: (decision) => write('POST', '/bookings/decisions', decision, Booking),
    cancel: (bookingId, reason) => write('POST', `/bookings/${enc(bookingId)}/cancel`, { reason }, Booking),
  };

  const lostFound: LostFoundApi = {
    list: async (query) => withUrls(await get<Page<Item>>('/lost-found/items', page(Item), queryOf(query ?? {}))),
    get: async (itemId) => withUrls(await get<Item>(`/lost-found/items/${enc(itemId)}`, Item)),
    report: async (input) => withUrls(await write<z.infer<typeof ItemReceipt>>('POST', '/lost-found/items', input, ItemReceipt)),
    contact: (input) => write('POST', '/lost-found/contacts', input),
    matches: async (itemId) => withUrls(await get<Item[]>(`/lost-found/items/${enc(itemId)}/matches`, z.array(Item))),
    getOwn: async (manageToken) => withUrls(await get<z.infer<typeof OwnItem>>('/lost-found/own', OwnItem, undefined, token(manageToken))),
    updateOwn: async (manageToken, patch) => withUrls(await write<Item>('PATCH', '/lost-found/own', patch, Item, { headers: token(manageToken) })),
    closeOwn: async (manageToken, status) => withUrls(await write<Item>('POST', '/lost-found/own/close', { status }, Item, { headers: token(manageToken) })),
    reportAbuse: (input) => write('POST', '/lost-found/abuse-reports', input),
    hide: (itemId, hidden) => write('PUT', `/lost-found/items/${enc(itemId)}/hidden`, { hidden }),
  };

  const learning: LearningApi = {
    listPaths: (query) => get('/learning/paths', z.array(Path), queryOf(query ?? {})),
    getPath: (pathId) => get(`/learning/paths/${enc(pathId)}`, Path),
    savePath: (path) => write('PUT', '/learning/paths', path, Path),
    getProgress: (pathId) => get(`/learning/paths/${enc(pathId)}/progress`, Progress),
    completeStep: (input) => write('POST', '/learning/completions', input, Progress),
    uncompleteStep: (pathId, stepId) => write('POST', '/learning/uncompletions', { pathId, stepId }, Progress),
    listPendingSignOffs: (pathId) => get(`/learning/paths/${enc(pathId)}/sign-offs`, z.array(PendingSignOff)),
    signOff: (input) => write('POST', '/learning/sign-offs', input, Progress),
    cohort: (cohortId) => get(`/learning/cohorts/${enc(cohortId)}`, CohortOverview),
    joinCohort: (cohortId) => write('POST', `/learning/cohorts/${enc(cohortId)}/join`, {}, CohortOverview),
    checkIn: (input) => write('POST', '/learning/check-ins', input, CohortOverview),
  };

  const badges: BadgesApi = {
    listAchievements: () => get('/badges/achievements', z.array(Achievement)),
    saveAchievement: (achievement) => write('PUT', '/badges/achievements', achievement, Achievement),
    listAwards: (query) => get('/badges/awards', page(Award), queryOf(query)),
    wall: (p) => get('/badges/wall', page(Award), pageQuery(p)),
    getAward: (awardId) => get(`/badges/awards/${enc(awardId)}`, Award),
    award: (input) => write('POST', '/badges/awards', input, z.array(Award)),
    revoke: (input) => write('POST', '/badges/revocations', input, Award),
    setWallConsent: (input) => write('POST', '/badges/wall-consents', input, Award),
  };

  return {
    community: options.community,
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
      events.close();
      localListeners.clear();
    },
  };
}
