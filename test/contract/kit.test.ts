// The kit's own tools: its assertions must fail when they should, with messages that help.
import { BackendError } from '../../src/data/backend.js';
import { assert, globalTestApi } from '../../src/data/contract/index.js';
import { walkPages } from '../../src/data/contract/context.js';
import { Item, PublicBooking, page } from '../../src/data/schema/index.js';

const { describe, it } = globalTestApi();

async function failsWith(fn: () => unknown, pattern: RegExp) {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof assert.AssertionError, `expected an AssertionError, got ${assert.show(error)}`);
    assert.ok(pattern.test(error.message), `message ${JSON.stringify(error.message)} does not match ${pattern}`);
    return;
  }
  assert.fail(`expected a failure matching ${pattern}`);
}

const booking = { id: 'b1', resourceId: 'halle', start: '2030-03-11T10:00:00.000Z', end: '2030-03-11T12:00:00.000Z', status: 'requested', publicLabel: '' };
const item = {
  id: 'i1', type: 'found', category: 'keys', title: 'Schlüssel', description: '', place: 'Markt', point: null, date: '2030-03-01',
  animal: null, photo: null, status: 'open', createdAt: '2030-03-01T10:00:00.000Z', expiresAt: '2030-09-01T10:00:00.000Z', asksProof: false,
};

describe('contract kit assertions', () => {
  it('equal and deepEqual report where values differ', async () => {
    assert.equal(1, 1);
    assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
    await failsWith(() => assert.equal(1, 2, 'count'), /count: expected 2, got 1/);
    await failsWith(() => assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }), /differ at a\.1\.b/);
    await failsWith(() => assert.ok(0, 'zero'), /zero: expected a truthy value/);
  });

  it('rejects checks the error code and the field issue', async () => {
    const invalid = BackendError.invalid([{ path: 'requester.email', code: 'format.email' }]);
    await assert.rejects(Promise.reject(invalid), 'validation', 'requester.email');
    await assert.rejects(Promise.reject(invalid), 'validation', { path: 'requester.email', code: 'format.email' });
    await assert.rejects(Promise.reject(new BackendError('forbidden')), ['forbidden', 'not-found']);
    await failsWith(() => assert.rejects(Promise.resolve(42), 'conflict'), /resolved to 42/);
    await failsWith(() => assert.rejects(Promise.reject(new BackendError('forbidden')), 'conflict'), /expected BackendError\(conflict\), got BackendError\(forbidden\)/);
    await failsWith(() => assert.rejects(Promise.reject(new TypeError('boom')), 'validation'), /different error: TypeError: boom/);
    await failsWith(() => assert.rejects(Promise.reject(invalid), 'validation', 'requester.name'), /path "requester\.name".*requester\.email/);
    await failsWith(() => assert.rejects(Promise.reject(invalid), 'validation', { path: 'requester.email', code: 'required' }), /code "required"/);
  });

  it('conforms accepts exactly the public shape and catches extra keys at any depth', async () => {
    assert.conforms(PublicBooking, booking);
    assert.conforms(page(Item), { items: [item], nextCursor: null });
    await failsWith(() => assert.conforms(PublicBooking, { ...booking, requester: { name: 'X' } }), /requester \(not in the schema\)/);
    await failsWith(() => assert.conforms(page(Item), { items: [{ ...item, contact: {} }], nextCursor: null }), /items\[0\]\.contact \(not in the schema\)/);
    await failsWith(() => assert.conforms(Item, { ...item, point: { lat: 1, lon: 2, street: 'Hauptstr. 1' } }), /point\.street/);
    await failsWith(() => assert.conforms(PublicBooking, { ...booking, status: 'declined' }), /does not match its schema/);
  });

  it('noLeak finds secrets under any key, in any case', async () => {
    assert.noLeak({ a: 'harmless' }, ['anna@example.org']);
    await failsWith(() => assert.noLeak({ deep: [{ x: 'mail: Anna@Example.org' }] }, ['anna@example.org']), /private data.*anna@example\.org/);
    await failsWith(() => assert.noLeak({ quoted: 'say "hi" Anna' }, ['"hi" Anna']), /private data/);
  });

  it('walkPages fails on pages beyond the limit and on endless cursors', async () => {
    const all = Array.from({ length: 7 }, (_, i) => ({ id: `x${i}` }));
    const honest = async ({ cursor, limit = 20 }: { cursor?: string | null; limit?: number }) => {
      const start = cursor ? Number(cursor) : 0;
      const items = all.slice(start, start + limit);
      return { items, nextCursor: start + limit < all.length ? String(start + limit) : null };
    };
    const walk = await walkPages(honest, 3);
    assert.deepEqual(walk.items.map((x) => x.id), all.map((x) => x.id));
    await failsWith(() => walkPages(async () => ({ items: all, nextCursor: null }), 3), /more than limit 3/);
    await failsWith(() => walkPages(async () => ({ items: all.slice(0, 1), nextCursor: 'same' }), 3), /loop|did not end/);
  });
});
