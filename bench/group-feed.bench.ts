/**
 * <dorf-group-feed> on a local store of 10,000 posts: how long until the first page is visible
 * after the element is connected, and how many elements its shadow DOM holds at most while the
 * visitor pages through every post. Budgets: first page ≤ 100 ms median; DOM < 300 elements.
 */
import '../src/core/provider.js';
import '../src/widgets/group-feed/dorf-group-feed.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { afterNextPaint, defineBench, median } from './lib/harness.js';
import { dropDatabase, feedDataset } from './lib/datasets.js';

const POSTS = 10_000;
const RUNS = 30;
const WARMUP = 5;
const FIRST_PAGE = 'first page visible after connect';

/** Resolves when `test` holds, checked after every DOM change in `root` (and once right away). */
function whenTrue(root: Node, test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test()) return resolve();
    const observer = new MutationObserver(() => {
      if (test()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

const articles = (feed: Element) => feed.shadowRoot?.querySelectorAll('[part~="list"] article') ?? [];

export default defineBench({
  title: `<dorf-group-feed>: first page and DOM size on ${POSTS.toLocaleString('en')} local posts`,
  async run({ log }) {
    const { dataset, groupId } = feedDataset(POSTS);
    const dbName = `dorf-bench-group-feed-${Date.now()}`;
    const backend = createLocalBackend({ community: dataset.community.id, dbName, identity: { member: null } });
    await backend.seed(dataset);
    log('seeded');

    const mount = () => {
      const provider = document.createElement('dorf-provider');
      provider.adapter = backend;
      provider.lang = 'de';
      const feed = document.createElement('dorf-group-feed');
      feed.setAttribute('group', groupId);
      provider.append(feed);
      return { provider, feed };
    };

    // Connect → first post in the list, painted. Setup and teardown stay outside the timing.
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const { provider, feed } = mount();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const start = performance.now();
      document.body.append(provider);
      await whenTrue(feed.shadowRoot!, () => articles(feed).length > 0);
      await afterNextPaint();
      if (i >= WARMUP) samples.push(performance.now() - start);
      provider.remove();
    }
    log('first page measured');

    // Page through every post with the "older" control, counting the shadow DOM after each page.
    const { provider, feed } = mount();
    document.body.append(provider);
    await whenTrue(feed.shadowRoot!, () => articles(feed).length > 0);
    const root = feed.shadowRoot!;
    const seen = new Set<string>();
    let maxElements = 0;
    let pages = 0;
    for (;;) {
      for (const article of articles(feed)) seen.add((article as HTMLElement).dataset['post']!);
      maxElements = Math.max(maxElements, root.querySelectorAll('*').length);
      const older = root.querySelector<HTMLButtonElement>('[part~="older"]');
      if (!older) break;
      const last = (articles(feed)[articles(feed).length - 1] as HTMLElement).dataset['post'];
      older.click();
      await whenTrue(root, () => (articles(feed)[articles(feed).length - 1] as HTMLElement | undefined)?.dataset['post'] !== last);
      pages++;
    }
    provider.remove();
    backend.close();
    await dropDatabase(dbName);
    log(`paged through ${seen.size} posts`);

    return {
      notes: [
        `${POSTS.toLocaleString('en')} posts in one public group, anonymous visitor, lang=de`,
        `paged through ${seen.size.toLocaleString('en')} posts in ${pages} pages; most elements at once: ${maxElements}`,
      ],
      series: { [FIRST_PAGE]: samples },
      budgets: (m) => [
        { label: 'first page visible (median)', value: m[FIRST_PAGE]!, max: 100, unit: 'ms' },
        { label: 'shadow DOM while paging (max)', value: maxElements, max: 299, unit: 'elements' },
      ],
    };
  },
});

export { median };
