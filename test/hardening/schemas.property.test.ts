/**
 * Property tests (fast-check, seeded) on every zod schema exported from `src/data/schema/`.
 *
 * The schemas are found by enumerating the module's exports (anything zod can `safeParse`), so
 * a schema added tomorrow is covered without touching this file. For each one:
 *
 * 1. arbitrary input (`fc.anything()`) yields a result, success or a validation error with
 *    issues, never a thrown exception;
 * 2. valid samples, found automatically in the sample datasets (`src/data/sample/`) and the
 *    contract fixtures, mutated field by field (every field once with every entry of the hostile
 *    corpus, then random multi-field mutations with arbitrary values): again a result, never a
 *    throw, and nothing pollutes `Object.prototype`;
 * 3. valid samples round-trip: the parsed value parses to itself, also after a JSON round-trip.
 *
 * Refinement helpers exported for `.check()` (zod type `custom`, e.g. `animalRule`) are not
 * schemas of their own: they run after their object schema and are covered through the schemas
 * that use them.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import * as schemas from '../../src/data/schema/index.js';
import { clubSample, municipalitySample, parishSample } from '../../src/data/sample/index.js';
import { fixtures } from '../../src/data/contract/index.js';
import { createLocalBackend } from '../../src/data/adapters/local/index.js';
import { HOSTILE_STRINGS, HOSTILE_VALUES } from './corpus.js';

const SEED = 20_261_122;
/** Random runs per property and schema. */
const RUNS = { anything: 150, mutations: 60 } as const;
/** A sample with more paths than this (whole datasets) gets only the random mutations. */
const EXHAUSTIVE_PATH_LIMIT = 400;
const NOW = new Date('2030-03-04T09:00:00.000Z');

type Schema = z.ZodMiniType;
type Path = (string | number)[];
type SafeResult = ReturnType<typeof z.safeParse<Schema>>;

const isSchema = (value: unknown): value is Schema =>
  !!value && typeof value === 'object' && '_zod' in value && typeof (value as { safeParse?: unknown }).safeParse === 'function';

const all = (Object.entries(schemas) as [string, unknown][]).filter((entry): entry is [string, Schema] => isSchema(entry[1]));
const checksOnly = all.filter(([, s]) => s._zod.def.type === 'custom').map(([name]) => name);
const exported = all.filter(([, s]) => s._zod.def.type !== 'custom');

/** Runs `safeParse` and fails the property if it throws or returns something malformed. */
function parseSafely(name: string, schema: Schema, input: unknown): SafeResult {
  let result: SafeResult;
  try {
    result = z.safeParse(schema, input);
  } catch (error) {
    throw new Error(`${name} threw ${(error as Error)?.name}: ${(error as Error)?.message} for input ${preview(input)}`);
  }
  if (!result.success) {
    const issues = result.error.issues;
    if (!Array.isArray(issues) || issues.length === 0) throw new Error(`${name}: a failure without issues for ${preview(input)}`);
    for (const issue of issues) {
      if (typeof issue.code !== 'string' || !Array.isArray(issue.path) || typeof issue.message !== 'string') {
        throw new Error(`${name}: a malformed issue ${preview(issue)}`);
      }
    }
  }
  if ((Object.prototype as Record<string, unknown>)['polluted'] !== undefined) {
    throw new Error(`${name}: Object.prototype was polluted by ${preview(input)}`);
  }
  return result;
}

function preview(value: unknown): string {
  try {
    const json = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
    return json === undefined ? String(value) : json.length > 300 ? `${json.slice(0, 300)}…` : json;
  } catch {
    return String(value);
  }
}

// ---------------------------------------------------------------------------------------------
// Valid samples: every node of the sample datasets and of the contract fixtures

function fixtureValues(): unknown[] {
  const f = fixtures;
  const group = f.groupInput();
  const post = f.postInput(group.id);
  const call = f.callInput(group.id, [{ label: 'Helfer', capacity: 3 }]);
  const resource = f.resource();
  const request = f.bookingRequest(resource.id, '2030-03-11T10:00:00.000Z', '2030-03-11T12:00:00.000Z');
  const item = f.itemInput();
  const achievement = f.achievement();
  return [
    f.community('kit'), group, post, call, f.urgentInput(group.id, '2030-03-05T09:00:00.000Z'), f.commentInput(post.id),
    f.commitmentInput(call.id, call.call!.slots[0]!.id), resource, request, item, f.animalItemInput(), f.contactInput(item.id),
    achievement, f.path(), f.step(), f.awardInput(achievement.id, ['m1', 'm2']), f.emptyDataset('kit'), f.reporterContact(),
    { id: f.uid(), name: 'foto.png', blob: f.pngBlob(), width: 1, height: 1 },
  ];
}

