/**
 * The page-wide default provider: answers widgets that have no `<dorf-provider>` ancestor, so
 * one bare tag works. It lives on `<html>`, creates its backend only when the first widget asks,
 * and hands widgets over when a `<dorf-provider>` around them upgrades later.
 */
import { ContextProvider } from '@lit/context';
import { DEFAULT_COMMUNITY, DEFAULT_TIME_ZONE, environmentContext } from './context.js';
import { EnvironmentSource } from './environment.js';

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
    source.configure({
      backend: root.dataset.dorfBackend ?? 'local',
      community: root.dataset.dorfCommunity ?? DEFAULT_COMMUNITY,
      locale: null,
      timeZone: root.dataset.dorfTimeZone ?? DEFAULT_TIME_ZONE,
      theme: 'auto',
    });
  };
  root.addEventListener('context-request', onFirstRequest);
  const provider = new ContextProvider(root, { context: environmentContext });
}
