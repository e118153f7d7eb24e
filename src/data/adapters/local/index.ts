/**
 * The embedded IndexedDB adapter: the whole backend contract in the visitor's browser, with no
 * server and nothing to configure. It serves demos, kiosks and personal learning progress.
 *
 * ```ts
 * import { createLocalBackend } from 'dorfplatz/adapters/local.js';
 * const backend = createLocalBackend({ community: 'musterdorf' });
 * await backend.seed(sampleData);
 * const page = await backend.feed.listPosts({ groupId: 'neuigkeiten' });
 * ```
 *
 * Several instances may share one database (`dbName`), each acting as its own identity; writes
 * of one reach the `subscribe` listeners of all of them, in this tab and others.
 */
import type {
  BadgesApi, Backend, BookingsApi, FeedApi, FilesApi, LearningApi, LostFoundApi, SessionApi, Topic,
} from '../../backend.js';
// Types only: the schemas (zod) load with the domains, never with this module.
import type { Change, Dataset } from '../../schema/index.js';
import { Core, type LocalBackendOptions } from './core.js';
import { lazyApi, once } from '../../lazy.js';
import { LocalSession } from './session.js';

export type { LocalBackendOptions } from './core.js';
export { DB_VERSION } from './schema.js';

/**
 * A `Backend` on IndexedDB. Create it with `createLocalBackend`; see `LocalBackendOptions` for
 * identities and the clock. Errors are `BackendError`s; a full or unavailable browser storage is
 * `unavailable` with a message saying so.
 *
 * Only the core (connection, identity, clock, live changes) and `session.current` load with this
 * module. Each domain's code, with its schemas, loads on the domain's first call (`import()`),
 * so a page with only a booking calendar never downloads the feed. If that code cannot be
 * fetched, the call rejects with `unavailable` and the next call tries again.
 */
export class LocalBackend implements Backend {
  readonly community: string;
  readonly session: SessionApi;
  readonly files: FilesApi;
  readonly feed: FeedApi;
  readonly bookings: BookingsApi;
  readonly lostFound: LostFoundApi;
  readonly learning: LearningApi;
  readonly badges: BadgesApi;
  private readonly core: Core;
  private readonly seeder: () => Promise<typeof import('./seed.js')>;

  constructor(options: LocalBackendOptions) {
    const core = (this.core = new Core(options));
    this.community = options.community;
    this.session = new LocalSession(core);
    this.files = lazyApi<FilesApi>('files', async () => new (await import('./files.js')).LocalFiles(core));
    this.feed = lazyApi<FeedApi>('feed', async () => new (await import('./feed.js')).LocalFeed(core));
    this.bookings = lazyApi<BookingsApi>('bookings', async () => new (await import('./bookings.js')).LocalBookings(core));
    this.lostFound = lazyApi<LostFoundApi>('lost & found', async () => new (await import('./lost-found.js')).LocalLostFound(core, options.lostFound?.expiryDays));
    this.learning = lazyApi<LearningApi>('learning', async () => new (await import('./learning.js')).LocalLearning(core));
    this.badges = lazyApi<BadgesApi>('badges', async () => new (await import('./badges.js')).LocalBadges(core));
    this.seeder = once('seed', () => import('./seed.js'));
  }

  /** The IndexedDB database name. */
  get dbName(): string {
    return this.core.dbName;
  }

  /**
   * Resolves once the database is open and a fixed identity is known to the other instances
   * (so a moderator can award a badge to a member who has not written anything yet). Every call
   * waits for this by itself; await it only to learn early that storage is unavailable.
   */
  ready(): Promise<void> {
    return this.core.ready();
  }

  subscribe(topic: Topic, listener: (change: Change) => void): () => void {
    return this.core.subscribe(topic, listener);
  }

  /** Validates with `Dataset` and inserts every record that does not exist yet, in one transaction. */
  async seed(dataset: Dataset): Promise<void> {
    const { seedDataset } = await this.seeder();
    return seedDataset(this.core, dataset);
  }

  /** Closes the connection and the broadcast channel, drops listeners and revokes file URLs. */
  close(): void {
    this.core.close();
  }
}

/**
 * Creates a local backend and starts opening its database in the background.
 *
 * @param options `community` is required; `dbName` defaults to `dorfplatz-<community>`;
 *   `identity` defaults to this browser's visitor; `now` to the real clock.
 */
export function createLocalBackend(options: LocalBackendOptions): LocalBackend {
  const backend = new LocalBackend(options);
  // Early open: a fixed identity becomes known before it acts; failures surface on the first call.
  backend.ready().catch(() => undefined);
  return backend;
}
