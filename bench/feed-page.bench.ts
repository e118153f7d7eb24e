/**
 * Group feed, first page: how long `feed.listPosts` takes for the 20 newest posts of a group
 * with 10,000 posts, against the floor: the same 20 records read straight from the adapter's
 * IndexedDB index with `idb` and a `prev` cursor. Budgets: adapter ≤ 2× floor and ≤ 50 ms.
 */
import { openDB } from 'idb';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { dropDatabase, feedDataset } from './lib/datasets.js';
import { defineBench, measure } from './lib/harness.js';

const POSTS = 10_000;
const PAGE = 20;
/** The local adapter's layout (src/data/adapters/local/schema.ts): the regular feed's sparse index. */
const STORE = 'posts';
const FEED_INDEX = 'feed'; // keyPath `feedKey` = [groupId, createdAt, id]
const ADAPTER = `adapter feed.listPosts(limit ${PAGE})`;
const FLOOR = `floor: idb index "${FEED_INDEX}", prev cursor, ${PAGE} rows`;

export default defineBench({
  title: `Group feed: first page (${PAGE}) of ${POSTS.toLocaleString('en')} posts, local adapter vs raw idb`,
  async run({ log }) {
    const { dataset, groupId } = feedDataset(POSTS);
    const group = { id: groupId };
    const dbName = `dorf-bench-feed-${Date.now()}`;
    const backend = createLocalBackend({ community: dataset.community.id, dbName });
    const start = performance.now();
    await backend.seed(dataset);
    const seedMs = performance.now() - start;
    log(`seeded ${dataset.posts.length.toLocaleString('en')} posts in ${(seedMs / 1000).toFixed(1)} s`);

    const first = await backend.feed.listPosts({ groupId: group.id, limit: PAGE });
    if (first.items.length !== PAGE) throw new Error(`listPosts returned ${first.items.length} posts, expected ${PAGE}`);
    const adapter = await measure(() => backend.feed.listPosts({ groupId: group.id, limit: PAGE }));
    log('adapter measured');

    // The floor: the same index, no validation, no mapping, no session.
    const db = await openDB(dbName);
    const range = IDBKeyRange.bound([group.id], [group.id, []]);
    const rawPage = async () => {
      const index = db.transaction(STORE, 'readonly').objectStore(STORE).index(FEED_INDEX);
      const rows: Array<{ id: string }> = [];
      let cursor = await index.openCursor(range, 'prev');
      while (cursor && rows.length < PAGE) {
        rows.push(cursor.value);
        cursor = rows.length < PAGE ? await cursor.continue() : null;
      }
      return rows;
    };
    // Same records as the adapter's page, or the comparison means nothing (e.g. the index changed).
    const raw = await rawPage();
    if (raw.map((r) => r.id).join() !== first.items.map((p) => p.id).join()) {
      throw new Error(`the "${STORE}"/"${FEED_INDEX}" index does not yield the adapter's first page; update bench/feed-page.bench.ts`);
    }
    const floor = await measure(rawPage);
    db.close();
    backend.close();
    await dropDatabase(dbName);

    return {
      notes: [`seed: ${POSTS.toLocaleString('en')} posts in one public group, ${(seedMs / 1000).toFixed(1)} s`],
      series: {
        [ADAPTER]: adapter,
        [FLOOR]: floor,
      },
      budgets: (m) => {
        const a = m[ADAPTER]!;
        const f = m[FLOOR]!;
        return [
          { label: 'adapter / floor (median)', value: a / f, max: 2, unit: '×' },
          { label: 'adapter median', value: a, max: 50, unit: 'ms' },
        ];
      },
    };
  },
});
