/**
 * Demo-site glue: loads a sample dataset into the provider's backend on the first visit
 * and shows what the store holds, read through the backend contract like any widget would.
 */
import { demoBackend } from './choose-backend.js';
import '../../src/index.js';
import type { Backend } from '../../src/data/backend.js';
import type { Dataset } from '../../src/data/schema/dataset.js';
import type { DorfProvider } from '../../src/core/provider.element.js';

const SEEDED_KEY = (community: string) => `dorfplatz-demo-seeded:${community}`;

async function waitForBackend(provider: DorfProvider): Promise<Backend> {
  await customElements.whenDefined('dorf-provider');
  await provider.updateComplete;
  const backend = provider.activeBackend;
  if (!backend) throw new Error('The provider has no backend.');
  return backend;
}

/**
 * On the browser's own storage: seeds once per browser; `?reset` seeds again (seed is idempotent
 * by record ids). The server loaded the samples itself.
 */
export async function startDemo(dataset: () => Dataset, summary: HTMLElement | null): Promise<void> {
  const provider = document.querySelector('dorf-provider')!;
  const backend = await waitForBackend(provider);
  const key = SEEDED_KEY(backend.community);
  const local = demoBackend === 'local';
  document.querySelectorAll<HTMLElement>('[data-local-only]').forEach((el) => (el.hidden = !local));
  document.querySelectorAll<HTMLElement>('[data-server-only]').forEach((el) => (el.hidden = local));
  if (local && (!localStorage.getItem(key) || new URLSearchParams(location.search).has('reset'))) {
    await backend.seed(dataset());
    localStorage.setItem(key, new Date().toISOString());
  }
  if (!summary) return;
  const [groups, resources, items, paths, achievements] = await Promise.all([
    backend.feed.listGroups(),
    backend.bookings.listResources(),
    backend.lostFound.list({ limit: 100 }),
    backend.learning.listPaths(),
    backend.badges.listAchievements(),
  ]);
  const rows: [string, number, string][] = [
    ['groups', groups.length, groups.map((g) => g.name).join(', ')],
    ['resources', resources.length, resources.map((r) => r.name).join(', ')],
    ['items', items.items.length, items.items.slice(0, 4).map((i) => i.title).join(', ')],
    ['paths', paths.length, paths.map((p) => p.title).join(', ')],
    ['achievements', achievements.length, achievements.map((a) => a.name).join(', ')],
  ];
  for (const [name, count, examples] of rows) {
    const row = summary.querySelector(`[data-count="${name}"]`);
    if (row) row.textContent = `${count}: ${examples}`;
  }
}
