/**
 * Private data never reaches a caller who is not entitled to it, endpoint by endpoint:
 * every GET route of the server is called (the test fails when a new GET route has no case
 * here) by an anonymous visitor and by a member outside the private group, and every
 * response, success or error, is scanned for the private strings of the world below.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createHttpBackend } from '../../src/data/adapters/http/index.js';
import { fixtures } from '../../src/data/contract/index.js';
import type { Backend } from '../../src/data/backend.js';
import { call, createCommunity, memberToken, onEachDatabase, openTestDatabase, startServer, type Running } from './support.js';

const tag = () => randomUUID().replace(/-/g, '').slice(0, 12);

onEachDatabase('private data per endpoint', (kind, label) => {
  describe(label, () => {
    let running: Running;
    let community: string;
    let secret: string;
    const secrets: string[] = [];
    const ids: Record<string, string> = {};
    const tokens: Record<'outsider' | 'applicant', string> = { outsider: '', applicant: '' };

    const as = (k: 'member' | 'moderator' | 'admin', memberId = randomUUID()): Backend =>
      createHttpBackend({ baseUrl: running.url, community, token: memberToken(community, secret, { kind: k, memberId, displayName: `Kit ${k}` }) });

    before(async () => {
      running = await startServer(await openTestDatabase(kind), { ownsDb: true });
      community = `privacy-${tag().slice(0, 8)}`;
      secret = await createCommunity(running.db, community);
      running.setNow(fixtures.KIT_NOW);
      const admin = as('admin');
      const mod = as('moderator');
      const insiderId = randomUUID();
      const insider = as('member', insiderId);

      // A private group with a post, a pinned post, a comment and a report.
      const group = await admin.feed.saveGroup(fixtures.groupInput({ visibility: 'private', joinPolicy: 'request' }));
      await insider.feed.join(group.id, {});
      await mod.feed.moderate({ action: 'decide-membership', groupId: group.id, memberId: insiderId, approve: true });
      await insider.feed.acceptRules(group.id);
      const title = `Secret title ${tag()}`;
      const body = `Secret body ${tag()}`;
      const post = await insider.feed.createPost(fixtures.postInput(group.id, { title, body, tags: ['intern'] }));
      const pinned = await insider.feed.createPost(fixtures.postInput(group.id, { title: `Pinned secret ${tag()}` }));
      await mod.feed.moderate({ action: 'pin', postId: pinned.id, on: true });
      const comment = await insider.feed.addComment(fixtures.commentInput(post.id, { body: `Secret comment ${tag()}` }));
      await insider.feed.report({ id: randomUUID(), target: { type: 'post', id: post.id }, reason: 'other', note: `Secret report ${tag()}` });
      secrets.push(title, body, pinned.title, comment.body);
      // An applicant whose join request is pending.
      const applicantId = randomUUID();
      tokens.applicant = memberToken(community, secret, { kind: 'member', memberId: applicantId, displayName: 'Applicant' });
      await createHttpBackend({ baseUrl: running.url, community, token: tokens.applicant }).feed.join(group.id, { message: 'Darf ich?' });
      tokens.outsider = memberToken(community, secret, { kind: 'member', memberId: randomUUID(), displayName: 'Outsider' });

      // A booking with the requester's contact and purpose.
      const resource = await admin.bookings.saveResource(fixtures.resource());
      const request = fixtures.bookingRequest(resource.id, '2030-03-11T10:00:00.000Z', '2030-03-11T12:00:00.000Z');
      const receipt = await createHttpBackend({ baseUrl: running.url, community }).bookings.request(request);
      secrets.push(...fixtures.bookingSecrets(request), receipt.manageToken);

      // A found item with the reporter's contact, a proof detail and a relay message.
      const itemInput = fixtures.itemInput();
      const item = await createHttpBackend({ baseUrl: running.url, community }).lostFound.report(itemInput);
      const contact = fixtures.contactInput(item.item.id);
      await createHttpBackend({ baseUrl: running.url, community }).lostFound.contact(contact);
      secrets.push(...fixtures.itemSecrets(itemInput), item.manageToken, contact.message, contact.replyTo, contact.name);

      // A path step waiting for sign-off with private evidence; an award.
      const achievement = await admin.badges.saveAchievement(fixtures.achievement());
      const cohortId = `c-${tag()}`;
      const path = await admin.learning.savePath(fixtures.path({
        steps: [fixtures.step({ signOff: true })], badgeId: achievement.id,
        cohort: { id: cohortId, pathId: null, title: 'Sprint', start: fixtures.KIT_TODAY, days: 10, timeZone: fixtures.KIT_TIME_ZONE },
      }));
      const evidence = `Secret evidence ${tag()}`;
      await insider.learning.completeStep({ id: randomUUID(), pathId: path.id, stepId: path.steps[0]!.id, evidence: { note: evidence } });
      secrets.push(evidence);
      const [award] = await mod.badges.award(fixtures.awardInput(achievement.id, [insiderId]));

      const upload = await insider.files.upload({ id: randomUUID(), name: 'bild.png', blob: fixtures.pngBlob() });
      Object.assign(ids, {
        groupId: group.id, postId: post.id, resourceId: resource.id, itemId: item.item.id, pathId: path.id, cohortId, awardId: award!.id,
        fileId: upload.id, insiderId, memberId: insiderId,
      });
      for (const b of [admin, mod, insider]) b.close();
    });
    after(() => running.close());

    /** Path params and queries per GET route; a GET route missing here fails the test. */
    const CASES: Record<string, (i: Record<string, string>) => Record<string, string>> = {
      '/session': () => ({}),
      '/pow/challenge': () => ({}),
      '/files/:fileId': () => ({}),
      '/bookings/resources': () => ({}),
      '/bookings/resources/:resourceId': () => ({}),
      '/bookings/resources/:resourceId/calendar': () => ({}),
      '/bookings/resources/:resourceId/calendar.ics': () => ({}),
      '/bookings/occupancy': (i) => ({ resourceId: i.resourceId!, start: '2030-03-04T00:00:00.000Z', end: '2030-04-30T00:00:00.000Z' }),
      '/bookings/manage': () => ({}),
      '/bookings': () => ({}),
      '/lost-found/items': () => ({}),
      '/lost-found/items/:itemId': () => ({}),
      '/lost-found/items/:itemId/matches': () => ({}),
      '/lost-found/own': () => ({}),
      '/feed/groups': () => ({}),
      '/feed/groups/:groupId': () => ({}),
      '/feed/groups/:groupId/members': () => ({}),
      '/feed/groups/:groupId/candidates': () => ({}),
      '/feed/posts': (i) => ({ groupId: i.groupId! }),
      '/feed/groups/:groupId/highlights': () => ({}),
      '/feed/posts/:postId': () => ({}),
      '/feed/comments': (i) => ({ postId: i.postId! }),
      '/feed/reports': (i) => ({ groupId: i.groupId! }),
      '/feed/groups/:groupId/pending': () => ({}),
      '/learning/paths': () => ({}),
      '/learning/paths/:pathId': () => ({}),
      '/learning/paths/:pathId/progress': () => ({}),
      '/learning/paths/:pathId/sign-offs': () => ({}),
      '/learning/cohorts/:cohortId': () => ({}),
      '/badges/achievements': () => ({}),
      '/badges/awards': (i) => ({ member: i.insiderId! }),
      '/badges/wall': () => ({}),
      '/badges/recipients': () => ({}),
      // A member's own data (the token's) and, for admins only, another's (here: the insider's).
      '/session/me/data': () => ({}),
      '/members/:memberId/data': () => ({}),
      '/badges/awards/:awardId': () => ({}),
    };

    const leaks = (text: string) => secrets.filter((s) => text.toLowerCase().includes(s.toLowerCase()) || text.includes(JSON.stringify(s).slice(1, -1)));

    it('every GET endpoint, for anonymous visitors, outsiders and pending applicants', async () => {
      const gets = running.server.routes.filter((r) => r.method === 'get');
      const missing = gets.map((r) => r.path).filter((p) => !(p in CASES));
      assert.deepEqual(missing, [], 'GET routes without a privacy case');
      let checked = 0;
      for (const route of gets) {
        const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(ids[name]!));
        const query = new URLSearchParams(CASES[route.path]!(ids)).toString();
        for (const [who, token] of [['anonymous', null], ['outsider', tokens.outsider], ['applicant', tokens.applicant]] as const) {
          const r = await call(`${running.url}/c/${community}`, 'GET', `${path}${query ? `?${query}` : ''}`, { token });
          assert.ok(r.status < 500, `${route.path} by ${who}: ${r.status} ${r.text}`);
          assert.deepEqual(leaks(r.text), [], `${route.path} by ${who} leaked private data: ${r.text.slice(0, 300)}`);
          checked++;
        }
      }
      assert.ok(checked >= gets.length * 3);
      // The control: entitled callers do get the private data, so the scan above can see it.
      const insider = memberToken(community, secret, { kind: 'member', memberId: ids.insiderId!, displayName: 'Kit member' });
      const own = await call(`${running.url}/c/${community}`, 'GET', `/feed/posts?groupId=${ids.groupId}`, { token: insider });
      assert.equal(own.status, 200);
      assert.ok(leaks(own.text).length > 0, 'the insider reads the private post');
    });

    it('the calendar feed: iCalendar with one event per holding booking, and no person', async () => {
      const admin = as('admin');
      const resource = await admin.bookings.saveResource(fixtures.resource());
      const visitor = createHttpBackend({ baseUrl: running.url, community });
      const requests = [
        fixtures.bookingRequest(resource.id, '2030-03-12T10:00:00.000Z', '2030-03-12T12:00:00.000Z', { publicLabel: 'Sommerfest TSV' }),
        fixtures.bookingRequest(resource.id, '2030-03-13T10:00:00.000Z', '2030-03-13T12:00:00.000Z'),
        fixtures.bookingRequest(resource.id, '2030-03-14T10:00:00.000Z', '2030-03-14T12:00:00.000Z'),
        fixtures.bookingRequest(resource.id, '2030-03-15T10:00:00.000Z', '2030-03-15T12:00:00.000Z'),
      ];
      const receipts = [];
      for (const r of requests) receipts.push(await visitor.bookings.request(r));
      await admin.bookings.decide({ id: receipts[0]!.booking.id, decision: 'confirm', reason: '' });
      await admin.bookings.decide({ id: receipts[2]!.booking.id, decision: 'decline', reason: 'Belegt durch den Verein' });
      await visitor.bookings.cancelByToken(receipts[3]!.manageToken);
      const privateStrings = [...requests.flatMap((r) => fixtures.bookingSecrets(r)), ...receipts.map((r) => r.manageToken)];

      const url = await visitor.bookings.calendarUrl(resource.id);
      assert.ok(url, 'the server offers a calendar address');
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/c\/[^/]+\/bookings\/resources\/[^/]+\/calendar\.ics$/, url);
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
      assert.match(response.headers.get('cache-control') ?? '', /^public, max-age=\d+$/);
      const text = await response.text();

      // Structure: CRLF everywhere, one calendar, one event per holding booking (requested or confirmed).
      assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
      assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
      const lines = text.split('\r\n').slice(0, -1).reduce<string[]>((out, line) => {
        if (line.startsWith(' ')) out[out.length - 1] += line.slice(1);
        else out.push(line);
        return out;
      }, []);
      assert.equal(lines[0], 'BEGIN:VCALENDAR');
      assert.equal(lines.at(-1), 'END:VCALENDAR');
      assert.ok(lines.includes('VERSION:2.0'));
      assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2, 'the requested and the confirmed booking; not the declined or cancelled ones');
      assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 2);
      const uids = lines.filter((l) => l.startsWith('UID:')).map((l) => l.slice(4));
      assert.deepEqual(uids.map((u) => u.split('@')[0]).sort(), [receipts[0]!.booking.id, receipts[1]!.booking.id].sort());
      assert.ok(lines.includes('DTSTART:20300312T100000Z') && lines.includes('DTEND:20300312T120000Z'), 'times in UTC');
      assert.ok(lines.includes('SUMMARY:belegt: Sommerfest TSV'), 'the public label of the confirmed booking');
      assert.ok(lines.includes('SUMMARY:angefragt'), 'a requested booking without a label, in the community\'s language');
      for (const s of privateStrings) assert.ok(!text.toLowerCase().includes(s.toLowerCase()), `the calendar carries ${s}`);

      // A second fetch with the ETag is answered with 304; an unknown resource with 404.
      const again = await fetch(url, { headers: { 'If-None-Match': response.headers.get('etag')! } });
      assert.equal(again.status, 304);
      const unknown = await fetch(url.replace(resource.id, 'no-such-resource'));
      assert.equal(unknown.status, 404);
      await assert.rejects(visitor.bookings.calendarUrl('no-such-resource'), (e: unknown) => (e as { code?: string }).code === 'not-found');
      for (const b of [admin, visitor]) b.close();
    });

    it('writes that answer with data do not leak either', async () => {
      const base = `${running.url}/c/${community}`;
      const outsider = tokens.outsider;
      const attempts: [string, string, unknown][] = [
        ['POST', '/feed/reactions', { postId: ids.postId, reaction: 'like', on: true }],
        ['POST', '/feed/comments', { id: randomUUID(), postId: ids.postId, body: 'Hallo?' }],
        ['POST', '/feed/commitments', { id: randomUUID(), postId: ids.postId, slotId: randomUUID(), count: 1 }],
        ['POST', '/feed/reports', { id: randomUUID(), target: { type: 'post', id: ids.postId }, reason: 'spam', note: '' }],
        ['PATCH', `/feed/posts/${ids.postId}`, { title: 'Übernommen' }],
        ['POST', '/bookings/requests', fixtures.bookingRequest(ids.resourceId!, '2030-03-11T11:00:00.000Z', '2030-03-11T13:00:00.000Z')],
        ['POST', '/lost-found/contacts', fixtures.contactInput(ids.itemId!)],
      ];
      for (const [method, path, body] of attempts) {
        const r = await call(base, method, path, { token: outsider, body });
        assert.deepEqual(leaks(r.text), [], `${method} ${path} leaked private data: ${r.text.slice(0, 300)}`);
        if (path.startsWith('/feed/')) assert.ok(r.status === 403 || r.status === 404, `${method} ${path} by an outsider: ${r.status}`);
      }
    });

    it('the event stream carries what changed, never private data', async () => {
      const watcher = createHttpBackend({ baseUrl: running.url, community });
      const events: unknown[] = [];
      watcher.subscribe(`bookings/${ids.resourceId}`, (c) => events.push(c));
      watcher.subscribe('lost-found', (c) => events.push(c));
      const request = fixtures.bookingRequest(ids.resourceId!, '2030-03-12T10:00:00.000Z', '2030-03-12T12:00:00.000Z');
      await createHttpBackend({ baseUrl: running.url, community }).bookings.request(request);
      const input = fixtures.itemInput();
      await createHttpBackend({ baseUrl: running.url, community }).lostFound.report(input);
      const end = Date.now() + 5000;
      while (events.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      assert.equal(events.length, 2, 'both changes arrived');
      const text = JSON.stringify(events);
      for (const s of [...fixtures.bookingSecrets(request), ...fixtures.itemSecrets(input)]) assert.ok(!text.includes(s), `change events carry ${s}`);
      watcher.close();
    });

    it('a private group\'s activity reaches the event streams of its members only', async () => {
      const insider = createHttpBackend({ baseUrl: running.url, community, token: memberToken(community, secret, { kind: 'member', memberId: ids.insiderId!, displayName: 'Kit member' }) });
      const outsider = createHttpBackend({ baseUrl: running.url, community, token: tokens.outsider });
      const anonymous = createHttpBackend({ baseUrl: running.url, community });
      const seen: Record<string, unknown[]> = { insider: [], outsider: [], anonymous: [] };
      insider.subscribe(`feed/${ids.groupId}`, (c) => seen.insider!.push(c));
      outsider.subscribe(`feed/${ids.groupId}`, (c) => seen.outsider!.push(c));
      anonymous.subscribe(`feed/${ids.groupId}`, (c) => seen.anonymous!.push(c));
      await new Promise((r) => setTimeout(r, 300));
      const post = await insider.feed.createPost(fixtures.postInput(ids.groupId!));
      const end = Date.now() + 5000;
      while (!seen.insider!.length && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(seen.insider!.some((c) => (c as { id: string }).id === post.id), 'the member hears of the new post');
      assert.deepEqual(seen.outsider, [], 'an outsider hears nothing');
      assert.deepEqual(seen.anonymous, [], 'an anonymous visitor hears nothing');
      for (const b of [insider, outsider, anonymous]) b.close();
    });
  });
});
