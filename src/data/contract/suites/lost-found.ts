/** Contract: lost and found — reports, filters, expiry, the contact relay, matching, privacy. */
import { EXPIRY_DAYS, FileRef, Item, ItemReceipt, OwnItem, page, type ItemInput, type ItemQuery } from '../../schema/index.js';
import {
  allConform, conforms, deepEqual, equal, isBackendError, noLeak, none, ok, rejects, resolves, sameMembers, show,
  AssertionError,
} from '../assert.js';
import { duplicates, useKit, walkPages, type Persona } from '../context.js';
import {
  KIT_NOW, KIT_TODAY, addDays, animalItemInput, contactInput, itemInput, itemSecrets, pngBlob, tag, uid,
} from '../fixtures.js';
import type { ContractHarness, TestApi } from '../harness.js';
import { globalTestApi } from '../recorder.js';
import { bad, chars, ids } from '../support.js';

const DAY = 86_400_000;

export function lostFoundSuite(harness: ContractHarness, test: TestApi = globalTestApi()): void {
  const { describe, it } = test;

  describe('lost and found', () => {
    const kit = useKit(harness, test);

    async function report(p: Persona, input: ItemInput) {
      const receipt = await resolves(p.backend.lostFound.report(input), `report "${input.title}"`);
      conforms(ItemReceipt, receipt, 'lostFound.report');
      return receipt;
    }

    /** Every page of `lostFound.list(query)`, checked against the public shape. */
    async function listAll(p: Persona, query: Omit<ItemQuery, 'cursor' | 'limit'> = {}) {
      const walk = await walkPages((pg) => p.backend.lostFound.list({ ...query, ...pg }), 50);
      allConform(Item, walk.items, 'lostFound.list');
      return walk.items;
    }

    it('an anonymous visitor reports a found item; everyone sees it on the board', async () => {
      const anon = await kit.anonymous();
      const input = itemInput();
      const receipt = await report(anon, input);
      const item = receipt.item;
      equal(item.id, input.id);
      equal(item.type, 'found');
      equal(item.category, 'keys');
      equal(item.title, input.title);
      equal(item.place, input.place);
      equal(item.date, KIT_TODAY);
      equal(item.status, 'open');
      equal(item.asksProof, true, 'a proof detail was given');
      equal(item.photo, null);
      equal(Date.parse(item.createdAt), Date.parse(KIT_NOW), 'createdAt is the backend clock');
      const days = (Date.parse(item.expiresAt) - Date.parse(item.createdAt)) / DAY;
      ok(days >= EXPIRY_DAYS.found - 1 && days <= EXPIRY_DAYS.found + 1, `a found item stays ${EXPIRY_DAYS.found} days, got ${days}`);
      ok(receipt.manageToken.length >= 16, 'a long manage token');
      const reader = await kit.member();
      const got = await reader.backend.lostFound.get(item.id);
      conforms(Item, got, 'lostFound.get');
      deepEqual(got, item);
      const list = await reader.backend.lostFound.list({});
      conforms(page(Item), list, 'lostFound.list');
      deepEqual(ids(list), [item.id]);
    });

    it('lost items stay for their own period; no proof detail means no proof question', async () => {
      const m = await kit.member();
      const { item } = await report(m, itemInput({ type: 'lost', proofDetail: undefined }));
      const days = (Date.parse(item.expiresAt) - Date.parse(item.createdAt)) / DAY;
      ok(days >= EXPIRY_DAYS.lost - 1 && days <= EXPIRY_DAYS.lost + 1, `a lost item stays ${EXPIRY_DAYS.lost} days, got ${days}`);
      equal(item.asksProof, false);
    });

    it('animals carry their details, microchip normalised', async () => {
      const anon = await kit.anonymous();
      const input = animalItemInput({ animal: { species: 'Hund', colour: 'braun', marks: '', microchip: '276 09 8106543210' } });
      const { item } = await report(anon, input);
      equal(item.category, 'animal');
      equal(item.animal?.species, 'Hund');
      equal(item.animal?.microchip, '276098106543210');
    });

    it('a photo uploaded first is shown with the item', async () => {
      const anon = await kit.anonymous();
      const fileId = uid();
      await anon.backend.files.upload({ id: fileId, name: 'fund.png', blob: pngBlob() });
      const { item } = await report(anon, itemInput({ photo: fileId }));
      ok(item.photo, 'the item has a photo');
      conforms(FileRef, item.photo, 'item.photo');
      equal(item.photo.id, fileId);
    });

    it('report rejects bad input field by field and writes nothing', async () => {
      const anon = await kit.anonymous();
      const cases: [string, (i: ItemInput) => unknown, string, string?][] = [
        ['date in the future', (i) => ({ ...i, date: '2030-03-05' }), 'date', 'lostFound.futureDate'],
        ['invalid microchip', () => animalItemInput({ animal: { species: 'Katze', colour: '', marks: '', microchip: '12345' } }), 'animal.microchip', 'lostFound.microchip'],
        ['microchip with prefix 999', () => animalItemInput({ animal: { species: 'Katze', colour: '', marks: '', microchip: '999000000000001' } }), 'animal.microchip', 'lostFound.microchip'],
        ['animal without details', (i) => ({ ...i, category: 'animal', animal: null }), 'animal', 'lostFound.animalDetails'],
        ['empty title', (i) => ({ ...i, title: '' }), 'title', 'required'],
        ['empty place', (i) => ({ ...i, place: ' ' }), 'place', 'required'],
        ['unknown category', (i) => ({ ...i, category: 'car' }), 'category', 'invalidChoice'],
        ['unknown type', (i) => ({ ...i, type: 'stolen' }), 'type', 'invalidChoice'],
        ['impossible date', (i) => ({ ...i, date: '2030-02-30' }), 'date'],
        ['reporter email', (i) => ({ ...i, contact: { ...i.contact, email: 'nobody' } }), 'contact.email', 'format.email'],
        ['reporter name', (i) => ({ ...i, contact: { ...i.contact, name: '' } }), 'contact.name', 'required'],
        ['reporter phone', (i) => ({ ...i, contact: { ...i.contact, phone: 'ring twice' } }), 'contact.phone'],
        ['latitude out of range', (i) => ({ ...i, point: { lat: 91, lon: 8 } }), 'point.lat', 'tooBig'],
        ['proof detail too long', (i) => ({ ...i, proofDetail: chars(501) }), 'proofDetail', 'tooLong'],
        ['description too long', (i) => ({ ...i, description: chars(2001) }), 'description', 'tooLong'],
      ];
      const rejected: string[] = [];
      for (const [name, change, path, code] of cases) {
        const input = change(itemInput()) as ItemInput;
        await rejects(anon.backend.lostFound.report(bad(input)), 'validation', { path, code }, `report: ${name}`);
        rejected.push(input.id);
        await rejects(anon.backend.lostFound.get(input.id), 'not-found', undefined, `report: ${name} left an item behind`);
      }
      equal((await anon.backend.lostFound.list({})).items.length, 0, 'the board is empty after rejected reports');
      const retry = await report(anon, itemInput({ id: rejected[0] }));
      equal(retry.item.id, rejected[0], 'the id of a rejected report is not used up');
    });

    it('retrying a report with the same id returns the same receipt and token', async () => {
      const anon = await kit.anonymous();
      const input = itemInput();
      const first = await report(anon, input);
      await kit.tick(2);
      const second = await report(await kit.again(anon), input);
      deepEqual(second, first, 'same item, same manage token');
      const [a, b] = await Promise.all([anon.backend.lostFound.report(input), anon.backend.lostFound.report(input)]);
      deepEqual(a, first);
      deepEqual(b, first);
      equal((await anon.backend.lostFound.list({})).items.length, 1, 'one item on the board');
    });

    describe('board', () => {
      /** Four distinct items, reported one minute apart (A oldest … D newest). */
      async function board() {
        const anon = await kit.anonymous();
        const A = await report(anon, itemInput({ type: 'found', category: 'keys', title: 'Schlüsselbund mit rotem Anhänger', description: '', place: 'Marktplatz Unterdorf', date: '2030-03-01' }));
        await kit.tick();
        const B = await report(anon, itemInput({ type: 'lost', category: 'wallet', title: 'Schwarze Geldbörse', description: 'Mit Fahrausweis und Bibliothekskarte', place: 'Bahnhof Oberdorf', date: '2030-03-03' }));
        await kit.tick();
        const C = await report(anon, animalItemInput({ title: 'Katze entlaufen', description: '', place: 'Marktplatz Unterdorf', date: '2030-02-20', animal: { species: 'Katze', colour: 'getigert', marks: 'Weißer Fleck am Ohr', microchip: '276098106543210' } }));
        await kit.tick();
        const D = await report(anon, itemInput({ type: 'found', category: 'bicycle', title: 'Damenrad gefunden', description: '', place: 'Schulhof', date: KIT_TODAY }));
        return { A: A.item.id, B: B.item.id, C: C.item.id, D: D.item.id };
      }

      it('newest first', async () => {
        const { A, B, C, D } = await board();
        const reader = await kit.member();
        deepEqual(ids(await reader.backend.lostFound.list({})), [D, C, B, A]);
      });

      it('filters by type, category and date range', async () => {
        const { A, B, C, D } = await board();
        const r = await kit.anonymous();
        sameMembers(ids(await listAll(r, { type: 'found' })), [A, D], 'type found');
        sameMembers(ids(await listAll(r, { type: 'lost' })), [B, C], 'type lost');
        sameMembers(ids(await listAll(r, { category: 'wallet' })), [B], 'category');
        sameMembers(ids(await listAll(r, { from: '2030-03-01', to: '2030-03-03' })), [A, B], 'from–to, inclusive');
        sameMembers(ids(await listAll(r, { from: '2030-03-02' })), [B, D], 'from');
        sameMembers(ids(await listAll(r, { to: '2030-02-28' })), [C], 'to');
        sameMembers(ids(await listAll(r, { type: 'found', category: 'bicycle' })), [D], 'type and category');
      });

      it('filters by place and searches title, description, place and animal details', async () => {
        const { A, B, C, D } = await board();
        const r = await kit.anonymous();
        sameMembers(ids(await listAll(r, { place: 'Marktplatz' })), [A, C], 'place');
        sameMembers(ids(await listAll(r, { q: 'Geldbörse' })), [B], 'q in the title');
        sameMembers(ids(await listAll(r, { q: 'geldbörse' })), [B], 'q ignores case');
        sameMembers(ids(await listAll(r, { q: 'Fahrausweis' })), [B], 'q in the description');
        sameMembers(ids(await listAll(r, { q: 'Schulhof' })), [D], 'q in the place');
        sameMembers(ids(await listAll(r, { q: 'Fleck' })), [C], 'q in the animal details');
        sameMembers(ids(await listAll(r, { type: 'lost', place: 'Marktplatz' })), [C], 'type and place');
        equal((await listAll(r, { q: 'Einhorn' })).length, 0, 'no match, no items');
      });

      it('list rejects bad queries', async () => {
        const r = await kit.anonymous();
        await rejects(r.backend.lostFound.list(bad({ from: 'gestern' })), 'validation', 'from');
        await rejects(r.backend.lostFound.list(bad({ type: 'stolen' })), 'validation', 'type');
        await rejects(r.backend.lostFound.list(bad({ q: '' })), 'validation', 'q');
        await rejects(r.backend.lostFound.list(bad({ limit: 101 })), 'validation', 'limit');
      });

      it('pages without duplicates or gaps, also while items are reported', async () => {
        const anon = await kit.anonymous();
        const created: string[] = [];
        for (let i = 0; i < 13; i++) {
          await kit.tick();
          created.push((await report(anon, itemInput({ type: i % 3 ? 'found' : 'lost' }))).item.id);
        }
        const expected = [...created].reverse();
        const walk = await walkPages((p) => anon.backend.lostFound.list(p), 4, {
          between: async () => {
            await kit.tick();
            await report(anon, itemInput());
          },
        });
        deepEqual(duplicates(ids(walk.items)), [], 'no item twice');
        deepEqual(ids(walk.items).filter((id) => created.includes(id)), expected, 'every earlier item once, newest first');
        const found = created.filter((_, i) => i % 3);
        const filtered = await walkPages((p) => anon.backend.lostFound.list({ type: 'found', ...p }), 3);
        const foundSeen = ids(filtered.items).filter((id) => created.includes(id));
        sameMembers(foundSeen, found, 'a filtered walk has every match once');
        ok(filtered.items.every((i) => i.type === 'found'), 'and nothing else');
        const first = await anon.backend.lostFound.list({ limit: 5 });
        ok(first.nextCursor, 'a cursor');
        deepEqual(ids(await anon.backend.lostFound.list({ limit: 5, cursor: first.nextCursor })), ids(await anon.backend.lostFound.list({ limit: 5, cursor: first.nextCursor })), 'a cursor gives the same page twice');
      });

      it('expired items leave the board', async () => {
        const anon = await kit.anonymous();
        const lost = await report(anon, itemInput({ type: 'lost' }));
        const found = await report(anon, itemInput({ type: 'found' }));
        await kit.setNow(addDays(KIT_NOW, EXPIRY_DAYS.lost + 2));
        deepEqual(ids(await anon.backend.lostFound.list({})), [found.item.id], 'the lost item expired first');
        await kit.setNow(addDays(KIT_NOW, EXPIRY_DAYS.found + 2));
        equal((await anon.backend.lostFound.list({})).items.length, 0, 'both expired');
        try {
          const got = await anon.backend.lostFound.get(lost.item.id);
          equal(got.status, 'expired', 'an expired item read directly says so');
        } catch (error) {
          if (!isBackendError(error) || error.code !== 'not-found') throw new AssertionError(`get of an expired item: ${show(error)}`);
        }
        equal((await anon.backend.lostFound.getOwn(lost.manageToken)).item.status, 'expired', 'the owner sees it expired');
      });
    });

    describe('owner and relay', () => {
      it('the manage token opens the private view; a wrong token opens nothing', async () => {
        const anon = await kit.anonymous();
        const input = itemInput();
        const { item, manageToken } = await report(anon, input);
        const own = await (await kit.anonymous()).backend.lostFound.getOwn(manageToken);
        conforms(OwnItem, own, 'getOwn');
        deepEqual(own.item, item);
        deepEqual(own.contact, input.contact);
        equal(own.proofDetail, input.proofDetail);
        deepEqual(own.messages, []);
        await rejects(anon.backend.lostFound.getOwn('y'.repeat(32)), ['not-found', 'forbidden']);
      });

      it('contact messages reach the reporter only', async () => {
        const reporter = await kit.anonymous();
        const input = itemInput();
        const { item, manageToken } = await report(reporter, input);
        const seeker = await kit.anonymous();
        const message = contactInput(item.id);
        await resolves(seeker.backend.lostFound.contact(message), 'contact');
        await seeker.backend.lostFound.contact(message);
        const own = await reporter.backend.lostFound.getOwn(manageToken);
        equal(own.messages.length, 1, 'a retried message arrives once');
        const m = own.messages[0];
        equal(m.id, message.id);
        equal(m.itemId, item.id);
        equal(m.message, message.message);
        equal(m.replyTo, message.replyTo);
        equal(m.name, message.name);
        const secrets = [message.message, message.replyTo, message.name, ...itemSecrets(input)];
        for (const p of [seeker, await kit.member(), await kit.moderator()]) {
          noLeak(await p.backend.lostFound.list({}), secrets, `list for ${p.kind}`);
          noLeak(await p.backend.lostFound.get(item.id), secrets, `get for ${p.kind}`);
          noLeak(await p.backend.lostFound.matches(item.id), secrets, `matches for ${p.kind}`);
        }
      });

      it('contact rejects bad input and relays nothing', async () => {
        const reporter = await kit.anonymous();
        const { item, manageToken } = await report(reporter, itemInput());
        const seeker = await kit.anonymous();
        await rejects(seeker.backend.lostFound.contact({ ...contactInput(item.id), message: '' }), 'validation', { path: 'message', code: 'required' });
        await rejects(seeker.backend.lostFound.contact({ ...contactInput(item.id), replyTo: 'irgendwo' }), 'validation', { path: 'replyTo', code: 'format.email' });
        await rejects(seeker.backend.lostFound.contact({ ...contactInput(item.id), name: '' }), 'validation', { path: 'name', code: 'required' });
        await rejects(seeker.backend.lostFound.contact(contactInput('no-such-item')), 'not-found');
        equal((await reporter.backend.lostFound.getOwn(manageToken)).messages.length, 0, 'no message after rejected contacts');
      });

      it('the owner updates the item; bad patches change nothing', async () => {
        const anon = await kit.anonymous();
        const { manageToken, item } = await report(anon, itemInput());
        const updated = await anon.backend.lostFound.updateOwn(manageToken, { title: 'Schlüssel mit blauem Anhänger', place: 'Rathaus' });
        conforms(Item, updated, 'updateOwn');
        equal(updated.title, 'Schlüssel mit blauem Anhänger');
        equal(updated.place, 'Rathaus');
        equal(updated.category, item.category, 'fields not in the patch stay');
        await rejects(anon.backend.lostFound.updateOwn(manageToken, { date: '2030-03-05' }), 'validation', { path: 'date', code: 'lostFound.futureDate' });
        await rejects(anon.backend.lostFound.updateOwn(manageToken, { title: '' }), 'validation', { path: 'title', code: 'required' });
        await rejects(anon.backend.lostFound.updateOwn(manageToken, bad({ category: 'car' })), 'validation', 'category');
        await rejects(anon.backend.lostFound.updateOwn(manageToken, { category: 'animal', animal: null }), 'validation', { path: 'animal', code: 'lostFound.animalDetails' });
        deepEqual(await anon.backend.lostFound.get(item.id), updated, 'the rejected patches changed nothing');
        await rejects(anon.backend.lostFound.updateOwn('z'.repeat(32), { title: 'x' }), ['not-found', 'forbidden']);
      });

      it('closing an item (returned or withdrawn) removes it from the board', async () => {
        const anon = await kit.anonymous();
        const a = await report(anon, itemInput());
        const b = await report(anon, itemInput({ type: 'lost' }));
        const c = await report(anon, itemInput());
        const resolved = await anon.backend.lostFound.closeOwn(a.manageToken, 'resolved');
        conforms(Item, resolved, 'closeOwn');
        equal(resolved.status, 'resolved');
        const withdrawn = await anon.backend.lostFound.closeOwn(b.manageToken, 'withdrawn');
        equal(withdrawn.status, 'withdrawn');
        deepEqual(ids(await anon.backend.lostFound.list({})), [c.item.id]);
        none(await anon.backend.lostFound.matches(c.item.id), (i) => i.id === b.item.id, 'closed items are not suggested');
        equal((await anon.backend.lostFound.getOwn(a.manageToken)).item.status, 'resolved');
        await rejects(anon.backend.lostFound.closeOwn(c.manageToken, bad('lost')), 'validation');
        equal((await anon.backend.lostFound.get(c.item.id)).status, 'open');
      });
    });

    describe('matching and moderation', () => {
      it('matches suggest items of the opposite type, same category, never the item itself', async () => {
        const anon = await kit.anonymous();
        const lost = await report(anon, itemInput({ type: 'lost', category: 'keys', title: 'Schlüsselbund verloren', description: 'Roter Anhänger, drei Schlüssel', date: '2030-03-02' }));
        const found = await report(anon, itemInput({ type: 'found', category: 'keys', title: 'Schlüsselbund gefunden', description: 'Roter Anhänger', date: '2030-03-03' }));
        const otherLost = await report(anon, itemInput({ type: 'lost', category: 'keys', title: 'Schlüsselbund verloren', description: 'Roter Anhänger', date: '2030-03-03' }));
        const wallet = await report(anon, itemInput({ type: 'found', category: 'wallet', title: 'Geldbörse gefunden', date: '2030-03-03' }));
        const forLost = await anon.backend.lostFound.matches(lost.item.id);
        allConform(Item, forLost, 'matches');
        ok(ids(forLost).includes(found.item.id), `the found keys are suggested for the lost keys: ${show(ids(forLost))}`);
        ok(forLost.every((i) => i.type === 'found'), 'only found items are suggested for a lost one');
        ok(forLost.every((i) => i.category === 'keys'), 'same category');
        none(forLost, (i) => i.id === lost.item.id || i.id === otherLost.item.id || i.id === wallet.item.id, 'no lost item, no other category');
        const forFound = await anon.backend.lostFound.matches(found.item.id);
        sameMembers(ids(forFound), [lost.item.id, otherLost.item.id], 'both lost keys are suggested for the found keys');
        await rejects(anon.backend.lostFound.matches('no-such-item'), 'not-found');
      });

      it('abuse reports are accepted once; bad ones rejected', async () => {
        const anon = await kit.anonymous();
        const { item } = await report(anon, itemInput());
        const input = { id: uid(), itemId: item.id, note: 'Das ist Werbung' };
        await resolves(anon.backend.lostFound.reportAbuse(input), 'reportAbuse');
        await resolves(anon.backend.lostFound.reportAbuse(input), 'reportAbuse retried');
        await rejects(anon.backend.lostFound.reportAbuse({ ...input, id: uid(), note: '' }), 'validation', { path: 'note', code: 'required' });
        await rejects(anon.backend.lostFound.reportAbuse({ id: uid(), itemId: 'no-such-item', note: 'x' }), 'not-found');
      });

      it('moderators hide and unhide items; others may not', async () => {
        const anon = await kit.anonymous();
        const { item } = await report(anon, itemInput());
        const m = await kit.member();
        await rejects(m.backend.lostFound.hide(item.id, true), 'forbidden', undefined, 'hide by a member');
        await rejects(anon.backend.lostFound.hide(item.id, true), 'forbidden', undefined, 'hide by anonymous');
        deepEqual(ids(await anon.backend.lostFound.list({})), [item.id]);
        const mod = await kit.moderator();
        await mod.backend.lostFound.hide(item.id, true);
        equal((await anon.backend.lostFound.list({})).items.length, 0, 'hidden items leave the board');
        await rejects(anon.backend.lostFound.get(item.id), ['not-found', 'forbidden'], undefined, 'a hidden item is not readable');
        await mod.backend.lostFound.hide(item.id, false);
        deepEqual(ids(await anon.backend.lostFound.list({})), [item.id]);
      });

      it('hidden and expired items are not suggested as matches', async () => {
        const anon = await kit.anonymous();
        const lost = await report(anon, itemInput({ type: 'lost', title: 'Schlüsselbund verloren', date: '2030-03-02' }));
        await kit.setNow(addDays(KIT_NOW, -100));
        const old = await report(anon, itemInput({ type: 'found', title: 'Schlüsselbund gefunden', date: '2029-11-20' }));
        await kit.setNow(KIT_NOW);
        const hidden = await report(anon, itemInput({ type: 'found', title: 'Schlüsselbund gefunden', date: '2030-03-03' }));
        const visible = await report(anon, itemInput({ type: 'found', title: 'Schlüsselbund gefunden', date: '2030-03-03' }));
        await kit.setNow(addDays(KIT_NOW, 90));
        const mod = await kit.moderator();
        await mod.backend.lostFound.hide(hidden.item.id, true);
        const suggested = ids(await anon.backend.lostFound.matches(lost.item.id));
        ok(suggested.includes(visible.item.id), `the open found item is suggested: ${show(suggested)}`);
        ok(!suggested.includes(hidden.item.id), 'a hidden item is not suggested');
        ok(!suggested.includes(old.item.id), 'an expired item is not suggested');
      });
    });

    describe('private data', () => {
      it('board reads never contain contact or proof detail, and have exactly the public shape', async () => {
        const anon = await kit.anonymous();
        const inputs = [itemInput(), itemInput({ type: 'lost' }), animalItemInput({ proofDetail: `Halsband ${tag()}` }), itemInput({ contact: { name: `Reporter ${tag()}`, email: `r${tag()}@example.org` } })];
        const secrets: string[] = [];
        for (const input of inputs) {
          secrets.push(...itemSecrets(input));
          await report(anon, input);
        }
        for (const p of [anon, await kit.member(), await kit.moderator()]) {
          const list = await p.backend.lostFound.list({});
          conforms(page(Item), list, `list for ${p.kind}`);
          noLeak(list, secrets, `list for ${p.kind}`);
          for (const input of inputs) {
            const got = await p.backend.lostFound.get(input.id);
            conforms(Item, got, `get for ${p.kind}`);
            noLeak(got, secrets, `get for ${p.kind}`);
            const matches = await p.backend.lostFound.matches(input.id);
            allConform(Item, matches, `matches for ${p.kind}`);
            noLeak(matches, secrets, `matches for ${p.kind}`);
          }
        }
      });
    });
  });
}
