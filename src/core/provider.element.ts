import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Backend } from '../data/backend.js';
import { outboxOf, type OutboxEvent } from '../data/adapters/http/outbox-api.js';
import { findBackendFactory, type TokenChange } from './backends.js';
import { DEFAULT_COMMUNITY, DEFAULT_TIME_ZONE, environmentContext, type Theme } from './context.js';
import { EnvironmentSource } from './environment.js';

declare global {
  interface DorfEventMap {
    /**
     * The outbox of the provider's backend changed: a write was queued, delivered, refused on
     * delivery (`failed`: show it with what to do) or discarded. Fired by `<dorf-provider>`.
     */
    'dorf-outbox': OutboxEvent;
  }
}

/** Where a server backend keeps what the visitor's browser must hold (the outbox of unsent writes). */
export type StorageSetting = 'session' | 'persistent';

/**
 * A server backend created with a `storage` setting (the factories receive it next to `backend`
 * and `community`), or `undefined` for `local` (persistent by nature: its data is the browser's
 * own) and for values no adapter serves (the environment reports those).
 */
export function createServerBackend(backend: string, community: string, storage: StorageSetting): Backend | undefined {
  if (backend.trim() === 'local') return undefined;
  const factory = findBackendFactory(backend);
  if (!factory) return undefined;
  const kept = staffToken(backend, community);
  try {
    return factory({ backend, community, storage, token: kept.read(), onTokenChange: kept.write } as Parameters<typeof factory>[0]);
  } catch {
    return undefined;
  }
}

/**
 * Where a moderator's or admin's token from a password sign-in waits for a reload of the tab:
 * sessionStorage (this tab only, gone when it is closed), per server and community. Only a
 * `sign-in` stores; a sign-out, a member token handed over by the host site and an expired
 * token remove it, so anonymous visitors and members never get anything stored.
 */
export function staffToken(backend: string, community: string) {
  const key = `dorfplatz:staff-token:${community}@${backend}`;
  // sessionStorage may be missing, blocked or full: then the sign-in holds until the tab reloads.
  const use = <T>(f: (s: Storage) => T): T | null => {
    try {
      return f(sessionStorage);
    } catch {
      return null;
    }
  };
  return {
    read: (): string | null => use((s) => s.getItem(key)) || null,
    write: (token: string | null, change: TokenChange): void =>
      void use((s) => (token && change === 'sign-in' ? s.setItem(key, token) : s.removeItem(key))),
  };
}

/**
 * @summary Connects the Dorfplatz widgets inside it to a backend, a community, a language,
 * a time zone and a theme. Widgets outside any provider use a page-wide default
 * (local browser storage, community `default`).
 *
 * @slot - Any content: widgets anywhere below (also deep inside other markup) use this provider.
 *
 * @attr backend - `local` (default: data stays in this browser, no server) or the URL of a
 *   Dorfplatz server, e.g. `https://dorf.example.org`. With a server, a moderator's or admin's
 *   sign-in (`<dorf-sign-in>`) counts for every widget inside and survives a reload of the tab:
 *   its token waits in sessionStorage until the tab is closed or they sign out (nothing is stored
 *   for anyone else).
 * @attr community - The community id, e.g. `musterdorf`.
 * @attr lang - Language for all widgets inside: `de` or `en`. Unset: the page's `<html lang>`.
 * @attr time-zone - IANA time zone for dates and times, default `Europe/Berlin`.
 * @attr theme - `auto` (default: follows the visitor's system), `light` or `dark`.
 * @attr storage - For a server backend: where this browser keeps writes made offline until they
 *   are sent. `session` (default): for this tab only (sessionStorage), nothing stays after it is
 *   closed. `persistent`: in IndexedDB, sent on the next visit too; enable it where visitors expect
 *   it. The `local` backend always stores in IndexedDB: its data lives in the browser.
 *
 * @prop {Backend | undefined} adapter - A ready backend instance; overrides `backend`.
 *
 * @fires dorf-outbox - The backend's outbox changed: `detail.type` is `queued`, `delivered`
 *   (with `detail.result`), `failed` (the server refused a queued write; `detail.entry.refusal`
 *   says why) or `discarded`. Bubbles and crosses shadow roots. Only backends with an outbox
 *   (a server backend) fire it.
 *
 * @example
 * ```html
 * <dorf-provider community="musterdorf" lang="de">
 *   <dorf-group-feed group="neuigkeiten"></dorf-group-feed>
 * </dorf-provider>
 * ```
 */
export class DorfProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
      color-scheme: light dark;
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
  `;

  @property() backend = 'local';
  @property() community = DEFAULT_COMMUNITY;
  @property({ reflect: true }) override lang = '';
  @property({ attribute: 'time-zone' }) timeZone = DEFAULT_TIME_ZONE;
  @property({ reflect: true }) theme: Theme = 'auto';
  @property({ attribute: false }) adapter?: Backend;
  @property() storage: StorageSetting = 'session';

  /** The server backend this provider created for its `storage` setting (closed with it). */
  private own: { key: string; backend: Backend } | null = null;

  private readonly context = new ContextProvider(this, { context: environmentContext });
  private readonly source = new EnvironmentSource((environment) => {
    this.context.setValue(environment);
    this.followOutbox(environment.backend);
  });
  private outboxOf: Backend | null = null;
  private stopOutbox?: () => void;

  /** Re-fires the outbox's changes of the current backend as `dorf-outbox` events. */
  private followOutbox(backend: Backend | null): void {
    if (backend === this.outboxOf) return;
    this.stopOutbox?.();
    this.stopOutbox = undefined;
    this.outboxOf = backend;
    this.stopOutbox = outboxOf(backend)?.subscribe((event) => {
      this.dispatchEvent(new CustomEvent('dorf-outbox', { detail: event, bubbles: true, composed: true }));
    });
  }

  /** The backend the widgets inside use right now (`null` if it could not be created). */
  get activeBackend(): Backend | null {
    return this.source.current;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnect after a move in the DOM, which released the backend.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.source.release();
    this.followOutbox(null);
    this.own?.backend.close();
    this.own = null;
  }

  /** The backend for `backend` + `community` + `storage`, created once per combination. */
  private serverBackend(): Backend | undefined {
    const storage: StorageSetting = this.storage === 'persistent' ? 'persistent' : 'session';
    const key = `${this.backend}\n${this.community}\n${storage}`;
    if (this.own?.key === key) return this.own.backend;
    const backend = createServerBackend(this.backend, this.community, storage);
    this.own = backend ? { key, backend } : null;
    return backend;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const previous = this.own;
    if (this.adapter) this.own = null;
    this.source.configure({
      backend: this.backend,
      community: this.community,
      adapter: this.adapter ?? this.serverBackend(),
      locale: this.lang || null,
      timeZone: this.timeZone,
      theme: this.theme,
    });
    if (previous && previous !== this.own) previous.backend.close();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
