/**
 * Lost and found on IndexedDB.
 *
 * Permissions: anyone (anonymous visitors too) may browse, report, contact a reporter through
 * the relay and report abuse. The manage token is the only key to the reporter's view and edits.
 * `hide`: community moderators; hidden items are `not-found` for everyone else.
 *
 * Public reads return `Item`, built field by field: the reporter's contact and the proof detail
 * never leave the record except through `getOwn(token)`.
 */
import { parse, type LostFoundApi } from '../../backend.js';
import {
  AbuseReport, ContactInput, expiryDays, Id, ItemInput, ItemPatch, ItemQuery, ItemStatus,
  type ExpiryDays, type Item, type ItemReceipt, type OwnItem, type Page,
} from '../../schema/index.js';
import { decodeCursor } from '../../rules/cursor.js';
import { matchScore } from '../../rules/matching.js';
import { foldText, tokenize } from '../../rules/text.js';
import { generateManageToken } from '../../rules/token.js';
import { addDays, calendarDayOf } from '../../rules/zoned.js';
import type { Core } from './core.js';
import {
  DAY_MS, forbidden, invalid, isModerator, iso, notFound, pageOf, prefixRange, type CursorSource,
} from './domain.js';
import type { ItemRecord, Tx } from './schema.js';

type ItemFields = Omit<ItemRecord, 'words' | 'board' | 'wordKeys'>;

/** How many suggestions `matches` returns. */
const MATCH_LIMIT = 10;

/** Words, board status and search keys of an item; an item is on the board while open and not hidden. */
export function indexItem(item: ItemFields | ItemRecord): ItemRecord {
  const { words: _w, board: _b, wordKeys: _k, ...fields } = item as ItemRecord;
  const animal = item.animal;
  const text = [item.title, item.description, item.place, animal?.species, animal?.colour, animal?.marks, animal?.microchip];
  const words = tokenize(text.filter(Boolean).join(' '));
  const onBoard = item.status === 'open' && !item.hidden;
  return {
    ...fields,
    words,
    board: onBoard ? 'open' : 'off',
    wordKeys: onBoard ? words.map((word) => [word, item.createdAt, item.id]) : [],
  };
}

function validToken(token: unknown): token is string {
  return typeof token === 'string' && token.length >= 16 && token.length <= 200;
}

export class LocalLostFound implements LostFoundApi {
  /** Days on the board per type (`EXPIRY_DAYS` unless the backend was configured otherwise). */
  private readonly expiry: { found: number; lost: number };

  constructor(private readonly core: Core, expiry: ExpiryDays = {}) {
    this.expiry = expiryDays(expiry);
  }

  /** The public view; an open item past `expiresAt` reads as `expired`. */
  private async view(tx: Tx, r: ItemRecord, now: string): Promise<Item> {
    const photo = r.photo ? (await this.core.fileRefsFor(tx, [r.photo]))[0] ?? null : null;
    return {
      id: r.id, type: r.type, category: r.category, title: r.title, description: r.description, place: r.place,
      point: r.point && { lat: r.point.lat, lon: r.point.lon }, date: r.date,
      animal: r.animal && {
        species: r.animal.species, colour: r.animal.colour, marks: r.animal.marks,
        ...(r.animal.microchip && { microchip: r.animal.microchip }),
      },
      photo, status: r.status === 'open' && r.expiresAt <= now ? 'expired' : r.status, createdAt: r.createdAt,
      expiresAt: r.expiresAt, asksProof: !!r.proofDetail,
    };
  }

  /** Hidden items exist only for moderators; `moderator` is resolved before the transaction. */
  private async visible(tx: Tx, itemId: string, moderator: boolean): Promise<ItemRecord> {
    const record = await tx.objectStore('items').get(itemId);
    if (!record || (record.hidden && !moderator)) throw notFound('Item');
    return record;
  }

  private async moderator(): Promise<boolean> {
    return isModerator(await this.core.actor());
  }

  private async own(tx: Tx, manageToken: string): Promise<ItemRecord> {
    const record = validToken(manageToken) ? await tx.objectStore('items').index('byToken').get(manageToken) : undefined;
    if (!record) throw notFound('Item');
    return record;
  }

  private async requirePhoto(tx: Tx, photo: string | null): Promise<void> {
    if (photo && !(await tx.objectStore('files').getKey(photo))) throw invalid('photo', 'file.unknown');
  }

