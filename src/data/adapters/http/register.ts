/**
 * Makes `<dorf-provider backend="https://…">` use the HTTP adapter: import this module (once)
 * from a define module, e.g. `import './data/adapters/http/register.js';`.
 *
 * A member token from the host site is handed over with `backend.session.useToken(token)`.
 */
import { registerBackend } from '../../../core/backends.js';
import { lazyBackend } from '../../lazy.js';

/** `http://` and `https://` values of the `backend` attribute. */
export const isServerUrl = (backend: string): boolean => /^https?:\/\/[^\s]+$/i.test(backend.trim());

// The adapter (fetch, server-sent events, response schemas) loads on the first call, so pages on
// the local backend never download it.
registerBackend(isServerUrl, ({ backend, community }) =>
  lazyBackend('HTTP adapter', community, async () =>
    (await import('./index.js')).createHttpBackend({ baseUrl: backend.trim(), community }),
  ),
);
