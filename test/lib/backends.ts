/**
 * Test bookkeeping for widget tests: every local backend a test opens is closed and its database
 * dropped after the test; `until` polls for a condition the UI reaches asynchronously.
 */
import type { Backend } from '../../src/data/backend.js';

const open: { backend: Backend; dbName: string }[] = [];

/** Closes `backend` and deletes `dbName` after the current test. */
export function track<B extends Backend>(backend: B, dbName: string): B {
  open.push({ backend, dbName });
  return backend;
}

afterEach(() => {
  for (const { backend, dbName } of open.splice(0)) {
    backend.close();
    indexedDB.deleteDatabase(dbName);
  }
});

/** Resolves once `predicate` is truthy; fails naming `message` after `timeout` ms. */
export async function until(predicate: () => unknown, message = 'condition', timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`${message} not met in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