  /**
   * Open items, newest first. Type and category pick one of the `[board, type?, category?,
   * createdAt, id]` indexes; a search walks the word index of its rarest word (counted per word
   * range) and checks the other words, dates and place per record.
   */
  async list(query: ItemQuery): Promise<Page<Item>> {
    const q = parse(ItemQuery, query);
    const now = this.core.now().toISOString();
    const words = q.q ? tokenize(q.q) : [];
    const place = q.place ? foldText(q.place) : null;
    const accept = (r: ItemRecord) =>
      r.board === 'open' && r.expiresAt > now && (!q.type || r.type === q.type) && (!q.category || r.category === q.category) &&
      (!q.from || r.date >= q.from) && (!q.to || r.date <= q.to) && (!place || foldText(r.place).includes(place)) &&
      words.every((w) => r.words.includes(w))
        ? r
        : undefined;
    return this.core.read(['items', 'files'], async (tx) => {
      const items = tx.objectStore('items');
      let page: Page<ItemRecord>;
      if (words.length) {
        const index = items.index('words');
        const lead = await this.rarestWord(index, words, q.cursor);
        page = await pageOf(index, 'items.q', [lead], q, 'prev', accept);
      } else if (q.type && q.category) {
        page = await pageOf(items.index('byTypeCategory'), 'items.tc', ['open', q.type, q.category], q, 'prev', accept);
      } else if (q.type) {
        page = await pageOf(items.index('byType'), 'items.t', ['open', q.type], q, 'prev', accept);
      } else if (q.category) {
        page = await pageOf(items.index('byCategory'), 'items.c', ['open', q.category], q, 'prev', accept);
      } else {
        page = await pageOf(items.index('byStatus'), 'items', ['open'], q, 'prev', accept);
      }
      return { items: await Promise.all(page.items.map((r) => this.view(tx, r, now))), nextCursor: page.nextCursor };
    });
  }

  /** The word with the fewest index entries; later pages keep the word their cursor was made with. */
  private async rarestWord(index: CursorSource<ItemRecord> & { count(range: IDBKeyRange): Promise<number> }, words: string[], cursor?: string | null): Promise<string> {
    const continued = cursor ? decodeCursor(cursor, 'items.q')?.[0] : undefined;
    if (typeof continued === 'string' && words.includes(continued)) return continued;
    const counts = await Promise.all(words.map((word) => index.count(prefixRange([word]))));
    return words[counts.indexOf(Math.min(...counts))]!;
  }

  async get(itemId: string): Promise<Item> {
    parse(Id, itemId);
    const now = this.core.now().toISOString();
    const moderator = await this.moderator();
    return this.core.read(['items', 'files'], async (tx) => this.view(tx, await this.visible(tx, itemId, moderator), now));
  }

  /**
   * Anyone may report. `date` after today in the community's zone: `lostFound.futureDate`.
   * The item stays on the board `EXPIRY_DAYS[type]` days (or as configured). A replayed id returns the first
   * receipt (same token) even if the new input differs.
   */
  async report(input: ItemInput): Promise<ItemReceipt> {
    const item = parse(ItemInput, input);
    const timeZone = await this.core.timeZone();
    const now = this.core.now();
    if (item.date > calendarDayOf(now, timeZone)) throw invalid('date', 'lostFound.futureDate');
    const manageToken = generateManageToken();
    const createdAt = now.toISOString();
    return this.core.write(['items', 'files'], async (tx, changes) => {
      const items = tx.objectStore('items');
      const existing = await items.get(item.id);
      if (existing) return { item: await this.view(tx, existing, createdAt), manageToken: existing.manageToken };
      await this.requirePhoto(tx, item.photo);
      const record = indexItem({
        id: item.id, type: item.type, category: item.category, title: item.title, description: item.description,
        place: item.place, point: item.point, date: item.date, animal: item.animal, photo: item.photo, status: 'open',
        hidden: false, createdAt, expiresAt: iso(now.getTime() + this.expiry[item.type] * DAY_MS), contact: item.contact,
        manageToken, ...(item.proofDetail && { proofDetail: item.proofDetail }),
      });
      await items.put(record);
      changes.push({ topic: 'lost-found', kind: 'created', entity: 'item', id: item.id });
      return { item: await this.view(tx, record, createdAt), manageToken };
    });
  }

  /** The relay: stored for the reporter's `getOwn`; only open items can be contacted (`lostFound.closed`). */
  async contact(input: ContactInput): Promise<void> {
    const message = parse(ContactInput, input);
    const now = this.core.now().toISOString();
    const moderator = await this.moderator();
    await this.core.write(['items', 'contacts'], async (tx, changes) => {
      const contacts = tx.objectStore('contacts');
      if (await contacts.getKey(message.id)) return;
      const item = await this.visible(tx, message.itemId, moderator);
      if (item.status !== 'open' || item.expiresAt <= now) throw invalid('itemId', 'lostFound.closed');
      await contacts.put({
        id: message.id, itemId: message.itemId, message: message.message, replyTo: message.replyTo, name: message.name, createdAt: now,
      });
      changes.push({ topic: 'lost-found', kind: 'created', entity: 'contact', id: message.id });
    });
  }

