import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { animalItemInput, itemInput } from '../../src/data/contract/fixtures.js';
import type { ItemInput } from '../../src/data/schema/index.js';
import { failure, world, type World } from './world.js';

describe('local adapter: lost and found', () => {
  let w: World;
  beforeEach(() => {
    w = world('2030-03-04T09:00:00.000Z');
  });
  afterEach(() => w.dispose());

  async function report(overrides: Partial<ItemInput>) {
    w.now = new Date(w.now.getTime() + 60_000);
    return (await w.as(null).lostFound.report(itemInput(overrides))).item;
  }

  it('searches folded words, all of them, newest first, and pages through the results', async () => {
    const red = await report({ title: 'Schlüsselbund', description: 'Roter Anhänger' });
    const blue = await report({ title: 'Schluesselbund', description: 'Blauer Anhänger' });
    const wallet = await report({ title: 'Geldbörse', description: 'Rot, Leder', category: 'wallet' });
    const blueToo = await report({ title: 'SCHLÜSSELBUND', description: 'blauer Anhaenger mit Fahrradschlüssel' });
    const visitor = w.as(null);
    const search = async (q: string, limit = 20) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await visitor.lostFound.list({ q, limit, cursor });
        ids.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    expect(await search('schlüsselbund')).to.deep.equal([blueToo.id, blue.id, red.id]);
    expect(await search('Schlüsselbund BLAUER', 1)).to.deep.equal([blueToo.id, blue.id]);
    expect(await search('rot')).to.deep.equal([wallet.id]);
    expect(await search('Anhänger schwarz')).to.deep.equal([]);
    // Only stop words: no word filter at all.
    expect(await search('der die das')).to.have.length(4);
  });

  it('filters by type, category, date range and place through the indexes', async () => {
    const lostKeys = await report({ type: 'lost', date: '2030-03-01', place: 'Sportplatz Süd' });
    const foundKeys = await report({ type: 'found', date: '2030-03-03', place: 'Rathaus' });
    await report({ type: 'found', category: 'phone', date: '2030-03-03' });
    const list = async (query: Parameters<ReturnType<World['as']>['lostFound']['list']>[0]) =>
      (await w.as(null).lostFound.list(query)).items.map((i) => i.id);
    expect(await list({ type: 'lost' })).to.deep.equal([lostKeys.id]);
    expect(await list({ type: 'found', category: 'keys' })).to.deep.equal([foundKeys.id]);
    expect(await list({ category: 'keys', from: '2030-03-02' })).to.deep.equal([foundKeys.id]);
    expect(await list({ category: 'keys', to: '2030-03-02' })).to.deep.equal([lostKeys.id]);
    expect(await list({ place: 'sportplatz sud' })).to.deep.equal([lostKeys.id]);
  });

  it('takes items off the board when they expire by the clock, and reads them as expired', async () => {
    const lost = await report({ type: 'lost' });
    const found = await report({ type: 'found' });
    expect(lost.expiresAt).to.equal(new Date(Date.parse(lost.createdAt) + 92 * 86_400_000).toISOString());
    expect(found.expiresAt).to.equal(new Date(Date.parse(found.createdAt) + 183 * 86_400_000).toISOString());
    w.now = new Date(lost.expiresAt);
    const visitor = w.as(null);
    expect((await visitor.lostFound.list({})).items.map((i) => i.id)).to.deep.equal([found.id]);
    expect((await visitor.lostFound.get(lost.id)).status).to.equal('expired');
  });

  it('judges "not in the future" by the community\'s calendar day', async () => {
    // 23:30 UTC on 4 March is already 5 March in Berlin.
    w.now = new Date('2030-03-04T23:30:00.000Z');
    await report({ date: '2030-03-05' });
    const error = await failure(w.as(null).lostFound.report(itemInput({ date: '2030-03-06' })));
    expect(error.issues).to.deep.equal([{ path: 'date', code: 'lostFound.futureDate' }]);
  });

  it('keeps contact and proof detail in the record and out of every public read', async () => {
    const input = itemInput({ type: 'found' });
    const { item, manageToken } = await w.as(null).lostFound.report(input);
    const lost = await report({ type: 'lost', title: input.title });
    const visitor = w.as(null);
    const publicReads = [
      await visitor.lostFound.get(item.id),
      await visitor.lostFound.list({}),
      await visitor.lostFound.matches(lost.id),
    ];
    for (const secret of [input.contact.email, input.contact.name, input.proofDetail!, manageToken]) {
      expect(JSON.stringify(publicReads)).to.not.contain(secret);
    }
    expect(publicReads[0]).to.include({ asksProof: true });
    const db = await openDB(w.dbName);
    const stored = await db.get('items', item.id);
    db.close();
    expect(stored.contact.email).to.equal(input.contact.email);
    const own = await w.as(null).lostFound.getOwn(manageToken);
    expect(own.contact.email).to.equal(input.contact.email);
    expect(own.proofDetail).to.equal(input.proofDetail);
  });

  it('suggests matches of the opposite type and same category within 14 days, best first', async () => {
    const lostCat = await report(animalItemInput({ date: '2030-03-01' }));
    const sameChip = await report(animalItemInput({ type: 'found', title: 'Katze zugelaufen', date: '2030-03-03' }));
    const similar = await report(animalItemInput({
      type: 'found', title: 'Getigerte Katze', date: '2030-03-04',
      animal: { species: 'Katze', colour: 'getigert', marks: '' },
    }));
    await report(animalItemInput({ type: 'found', date: '2030-03-04', animal: { species: 'Katze', colour: 'schwarz', marks: '', microchip: '276098106543211' } }));
    await report(animalItemInput({ type: 'lost', date: '2030-03-02' }));
    await report(itemInput({ type: 'found', date: '2030-03-02' }));
    const matches = await w.as(null).lostFound.matches(lostCat.id);
    expect(matches.map((m) => m.id)).to.deep.equal([sameChip.id, similar.id]);
  });

  it('removes closed and hidden items from the board; hidden ones are gone for non-moderators', async () => {
    const { item, manageToken } = await w.as(null).lostFound.report(itemInput());
    const other = await report({});
    const moderator = w.person('Moni', ['member', 'moderator']);
    await moderator.lostFound.hide(other.id, true);
    const visitor = w.as(null);
    expect((await visitor.lostFound.list({})).items.map((i) => i.id)).to.deep.equal([item.id]);
    expect((await failure(visitor.lostFound.get(other.id))).code).to.equal('not-found');
    expect((await moderator.lostFound.get(other.id)).id).to.equal(other.id);
    expect((await visitor.lostFound.closeOwn(manageToken, 'resolved')).status).to.equal('resolved');
    expect((await visitor.lostFound.list({})).items).to.deep.equal([]);
    expect((await failure(visitor.lostFound.hide(item.id, true))).code).to.equal('forbidden');
  });
});
