/**
 * The kit can fail: deliberately broken adapters (the local adapter with one rule broken each)
 * must fail exactly the contract tests that guard that rule, while the honest adapter passes
 * the same tests. The domain suites are run through a recording TestApi, so their outcomes can
 * be asserted here instead of being reported to mocha.
 */
import type { Backend, BackendError } from '../../src/data/backend.js';
import {
  assert, bookingsSuite, feedSuite, globalTestApi, lostFoundSuite, recordingTestApi,
  type Actor, type ContractHarness, type TestApi, type TestOutcome,
} from '../../src/data/contract/index.js';
import type {
  BookingReceipt, BookingRequest, Item, ItemInput, Page, Post, PostInput, PostQuery, PublicBooking,
} from '../../src/data/schema/index.js';
import { localHarness } from './local-harness.js';

const { describe, it } = globalTestApi();

/** `target` with some methods replaced; every other method still runs on the original object. */
function override<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(t, key) {
      if (Object.prototype.hasOwnProperty.call(overrides, key)) return overrides[key as keyof T];
      const value = Reflect.get(t, key, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

/** A harness whose backends are the local ones, wrapped by `wrap`. */
function brokenHarness(name: string, wrap: (backend: Backend, actor: Actor) => Backend, reset: () => void = () => {}): ContractHarness {
  const honest = localHarness(name);
  return {
    name,
    setup: async (community) => {
      reset();
      await honest.setup(community);
    },
    as: async (actor) => wrap(await honest.as(actor), actor),
    setNow: (iso) => honest.setNow(iso),
    teardown: () => honest.teardown(),
  };
}

const isBackendError = (e: unknown, ...codes: string[]): e is BackendError =>
  assert.isBackendError(e) && (codes.length === 0 || codes.includes(e.code));

// ---------------------------------------------------------------------------------------------
// Broken adapter 1: swallows `conflict` and fabricates a receipt, so overlapping bookings "succeed".

const overlapping = () =>
  brokenHarness('allows overlaps', (backend) =>
    override(backend, {
      bookings: override(backend.bookings, {
        async request(input: BookingRequest): Promise<BookingReceipt> {
          try {
            return await backend.bookings.request(input);
          } catch (error) {
            if (!isBackendError(error, 'conflict')) throw error;
            const now = new Date().toISOString();
            return {
              booking: {
                id: input.id, resourceId: input.resourceId, start: input.start, end: input.end, status: 'requested',
                publicLabel: input.publicLabel, purpose: input.purpose, attendees: input.attendees, requester: input.requester,
                createdAt: now, decidedAt: null, reason: null,
              },
              manageToken: `${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, ''),
            };
          }
        },
      }),
    }));

// ---------------------------------------------------------------------------------------------
// Broken adapter 2: public reads carry the private contact fields of requesters and reporters.

function leaking() {
  const requesters = new Map<string, BookingRequest['requester']>();
  const contacts = new Map<string, Pick<ItemInput, 'contact' | 'proofDetail'>>();
  return brokenHarness(
    'leaks contacts',
    (backend) =>
      override(backend, {
        bookings: override(backend.bookings, {
          async request(input: BookingRequest) {
            const receipt = await backend.bookings.request(input);
            requesters.set(receipt.booking.id, input.requester);
            return receipt;
          },
          async occupancy(query): Promise<PublicBooking[]> {
            const list = await backend.bookings.occupancy(query);
            return list.map((b) => ({ ...b, requester: requesters.get(b.id) }) as PublicBooking);
          },
        }),
        lostFound: override(backend.lostFound, {
          async report(input: ItemInput) {
            const receipt = await backend.lostFound.report(input);
            contacts.set(receipt.item.id, { contact: input.contact, proofDetail: input.proofDetail });
            return receipt;
          },
          async list(query): Promise<Page<Item>> {
            const page = await backend.lostFound.list(query);
            return { ...page, items: page.items.map((i) => ({ ...i, ...contacts.get(i.id) }) as Item) };
          },
        }),
      }),
    () => {
      requesters.clear();
      contacts.clear();
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Broken adapter 3: hands a private group's posts to anyone who asks.

function gossiping() {
  const posts = new Map<string, Post>();
  return brokenHarness(
    'shows private posts',
    (backend) =>
      override(backend, {
        feed: override(backend.feed, {
          async createPost(input: PostInput) {
            const post = await backend.feed.createPost(input);
            posts.set(post.id, post);
            return post;
          },
          async listPosts(query: PostQuery): Promise<Page<Post>> {
            const known = [...posts.values()].filter((p) => p.groupId === query.groupId);
            try {
              const page = await backend.feed.listPosts(query);
              return { ...page, items: [...page.items, ...known.filter((k) => !page.items.some((p) => p.id === k.id))] };
            } catch (error) {
              if (!isBackendError(error, 'forbidden', 'not-found')) throw error;
              return { items: known, nextCursor: null };
            }
          },
          async getPost(postId: string): Promise<Post> {
            try {
              return await backend.feed.getPost(postId);
            } catch (error) {
              const known = posts.get(postId);
              if (known && isBackendError(error, 'forbidden', 'not-found')) return known;
              throw error;
            }
          },
        }),
      }),
    () => posts.clear(),
  );
}

// ---------------------------------------------------------------------------------------------

async function outcomes(
  suite: (harness: ContractHarness, test: TestApi) => void,
  harness: ContractHarness,
  selected: (fullName: string) => boolean,
): Promise<TestOutcome[]> {
  const recorder = recordingTestApi();
  suite(harness, recorder.api);
  const results = await recorder.run({ filter: selected });
  assert.ok(results.length > 0, `no test matched the selection among: ${recorder.names().join(' | ')}`);
  return results;
}

function describeOutcome(o: TestOutcome): string {
  return `${o.fullName}: ${o.passed ? 'passed' : `failed (${o.error instanceof Error ? o.error.message.split('\n')[0] : String(o.error)})`}`;
}

/** Every selected test failed, and by an assertion of the kit (not by a crash). */
function allFailedByAssertion(results: TestOutcome[], why: RegExp) {
  for (const o of results) {
    assert.ok(!o.passed, `the kit did not catch the broken adapter: ${describeOutcome(o)}`);
    assert.ok(o.error instanceof Error && o.error.name === 'AssertionError', `failed, but not by a kit assertion: ${describeOutcome(o)}`);
    assert.ok(why.test((o.error as Error).message), `failed for another reason than expected (${why}): ${describeOutcome(o)}`);
  }
}

function allPassed(results: TestOutcome[]) {
  const failed = results.filter((o) => !o.passed);
  assert.equal(failed.length, 0, `the honest adapter failed:\n${failed.map(describeOutcome).join('\n')}`);
}

describe('the contract kit can fail', () => {
  describe('an adapter that allows overlapping bookings', () => {
    const selected = (n: string) => n.includes('50 parallel overlapping requests');
    it('fails "exactly one succeeds"', async () => {
      allFailedByAssertion(await outcomes(bookingsSuite, overlapping(), selected), /exactly one of 50 overlapping requests/);
    });
    it('while the honest adapter passes it', async () => {
      allPassed(await outcomes(bookingsSuite, localHarness(), selected));
    });
  });

  describe('an adapter that leaks contact fields into public reads', () => {
    const bookingsPrivate = (n: string) => n.includes('bookings › private data');
    const lostFoundPrivate = (n: string) => n.includes('lost and found › private data') || n.includes('contact messages reach the reporter only');
    it('fails the occupancy privacy test', async () => {
      allFailedByAssertion(await outcomes(bookingsSuite, leaking(), bookingsPrivate), /private data in a public response|keys outside its public schema/);
    });
    it('fails the lost-and-found privacy tests', async () => {
      allFailedByAssertion(await outcomes(lostFoundSuite, leaking(), lostFoundPrivate), /private data in a public response|keys outside its public schema/);
    });
    it('while the honest adapter passes them', async () => {
      allPassed(await outcomes(bookingsSuite, localHarness(), bookingsPrivate));
      allPassed(await outcomes(lostFoundSuite, localHarness(), lostFoundPrivate));
    });
  });

  describe('an adapter that shows private-group posts to non-members', () => {
    const selected = (n: string) => n.includes('non-members never get a private group');
    it('fails private group isolation', async () => {
      allFailedByAssertion(await outcomes(feedSuite, gossiping(), selected), /must not see/);
    });
    it('while the honest adapter passes it', async () => {
      allPassed(await outcomes(feedSuite, localHarness(), selected));
    });
  });

  describe('the recording TestApi', () => {
    it('runs hooks around each test and records failures', async () => {
      const log: string[] = [];
      const recorder = recordingTestApi();
      const { api } = recorder;
      api.describe('outer', () => {
        api.beforeEach(() => void log.push('before outer'));
        api.afterEach(() => void log.push('after outer'));
        api.describe('inner', () => {
          api.beforeEach(() => void log.push('before inner'));
          api.afterEach(() => void log.push('after inner'));
          api.it('passes', () => void log.push('passes'));
          api.it('fails', () => {
            log.push('fails');
            assert.equal(1, 2, 'one is not two');
          });
        });
      });
      const results = await recorder.run();
      assert.deepEqual(results.map((r) => [r.fullName, r.passed]), [['outer › inner › passes', true], ['outer › inner › fails', false]]);
      assert.ok(String((results[1].error as Error).message).includes('one is not two'));
      assert.deepEqual(log, [
        'before outer', 'before inner', 'passes', 'after inner', 'after outer',
        'before outer', 'before inner', 'fails', 'after inner', 'after outer',
      ]);
    });
  });
});
