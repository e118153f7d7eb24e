/**
 * The page-wide default provider: answers widgets that have no `<dorf-provider>` ancestor, so
 * one bare tag works. It lives on `<html>`, creates its backend only when the first widget asks,
 * and hands widgets over when a `<dorf-provider>` around them upgrades later.
 *
 * Settings come from `<html data-dorf-backend data-dorf-community data-dorf-time-zone
 * data-dorf-storage>`; `data-dorf-storage="persistent"` lets a server backend keep unsent writes
 * in IndexedDB (default `session`: this tab only), as `<dorf-provider storage>` does.
 */
import { ContextProvider } from '@lit/context';
import { DEFAULT_COMMUNITY, DEFAULT_TIME_ZONE, environmentContext } from './context.js';
import { EnvironmentSource } from './environment.js';
import { createServerBackend } from './provider.element.js';

const INSTALLED = Symbol.for('dorfplatz/default-provider@1');

export function installDefaultProvider(): void {
  const global = globalThis as { [INSTALLED]?: boolean };
  if (global[INSTALLED] || typeof document === 'undefined') return;
  global[INSTALLED] = true;

  const root = document.documentElement;
  let source: EnvironmentSource | undefined;
  // Registered before the ContextProvider's own listener, so the value exists when it answers.
  const onFirstRequest = (event: Event) => {
    if ((event as Event & { context?: unknown }).context !== environmentContext) return;
    root.removeEventListener('context-request', onFirstRequest);
    source = new EnvironmentSource((environment) => provider.setValue(environment));
    const backend = root.dataset.dorfBackend ?? 'local';
    const community = root.dataset.dorfCommunity ?? DEFAULT_COMMUNITY;
    source.configure({
      backend,
      community,
      // Lives as long as the page: nobody closes it, as with the backend the source would create.
      adapter: createServerBackend(backend, community, root.dataset.dorfStorage === 'persistent' ? 'persistent' : 'session'),
      locale: null,
      timeZone: root.dataset.dorfTimeZone ?? DEFAULT_TIME_ZONE,
      theme: 'auto',
    });
  };
  root.addEventListener('context-request', onFirstRequest);
  const provider = new ContextProvider(root, { context: environmentContext });
}
