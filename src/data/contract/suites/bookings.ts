/** Contract: bookings — resources, requests, no overlaps, rules, decisions, occupancy privacy. */
import {
  Alternative, Booking, BookingReceipt, PublicBooking, Resource, page, type BookingRequest,
} from '../../schema/index.js';
import type { BackendError } from '../../backend.js';
import {
  allConform, conforms, deepEqual, equal, isBackendError, noLeak, none, ok, rejects, resolves, sameMembers, show,
  AssertionError,
} from '../assert.js';
import { duplicates, settle, useKit, walkPages, type Persona } from '../context.js';
import { bookingRequest, bookingSecrets, resource as resourceInput } from '../fixtures.js';
import type { ContractHarness, TestApi } from '../harness.js';
import { globalTestApi } from '../recorder.js';
import { bad, chars, createResource, ids } from '../support.js';

/** An instant on a day at a UTC time, e.g. `at('2030-03-11', '10:00')`. */
const at = (day: string, time: string) => `${day}T${time}:00.000Z`;
/** Next Monday after KIT_NOW; Europe/Berlin is UTC+1 then. */
const MON = '2030-03-11';
const WEEK = { start: at('2030-03-04', '00:00'), end: at('2030-04-30', '00:00') };

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

export function bookingsSuite(harness: ContractHarness, test: TestApi = globalTestApi()): void {
  const { describe, it } = test;

  describe('bookings', () => {
    const kit = useKit(harness, test);

    async function occupancy(p: Persona, resourceId: string, range = WEEK) {
      const list = await p.backend.bookings.occupancy({ resourceId, ...range });
      allConform(PublicBooking, list, 'occupancy');
      return list;
    }

    async function request(p: Persona, input: BookingRequest) {
      const receipt = await resolves(p.backend.bookings.request(input), `request ${input.start}–${input.end} by ${p.kind}`);
      conforms(BookingReceipt, receipt, 'request');
      return receipt;
    }

    describe('resources', () => {
      it('an admin saves a resource; everyone reads it', async () => {
        const admin = await kit.admin();
        const input = resourceInput({}, { approval: 'manual', price: { amount: 5000, currency: 'EUR', per: 'day', note: 'Kaution extra' } });
        const saved = await admin.backend.bookings.saveResource(input);
        conforms(Resource, saved, 'saveResource');
        deepEqual(saved, input, 'the saved resource is what was sent');
        const anon = await kit.anonymous();
        deepEqual(await anon.backend.bookings.getResource(input.id), input, 'getResource');
        const list = await anon.backend.bookings.listResources();
        allConform(Resource, list, 'listResources');
        deepEqual(ids(list), [input.id]);
        const renamed = await admin.backend.bookings.saveResource({ ...input, name: 'Pfarrsaal' });
        equal(renamed.name, 'Pfarrsaal', 'saving again updates');
        equal((await anon.backend.bookings.listResources()).length, 1, 'and creates nothing new');
      });

      it('only admins save resources', async () => {
        for (const p of [await kit.anonymous(), await kit.member(), await kit.moderator()]) {
          const input = resourceInput();
          await rejects(p.backend.bookings.saveResource(input), 'forbidden', undefined, `saveResource by ${p.kind}`);
          await rejects(p.backend.bookings.getResource(input.id), 'not-found', undefined, 'no trace');
        }
      });

      it('saveResource rejects bad input field by field and writes nothing', async () => {
        const admin = await kit.admin();
        const base = resourceInput();
        const cases: [string, unknown, string, string?][] = [
          ['empty name', { ...base, name: '' }, 'name', 'required'],
          ['bad id', { ...base, id: 'Grill Hütte' }, 'id'],
          ['unknown time zone', { ...base, timeZone: 'Mars/Olympus' }, 'timeZone'],
          ['step below 5', { ...base, rules: { ...base.rules, step: 1 } }, 'rules.step', 'tooSmall'],
          ['maxAdvance 0', { ...base, rules: { ...base.rules, maxAdvance: 0 } }, 'rules.maxAdvance', 'tooSmall'],
          ['unknown unit', { ...base, rules: { ...base.rules, unit: 'week' } }, 'rules.unit', 'invalidChoice'],
          ['bad blackout date', { ...base, rules: { ...base.rules, blackouts: [{ start: '2030-02-30', end: '2030-03-01', reason: '' }] } }, 'rules.blackouts.0.start'],
          ['bad opening hour', { ...base, rules: { ...base.rules, openingHours: [{ weekday: 8, open: '10:00', close: '18:00' }] } }, 'rules.openingHours.0.weekday'],
          ['bad currency', { ...base, rules: { ...base.rules, price: { amount: 1, currency: 'euro', per: 'day', note: '' } } }, 'rules.price.currency'],
        ];
        for (const [name, input, path, code] of cases) {
          await rejects(admin.backend.bookings.saveResource(bad(input)), 'validation', { path, code }, `saveResource: ${name}`);
        }
        equal((await admin.backend.bookings.listResources()).length, 0, 'no resource after rejected writes');
        await rejects(admin.backend.bookings.getResource(base.id), 'not-found');
      });

      it('a rejected update leaves the resource as it was', async () => {
        const { admin, resource } = await createResource(kit);
        await rejects(admin.backend.bookings.saveResource(bad({ ...resource, name: 'Neu', rules: { ...resource.rules, maxDuration: 0 } })), 'validation', 'rules.maxDuration');
        deepEqual(await admin.backend.bookings.getResource(resource.id), resource);
      });

      it('an unknown resource is not-found', async () => {
        const anon = await kit.anonymous();
        await rejects(anon.backend.bookings.getResource('no-such-resource'), 'not-found');
        await rejects(anon.backend.bookings.request(bookingRequest('no-such-resource', at(MON, '10:00'), at(MON, '12:00'))), ['not-found', 'validation']);
      });
    });

    describe('calendar subscription', () => {
      it('calendarUrl is null or an absolute http(s) address, for everyone', async () => {
        const { admin, resource } = await createResource(kit);
        const urls: (string | null)[] = [];
        for (const p of [await kit.anonymous(), await kit.member(), admin]) {
          const url = await resolves(p.backend.bookings.calendarUrl(resource.id), `calendarUrl by ${p.kind}`);
          ok(url === null || typeof url === 'string', `calendarUrl by ${p.kind} is a string or null: ${show(url)}`);
          if (url !== null) {
            let parsed: URL | null = null;
            try {
              parsed = new URL(url);
            } catch {
              // reported below
            }
            ok(parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:'), `an absolute http(s) URL: ${url}`);
            ok(!parsed.username && !parsed.password, `no credentials in the address: ${url}`);
          }
          urls.push(url);
        }
        ok(urls.every((u) => u === urls[0]), `the same address for every visitor (it carries nobody's session): ${show(urls)}`);
      });

      it('calendarUrl of an unknown resource is not-found; a malformed id is refused', async () => {
        const anon = await kit.anonymous();
        await rejects(anon.backend.bookings.calendarUrl('no-such-resource'), 'not-found');
        await rejects(anon.backend.bookings.calendarUrl(bad('Not A Slug')), ['validation', 'not-found']);
      });
    });

    describe('requests', () => {
      it('an anonymous visitor requests; the receipt and the token show the whole booking', async () => {
        const { resource } = await createResource(kit);
        const anon = await kit.anonymous();
        const input = bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00'), { publicLabel: 'Sommerfest TSV' });
        const receipt = await request(anon, input);
        const b = receipt.booking;
        equal(b.id, input.id);
        equal(b.status, 'requested', 'manual approval: requested');
        equal(Date.parse(b.start), Date.parse(input.start));
        equal(Date.parse(b.end), Date.parse(input.end));
        deepEqual(b.requester, input.requester, 'the requester sees their own contact');
        equal(b.purpose, input.purpose);
        equal(b.attendees, input.attendees);
        equal(b.decidedAt, null);
        ok(receipt.manageToken.length >= 16, 'a long manage token');
        const byToken = await (await kit.anonymous()).backend.bookings.getByToken(receipt.manageToken);
        conforms(Booking, byToken, 'getByToken');
        deepEqual(byToken, b, 'the token opens the same booking from anywhere');
        const occ = await occupancy(await kit.member(), resource.id);
        equal(occ.length, 1);
        equal(occ[0].id, b.id);
        equal(occ[0].status, 'requested');
        equal(occ[0].publicLabel, 'Sommerfest TSV');
      });

      it('members request too; auto approval confirms at once', async () => {
        const { resource } = await createResource(kit, {}, { approval: 'auto' });
        const m = await kit.member();
        const receipt = await request(m, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        equal(receipt.booking.status, 'confirmed');
        equal((await occupancy(m, resource.id))[0].status, 'confirmed');
      });

      it('request rejects bad input field by field and writes nothing', async () => {
        const { admin, resource } = await createResource(kit);
        const anon = await kit.anonymous();
        const mk = () => bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00'));
        const cases: [string, (r: BookingRequest) => unknown, string, string?][] = [
          ['requester email', (r) => ({ ...r, requester: { ...r.requester, email: 'not-an-email' } }), 'requester.email', 'format.email'],
          ['requester name empty', (r) => ({ ...r, requester: { ...r.requester, name: ' ' } }), 'requester.name', 'required'],
          ['requester phone', (r) => ({ ...r, requester: { ...r.requester, phone: 'call me' } }), 'requester.phone'],
          ['house rules not accepted', (r) => ({ ...r, acceptRules: false }), 'acceptRules', 'mustAccept'],
          ['no attendees', (r) => ({ ...r, attendees: 0 }), 'attendees', 'tooSmall'],
          ['empty purpose', (r) => ({ ...r, purpose: '' }), 'purpose', 'required'],
          ['public label too long', (r) => ({ ...r, publicLabel: chars(61) }), 'publicLabel', 'tooLong'],
          ['start not an instant', (r) => ({ ...r, start: '11.03.2030 10:00' }), 'start'],
          ['end before start', (r) => ({ ...r, end: at(MON, '09:00') }), 'end', 'booking.endBeforeStart'],
          ['end equals start', (r) => ({ ...r, end: r.start }), 'end', 'booking.endBeforeStart'],
          ['resourceId not a slug', (r) => ({ ...r, resourceId: 'Grill Hütte' }), 'resourceId'],
        ];
        const rejectedIds: string[] = [];
        for (const [name, change, path, code] of cases) {
          const input = change(mk()) as BookingRequest;
          await rejects(anon.backend.bookings.request(bad(input)), 'validation', { path, code }, `request: ${name}`);
          rejectedIds.push(input.id);
        }
        equal((await occupancy(anon, resource.id)).length, 0, 'occupancy shows nothing after rejected requests');
        equal((await admin.backend.bookings.list({})).items.length, 0, 'admins see no booking either');
        const retry = await request(anon, { ...mk(), id: rejectedIds[0] });
        equal(retry.booking.id, rejectedIds[0], 'the id of a rejected request is not used up');
      });

      it('retrying a request with the same id returns the same receipt, with the same token', async () => {
        const { resource } = await createResource(kit);
        const anon = await kit.anonymous();
        const input = bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00'));
        const first = await request(anon, input);
        await kit.tick(3);
        const second = await request(await kit.again(anon), input);
        deepEqual(second, first, 'same booking, same manage token');
        const parallel = bookingRequest(resource.id, at(MON, '14:00'), at(MON, '16:00'));
        const [a, b] = await Promise.all([anon.backend.bookings.request(parallel), anon.backend.bookings.request(parallel)]);
        deepEqual(b, a, 'a retry racing the first delivery gets the first result, not a conflict with itself');
        equal((await occupancy(anon, resource.id)).length, 2, 'two bookings, not four');
      });

      it('an unknown manage token is not-found', async () => {
        const anon = await kit.anonymous();
        await rejects(anon.backend.bookings.getByToken('x'.repeat(32)), ['not-found', 'forbidden']);
        await rejects(anon.backend.bookings.cancelByToken('x'.repeat(32)), ['not-found', 'forbidden']);
      });
    });

    describe('no overlaps', () => {
      it('50 parallel overlapping requests from several actors: exactly one succeeds', async () => {
        const { admin, resource } = await createResource(kit);
        const actors = [await kit.anonymous(), await kit.anonymous(), await kit.member(), await kit.member(), await kit.moderator()];
        // Every range contains 11:00–12:00 UTC, so every pair overlaps.
        const starts = ['10:00', '10:30', '11:00'];
        const ends = ['12:00', '12:30', '13:00'];
        const inputs = Array.from({ length: 50 }, (_, i) =>
          bookingRequest(resource.id, at(MON, starts[i % 3]), at(MON, ends[Math.floor(i / 3) % 3])));
        const { fulfilled, rejected } = await settle(inputs.map((input, i) => actors[i % actors.length].backend.bookings.request(input)));
        equal(fulfilled.length, 1, `exactly one of 50 overlapping requests may succeed, ${fulfilled.length} did`);
        equal(rejected.length, 49);
        const winner = fulfilled[0].booking;
        const winnerInput = inputs.find((x) => x.id === winner.id)!;
        for (const e of rejected) {
          if (!isBackendError(e) || e.code !== 'conflict') throw new AssertionError(`expected BackendError(conflict), got ${show(e)}`, e);
          const alternatives = (e as BackendError).details.alternatives;
          ok(Array.isArray(alternatives) && alternatives.length > 0, `a conflict carries alternatives, got ${show(e)}`);
          for (const alt of alternatives) {
            conforms(Alternative, alt, 'alternative');
            ok(Date.parse(alt.end) > Date.parse(alt.start), `alternative ${show(alt)} ends after it starts`);
            ok(!overlaps(alt, winner), `alternative ${show(alt)} overlaps the booking that holds the slot`);
          }
          noLeak({ message: e.message, details: (e as BackendError).details }, bookingSecrets(winnerInput), 'a conflict error');
        }
        const occ = await occupancy(actors[0], resource.id);
        equal(occ.length, 1, 'occupancy shows one booking');
        equal(occ[0].id, winner.id);
        equal((await admin.backend.bookings.list({ resourceId: resource.id })).items.length, 1, 'admins see one booking');
      });

      it('an offered alternative can be booked', async () => {
        const { resource } = await createResource(kit);
        const a = await kit.anonymous();
        await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        const e = await rejects(a.backend.bookings.request(bookingRequest(resource.id, at(MON, '11:00'), at(MON, '13:00'))), 'conflict');
        const alt = e.details.alternatives?.[0];
        ok(alt, 'an alternative is offered');
        await request(a, bookingRequest(resource.id, alt.start, alt.end));
        equal((await occupancy(a, resource.id)).length, 2);
      });

      it('adjacent ranges and other resources do not conflict', async () => {
        const { resource } = await createResource(kit);
        const { resource: other } = await createResource(kit);
        const a = await kit.anonymous();
        await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        await request(a, bookingRequest(resource.id, at(MON, '12:00'), at(MON, '14:00')));
        await request(a, bookingRequest(resource.id, at(MON, '08:00'), at(MON, '10:00')));
        await request(a, bookingRequest(other.id, at(MON, '10:00'), at(MON, '12:00')));
        equal((await occupancy(a, resource.id)).length, 3);
        equal((await occupancy(a, other.id)).length, 1);
      });

      it('the buffer after a booking stays free', async () => {
        const { resource } = await createResource(kit, {}, { buffer: 30 });
        const a = await kit.anonymous();
        await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        await rejects(a.backend.bookings.request(bookingRequest(resource.id, at(MON, '12:00'), at(MON, '13:00'))), 'conflict', undefined, 'starts inside the buffer');
        await request(a, bookingRequest(resource.id, at(MON, '12:30'), at(MON, '13:30')));
      });

      it('a declined booking frees its slot', async () => {
        const { admin, resource } = await createResource(kit);
        const a = await kit.anonymous();
        const first = await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        const declined = await admin.backend.bookings.decide({ id: first.booking.id, decision: 'decline', reason: 'Schon vergeben' });
        conforms(Booking, declined, 'decide');
        equal(declined.status, 'declined');
        equal(declined.reason, 'Schon vergeben');
        ok(declined.decidedAt, 'decidedAt is set');
        equal((await occupancy(a, resource.id)).length, 0, 'declined bookings are not in the occupancy');
        const second = await request(await kit.anonymous(), bookingRequest(resource.id, at(MON, '11:00'), at(MON, '13:00')));
        deepEqual(ids(await occupancy(a, resource.id)), [second.booking.id]);
        equal((await a.backend.bookings.getByToken(first.manageToken)).status, 'declined', 'the requester sees the decision');
      });

      it('a booking cancelled with its token frees its slot', async () => {
        const { resource } = await createResource(kit);
        const a = await kit.anonymous();
        const first = await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        const cancelled = await a.backend.bookings.cancelByToken(first.manageToken);
        conforms(Booking, cancelled, 'cancelByToken');
        equal(cancelled.status, 'cancelled');
        equal((await occupancy(a, resource.id)).length, 0);
        await request(await kit.member(), bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
      });

      it('a booking cancelled by an admin frees its slot', async () => {
        const { admin, resource } = await createResource(kit, {}, { approval: 'auto' });
        const a = await kit.anonymous();
        const first = await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        const cancelled = await admin.backend.bookings.cancel(first.booking.id, 'Wasserschaden');
        equal(cancelled.status, 'cancelled');
        equal(cancelled.reason, 'Wasserschaden');
        equal((await occupancy(a, resource.id)).length, 0);
        await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        const m = await kit.member();
        const b = await request(m, bookingRequest(resource.id, at(MON, '14:00'), at(MON, '15:00')));
        await rejects(m.backend.bookings.cancel(b.booking.id, 'Ich will nicht'), 'forbidden', undefined, 'cancel by a member');
        equal((await occupancy(m, resource.id)).length, 2, 'the member\'s attempt cancelled nothing');
      });

      it('a cancelled booking cannot be confirmed into a slot someone else holds now', async () => {
        const { admin, resource } = await createResource(kit);
        const a = await kit.anonymous();
        const first = await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        await a.backend.bookings.cancelByToken(first.manageToken);
        const second = await request(await kit.anonymous(), bookingRequest(resource.id, at(MON, '11:00'), at(MON, '13:00')));
        await rejects(admin.backend.bookings.decide({ id: first.booking.id, decision: 'confirm', reason: '' }), ['conflict', 'validation']);
        deepEqual(ids(await occupancy(a, resource.id)), [second.booking.id], 'still only the second booking holds the slot');
        equal((await a.backend.bookings.getByToken(first.manageToken)).status, 'cancelled');
      });

      it('a confirmed booking keeps holding its slot', async () => {
        const { admin, resource } = await createResource(kit);
        const a = await kit.anonymous();
        const first = await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        const confirmed = await admin.backend.bookings.decide({ id: first.booking.id, decision: 'confirm', reason: '' });
        equal(confirmed.status, 'confirmed');
        await rejects(a.backend.bookings.request(bookingRequest(resource.id, at(MON, '11:00'), at(MON, '12:00'))), 'conflict');
        equal((await occupancy(a, resource.id))[0].status, 'confirmed');
      });
    });

    describe('rules', () => {
      /** Requests `range` and expects a validation issue with `code`; nothing may be written. */
      async function refused(resourceId: string, start: string, end: string, code: string, path?: string) {
        const a = await kit.anonymous();
        const input = bookingRequest(resourceId, start, end);
        await rejects(a.backend.bookings.request(input), 'validation', { code, path }, `${start}–${end}`);
        none(await occupancy(a, resourceId), (b) => b.id === input.id, 'a refused request left a booking');
      }
      async function allowed(resourceId: string, start: string, end: string) {
        return request(await kit.anonymous(), bookingRequest(resourceId, start, end));
      }

      it('booking.inPast: a start before now', async () => {
        const { resource } = await createResource(kit);
        await refused(resource.id, at('2030-03-04', '07:00'), at('2030-03-04', '08:00'), 'booking.inPast');
        await refused(resource.id, at('2030-03-01', '10:00'), at('2030-03-01', '12:00'), 'booking.inPast');
      });

      it('booking.endBeforeStart: an end not after the start', async () => {
        const { resource } = await createResource(kit);
        await refused(resource.id, at(MON, '12:00'), at(MON, '10:00'), 'booking.endBeforeStart', 'end');
        await refused(resource.id, at(MON, '12:00'), at(MON, '12:00'), 'booking.endBeforeStart', 'end');
      });

      it('booking.leadTime: less notice than the lead time', async () => {
        const { resource } = await createResource(kit, {}, { leadTime: 24 * 60 });
        await refused(resource.id, at('2030-03-04', '12:00'), at('2030-03-04', '13:00'), 'booking.leadTime');
        await allowed(resource.id, at('2030-03-05', '10:00'), at('2030-03-05', '11:00'));
      });

      it('booking.maxAdvance: a start beyond the booking window', async () => {
        const { resource } = await createResource(kit, {}, { maxAdvance: 30 });
        await refused(resource.id, at('2030-04-08', '10:00'), at('2030-04-08', '12:00'), 'booking.maxAdvance');
        await allowed(resource.id, at('2030-03-25', '10:00'), at('2030-03-25', '12:00'));
      });

      it('booking.tooShort and booking.tooLong: durations outside min and max', async () => {
        const { resource } = await createResource(kit, {}, { minDuration: 60, maxDuration: 240 });
        await refused(resource.id, at(MON, '10:00'), at(MON, '10:30'), 'booking.tooShort');
        await refused(resource.id, at(MON, '10:00'), at(MON, '15:00'), 'booking.tooLong');
        await allowed(resource.id, at(MON, '10:00'), at(MON, '14:00'));
      });

      it('booking.blackout: a range touching a blackout day in the resource\'s time zone', async () => {
        const { resource } = await createResource(kit, {}, {
          blackouts: [{ start: '2030-03-20', end: '2030-03-21', reason: 'Waldfest' }],
        });
        await refused(resource.id, at('2030-03-21', '10:00'), at('2030-03-21', '12:00'), 'booking.blackout');
        await refused(resource.id, at('2030-03-20', '10:00'), at('2030-03-20', '12:00'), 'booking.blackout');
        // 23:00 UTC on the 19th is already the 20th in Berlin (UTC+1).
        await refused(resource.id, at('2030-03-19', '23:00'), at('2030-03-20', '00:00'), 'booking.blackout');
        // 23:00 UTC on the 21st is the 22nd in Berlin: free.
        await allowed(resource.id, at('2030-03-21', '23:00'), at('2030-03-22', '00:00'));
        await allowed(resource.id, at('2030-03-19', '10:00'), at('2030-03-19', '12:00'));
      });

      it('booking.closed: outside the opening hours in the resource\'s time zone', async () => {
        const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '10:00', close: '18:00' }));
        const { resource } = await createResource(kit, {}, { openingHours: weekdays });
        // Monday 08:00–10:00 UTC is 09:00–11:00 in Berlin: opens at 10:00.
        await refused(resource.id, at(MON, '08:00'), at(MON, '10:00'), 'booking.closed');
        // Monday 16:00–18:00 UTC is 17:00–19:00 in Berlin: closes at 18:00.
        await refused(resource.id, at(MON, '16:00'), at(MON, '18:00'), 'booking.closed');
        // Saturday has no opening hours.
        await refused(resource.id, at('2030-03-16', '10:00'), at('2030-03-16', '12:00'), 'booking.closed');
        await allowed(resource.id, at(MON, '09:00'), at(MON, '11:00'));
        await allowed(resource.id, at(MON, '15:00'), at(MON, '17:00'));
      });

      it('bookings start and end on the resource\'s grid', async () => {
        const { resource } = await createResource(kit, {}, { step: 30 });
        const a = await kit.anonymous();
        await rejects(a.backend.bookings.request(bookingRequest(resource.id, at(MON, '10:10'), at(MON, '11:10'))), 'validation');
        equal((await occupancy(a, resource.id)).length, 0);
      });

      it('more attendees than the resource allows are refused', async () => {
        const { resource } = await createResource(kit, {}, { maxAttendees: 30 });
        const a = await kit.anonymous();
        await rejects(a.backend.bookings.request(bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00'), { attendees: 31 })), 'validation', 'attendees');
        await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00'), { attendees: 30 }));
      });

      it('day resources book whole days in their time zone', async () => {
        const { resource } = await createResource(kit, {}, { unit: 'day', step: 60, minDuration: 1, maxDuration: 3 });
        const a = await kit.anonymous();
        // 11–12 March in Berlin: from local midnight to local midnight (UTC+1).
        const r = await request(a, bookingRequest(resource.id, '2030-03-10T23:00:00.000Z', '2030-03-12T23:00:00.000Z'));
        equal(r.booking.status, 'requested');
        await rejects(a.backend.bookings.request(bookingRequest(resource.id, '2030-03-11T23:00:00.000Z', '2030-03-12T23:00:00.000Z')), 'conflict', undefined, 'the 12th is taken');
        await refused(resource.id, '2030-03-14T23:00:00.000Z', '2030-03-18T23:00:00.000Z', 'booking.tooLong');
        await request(a, bookingRequest(resource.id, '2030-03-12T23:00:00.000Z', '2030-03-13T23:00:00.000Z'));
      });
    });

    describe('administration', () => {
      it('admins list bookings with filters; others may not', async () => {
        const { admin, resource } = await createResource(kit);
        const { resource: other } = await createResource(kit);
        const a = await kit.anonymous();
        const r1 = await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        const r2 = await request(a, bookingRequest(resource.id, at(MON, '14:00'), at(MON, '16:00')));
        const r3 = await request(a, bookingRequest(other.id, at(MON, '10:00'), at(MON, '12:00')));
        await admin.backend.bookings.decide({ id: r2.booking.id, decision: 'confirm', reason: '' });
        const all = await admin.backend.bookings.list({});
        conforms(page(Booking), all, 'bookings.list');
        sameMembers(ids(all), [r1.booking.id, r2.booking.id, r3.booking.id]);
        sameMembers(ids(await admin.backend.bookings.list({ resourceId: resource.id })), [r1.booking.id, r2.booking.id], 'by resource');
        sameMembers(ids(await admin.backend.bookings.list({ status: 'confirmed' })), [r2.booking.id], 'by status');
        sameMembers(ids(await admin.backend.bookings.list({ resourceId: resource.id, status: 'requested' })), [r1.booking.id], 'by both');
        deepEqual(all.items.find((b) => b.id === r1.booking.id)!.requester, r1.booking.requester, 'admins see the requester');
        for (const p of [a, await kit.member(), await kit.moderator()]) {
          await rejects(p.backend.bookings.list({}), 'forbidden', undefined, `bookings.list by ${p.kind}`);
        }
        await rejects(admin.backend.bookings.list(bad({ status: 'pending' })), 'validation', 'status');
      });

      it('bookings.list pages without duplicates or gaps', async () => {
        const { admin, resource } = await createResource(kit);
        const a = await kit.anonymous();
        const created: string[] = [];
        for (let i = 0; i < 12; i++) {
          const day = `2030-03-${String(11 + i).padStart(2, '0')}`;
          if (i % 3 === 0) await kit.tick();
          created.push((await request(a, bookingRequest(resource.id, at(day, '10:00'), at(day, '11:00')))).booking.id);
        }
        const walk = await walkPages((p) => admin.backend.bookings.list({ resourceId: resource.id, ...p }), 5);
        deepEqual(duplicates(ids(walk.items)), [], 'no booking twice');
        sameMembers(ids(walk.items), created, 'every booking once');
        const again = await walkPages((p) => admin.backend.bookings.list({ resourceId: resource.id, ...p }), 5);
        deepEqual(ids(again.items), ids(walk.items), 'stable order');
      });

      it('only admins decide; declining needs a reason', async () => {
        const { admin, resource } = await createResource(kit);
        const a = await kit.anonymous();
        const r = await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        for (const p of [a, await kit.member(), await kit.moderator()]) {
          await rejects(p.backend.bookings.decide({ id: r.booking.id, decision: 'confirm', reason: '' }), 'forbidden', undefined, `decide by ${p.kind}`);
        }
        await rejects(admin.backend.bookings.decide({ id: r.booking.id, decision: 'decline', reason: '' }), 'validation', { path: 'reason', code: 'booking.declineNeedsReason' });
        await rejects(admin.backend.bookings.decide(bad({ id: r.booking.id, decision: 'maybe', reason: '' })), 'validation', 'decision');
        await rejects(admin.backend.bookings.decide({ id: r.booking.id, decision: 'decline', reason: chars(501) }), 'validation', { path: 'reason', code: 'tooLong' });
        await rejects(admin.backend.bookings.decide({ id: 'no-such-booking', decision: 'confirm', reason: '' }), 'not-found');
        const still = await a.backend.bookings.getByToken(r.manageToken);
        equal(still.status, 'requested', 'nothing was decided');
        equal(still.decidedAt, null);
      });

      it('occupancy rejects bad ranges', async () => {
        const { resource } = await createResource(kit);
        const a = await kit.anonymous();
        await rejects(a.backend.bookings.occupancy({ resourceId: resource.id, start: at(MON, '12:00'), end: at(MON, '10:00') }), 'validation', { path: 'end', code: 'booking.endBeforeStart' });
        await rejects(a.backend.bookings.occupancy({ resourceId: resource.id, start: at('2030-03-01', '00:00'), end: at('2030-06-30', '00:00') }), 'validation', { path: 'end', code: 'booking.rangeTooLong' });
        await rejects(a.backend.bookings.occupancy(bad({ resourceId: resource.id, start: 'heute', end: at(MON, '10:00') })), 'validation', 'start');
      });

      it('occupancy returns the bookings overlapping the range, holding ones only', async () => {
        const { admin, resource } = await createResource(kit);
        const a = await kit.anonymous();
        const inRange = await request(a, bookingRequest(resource.id, at(MON, '10:00'), at(MON, '12:00')));
        const straddling = await request(a, bookingRequest(resource.id, at('2030-03-12', '23:00'), at('2030-03-13', '02:00')));
        await request(a, bookingRequest(resource.id, at('2030-03-20', '10:00'), at('2030-03-20', '12:00')));
        const declined = await request(a, bookingRequest(resource.id, at(MON, '14:00'), at(MON, '16:00')));
        await admin.backend.bookings.decide({ id: declined.booking.id, decision: 'decline', reason: 'Nein' });
        const occ = await occupancy(a, resource.id, { start: at(MON, '00:00'), end: at('2030-03-13', '00:00') });
        sameMembers(ids(occ), [inRange.booking.id, straddling.booking.id]);
      });
    });

    describe('private data', () => {
      it('occupancy never contains the requester, the purpose or anything beyond the public shape', async () => {
        const { admin, resource } = await createResource(kit);
        const secrets: string[] = [];
        const actors = [await kit.anonymous(), await kit.member()];
        for (let i = 0; i < 4; i++) {
          const day = `2030-03-1${i + 1}`;
          const input = bookingRequest(resource.id, at(day, '10:00'), at(day, '12:00'), { publicLabel: i % 2 ? 'Vereinsfeier' : '' });
          secrets.push(...bookingSecrets(input));
          const r = await request(actors[i % 2], input);
          if (i === 0) await admin.backend.bookings.decide({ id: r.booking.id, decision: 'confirm', reason: '' });
        }
        for (const p of [...actors, await kit.moderator()]) {
          const occ = await p.backend.bookings.occupancy({ resourceId: resource.id, ...WEEK });
          equal(occ.length, 4);
          allConform(PublicBooking, occ, `occupancy for ${p.kind}`);
          noLeak(occ, secrets, `occupancy for ${p.kind}`);
          noLeak(await p.backend.bookings.listResources(), secrets, 'listResources');
          noLeak(await p.backend.bookings.getResource(resource.id), secrets, 'getResource');
        }
      });
    });
  });
}
