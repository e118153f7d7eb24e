/**
 * Backend code that loads on first use. The local adapter loads each domain this way (a page with
 * only a booking calendar never downloads the feed), and the provider loads the HTTP adapter this
 * way (a page on the local backend never downloads it). Every contract method is async, so a lazy
 * part is indistinguishable from an eager one except for the first call's extra `import()`.
 */
import {
  BackendError, type Backend, type BadgesApi, type BookingsApi, type FeedApi, type FilesApi, type LearningApi,
  type LostFoundApi, type SessionApi, type Topic,
} from './backend.js';
import type { Change } from './schema/common.js';

/**
 * Runs `importer` once and caches the result; a failed load (e.g. offline while the chunk was
 * not fetched yet) rejects with `unavailable` and is retried on the next call.
 */
export function once<T>(what: string, importer: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= importer().catch((error: unknown) => {
      loading = null;
      throw error instanceof BackendError
        ? error
        : new BackendError('unavailable', `Could not load the ${what} code (${error instanceof Error ? error.message : String(error)}): check the connection and try again.`);
    }));
}

type AsyncMethods<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? T[K] : never };
type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * A stand-in for a contract interface (`FeedApi`…) whose implementation is created on the first
 * call by `load` (typically `import('./feed.js')` plus `new LocalFeed(core)`). The first calls
 * wait for that one load (concurrent first calls share it and run in call order); once it is
 * there, calls go straight to the instance. Method references may be taken early
 * (`const list = api.listPosts`) and stay valid.
 *
 * Only async methods are allowed (checked by the type): a method that has not loaded yet can
 * only answer with a promise. `then` and `toJSON` are absent, so awaiting or serializing the
 * stand-in does not call anything.
 */
export function lazyApi<T extends AsyncMethods<T>>(what: string, load: () => Promise<T>): T {
  let instance: T | null = null;
  const get = once(what, () => load().then((loaded) => (instance = loaded)));
  const methods = new Map<string, Method>();
  const call = (api: T, name: string, args: unknown[]): Promise<unknown> => {
    const method = (api as Record<string, unknown>)[name];
    if (typeof method !== 'function') return Promise.reject(new TypeError(`${what}.${name} is not a function`));
    return Reflect.apply(method, api, args) as Promise<unknown>;
  };
  return new Proxy(Object.create(null) as T, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then' || name === 'toJSON' || name in Object.prototype) {
        return (Object.prototype as Record<PropertyKey, unknown>)[name];
      }
      let method = methods.get(name);
      if (!method) {
        // Named like the real method, so stack traces and `method.name` read as before.
        method = {
          [name](...args: unknown[]) {
            return instance ? call(instance, name, args) : get().then((api) => call(api, name, args));
          },
        }[name]!;
        methods.set(name, method);
      }
      return method;
    },
  });
}

/**
 * A whole backend that is created on first use by `load` (e.g. `import()` of an adapter). Its
 * domains are `lazyApi` stand-ins; subscriptions made before the load attach once it is there.
 */
export function lazyBackend(what: string, community: string, load: () => Promise<Backend>): Backend {
  let loaded: Backend | null = null;
  let closed = false;
  const get = once(what, () =>
    load().then((backend) => {
      if (closed) backend.close();
      return (loaded = backend);
    }),
  );
  return {
    community,
    session: lazyApi<SessionApi>(what, async () => (await get()).session),
    files: lazyApi<FilesApi>(what, async () => (await get()).files),
    feed: lazyApi<FeedApi>(what, async () => (await get()).feed),
    bookings: lazyApi<BookingsApi>(what, async () => (await get()).bookings),
    lostFound: lazyApi<LostFoundApi>(what, async () => (await get()).lostFound),
    learning: lazyApi<LearningApi>(what, async () => (await get()).learning),
    badges: lazyApi<BadgesApi>(what, async () => (await get()).badges),
    subscribe(topic: Topic, listener: (change: Change) => void) {
      let stop: (() => void) | null = null;
      let cancelled = false;
      get().then(
        (backend) => {
          if (!cancelled) stop = backend.subscribe(topic, listener);
        },
        // A backend that cannot load reports it on the next call; a subscription has no caller to tell.
        () => undefined,
      );
      return () => {
        cancelled = true;
        stop?.();
      };
    },
    seed: (dataset) => get().then((backend) => backend.seed(dataset)),
    close() {
      closed = true;
      loaded?.close();
    },
  };
}
