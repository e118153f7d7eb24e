/** Contract: live changes — a write on one backend reaches subscribers on another, with no private data. */
import type { Topic } from '../../backend.js';
import { Change } from '../../schema/index.js';
import { conforms, equal, noLeak, ok, show } from '../assert.js';
import { eventually, sleep, useKit, type Persona } from '../context.js';
import {
  achievement, awardInput, bookingRequest, bookingSecrets, itemInput, itemSecrets, path as pathInput, postInput, uid,
} from '../fixtures.js';
import type { ContractHarness, TestApi } from '../harness.js';
import { globalTestApi } from '../recorder.js';
import { createGroup, createResource, enrolled } from '../support.js';

const WAIT = 3000;
const QUIET = 400;

export function changesSuite(harness: ContractHarness, test: TestApi = globalTestApi()): void {
  const { describe, it } = test;

  describe('live changes', () => {
    // Registered before the kit's hooks, so listeners end before the harness tears down.
    const stops: (() => void)[] = [];
    test.afterEach(() => {
      for (const stop of stops.splice(0)) stop();
    });
    const kit = useKit(harness, test);

    function listen(p: Persona, topic: Topic) {
      const events: Change[] = [];
      const stop = p.backend.subscribe(topic, (c) => events.push(c));
      ok(typeof stop === 'function', 'subscribe returns the function that ends the subscription');
      stops.push(stop);
      return { events, stop };
    }

    /** Waits for a change on `topic` (about `id` if given) and checks every change received. */
    async function received(events: Change[], topic: string, id: string | ((id: string) => boolean) | null, secrets: string[], what: string) {
      const matches = (c: Change) => id === null || (typeof id === 'string' ? c.id === id : id(c.id));
      const arrived = await eventually(() => events.some(matches), WAIT);
      ok(arrived, `${what}: no change ${typeof id === 'string' ? `for ${id} ` : ''}on ${topic} within ${WAIT} ms; received ${show(events)}`);
      for (const c of events) {
        conforms(Change, c, `${what}: change`);
        equal(c.topic, topic, `${what}: a subscriber only gets changes of its topic`);
      }
      noLeak(events, secrets, `${what}: change events`);
    }

    it('bookings: a request on one backend reaches a subscriber on another; unsubscribe stops it', async () => {
      const { resource } = await createResource(kit);
      const { resource: other } = await createResource(kit);
      const watcher = await kit.anonymous();
      const topic: Topic = `bookings/${resource.id}`;
      const sub = listen(watcher, topic);
      const elsewhere = listen(watcher, `bookings/${other.id}`);
      const requester = await kit.anonymous();
      const input = bookingRequest(resource.id, '2030-03-11T10:00:00.000Z', '2030-03-11T12:00:00.000Z');
      const { booking } = await requester.backend.bookings.request(input);
      await received(sub.events, topic, booking.id, bookingSecrets(input), 'bookings');
      equal(elsewhere.events.length, 0, `a subscriber of another resource got ${show(elsewhere.events)}`);
      sub.stop();
      const count = sub.events.length;
      const second = bookingRequest(resource.id, '2030-03-12T10:00:00.000Z', '2030-03-12T12:00:00.000Z');
      await requester.backend.bookings.request(second);
      await sleep(QUIET);
      equal(sub.events.length, count, `no change after unsubscribe, got ${show(sub.events.slice(count))}`);
    });

    it('feed: a new post reaches subscribers of its group', async () => {
      const { group } = await createGroup(kit);
      const { group: other } = await createGroup(kit);
      const watcher = await kit.member();
      const topic: Topic = `feed/${group.id}`;
      const sub = listen(watcher, topic);
      const elsewhere = listen(watcher, `feed/${other.id}`);
      const poster = await enrolled(kit, group.id);
      const post = await poster.backend.feed.createPost(postInput(group.id));
      await received(sub.events, topic, post.id, [], 'feed');
      equal(elsewhere.events.length, 0, `a subscriber of another group got ${show(elsewhere.events)}`);
    });

    it('lost-found: a report reaches subscribers, without the reporter\'s contact', async () => {
      const watcher = await kit.anonymous();
      const sub = listen(watcher, 'lost-found');
      const reporter = await kit.anonymous();
      const input = itemInput();
      const { item } = await reporter.backend.lostFound.report(input);
      await received(sub.events, 'lost-found', item.id, itemSecrets(input), 'lost-found');
    });

    it('badges: an award reaches subscribers', async () => {
      const admin = await kit.admin();
      const a = await admin.backend.badges.saveAchievement(achievement());
      const m = await kit.member();
      const watcher = await kit.anonymous();
      const sub = listen(watcher, 'badges');
      const mod = await kit.moderator();
      const input = awardInput(a.id, [m.id!]);
      const awards = await mod.backend.badges.award(input);
      const known = new Set([input.id, a.id, ...awards.map((x) => x.id)]);
      await received(sub.events, 'badges', (id) => known.has(id), [], 'badges');
    });

    it('learning: progress made in one tab reaches the member\'s other tab', async () => {
      const admin = await kit.admin();
      const p = await admin.backend.learning.savePath(pathInput());
      const m = await kit.member();
      const otherTab = await kit.again(m);
      const topic: Topic = `learning/${p.id}`;
      const sub = listen(otherTab, topic);
      await m.backend.learning.completeStep({ id: uid(), pathId: p.id, stepId: p.steps[0].id, evidence: null });
      await received(sub.events, topic, null, [], 'learning');
    });
  });
}
