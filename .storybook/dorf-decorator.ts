/**
 * Wraps every story in `<dorf-provider lang=… theme=…>` (from the toolbar globals) and, when a
 * story asks for sample data, gives the provider a fresh, seeded local backend:
 *
 * ```ts
 * export const Admin: Story = {
 *   parameters: { dorf: { sample: 'municipality', identity: { … }, state: 'offline' } },
 * };
 * ```
 *
 * - `sample`: which sample community to seed (`municipality`, `club`, `parish`); `null` turns off
 *   a sample set on the meta (parameters merge deeply, so `{}` would keep it), e.g. for a story
 *   whose own loader returns `{ dorfBackend }`.
 * - `identity`: who is looking (passed to `createLocalBackend`); omitted = anonymous visitor.
 * - `state`: `loading` (nothing ever answers), `error` (everything fails with `unavailable`),
 *   `offline` (reads work, writes are `queued` in the outbox). `session.current()` always
 *   answers, so a widget still knows who is looking.
 *
 * Each story render gets its own IndexedDB database, so stories never see each other's writes;
 * databases of earlier stories are closed and deleted.
 */
import { html } from 'lit';
import type { Decorator, Loader } from '@storybook/web-components-vite';
import '../src/core/provider.js';
import { DEFAULT_COMMUNITY } from '../src/core/context.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { BackendError, type Backend } from '../src/data/backend.js';
import { clubSample, municipalitySample, parishSample } from '../src/data/sample/index.js';

export type SampleName = 'municipality' | 'club' | 'parish';
export type StoryState = 'loading' | 'error' | 'offline';
type LocalOptions = Parameters<typeof createLocalBackend>[0];

/** `parameters.dorf` of a story. */
export interface DorfParameters {
  sample?: SampleName | null;
  identity?: LocalOptions['identity'];
  state?: StoryState;
}

export type Locale = 'de' | 'en';
export type ThemeName = 'light' | 'dark' | 'auto';

const SAMPLES = { municipality: municipalitySample, club: clubSample, parish: parishSample } as const;
const DB_PREFIX = 'dorf-story-';

// ---------------------------------------------------------------------------------------------
// Backends per story

interface Open {
  backend: Backend;
  dbName: string;
}
let open: Open[] = [];
let counter = 0;

function release(list: Open[]): void {
  for (const { backend, dbName } of list) {
    try {
      backend.close();
    } catch {
      // already closed
    }
    indexedDB.deleteDatabase(dbName);
  }
}

/** Databases left behind by an earlier Storybook session in this browser. */
async function deleteLeftovers(): Promise<void> {
  const databases = (await indexedDB.databases?.()) ?? [];
  for (const { name } of databases) if (name?.startsWith(DB_PREFIX)) indexedDB.deleteDatabase(name);
}
const leftoversGone = deleteLeftovers().catch(() => undefined);

/**
 * Storybook loader (runs before the story renders): creates and seeds the story's backend and
 * hands it to the decorator as `loaded.dorfBackend`.
 */
export const dorfLoader: Loader = async (context) => {
  const dorf = context.parameters['dorf'] as DorfParameters | undefined;
  if (!dorf?.sample && !dorf?.state) return {};
  await leftoversGone;
  // On the canvas one story shows at a time; on a docs page all of them do, so keep those.
  if (context.viewMode === 'story') {
    release(open);
    open = [];
  }
  const dataset = dorf.sample ? SAMPLES[dorf.sample]() : undefined;
  const dbName = `${DB_PREFIX}${context.id}-${++counter}`;
  const options: LocalOptions = { community: dataset?.community.id ?? DEFAULT_COMMUNITY, dbName };
  if (dorf.identity) options.identity = dorf.identity;
  const backend = createLocalBackend(options);
  if (dataset) await backend.seed(dataset);
  open.push({ backend, dbName });
  return { dorfBackend: withState(backend, dorf.state) };
};

// ---------------------------------------------------------------------------------------------
// States: loading, error, offline

const DOMAINS = new Set(['session', 'files', 'feed', 'bookings', 'lostFound', 'learning', 'badges']);
const READ = /^(list|get|current|highlights|occupancy|matches|cohort|wall)/;

/** The backend as a widget sees it in the given state (see the file comment). */
export function withState(backend: Backend, state: StoryState | undefined): Backend {
  if (!state) return backend;
  const fake = (domain: string, method: string, real: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      if (domain === 'session' && method === 'current') return real(...args);
      switch (state) {
        case 'loading':
          return new Promise(() => {});
        case 'error':
          return Promise.reject(new BackendError('unavailable', `Story state "error": ${domain}.${method} failed`));
        case 'offline':
          return READ.test(method)
            ? real(...args)
            : Promise.reject(new BackendError('queued', `Story state "offline": ${domain}.${method} queued`, { queuedId: crypto.randomUUID() }));
      }
    };
  const domainProxy = (domain: string, target: object) =>
    new Proxy(target, {
      get(t, method, receiver) {
        const value = Reflect.get(t, method, receiver);
        return typeof value === 'function' && typeof method === 'string'
          ? fake(domain, method, (...args) => value.apply(t, args))
          : value;
      },
    });
  const proxies = new Map<string, object>();
  return new Proxy(backend, {
    get(t, key, receiver) {
      const value = Reflect.get(t, key, receiver);
      if (typeof key !== 'string' || !DOMAINS.has(key) || typeof value !== 'object' || value === null) {
        return typeof value === 'function' ? value.bind(t) : value;
      }
      let proxy = proxies.get(key);
      if (!proxy) proxies.set(key, (proxy = domainProxy(key, value)));
      return proxy;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The decorator

const COLOR_SCHEME: Record<ThemeName, string> = { light: 'light', dark: 'dark', auto: 'light dark' };

/**
 * `<dorf-provider>` around the story, with the toolbar's language and theme and, when the story
 * asked for one, its seeded backend. The frame paints the theme's page background (the preview
 * uses the fullscreen layout), so light text in the dark theme stays readable, as on a host page
 * in dark mode.
 */
export const withDorfProvider: Decorator = (story, context) => {
  const locale = (context.globals['locale'] as Locale | undefined) ?? 'de';
  const theme = (context.globals['theme'] as ThemeName | undefined) ?? 'auto';
  const backend = context.loaded?.['dorfBackend'] as Backend | undefined;
  const minHeight = context.viewMode === 'story' ? '100vh' : 'auto';
  return html`<div
    class="dorf-story-frame"
    style="color-scheme: ${COLOR_SCHEME[theme] ?? 'light dark'}; background: Canvas; color: CanvasText; padding: 1rem; box-sizing: border-box; min-height: ${minHeight};"
  >
    <dorf-provider
      lang=${locale}
      theme=${theme}
      .community=${backend?.community ?? DEFAULT_COMMUNITY}
      .adapter=${backend}
      >${story()}</dorf-provider
    >
  </div>`;
};