/** Hand-made inputs for write shapes that neither samples nor fixtures contain. */
function literalInputs(): unknown[] {
  const id = 'p-1';
  return [
    { postId: id, reaction: 'like', on: true },
    { action: 'pin', postId: id, on: true },
    { action: 'hide', target: { type: 'comment', id: 'c-1' }, on: false },
    { action: 'decide-membership', groupId: 'lauftreff', memberId: 'm-1', approve: true },
    { id: 'r-1', target: { type: 'post', id }, reason: 'spam', note: 'Werbung' },
    { username: 'redaktion', password: 'geheim' },
    { id: 'b-1', decision: 'decline', reason: 'Schon vergeben' },
    { id: 'm-1', itemId: 'i-1', message: 'Ist das meine Katze?', replyTo: 'a@example.org', name: 'Anna', createdAt: '2030-03-04T09:00:00.000Z' },
    { id: 'x-1', itemId: 'i-1', note: 'Spam' },
    { id: 'k-1', pathId: 'erste-hilfe', stepId: 'schritt-1', evidence: { note: 'Kurs besucht', url: 'https://example.org/zertifikat' } },
    { pathId: 'erste-hilfe', stepId: 'schritt-1', memberId: 'm-1', approve: true },
    { id: 'ci-1', cohortId: 'sprint', note: 'Tag 3' },
    { member: 'me', limit: 10 },
    { topic: 'feed/lauftreff', kind: 'created', entity: 'post', id, at: '2030-03-04T09:00:00.000Z' },
    { awardId: 'a-1', reason: 'Irrtum' },
    { id: 'f-1', kind: 'image', name: 'foto.png', type: 'image/png', size: 100, width: 10, height: 10, url: '/files/f-1' },
    { awardId: 'a-1', onWall: true },
  ];
}

/**
 * What a backend hands out (posts, groups, memberships, receipts, progress…): a local backend
 * seeded with the municipality sample, read through the contract as an admin.
 */
async function backendOutputs(): Promise<unknown[]> {
  const dataset = municipalitySample();
  const member = dataset.members.find((m) => m.roles.includes('admin'))!;
  const dbName = `schemas-property-${Date.now()}`;
  const backend = createLocalBackend({ community: dataset.community.id, dbName, identity: { member } });
  const out: unknown[] = [];
  const keep = async (read: () => Promise<unknown>) => {
    try {
      out.push(await read());
    } catch {
      // A read this world cannot answer (e.g. no cohort): the other reads still count.
    }
  };
  try {
    await backend.seed(dataset);
    await keep(() => backend.session.current());
    for (const group of (await backend.feed.listGroups()).slice(0, 3)) {
      out.push(group);
      await keep(() => backend.feed.listMembers(group.id, {}));
      await keep(() => backend.feed.highlights(group.id));
      const posts = await backend.feed.listPosts({ groupId: group.id });
      out.push(posts);
      for (const post of posts.items.slice(0, 3)) await keep(() => backend.feed.listComments({ postId: post.id }));
      await keep(() => backend.feed.listPending(group.id, {}));
    }
    const firstPost = (await backend.feed.listPosts({ groupId: (await backend.feed.listGroups())[0]!.id })).items[0]!;
    await keep(() => backend.feed.report({ id: fixtures.uid(), target: { type: 'post', id: firstPost.id }, reason: 'other', note: 'Bitte prüfen' }));
    await keep(() => backend.feed.listReports({}));
    const resources = await backend.bookings.listResources();
    const resource = resources[0]!;
    const start = new Date();
    await keep(() => backend.bookings.occupancy({ resourceId: resource.id, start: start.toISOString(), end: new Date(start.getTime() + 60 * 86_400_000).toISOString() }));
    const bookings = await backend.bookings.list({ resourceId: resource.id });
    out.push(bookings, { booking: bookings.items[0], manageToken: 'manage-token-0000000000' });
    const from = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    await keep(() => backend.bookings.request(fixtures.bookingRequest(resource.id, `${from}T00:00:00.000Z`, `${from}T23:00:00.000Z`)));
    const items = await backend.lostFound.list({});
    out.push(items, { item: items.items[0], manageToken: 'manage-token-0000000000' });
    for (const item of items.items.slice(0, 2)) await keep(() => backend.lostFound.matches(item.id));
    await keep(() => backend.lostFound.report(fixtures.itemInput()));
    await keep(async () => backend.lostFound.getOwn(dataset.items[0]!.manageToken));
    const paths = await backend.learning.listPaths();
    const step = paths[0]!.steps[0]!;
    await keep(() => backend.learning.completeStep({ id: fixtures.uid(), pathId: paths[0]!.id, stepId: step.id, evidence: { note: 'Erledigt' } }));
    out.push({ pathId: paths[0]!.id, stepId: step.id, member: { id: member.id, displayName: member.displayName }, completedAt: new Date().toISOString(), evidence: null });
    for (const path of paths) {
      await keep(() => backend.learning.getProgress(path.id));
      await keep(() => backend.learning.listPendingSignOffs(path.id));
      if (path.cohort) await keep(() => backend.learning.cohort(path.cohort!.id));
    }
    await keep(() => backend.badges.listAwards({ member: 'me' }));
    await keep(() => backend.badges.wall({}));
  } finally {
    backend.close();
    indexedDB.deleteDatabase(dbName);
  }
  return out;
}

