/**
 * Turns provider settings into a `DorfEnvironment`: creates (or adopts) the backend, follows the
 * session, and publishes a fresh environment object whenever anything changes. Used by
 * `<dorf-provider>` and by the page-wide default provider alike.
 */
import { BackendError, type Backend } from '../data/backend.js';
import type { Session } from '../data/schema/common.js';
import { findBackendFactory } from './backends.js';
import type { DorfEnvironment, Theme } from './context.js';

export interface EnvironmentSettings {
  /** `local` or a server URL; ignored when `adapter` is given. */
  backend: string;
  community: string;
  /** A ready backend instance, e.g. from a test or a CMS integration. */
  adapter?: Backend | undefined;
  locale: string | null;
  timeZone: string;
  theme: Theme;
}

export class EnvironmentSource {
  private settings?: EnvironmentSettings;
  private backend: Backend | null = null;
  /** Only a backend this source created is closed by it; an adopted `adapter` stays open. */
  private owned = false;
  private session: Session | null = null;
  private error: BackendError | null = null;
  private stopSessionUpdates?: () => void;

  constructor(private readonly publish: (environment: DorfEnvironment) => void) {}

  get current(): Backend | null {
    return this.backend;
  }

  configure(next: EnvironmentSettings): void {
    const previous = this.settings;
    this.settings = next;
    const needsBackend =
      !previous ||
      (!this.backend && !this.error) ||
      previous.adapter !== next.adapter ||
      (!next.adapter && (previous.backend !== next.backend || previous.community !== next.community));
    if (needsBackend) this.connect(next);
    this.emit();
  }

  /** Closes what this source opened; `configure` reconnects. */
  release(): void {
    this.stopSessionUpdates?.();
    this.stopSessionUpdates = undefined;
    if (this.owned) this.backend?.close();
    this.backend = null;
    this.owned = false;
    this.session = null;
    this.error = null;
    this.settings = undefined;
  }

  private connect(settings: EnvironmentSettings): void {
    const keep = { ...settings };
    this.release();
    this.settings = keep;
    try {
      if (settings.adapter) {
        this.backend = settings.adapter;
      } else {
        const factory = findBackendFactory(settings.backend);
        if (!factory) throw new BackendError('unavailable', `No adapter is registered for backend="${settings.backend}".`);
        this.backend = factory({ backend: settings.backend, community: settings.community });
        this.owned = true;
      }
    } catch (error) {
      this.error = BackendError.is(error) ? error : new BackendError('unavailable', String(error));
      return;
    }
    const backend = this.backend;
    // Only the latest read counts: a sign-in followed quickly by a sign-out must not end on the
    // answer of the first read arriving last.
    let reads = 0;
    const refreshSession = () => {
      const read = ++reads;
      return backend.session.current().then(
        (session) => {
          if (this.backend !== backend || read !== reads) return;
          this.session = session;
          this.emit();
        },
        (error: unknown) => {
          if (this.backend !== backend || read !== reads) return;
          this.error = BackendError.is(error) ? error : new BackendError('unavailable', String(error));
          this.emit();
        },
      );
    };
    this.stopSessionUpdates = backend.subscribe('session', () => void refreshSession());
    void refreshSession();
  }

  private emit(): void {
    const settings = this.settings;
    if (!settings) return;
    this.publish({
      backend: this.error ? null : this.backend,
      community: this.backend?.community ?? settings.community,
      locale: settings.locale,
      timeZone: settings.timeZone,
      theme: settings.theme,
      session: this.session,
      error: this.error,
    });
  }
}
