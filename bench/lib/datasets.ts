/** Datasets the benchmarks seed, built once here so every benchmark measures the same store. */
import { bulkPosts, municipalitySample } from '../../src/data/sample/index.js';
import type { Dataset } from '../../src/data/schema/index.js';

/** One public group of the Musterdorf sample with `count` bulk posts; the sample's members stay (they are the authors). */
export function feedDataset(count: number, now = new Date()): { dataset: Dataset; groupId: string } {
  const sample = municipalitySample(now);
  const group = sample.groups.find((g) => g.visibility === 'public');
  if (!group) throw new Error('the municipality sample has no public group');
  return {
    groupId: group.id,
    dataset: {
      ...sample,
      groups: [group],
      posts: bulkPosts(group.id, count, now),
      resources: [],
      bookings: [],
      items: [],
      paths: [],
      checkIns: [],
      achievements: [],
      awards: [],
    },
  };
}

/** Deletes a benchmark's database, whether or not another connection is still closing. */
export function dropDatabase(name: string): Promise<unknown> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
}
