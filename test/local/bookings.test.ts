import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { bookingRequest, resource } from '../../src/data/contract/fixtures.js';
import type { BookingReceipt, BookingRules } from '../../src/data/schema/index.js';
import { failure, world, type World } from './world.js';

const HOUR = 3_600_000;
const at = (iso: string, hours = 0) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

describe('local adapter: bookings', () => {
  let w: World;
  beforeEach(() => {
    // Monday 4 March 2030, 10:00 in Berlin.
    w = world('2030-03-04T09:00:00.000Z');
  });
  afterEach(() => w.dispose());

  async function grillhuette(rules: Partial<BookingRules> = {}) {
    const admin = w.admin();
    await admin.bookings.saveResource(resource({ id: 'grillhuette' }, rules));
    return admin;
  }

  it('lets exactly one of 50 parallel overlapping requests from five tabs through', async () => {
    await grillhuette();
    const tabs = Array.from({ length: 5 }, () => w.as(null));
    const base = '2030-03-11T09:00:00.000Z';
    // Every request lasts two hours and starts within the first 90 minutes: any two overlap.
    const requests = Array.from({ length: 50 }, (_, i) => bookingRequest('grillhuette', at(base, (i % 4) / 2), at(base, (i % 4) / 2 + 2)));
    const results = await Promise.allSettled(requests.map((r, i) => tabs[i % 5]!.bookings.request(r)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).to.have.length(1);
    expect(lost).to.have.length(49);
    const winner = (won[0] as PromiseFulfilledResult<BookingReceipt>).value.booking;
    for (const error of lost) {
      expect(error.code).to.equal('conflict');
      expect(error.details.alternatives.length).to.be.greaterThan(0);
      for (const alternative of error.details.alternatives as { start: string; end: string }[]) {
        expect(Date.parse(alternative.end) - Date.parse(alternative.start)).to.equal(2 * HOUR);
        const overlaps = alternative.start < winner.end && winner.start < alternative.end;
        expect(overlaps, `${alternative.start} overlaps the winner`).to.equal(false);
      }
    }
    const occupancy = await w.as(null).bookings.occupancy({ resourceId: 'grillhuette', start: at(base, -24), end: at(base, 24) });
    expect(occupancy.map((b) => b.id)).to.deep.equal([winner.id]);
  });

  it('frees a slot when a booking is declined or cancelled', async () => {
    const admin = await grillhuette();
    const visitor = w.as(null);
    const range = ['2030-03-12T09:00:00.000Z', '2030-03-12T12:00:00.000Z'] as const;
    const first = await visitor.bookings.request(bookingRequest('grillhuette', ...range));
    expect(first.booking.status).to.equal('requested');
    expect((await failure(visitor.bookings.request(bookingRequest('grillhuette', ...range)))).code).to.equal('conflict');
    await admin.bookings.decide({ id: first.booking.id, decision: 'decline', reason: 'Vereinsfeier' });
    const second = await visitor.bookings.request(bookingRequest('grillhuette', ...range));
    expect((await failure(visitor.bookings.request(bookingRequest('grillhuette', ...range)))).code).to.equal('conflict');
    await visitor.bookings.cancelByToken(second.manageToken);
    const third = await visitor.bookings.request(bookingRequest('grillhuette', ...range));
    expect(third.booking.status).to.equal('requested');
  });

  it('keeps the buffer free after every booking, before and after the new one', async () => {
    await grillhuette({ buffer: 60 });
    const visitor = w.as(null);
    await visitor.bookings.request(bookingRequest('grillhuette', '2030-03-12T10:00:00.000Z', '2030-03-12T12:00:00.000Z'));
    const tooSoonAfter = bookingRequest('grillhuette', '2030-03-12T12:30:00.000Z', '2030-03-12T13:30:00.000Z');
    const tooCloseBefore = bookingRequest('grillhuette', '2030-03-12T08:00:00.000Z', '2030-03-12T09:30:00.000Z');
    expect((await failure(visitor.bookings.request(tooSoonAfter))).code).to.equal('conflict');
    expect((await failure(visitor.bookings.request(tooCloseBefore))).code).to.equal('conflict');
    await visitor.bookings.request(bookingRequest('grillhuette', '2030-03-12T13:00:00.000Z', '2030-03-12T14:00:00.000Z'));
    await visitor.bookings.request(bookingRequest('grillhuette', '2030-03-12T08:00:00.000Z', '2030-03-12T09:00:00.000Z'));
  });

  it('shows occupancy field by field, including a booking that began before the range', async () => {
    await grillhuette();
    const request = bookingRequest('grillhuette', '2030-03-12T08:00:00.000Z', '2030-03-12T14:00:00.000Z', { publicLabel: 'Sommerfest' });
    await w.as(null).bookings.request(request);
    const [booking, ...rest] = await w.as(null).bookings.occupancy({
      resourceId: 'grillhuette', start: '2030-03-12T12:00:00.000Z', end: '2030-03-13T00:00:00.000Z',
    });
    expect(rest).to.deep.equal([]);
    expect(Object.keys(booking!).sort()).to.deep.equal(['end', 'id', 'publicLabel', 'resourceId', 'start', 'status']);
    expect(booking!.publicLabel).to.equal('Sommerfest');
    // The stored record does hold the requester: the public view left it out on purpose.
    const db = await openDB(w.dbName);
    const stored = await db.get('bookings', request.id);
    db.close();
    expect(stored.requester.email).to.equal(request.requester.email);
    expect(JSON.stringify(booking)).to.not.contain(request.requester.email);
  });

  it('applies the rules with the injected clock', async () => {
    await grillhuette({ leadTime: 24 * 60, approval: 'auto' });
    const visitor = w.as(null);
    // Now is 10:00 on 4 March; tomorrow 09:00 local is 23 hours ahead.
    const early = await failure(visitor.bookings.request(bookingRequest('grillhuette', '2030-03-05T08:00:00.000Z', '2030-03-05T10:00:00.000Z')));
    expect(early.code).to.equal('validation');
    expect(early.issues).to.deep.equal([{ path: 'start', code: 'booking.leadTime', params: { minutes: 1440 } }]);
    w.now = new Date('2030-03-04T07:00:00.000Z');
    const receipt = await visitor.bookings.request(bookingRequest('grillhuette', '2030-03-05T08:00:00.000Z', '2030-03-05T10:00:00.000Z'));
    expect(receipt.booking.status).to.equal('confirmed');
    expect(receipt.booking.createdAt).to.equal('2030-03-04T07:00:00.000Z');
  });

  it('returns the first receipt, token included, when a request is replayed with other content', async () => {
    await grillhuette();
    const visitor = w.as(null);
    const request = bookingRequest('grillhuette', '2030-03-12T09:00:00.000Z', '2030-03-12T11:00:00.000Z');
    const first = await visitor.bookings.request(request);
    const replay = await w.as(null).bookings.request({ ...request, start: '2030-03-13T09:00:00.000Z', end: '2030-03-13T11:00:00.000Z' });
    expect(replay).to.deep.equal(first);
    const occupancy = await visitor.bookings.occupancy({ resourceId: 'grillhuette', start: '2030-03-12T00:00:00.000Z', end: '2030-03-14T00:00:00.000Z' });
    expect(occupancy).to.have.length(1);
  });
});
