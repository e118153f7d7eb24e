/**
 * Makes `<dorf-provider backend="https://…">` use the HTTP adapter: import this module (once)
 * from a define module, e.g. `import './data/adapters/http/register.js';`.
 *
 * A member token from the host site is handed over with `backend.session.useToken(token)`.
 */
import { registerBackend, type BackendOptions } from '../../../core/backends.js';
import { lazyBackend } from '../../lazy.js';
import type { HttpBackend } from './index.js';
import type { OutboxApi, OutboxEvent, OutboxStorage } from './outbox-api.js';

/** `http://` and `https://` values of the `backend` attribute. */
export const isServerUrl = (backend: string): boolean => /^https?:\/\/[^\s]+$/i.test(backend.trim());

/** The provider's `storage` setting, when it passes one (`<dorf-provider storage="persistent">`). */
export type ServerBackendOptions = BackendOptions & { readonly storage?: OutboxStorage };

/** The outbox of a backend that loads on first use: every call waits for the load. */
function lazyOutbox(storage: OutboxStorage, load: () => Promise<HttpBackend>): OutboxApi {
  return {
    storage,
    list: async () => (await load()).outbox.list(),
    flush: async () => (await load()).outbox.flush(),
    retry: async (key) => (await load()).outbox.retry(key),
    discard: async (key) => (await load()).outbox.discard(key),
    subscribe(listener: (event: OutboxEvent) => void) {
      let stop: (() => void) | null = null;
      let cancelled = false;
      load().then(
        (backend) => {
          if (!cancelled) stop = backend.outbox.subscribe(listener);
        },
        () => undefined,
      );
      return () => {
        cancelled = true;
        stop?.();
      };
    },
  };
}

// The adapter (fetch, server-sent events, response schemas) loads on the first call, so pages on
// the local backend never download it.
registerBackend(isServerUrl, (options: ServerBackendOptions) => {
  const storage = options.storage === 'persistent' ? 'persistent' : 'session';
  let loading: Promise<HttpBackend> | null = null;
  const load = () =>
    // The server's refusals (rate limits, sign-in guard…) have their words in their own section.
    (loading ??= Promise.all([import('./index.js'), import('../../../i18n/server.js')])
      .then(([http]) => http.createHttpBackend({
        baseUrl: options.backend.trim(), community: options.community, storage,
        // The provider's staff token of this tab, and where it keeps the next one.
        ...(options.token && { token: options.token }),
        ...(options.onTokenChange && { onTokenChange: options.onTokenChange }),
      }))
      .catch((error: unknown) => {
        loading = null;
        throw error;
      }));
  const backend = lazyBackend('HTTP adapter', options.community, load);
  return Object.assign(backend, { outbox: lazyOutbox(storage, load) });
});