/** Every object, array and string inside `roots`, each distinct value once. */
function pool(roots: unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  const stack = [...roots];
  while (stack.length) {
    const value = stack.pop();
    if (value === null || (typeof value !== 'object' && typeof value !== 'string')) continue;
    const key = value instanceof Blob ? `blob:${out.length}` : JSON.stringify(value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
    if (typeof value === 'object' && !(value instanceof Blob)) stack.push(...Object.values(value));
  }
  return out;
}

const datasets = [municipalitySample(NOW), parishSample(NOW), clubSample(NOW)];
const candidates = pool([...datasets, ...fixtureValues(), ...literalInputs(), ...(await backendOutputs())]);
const bySize = (a: unknown, b: unknown) => size(a) - size(b);
function size(value: unknown): number {
  return value instanceof Blob ? 1 : (JSON.stringify(value) ?? '').length;
}

/** Up to `max` accepted samples per schema, smallest first, and the largest one. */
function samplesOf(schema: Schema, max = 4): unknown[] {
  const accepted = candidates.filter((c) => z.safeParse(schema, c).success).sort(bySize);
  return accepted.length <= max ? accepted : [...accepted.slice(0, max - 1), accepted[accepted.length - 1]];
}

/** Every path in `value` (objects and arrays, not into Blobs), the root excluded. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === 'object' && !(value instanceof Blob)) {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      pathsOf(child, path, out);
    }
  }
  return out;
}

/** A copy of `value` with `path` set to `replacement` (`undefined` + `drop` removes the field). */
function withAt(value: unknown, path: Path, replacement: unknown, drop = false): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  if (rest.length === 0 && drop) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head!];
    return copy;
  }
  // defineProperty: a key named "__proto__" becomes an own property, as JSON.parse makes it.
  Object.defineProperty(copy, head!, { value: withAt(copy[head!], rest, replacement, drop), enumerable: true, writable: true, configurable: true });
  return copy;
}

const hostile = [...HOSTILE_STRINGS.map((s) => ({ name: s.name, value: s.value as unknown })), ...HOSTILE_VALUES];

/** Values a mutation puts into a field: the corpus, and anything fast-check can think of. */
const replacement = fc.oneof(
  { arbitrary: fc.constantFrom(...hostile.map((h) => h.value)), weight: 3 },
  { arbitrary: fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withObjectString: true }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }), weight: 1 },
  { arbitrary: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, Infinity, NaN)), weight: 1 },
);

// ---------------------------------------------------------------------------------------------

