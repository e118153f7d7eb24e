/** Contract: seed — a dataset loads into every domain, idempotently, validated like live input, privately. */
import {
  Item, Post, PublicBooking, type Dataset, type Member, type SeedPost,
} from '../../schema/index.js';
import { allConform, conforms, deepEqual, equal, noLeak, ok, rejects, sameMembers } from '../assert.js';
import { useKit } from '../context.js';
import {
  KIT_NOW, KIT_TIME_ZONE, KIT_TODAY, achievement, addDays, addMinutes, bookingRequest, emptyDataset, groupInput, itemInput, itemSecrets,
  path as pathInput, postInput, requester, resource as resourceInput, slug, tag, token, uid,
} from '../fixtures.js';
import type { ContractHarness, TestApi } from '../harness.js';
import { globalTestApi } from '../recorder.js';
import { bad, ids, invisible, withoutPosts } from '../support.js';

/** A small dataset touching every domain, with its private strings. */
export function kitDataset(communityId: string) {
  const ds: Dataset = emptyDataset(communityId);
  const member: Member = { id: uid(), displayName: `Seed Member ${tag().slice(0, 5)}`, roles: ['member'] };
  const insider: Member = { id: uid(), displayName: `Seed Insider ${tag().slice(0, 5)}`, roles: ['member'] };
  ds.members.push(member, insider);

  const open = { ...groupInput({ visibility: 'public', joinPolicy: 'open' }), members: [{ memberId: member.id, role: 'member' as const }] };
  const closed = { ...groupInput({ visibility: 'private', joinPolicy: 'invite' }), members: [{ memberId: insider.id, role: 'member' as const }] };
  ds.groups.push(open, closed);

  const slotId = uid();
  const basePost = (groupId: string, minutesAgo: number, extra: Partial<SeedPost> = {}): SeedPost => ({
    ...postInput(groupId),
    authorId: member.id,
    createdAt: addMinutes(KIT_NOW, -minutesAgo),
    pinned: false,
    reactions: [],
    comments: [],
    commitments: [],
    ...extra,
  });
  const news = basePost(open.id, 60, {
    kind: 'news',
    reactions: [{ memberId: insider.id, reaction: 'like' }],
    comments: [{ id: uid(), authorId: insider.id, body: 'Super!', createdAt: addMinutes(KIT_NOW, -30) }],
  });
  const call = basePost(open.id, 50, {
    kind: 'call',
    call: { start: addDays(KIT_NOW, 3), place: 'Dorfplatz', slots: [{ id: slotId, label: 'Kuchen', kind: 'item', capacity: 5 }] },
    commitments: [{ id: uid(), slotId, memberId: insider.id, count: 2 }],
  });
  const secretPost = basePost(closed.id, 40, { authorId: insider.id, title: `Geheim ${tag()}` });
  ds.posts.push(news, call, secretPost);

  const res = resourceInput();
  ds.resources.push(res);
  const who = requester();
  const booking = {
    id: uid(),
    resourceId: res.id,
    start: '2030-03-11T10:00:00.000Z',
    end: '2030-03-11T14:00:00.000Z',
    status: 'confirmed' as const,
    publicLabel: 'Sommerfest',
    purpose: `Sommerfest ${tag()}`,
    attendees: 40,
    requester: who,
    createdAt: addDays(KIT_NOW, -2),
    decidedAt: addDays(KIT_NOW, -1),
    reason: null,
    manageToken: token(),
  };
  ds.bookings.push(booking);

  const itemIn = itemInput();
  const item = { ...itemIn, status: 'open' as const, createdAt: addDays(KIT_NOW, -1), expiresAt: addDays(KIT_NOW, 100), manageToken: token() };
  ds.items.push(item);

  const badge = achievement();
  ds.achievements.push(badge);
  const cohortId = slug('c');
  const p = pathInput({ badgeId: badge.id, cohort: { id: cohortId, pathId: null, title: 'Sprint', start: KIT_TODAY, days: 10, timeZone: KIT_TIME_ZONE } });
  ds.paths.push(p);
  ds.checkIns.push({ cohortId, memberId: member.id, day: KIT_TODAY });
  const award = {
    id: uid(), achievementId: badge.id, recipientId: member.id, issuedOn: addDays(KIT_NOW, -3), expires: null,
    revoked: false, revocationReason: null, evidence: [], note: 'Danke!', onWall: true,
  };
  ds.awards.push(award);

  const secrets = [who.name, who.email, who.phone, booking.purpose, ...itemSecrets(itemIn)];
  return { ds, member, insider, open, closed, news, call, slotId, secretPost, res, booking, item, badge, path: p, cohortId, award, secrets };
}

