import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { callInput, groupInput, postInput, urgentInput } from '../../src/data/contract/fixtures.js';
import type { LocalBackend } from '../../src/data/adapters/local/index.js';
import type { GroupInput, Member, Post } from '../../src/data/schema/index.js';
import { failure, world, type World } from './world.js';

describe('local adapter: feed', () => {
  let w: World;
  beforeEach(() => {
    w = world('2030-03-04T09:00:00.000Z');
  });
  afterEach(() => w.dispose());

  async function group(overrides: Partial<GroupInput> = {}) {
    const admin = w.admin();
    await admin.feed.saveGroup(groupInput({ id: 'lauftreff', ...overrides }));
    return admin;
  }

  async function enrolled(name: string): Promise<LocalBackend & { member: Member }> {
    const person = w.person(name);
    await person.feed.join('lauftreff', {});
    await person.feed.acceptRules('lauftreff');
    return person;
  }

  /** Posts one per minute of the test clock, so their order is known. */
  async function postMany(author: LocalBackend, count: number, title = 'Beitrag'): Promise<Post[]> {
    const posts: Post[] = [];
    for (let i = 0; i < count; i++) {
      w.now = new Date(w.now.getTime() + 60_000);
      posts.push(await author.feed.createPost(postInput('lauftreff', { title: `${title} ${i}` })));
    }
    return posts;
  }

  it('pages newest first without duplicates or gaps while new posts arrive', async () => {
    await group();
    const anna = await enrolled('Anna');
    const older = await postMany(anna, 25);
    const reader = w.as(null);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await reader.feed.listPosts({ groupId: 'lauftreff', limit: 7, cursor });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      // Someone posts between every two pages.
      await postMany(anna, 1, 'Neu');
    } while (cursor);
    expect(seen).to.deep.equal(older.map((p) => p.id).reverse());
  });

  it('keeps pinned posts and urgent notices out of the list and in the highlights until they expire', async () => {
    const admin = await group();
    const anna = await enrolled('Anna');
    const [regular, toPin] = await postMany(anna, 2);
    const urgent = await admin.feed.createPost(urgentInput('lauftreff', '2030-03-04T12:00:00.000Z'));
    await admin.feed.moderate({ action: 'pin', postId: toPin!.id, on: true });
    const expiring = await anna.feed.createPost(postInput('lauftreff', { expiresAt: '2030-03-04T11:00:00.000Z' }));
    const reader = w.as(null);
    const list = async () => (await reader.feed.listPosts({ groupId: 'lauftreff' })).items.map((p) => p.id);
    expect(await list()).to.deep.equal([expiring.id, regular!.id]);
    let highlights = await reader.feed.highlights('lauftreff');
    expect(highlights.urgent.map((p) => p.id)).to.deep.equal([urgent.id]);
    expect(highlights.pinned.map((p) => p.id)).to.deep.equal([toPin!.id]);
    w.now = new Date('2030-03-04T11:00:00.000Z');
    expect(await list()).to.deep.equal([regular!.id]);
    w.now = new Date('2030-03-04T12:00:00.000Z');
    highlights = await reader.feed.highlights('lauftreff');
    expect(highlights.urgent).to.deep.equal([]);
    expect(highlights.pinned.map((p) => p.id)).to.deep.equal([toPin!.id]);
    // Unpinned, the post returns to its place in the list.
    await admin.feed.moderate({ action: 'pin', postId: toPin!.id, on: false });
    expect(await list()).to.deep.equal([toPin!.id, regular!.id]);
  });

  it('filters by tag through the tag index, ignoring case and umlauts', async () => {
    await group();
    const anna = await enrolled('Anna');
    const tagged = await anna.feed.createPost(postInput('lauftreff', { tags: ['Läufe', 'Termine'] }));
    await anna.feed.createPost(postInput('lauftreff', { tags: ['Sonstiges'] }));
    const page = await w.as(null).feed.listPosts({ groupId: 'lauftreff', tag: 'LAEUFE' });
    expect(page.items.map((p) => p.id)).to.deep.equal([tagged.id]);
  });

  it('computes per-session fields for the reader and never stores them', async () => {
    await group();
    const anna = await enrolled('Anna');
    const post = await anna.feed.createPost(postInput('lauftreff'));
    await anna.feed.react({ postId: post.id, reaction: 'heart', on: true });
    expect((await anna.feed.getPost(post.id)).myReactions).to.deep.equal(['heart']);
    const other = w.person('Otto');
    const theirs = await other.feed.getPost(post.id);
    expect(theirs.myReactions).to.deep.equal([]);
    expect(theirs.reactions.heart).to.equal(1);
    const db = await openDB(w.dbName);
    const [storedPost, storedGroup] = await Promise.all([db.get('posts', post.id), db.get('groups', 'lauftreff')]);
    db.close();
    expect(storedPost).to.not.have.property('myReactions');
    expect(storedGroup).to.not.have.property('membership');
  });

  it('never fills a slot beyond capacity, however many commit at once', async () => {
    await group();
    const organiser = await enrolled('Olga');
    const call = await organiser.feed.createPost(callInput('lauftreff', [{ capacity: 3 }]));
    const slotId = call.call!.slots[0]!.id;
    const helpers = Array.from({ length: 8 }, (_, i) => w.person(`Helfer ${i}`));
    const results = await Promise.allSettled(helpers.map((h) => h.feed.commit({ id: crypto.randomUUID(), postId: call.id, slotId, count: 1 })));
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(3);
    expect(rejected.map((e) => [e.code, e.issues[0].code])).to.deep.equal(Array(5).fill(['conflict', 'feed.slotFull']));
    const slot = (await organiser.feed.getPost(call.id)).call!.slots[0]!;
    expect(slot.committed).to.equal(3);
    expect(slot.mine).to.equal(0);
  });

  it('lets a commitment change its count and be withdrawn, for the committing member only', async () => {
    await group();
    const organiser = await enrolled('Olga');
    const call = await organiser.feed.createPost(callInput('lauftreff', [{ capacity: 5, kind: 'item' }]));
    const slotId = call.call!.slots[0]!.id;
    const helper = w.person('Hans');
    expect((await helper.feed.commit({ id: 'c1', postId: call.id, slotId, count: 2 })).call!.slots[0]).to.include({ committed: 2, mine: 2 });
    expect((await helper.feed.commit({ id: 'c2', postId: call.id, slotId, count: 4 })).call!.slots[0]).to.include({ committed: 4, mine: 4 });
    // Replaying the first commitment does not set the count back.
    expect((await helper.feed.commit({ id: 'c1', postId: call.id, slotId, count: 2 })).call!.slots[0]).to.include({ committed: 4, mine: 4 });
    expect((await helper.feed.withdraw({ postId: call.id, slotId })).call!.slots[0]).to.include({ committed: 0, mine: 0 });
    expect((await failure(w.as(null).feed.commit({ id: 'c3', postId: call.id, slotId, count: 1 }))).code).to.equal('forbidden');
  });

  it('shows pending posts to their author and moderators only, until approved', async () => {
    const admin = await group({ approveBeforePublish: true });
    const anna = await enrolled('Anna');
    const post = await anna.feed.createPost(postInput('lauftreff'));
    expect(post.status).to.equal('pending');
    const ids = async (b: LocalBackend) => (await b.feed.listPosts({ groupId: 'lauftreff' })).items.map((p) => p.id);
    expect(await ids(anna)).to.deep.equal([post.id]);
    expect(await ids(admin)).to.deep.equal([post.id]);
    expect(await ids(w.person('Otto'))).to.deep.equal([]);
    expect((await failure(w.as(null).feed.getPost(post.id))).code).to.equal('not-found');
    expect((await admin.feed.listPending('lauftreff', {})).items.map((p) => p.id)).to.deep.equal([post.id]);
    await admin.feed.moderate({ action: 'approve', postId: post.id });
    expect(await ids(w.as(null))).to.deep.equal([post.id]);
    expect((await admin.feed.listPending('lauftreff', {})).items).to.deep.equal([]);
  });

  it('lists a private group to everyone but keeps its posts to its members', async () => {
    await group({ visibility: 'private', joinPolicy: 'request' });
    const member = w.person('Mia');
    await member.feed.join('lauftreff', {});
    const outsider = w.as(null);
    expect((await outsider.feed.listGroups()).map((g) => g.id)).to.deep.equal(['lauftreff']);
    expect((await failure(outsider.feed.listPosts({ groupId: 'lauftreff' }))).code).to.equal('forbidden');
    // A pending request is not membership yet.
    expect((await failure(member.feed.listPosts({ groupId: 'lauftreff' }))).code).to.equal('forbidden');
  });
});