describe('schema properties (fast-check)', () => {
  const stats = { schemas: exported.length, withSamples: 0, exhaustiveCases: 0, randomRuns: 0 };
  const withoutSamples: string[] = [];

  after(() => {
    console.log(
      `[schemas] ${stats.schemas} schemas (${stats.withSamples} with valid samples; none found for: ${withoutSamples.join(', ') || '–'}); ` +
        `checks covered through their schemas: ${checksOnly.join(', ') || '–'}; ` +
        `${stats.exhaustiveCases} field×corpus cases, ${stats.randomRuns} random runs (seed ${SEED})`,
    );
  });

  it('finds the schemas by enumerating the module (no hand-kept list)', () => {
    expect(exported.length).to.be.greaterThan(100);
    for (const name of ['Dataset', 'PostInput', 'BookingRequest', 'ItemInput', 'Path', 'AwardInput', 'ModerationAction']) {
      expect(exported.map(([n]) => n), name).to.include(name);
    }
  });

  it('the sample datasets are valid and round-trip, also through JSON', () => {
    for (const dataset of datasets) {
      const once = z.parse(schemas.Dataset, dataset);
      expect(z.parse(schemas.Dataset, once)).to.deep.equal(once);
      expect(z.parse(schemas.Dataset, JSON.parse(JSON.stringify(once)))).to.deep.equal(once);
    }
  });

  for (const [name, schema] of exported) {
    describe(name, () => {
      const samples = samplesOf(schema);

      it('arbitrary input: a result, never a thrown exception', () => {
        fc.assert(
          fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withObjectString: true }), (input) => {
            parseSafely(name, schema, input);
          }),
          { seed: SEED, numRuns: RUNS.anything },
        );
        for (const h of hostile) parseSafely(name, schema, h.value);
        stats.randomRuns += RUNS.anything;
      });

      if (!samples.length) {
        withoutSamples.push(name);
        return;
      }
      stats.withSamples++;

      it(`valid samples (${samples.length}) round-trip`, () => {
        for (const sample of samples) {
          const once = parseSafely(name, schema, sample);
          expect(once.success, `${name} accepts ${preview(sample)}`).to.equal(true);
          const again = parseSafely(name, schema, once.data);
          expect(again.success).to.equal(true);
          expect(again.data).to.deep.equal(once.data);
          if (!containsBlob(once.data)) {
            const viaJson = JSON.parse(JSON.stringify(once.data));
            const json = parseSafely(name, schema, viaJson);
            expect(json.success, `${name} after JSON`).to.equal(true);
            // JSON has no `undefined`: compare with what JSON keeps of the first result.
            expect(json.data).to.deep.equal(viaJson);
          }
        }
      });

      it('every field of a valid sample × the hostile corpus: a result, never a throw', () => {
        const sample = samples[0]!;
        const paths = pathsOf(sample);
        if (paths.length > EXHAUSTIVE_PATH_LIMIT) return;
        for (const path of [[], ...paths]) {
          for (const h of hostile) {
            parseSafely(name, schema, withAt(sample, path, h.value));
            stats.exhaustiveCases++;
          }
          parseSafely(name, schema, withAt(sample, path, undefined, true));
          parseSafely(name, schema, withAt(sample, [...path, '__proto__'], { polluted: 'yes' }));
          stats.exhaustiveCases += 2;
        }
      });

      it('random mutations of several fields at once: a result, never a throw', () => {
        const targets = samples.map((s) => ({ sample: s, paths: pathsOf(s) })).filter((t) => t.paths.length > 0);
        if (!targets.length) return;
        const mutation = fc.integer({ min: 0, max: targets.length - 1 }).chain((i) =>
          fc.record({
            target: fc.constant(targets[i]!),
            edits: fc.array(
              fc.record({ path: fc.constantFrom(...targets[i]!.paths), value: replacement, drop: fc.nat(4).map((n) => n === 0) }),
              { minLength: 1, maxLength: 4 },
            ),
          }),
        );
        fc.assert(
          fc.property(mutation, ({ target, edits }) => {
            let value = target.sample;
            for (const edit of edits) value = withAt(value, edit.path, edit.value, edit.drop);
            parseSafely(name, schema, value);
          }),
          { seed: SEED, numRuns: RUNS.mutations },
        );
        stats.randomRuns += RUNS.mutations;
      });
    });
  }
});

function containsBlob(value: unknown): boolean {
  if (value instanceof Blob) return true;
  return !!value && typeof value === 'object' && Object.values(value).some(containsBlob);
}
