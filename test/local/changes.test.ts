import { expect } from '@open-wc/testing';
import type { Change } from '../../src/data/schema/index.js';
import { resource, bookingRequest } from '../../src/data/contract/fixtures.js';
import { until, world, type World } from './world.js';

describe('local adapter: live changes', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });
  afterEach(() => w.dispose());

  it('tells its own subscribers at once and other instances on the database through BroadcastChannel', async () => {
    const admin = w.admin();
    const otherTab = w.as(null);
    const ownChanges: Change[] = [];
    const otherChanges: Change[] = [];
    const input = resource({ id: 'grillhuette' });
    admin.subscribe('bookings/grillhuette', (c) => ownChanges.push(c));
    otherTab.subscribe('bookings/grillhuette', (c) => otherChanges.push(c));
    await admin.bookings.saveResource(input);
    expect(ownChanges.map((c) => [c.topic, c.kind, c.entity, c.id])).to.deep.equal([['bookings/grillhuette', 'created', 'resource', 'grillhuette']]);
    await until(() => otherChanges.length === 1, 'the change in the other instance');
    expect(otherChanges).to.deep.equal(ownChanges);
  });

  it('reaches only subscribers of the same database and topic, and stops after unsubscribe', async () => {
    const admin = w.admin();
    const sameDb: Change[] = [];
    const otherTopic: Change[] = [];
    const elsewhere = world();
    try {
      const otherDb: Change[] = [];
      elsewhere.as(null).subscribe('bookings/grillhuette', (c) => otherDb.push(c));
      const listener = w.as(null);
      const stop = listener.subscribe('bookings/grillhuette', (c) => sameDb.push(c));
      listener.subscribe('bookings/festsaal', (c) => otherTopic.push(c));
      await admin.bookings.saveResource(resource({ id: 'grillhuette' }));
      await until(() => sameDb.length === 1, 'the first change');
      stop();
      await admin.bookings.saveResource(resource({ id: 'grillhuette', name: 'Grillhütte am See' }));
      // A marker on another topic proves the channel delivered everything sent before it.
      const marker: Change[] = [];
      listener.subscribe('lost-found', (c) => marker.push(c));
      await w.as(null).lostFound.report({
        id: 'marker', type: 'found', category: 'other', title: 'Schirm', description: '', place: 'Kirche', point: null,
        date: '2030-03-04', animal: null, photo: null, contact: { name: 'Finder', email: 'finder@example.org' },
      });
      await until(() => marker.length === 1, 'the marker change');
      expect(sameDb).to.have.length(1);
      expect(otherTopic).to.deep.equal([]);
      expect(otherDb).to.deep.equal([]);
    } finally {
      await elsewhere.dispose();
    }
  });

  it('carries no private data: what changed, never the record', async () => {
    const admin = w.admin();
    await admin.bookings.saveResource(resource({ id: 'grillhuette' }));
    const seen: Change[] = [];
    w.as(null).subscribe('bookings/grillhuette', (c) => seen.push(c));
    const request = bookingRequest('grillhuette', '2030-03-10T09:00:00.000Z', '2030-03-10T11:00:00.000Z');
    await w.as(null).bookings.request(request);
    await until(() => seen.length === 1, 'the booking change');
    expect(Object.keys(seen[0]!).sort()).to.deep.equal(['at', 'entity', 'id', 'kind', 'topic']);
    expect(JSON.stringify(seen)).to.not.contain(request.requester.email);
    expect(seen[0]!.at).to.equal(w.now.toISOString());
  });

  it('keeps calling other listeners when one throws', async () => {
    const admin = w.admin();
    const calls: string[] = [];
    const reported: unknown[] = [];
    // The broken listener's error is rethrown asynchronously (reported, not swallowed): catch it here.
    const onError = window.onerror;
    window.onerror = (_message, _source, _line, _column, error) => {
      reported.push(error);
      return true;
    };
    try {
      admin.subscribe('badges', () => {
        throw new Error('broken listener');
      });
      admin.subscribe('badges', (c) => calls.push(c.id));
      await admin.badges.saveAchievement({
        id: 'ersthelfer', name: 'Ersthelfer', description: 'Erste Hilfe', criteria: 'Kurs', image: 'https://example.org/b.png',
        imageAlt: '', issuer: { id: 'verein', name: 'Verein', url: null }, tags: [],
      });
      expect(calls).to.deep.equal(['ersthelfer']);
      await until(() => reported.length === 1, 'the reported listener error');
      expect((reported[0] as Error).message).to.equal('broken listener');
    } finally {
      window.onerror = onError;
    }
  });
});