  /**
   * Open items of the opposite type and the same category whose date lies within 14 days,
   * read by the `[board, category, type, date]` index and ranked by `matchScore`.
   */
  async matches(itemId: string): Promise<Item[]> {
    parse(Id, itemId);
    const now = this.core.now().toISOString();
    const moderator = await this.moderator();
    return this.core.read(['items', 'files'], async (tx) => {
      const item = await this.visible(tx, itemId, moderator);
      const opposite = item.type === 'lost' ? 'found' : 'lost';
      const range = IDBKeyRange.bound(
        ['open', item.category, opposite, addDays(item.date, -14)],
        ['open', item.category, opposite, addDays(item.date, 14), []],
      );
      const subject = { ...item, microchip: item.animal?.microchip ?? null };
      const scored: { record: ItemRecord; score: number }[] = [];
      for (let c = await tx.objectStore('items').index('byMatch').openCursor(range); c; c = await c.continue()) {
        if (c.value.expiresAt <= now) continue;
        const score = matchScore(subject, { ...c.value, microchip: c.value.animal?.microchip ?? null });
        if (score > 0) scored.push({ record: c.value, score });
      }
      scored.sort((a, b) => b.score - a.score || b.record.createdAt.localeCompare(a.record.createdAt));
      return Promise.all(scored.slice(0, MATCH_LIMIT).map(({ record }) => this.view(tx, record, now)));
    });
  }

  async getOwn(manageToken: string): Promise<OwnItem> {
    const now = this.core.now().toISOString();
    return this.core.read(['items', 'contacts', 'files'], async (tx) => {
      const r = await this.own(tx, manageToken);
      const messages = await tx.objectStore('contacts').index('byItem').getAll(prefixRange([r.id]));
      const own: OwnItem = {
        item: await this.view(tx, r, now),
        contact: { name: r.contact.name, email: r.contact.email, ...(r.contact.phone && { phone: r.contact.phone }) },
        messages: messages.map((m) => ({ id: m.id, itemId: m.itemId, message: m.message, replyTo: m.replyTo, name: m.name, createdAt: m.createdAt })),
      };
      if (r.proofDetail) own.proofDetail = r.proofDetail;
      return own;
    });
  }

  /** Open items only (`lostFound.closed`); the edited item must still pass `ItemInput`. */
  async updateOwn(manageToken: string, patch: ItemPatch): Promise<Item> {
    const edit = Object.fromEntries(Object.entries(parse(ItemPatch, patch)).filter(([, v]) => v !== undefined)) as ItemPatch;
    const timeZone = await this.core.timeZone();
    const now = this.core.now();
    if (edit.date && edit.date > calendarDayOf(now, timeZone)) throw invalid('date', 'lostFound.futureDate');
    return this.core.write(['items', 'files'], async (tx, changes) => {
      const r = await this.own(tx, manageToken);
      if (r.status !== 'open') throw invalid('', 'lostFound.closed');
      const merged = parse(ItemInput, {
        id: r.id, type: r.type, category: r.category, title: r.title, description: r.description, place: r.place, point: r.point,
        date: r.date, animal: r.animal, photo: r.photo, contact: r.contact, ...edit,
      });
      await this.requirePhoto(tx, merged.photo);
      const updated = indexItem({
        ...r, type: merged.type, category: merged.category, title: merged.title, description: merged.description,
        place: merged.place, point: merged.point, date: merged.date, animal: merged.animal, photo: merged.photo,
        expiresAt: iso(Date.parse(r.createdAt) + this.expiry[merged.type] * DAY_MS),
      });
      await tx.objectStore('items').put(updated);
      changes.push({ topic: 'lost-found', kind: 'updated', entity: 'item', id: r.id });
      return this.view(tx, updated, now.toISOString());
    });
  }

  /** Returned ("Zurückgegeben") or withdrawn: off the board for good. */
  async closeOwn(manageToken: string, status: 'resolved' | 'withdrawn'): Promise<Item> {
    const closed = parse(ItemStatus, status);
    if (closed !== 'resolved' && closed !== 'withdrawn') throw invalid('status', 'invalidChoice');
    const now = this.core.now().toISOString();
    return this.core.write(['items', 'files'], async (tx, changes) => {
      const r = await this.own(tx, manageToken);
      if (r.status === closed) return this.view(tx, r, now);
      const updated = indexItem({ ...r, status: closed });
      await tx.objectStore('items').put(updated);
      changes.push({ topic: 'lost-found', kind: 'updated', entity: 'item', id: r.id });
      return this.view(tx, updated, now);
    });
  }

  async reportAbuse(input: AbuseReport): Promise<void> {
    const report = parse(AbuseReport, input);
    const now = this.core.now().toISOString();
    const moderator = await this.moderator();
    await this.core.write(['items', 'abuse'], async (tx) => {
      if (await tx.objectStore('abuse').getKey(report.id)) return;
      await this.visible(tx, report.itemId, moderator);
      await tx.objectStore('abuse').put({ id: report.id, itemId: report.itemId, note: report.note, createdAt: now });
    });
  }

  async hide(itemId: string, hidden: boolean): Promise<void> {
    parse(Id, itemId);
    if (typeof hidden !== 'boolean') throw invalid('hidden', 'invalidType');
    if (!(await this.moderator())) throw forbidden('moderatorsOnly');
    await this.core.write(['items'], async (tx, changes) => {
      const r = await tx.objectStore('items').get(itemId);
      if (!r) throw notFound('Item');
      if (r.hidden === hidden) return;
      await tx.objectStore('items').put(indexItem({ ...r, hidden }));
      changes.push({ topic: 'lost-found', kind: 'updated', entity: 'item', id: itemId });
    });
  }
}
