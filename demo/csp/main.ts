/**
 * The strict-CSP demo page (`demo/csp/index.html`): the library as a site would embed it, served
 * with `script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'`
 * by `scripts/e2e.mjs`, which proves in Chromium that posting, commenting and requesting a booking
 * work without a single CSP violation. Under `npm run start:local` it is served without the header.
 *
 * On the browser's own storage the Musterdorf sample is loaded on the first visit (`?reset` loads
 * it again); a server has its own data. When the page is ready, `<html data-dorf-ready>` is set.
 */
import { cspBackend } from './backend.js';
import '../../src/index.js';
import { municipalitySample } from '../../src/data/sample/index.js';
import type { DorfProvider } from '../../src/core/provider.element.js';

const SEEDED = 'dorfplatz-csp-demo-seeded';

async function start(): Promise<void> {
  const provider = document.querySelector<DorfProvider>('dorf-provider')!;
  await customElements.whenDefined('dorf-provider');
  await provider.updateComplete;
  if (cspBackend === 'local' && (!localStorage.getItem(SEEDED) || new URLSearchParams(location.search).has('reset'))) {
    const backend = provider.activeBackend;
    if (!backend) throw new Error('The provider has no backend.');
    await backend.seed(municipalitySample());
    localStorage.setItem(SEEDED, new Date().toISOString());
  }
  // A server has its own data; the widgets talk to it through the provider.
  document.documentElement.dataset['dorfReady'] = cspBackend === 'local' ? 'local' : 'server';
}

start().catch((error: unknown) => {
  document.documentElement.dataset['dorfReady'] = 'error';
  console.error('Dorfplatz CSP demo:', error);
});