export function seedSuite(harness: ContractHarness, test: TestApi = globalTestApi()): void {
  const { describe, it } = test;

  describe('seed', () => {
    const kit = useKit(harness, test);

    async function seeded() {
      const world = kitDataset(kit.community);
      const admin = await kit.admin();
      await admin.backend.seed(world.ds);
      return { ...world, admin };
    }

    it('a dataset loads into every domain', async () => {
      const w = await seeded();
      const anon = await kit.anonymous();
      const groups = await anon.backend.feed.listGroups();
      ok(ids(groups).includes(w.open.id), 'the public group is listed');
      equal((await anon.backend.feed.getGroup(w.open.id)).name, w.open.name);
      const posts = await anon.backend.feed.listPosts({ groupId: w.open.id });
      allConform(Post, posts.items, 'listPosts');
      deepEqual(ids(posts), [w.call.id, w.news.id], 'seeded posts, newest first');
      const news = await anon.backend.feed.getPost(w.news.id);
      equal(Date.parse(news.createdAt), Date.parse(w.news.createdAt), 'createdAt from the dataset');
      equal(news.reactions.like, 1);
      equal(news.commentCount, 1);
      deepEqual(news.author, { id: w.member.id, displayName: w.member.displayName });
      equal((await anon.backend.feed.listComments({ postId: w.news.id })).items[0]?.body, 'Super!');
      equal((await anon.backend.feed.getPost(w.call.id)).call?.slots[0].committed, 2, 'seeded commitments count');
      deepEqual(await anon.backend.bookings.getResource(w.res.id), w.res);
      const occ = await anon.backend.bookings.occupancy({ resourceId: w.res.id, start: '2030-03-10T00:00:00.000Z', end: '2030-03-12T00:00:00.000Z' });
      allConform(PublicBooking, occ, 'occupancy');
      deepEqual(ids(occ), [w.booking.id]);
      equal(occ[0].status, 'confirmed');
      const byToken = await anon.backend.bookings.getByToken(w.booking.manageToken);
      deepEqual(byToken.requester, w.booking.requester, 'the seeded manage token opens the booking');
      const item = await anon.backend.lostFound.get(w.item.id);
      conforms(Item, item, 'lostFound.get');
      equal(item.title, w.item.title);
      deepEqual(ids(await anon.backend.lostFound.list({})), [w.item.id]);
      deepEqual((await anon.backend.lostFound.getOwn(w.item.manageToken)).contact, w.item.contact);
      deepEqual(await anon.backend.learning.getPath(w.path.id), w.path);
      deepEqual(ids(await anon.backend.badges.listAchievements()), [w.badge.id]);
      deepEqual(ids(await anon.backend.badges.listAwards({ member: w.member.id })), [w.award.id]);
      deepEqual(ids(await anon.backend.badges.wall({})), [w.award.id], 'the consenting award is on the wall');
      const seededMember = await kit.as('member', w.member.id, w.member.displayName);
      deepEqual((await seededMember.backend.learning.cohort(w.cohortId)).myDays, [KIT_TODAY], 'seeded check-ins count');
      equal((await seededMember.backend.feed.getGroup(w.open.id)).membership?.status, 'active', 'seeded memberships are active');
    });

    it('seeding twice creates nothing new', async () => {
      const w = await seeded();
      await w.admin.backend.seed(w.ds);
      const anon = await kit.anonymous();
      equal((await anon.backend.feed.listGroups()).filter((g) => g.id === w.open.id).length, 1);
      equal((await anon.backend.feed.listPosts({ groupId: w.open.id })).items.length, 2);
      equal((await anon.backend.feed.getPost(w.news.id)).commentCount, 1);
      equal((await anon.backend.feed.getPost(w.call.id)).call?.slots[0].committed, 2, 'commitments not doubled');
      equal((await anon.backend.bookings.occupancy({ resourceId: w.res.id, start: '2030-03-10T00:00:00.000Z', end: '2030-03-12T00:00:00.000Z' })).length, 1);
      equal((await anon.backend.lostFound.list({})).items.length, 1);
      equal((await anon.backend.badges.listAwards({ member: w.member.id })).items.length, 1);
      equal((await anon.backend.learning.listPaths()).length, 1);
    });

    it('seeded records keep the rules: private data stays private, the booked slot stays taken', async () => {
      const w = await seeded();
      const anon = await kit.anonymous();
      const occ = await anon.backend.bookings.occupancy({ resourceId: w.res.id, start: '2030-03-10T00:00:00.000Z', end: '2030-03-12T00:00:00.000Z' });
      noLeak(occ, w.secrets, 'occupancy of seeded bookings');
      noLeak(await anon.backend.lostFound.list({}), w.secrets, 'list of seeded items');
      noLeak(await anon.backend.lostFound.get(w.item.id), w.secrets, 'get of a seeded item');
      const req = await kit.anonymous();
      await rejects(req.backend.bookings.request(bookingRequest(w.res.id, '2030-03-11T12:00:00.000Z', '2030-03-11T15:00:00.000Z')), 'conflict');
    });

    it('seeded private groups admit their members only', async () => {
      const w = await seeded();
      const insider = await kit.as('member', w.insider.id, w.insider.displayName);
      deepEqual(ids(await insider.backend.feed.listPosts({ groupId: w.closed.id })), [w.secretPost.id], 'the member reads the group');
      for (const p of [await kit.anonymous(), await kit.member(), await kit.as('member', w.member.id, w.member.displayName)]) {
        await invisible(`listPosts by ${p.kind}`, () => p.backend.feed.listPosts({ groupId: w.closed.id }), withoutPosts([w.secretPost.id]));
        await invisible(`getPost by ${p.kind}`, () => p.backend.feed.getPost(w.secretPost.id), () => false);
      }
    });

    it('an invalid dataset is rejected with the field path, and nothing of it is written', async () => {
      const w = kitDataset(kit.community);
      const admin = await kit.admin();
      const broken = { ...w.ds, items: [{ ...w.item, category: 'car' }] };
      await rejects(admin.backend.seed(bad(broken)), 'validation', { path: 'items.0.category', code: 'invalidChoice' });
      const anon = await kit.anonymous();
      await rejects(anon.backend.feed.getGroup(w.open.id), 'not-found', undefined, 'no group of the rejected dataset');
      await rejects(anon.backend.bookings.getResource(w.res.id), 'not-found', undefined, 'no resource of the rejected dataset');
      await rejects(anon.backend.learning.getPath(w.path.id), 'not-found', undefined, 'no path of the rejected dataset');
      equal((await anon.backend.badges.listAchievements()).length, 0, 'no achievement of the rejected dataset');
      const badBooking = { ...w.ds, bookings: [{ ...w.booking, requester: { ...w.booking.requester, email: 'kaputt' } }] };
      await rejects(admin.backend.seed(bad(badBooking)), 'validation', { path: 'bookings.0.requester.email', code: 'format.email' });
      equal((await anon.backend.bookings.listResources()).length, 0);
      sameMembers(ids(await anon.backend.feed.listGroups()), [], 'no groups at all');
    });
  });
}
