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
import type { Backend, Topic } from '../../backend.js';
import type { Change, Dataset } from '../../schema/index.js';
import { LocalBookings } from './bookings.js';
import { Core, type LocalBackendOptions } from './core.js';
import { LocalFeed } from './feed.js';
import { LocalLearning } from './learning.js';
import { LocalLostFound } from './lost-found.js';
import { LocalBadges } from './badges.js';
import { seedDataset } from './seed.js';
import { LocalFiles, LocalSession } from './session.js';

export type { LocalBackendOptions } from './core.js';
export { DB_VERSION } from './schema.js';

/**
 * A `Backend` on IndexedDB. Create it with `createLocalBackend`; see `LocalBackendOptions` for
 * identities and the clock. Errors are `BackendError`s; a full or unavailable browser storage is
 * `unavailable` with a message saying so.
 */
export class LocalBackend implements Backend {
  readonly community: string;
  readonly session: LocalSession;
  readonly files: LocalFiles;
  readonly feed: LocalFeed;
  readonly bookings: LocalBookings;
  readonly lostFound: LocalLostFound;
  readonly learning: LocalLearning;
  readonly badges: LocalBadges;
  private readonly core: Core;

  constructor(options: LocalBackendOptions) {
    this.core = new Core(options);
    this.community = options.community;
    this.session = new LocalSession(this.core);
    this.files = new LocalFiles(this.core);
    this.feed = new LocalFeed(this.core);
    this.bookings = new LocalBookings(this.core);
    this.lostFound = new LocalLostFound(this.core);
    this.learning = new LocalLearning(this.core);
    this.badges = new LocalBadges(this.core);
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
  seed(dataset: Dataset): Promise<void> {
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
