/**
 * Lost and found. Anyone may browse, report, contact a reporter through the relay and report
 * abuse; the manage token is the only key to the reporter's view; `hide` is for moderators.
 * Search: German full-text search (`tsvector`, configuration `german`) over title,
 * description, place and animal details, folded like the local adapter (`ü` = `ue` = `u`).
 * Public reads are built column by column: contact and proof detail never leave the table
 * except through `getOwn(token)`.
 */
import * as z from 'zod/mini';
import {
  AbuseReport, ContactInput, expiryDays, Id, Item, ItemInput, ItemPatch, ItemQuery, ItemReceipt, OwnItem, page, type ExpiryDays, type FileRef,
} from '../../../src/data/schema/index.js';
import { parse } from '../../../src/data/backend.js';
import { matchScore } from '../../../src/data/rules/matching.js';
import { foldText, tokenize } from '../../../src/data/rules/text.js';
import { generateManageToken } from '../../../src/data/rules/token.js';
import { addDays, calendarDayOf } from '../../../src/data/rules/zoned.js';
import { PG, pgCode, type Sql } from '../db.js';
import { forbidden, invalid, notFound } from '../errors.js';
import type { Ctx, Route } from '../http.js';
import { enqueueMail } from '../mail.js';
import { contactMail } from '../mail-text.js';
import { cursorKey, day, isModerator, iso, limitOf, pageFrom } from './common.js';
import { fileRefs, requireFiles } from './session.js';

const DAY_MS = 86_400_000;
const MATCH_LIMIT = 10;

interface ItemRow {
  id: string;
  type: Item['type'];
  category: Item['category'];
  title: string;
  description: string;
  place: string;
  point: Item['point'];
  date: Date | string;
  animal: Item['animal'];
  photo: string | null;
  status: 'open' | 'resolved' | 'withdrawn';
  hidden: boolean;
  created_at: Date | string;
  expires_at: Date | string;
  contact: OwnItem['contact'];
  proof_detail: string | null;
  manage_token: string;
}

/** Public columns only, for board reads. */
const PUBLIC = 'id, type, category, title, description, place, point, date, animal, photo, status, hidden, created_at, expires_at, (proof_detail IS NOT NULL) AS asks_proof';
const ALL = 'id, type, category, title, description, place, point, date, animal, photo, status, hidden, created_at, expires_at, contact, proof_detail, manage_token, (proof_detail IS NOT NULL) AS asks_proof';

type PublicRow = Omit<ItemRow, 'contact' | 'proof_detail' | 'manage_token'> & { asks_proof: boolean };

/** The folded text that feeds the German full-text index. */
function searchText(i: Pick<ItemRow, 'title' | 'description' | 'place' | 'animal'>): string {
  const a = i.animal;
  return foldText([i.title, i.description, i.place, a?.species, a?.colour, a?.marks, a?.microchip].filter(Boolean).join(' '));
}

async function views(ctx: Ctx, sql: Sql, rows: PublicRow[]): Promise<Item[]> {
  const photos = new Map((await fileRefs(ctx, sql, rows.flatMap((r) => (r.photo ? [r.photo] : [])))).map((f) => [f.id, f]));
  const now = ctx.now.getTime();
  return rows.map((r): Item => {
    const photo: FileRef | null = r.photo ? photos.get(r.photo) ?? null : null;
    return {
      id: r.id, type: r.type, category: r.category, title: r.title, description: r.description, place: r.place,
      point: r.point && { lat: r.point.lat, lon: r.point.lon }, date: day(r.date),
      animal: r.animal && {
        species: r.animal.species, colour: r.animal.colour, marks: r.animal.marks, ...(r.animal.microchip && { microchip: r.animal.microchip }),
      },
      photo, status: r.status === 'open' && Date.parse(iso(r.expires_at)) <= now ? 'expired' : r.status,
      createdAt: iso(r.created_at), expiresAt: iso(r.expires_at), asksProof: r.asks_proof,
    };
  });
}

const view = async (ctx: Ctx, sql: Sql, row: PublicRow) => (await views(ctx, sql, [row]))[0]!;

/** Hidden items exist for moderators only. */
async function visible(ctx: Ctx, sql: Sql, itemId: string): Promise<PublicRow> {
  const rows = await sql.query<PublicRow>(`SELECT ${PUBLIC} FROM items WHERE community = $1 AND id = $2`, [ctx.community.id, itemId]);
  const row = rows[0];
  if (!row || (row.hidden && !isModerator(ctx.member))) throw notFound('Item');
  return row;
}

function token(ctx: Ctx): string {
  const t = ctx.header('x-manage-token') ?? '';
  if (t.length < 16 || t.length > 200) throw notFound('Item');
  return t;
}

async function own(ctx: Ctx, sql: Sql, lock = false): Promise<ItemRow & { asks_proof: boolean }> {
  const rows = await sql.query<ItemRow & { asks_proof: boolean }>(
    `SELECT ${ALL} FROM items WHERE community = $1 AND manage_token = $2${lock ? ' FOR UPDATE' : ''}`, [ctx.community.id, token(ctx)],
  );
  if (!rows[0]) throw notFound('Item');
  return rows[0];
}

const today = (ctx: Ctx) => calendarDayOf(ctx.now, ctx.community.time_zone);
const changed = (kind: 'created' | 'updated', entity: string, id: string) => ({ topic: 'lost-found', kind, entity, id });

const CloseInput = z.object({ status: z.enum(['resolved', 'withdrawn']) });
const HideInput = z.object({ hidden: z.boolean() });

/** The routes; `settings.expiryDays` sets how long items stay on the board (default `EXPIRY_DAYS`). */
export function lostFoundRoutes(settings: { expiryDays?: ExpiryDays } = {}): Route[] {
  const expiry = expiryDays(settings.expiryDays);
  return [
    {
      method: 'get', path: '/lost-found/items', tag: 'lost-found', summary: 'Open items, newest first, filtered and searched', query: ItemQuery, response: page(Item),
      handler: async (ctx: Ctx<unknown, ItemQuery>) => {
        const q = ctx.query;
        const limit = limitOf(q);
        const after = cursorKey(q.cursor, 'items', 2);
        const words = q.q ? tokenize(q.q) : [];
        if (q.q && words.length === 0) return { items: [], nextCursor: null };
        const rows = await ctx.db.query<PublicRow>(
          `SELECT ${PUBLIC} FROM items
           WHERE community = $1 AND status = 'open' AND NOT hidden AND expires_at > $2
             AND ($3::text IS NULL OR type = $3) AND ($4::text IS NULL OR category = $4)
             AND ($5::date IS NULL OR date >= $5) AND ($6::date IS NULL OR date <= $6)
             AND ($7::text IS NULL OR strpos(place_folded, $7) > 0)
             AND ($8::text IS NULL OR search @@ plainto_tsquery('german', $8))
             AND ($9::timestamptz IS NULL OR (created_at, id) < ($9::timestamptz, $10::text))
           ORDER BY created_at DESC, id DESC LIMIT $11`,
          [
            ctx.community.id, ctx.now, q.type ?? null, q.category ?? null, q.from ?? null, q.to ?? null,
            q.place ? foldText(q.place) : null, words.length ? words.join(' ') : null, after?.[0] ?? null, after?.[1] ?? null, limit + 1,
          ],
        );
        const pageOfRows = pageFrom(rows, limit, 'items', (r) => [iso(r.created_at), r.id], (r) => r);
        return { items: await views(ctx, ctx.db, pageOfRows.items), nextCursor: pageOfRows.nextCursor };
      },
    },
    {
      method: 'get', path: '/lost-found/items/:itemId', tag: 'lost-found', summary: 'One item (public view)', params: { itemId: Id }, response: Item,
      handler: async (ctx) => view(ctx, ctx.db, await visible(ctx, ctx.db, ctx.params.itemId!)),
    },
    {
      method: 'post', path: '/lost-found/items', tag: 'lost-found', summary: 'Report a lost or found item (anyone)', body: ItemInput, response: ItemReceipt,
      handler: async (ctx: Ctx<ItemInput>) => {
        const item = ctx.body;
        const replay = async () => {
          const rows = await ctx.db.query<ItemRow & { asks_proof: boolean }>(`SELECT ${ALL} FROM items WHERE community = $1 AND id = $2`, [ctx.community.id, item.id]);
          return rows[0] ? { item: await view(ctx, ctx.db, rows[0]), manageToken: rows[0].manage_token } : null;
        };
        const first = await replay();
        if (first) return first;
        if (item.date > today(ctx)) throw invalid('date', 'lostFound.futureDate');
        await requireFiles(ctx, ctx.db, item.photo ? [item.photo] : [], () => 'photo');
        const manageToken = generateManageToken();
        try {
          const row = await ctx.write(async (tx, changes) => {
            const rows = await tx.query<PublicRow>(
              `INSERT INTO items (community, id, type, category, title, description, place, place_folded, point, date, animal, microchip,
                 photo, status, created_at, expires_at, contact, proof_detail, manage_token, search)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'open', $14, $15, $16, $17, $18, to_tsvector('german', $19))
               RETURNING ${PUBLIC}`,
              [
                ctx.community.id, item.id, item.type, item.category, item.title, item.description, item.place, foldText(item.place),
                item.point && JSON.stringify(item.point), item.date, item.animal && JSON.stringify(item.animal), item.animal?.microchip ?? null,
                item.photo, ctx.now, new Date(ctx.now.getTime() + expiry[item.type] * DAY_MS), JSON.stringify(item.contact),
                item.proofDetail || null, manageToken, searchText(item),
              ],
            );
            changes.push(changed('created', 'item', item.id));
            return rows[0]!;
          });
          return { item: await view(ctx, ctx.db, row), manageToken };
        } catch (error) {
          if (pgCode(error) !== PG.uniqueViolation) throw error;
          const raced = await replay();
          if (raced) return raced;
          throw error;
        }
      },
    },
    {
      method: 'post', path: '/lost-found/contacts', tag: 'lost-found', summary: 'The relay: a message to the reporter', body: ContactInput,
      handler: async (ctx: Ctx<ContactInput>) => {
        const m = ctx.body;
        const item = await visible(ctx, ctx.db, m.itemId);
        const seen = await ctx.db.query('SELECT 1 FROM item_contacts WHERE community = $1 AND id = $2', [ctx.community.id, m.id]);
        if (seen.length) return undefined;
        if (item.status !== 'open' || Date.parse(iso(item.expires_at)) <= ctx.now.getTime()) throw invalid('itemId', 'lostFound.closed');
        await ctx.write(async (tx, changes) => {
          const rows = await tx.query(
            `INSERT INTO item_contacts (community, id, item_id, message, reply_to, name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (community, id) DO NOTHING RETURNING id`,
            [ctx.community.id, m.id, m.itemId, m.message, m.replyTo, m.name, ctx.now],
          );
          if (!rows.length) return;
          changes.push(changed('created', 'contact', m.id));
          if (ctx.services.mail) {
            const [reporter] = await tx.query<{ contact: OwnItem['contact'] }>('SELECT contact FROM items WHERE community = $1 AND id = $2', [ctx.community.id, m.itemId]);
            if (reporter) {
              await enqueueMail(tx, ctx.community.id, contactMail({
                locale: ctx.community.locale, communityName: ctx.community.name, itemTitle: item.title,
                fromName: m.name, replyTo: m.replyTo, message: m.message, to: reporter.contact.email,
              }));
            }
          }
        });
        return undefined;
      },
    },
    {
      method: 'get', path: '/lost-found/items/:itemId/matches', tag: 'lost-found', summary: 'Suggestions from the opposite list',
      params: { itemId: Id }, response: z.array(Item),
      handler: async (ctx) => {
        const item = await visible(ctx, ctx.db, ctx.params.itemId!);
        const date = day(item.date);
        const opposite = item.type === 'lost' ? 'found' : 'lost';
        const rows = await ctx.db.query<PublicRow>(
          `SELECT ${PUBLIC} FROM items WHERE community = $1 AND status = 'open' AND NOT hidden AND expires_at > $2
             AND category = $3 AND type = $4 AND date BETWEEN $5 AND $6`,
          [ctx.community.id, ctx.now, item.category, opposite, addDays(date, -14), addDays(date, 14)],
        );
        const words = (r: PublicRow) => tokenize([r.title, r.description, r.place, r.animal?.species, r.animal?.colour, r.animal?.marks].filter(Boolean).join(' '));
        const subject = { type: item.type, category: item.category, date, words: words(item), microchip: item.animal?.microchip ?? null };
        const scored = rows
          .map((r) => ({ r, score: matchScore(subject, { type: r.type, category: r.category, date: day(r.date), words: words(r), microchip: r.animal?.microchip ?? null }) }))
          .filter((s) => s.score > 0)
          .sort((a, b) => b.score - a.score || iso(b.r.created_at).localeCompare(iso(a.r.created_at)))
          .slice(0, MATCH_LIMIT);
        return views(ctx, ctx.db, scored.map((s) => s.r));
      },
    },
    {
      method: 'get', path: '/lost-found/own', tag: 'lost-found', summary: "The reporter's private view (header X-Manage-Token)", response: OwnItem,
      handler: async (ctx) => {
        const r = await own(ctx, ctx.db);
        const messages = await ctx.db.query<{ id: string; item_id: string; message: string; reply_to: string; name: string; created_at: Date }>(
          'SELECT id, item_id, message, reply_to, name, created_at FROM item_contacts WHERE community = $1 AND item_id = $2 ORDER BY created_at, id',
          [ctx.community.id, r.id],
        );
        const result: OwnItem = {
          item: await view(ctx, ctx.db, r),
          contact: { name: r.contact.name, email: r.contact.email, ...(r.contact.phone && { phone: r.contact.phone }) },
          messages: messages.map((m) => ({ id: m.id, itemId: m.item_id, message: m.message, replyTo: m.reply_to, name: m.name, createdAt: iso(m.created_at) })),
        };
        if (r.proof_detail) result.proofDetail = r.proof_detail;
        return result;
      },
    },
    {
      method: 'patch', path: '/lost-found/own', tag: 'lost-found', summary: 'The reporter edits the item (header X-Manage-Token)', body: ItemPatch, response: Item,
      handler: async (ctx: Ctx<ItemPatch>) => {
        const edit = Object.fromEntries(Object.entries(ctx.body).filter(([, v]) => v !== undefined)) as ItemPatch;
        if (edit.date && edit.date > today(ctx)) throw invalid('date', 'lostFound.futureDate');
        const row = await ctx.write(async (tx, changes) => {
          const r = await own(ctx, tx, true);
          if (r.status !== 'open') throw invalid('', 'lostFound.closed');
          const merged = parse(ItemInput, {
            id: r.id, type: r.type, category: r.category, title: r.title, description: r.description, place: r.place, point: r.point,
            date: day(r.date), animal: r.animal, photo: r.photo, contact: r.contact, ...edit,
          });
          await requireFiles(ctx, tx, merged.photo ? [merged.photo] : [], () => 'photo');
          const rows = await tx.query<PublicRow>(
            `UPDATE items SET type = $3, category = $4, title = $5, description = $6, place = $7, place_folded = $8, point = $9, date = $10,
               animal = $11, microchip = $12, photo = $13, expires_at = $14, search = to_tsvector('german', $15)
             WHERE community = $1 AND id = $2 RETURNING ${PUBLIC}`,
            [
              ctx.community.id, r.id, merged.type, merged.category, merged.title, merged.description, merged.place, foldText(merged.place),
              merged.point && JSON.stringify(merged.point), merged.date, merged.animal && JSON.stringify(merged.animal),
              merged.animal?.microchip ?? null, merged.photo, new Date(Date.parse(iso(r.created_at)) + expiry[merged.type] * DAY_MS),
              searchText(merged),
            ],
          );
          changes.push(changed('updated', 'item', r.id));
          return rows[0]!;
        });
        return view(ctx, ctx.db, row);
      },
    },
    {
      method: 'post', path: '/lost-found/own/close', tag: 'lost-found', summary: 'Mark as returned or withdraw (header X-Manage-Token)',
      body: CloseInput, response: Item,
      handler: async (ctx: Ctx<z.infer<typeof CloseInput>>) => {
        const row = await ctx.write(async (tx, changes) => {
          const r = await own(ctx, tx, true);
          if (r.status === ctx.body.status) return r;
          const rows = await tx.query<PublicRow>(`UPDATE items SET status = $3 WHERE community = $1 AND id = $2 RETURNING ${PUBLIC}`, [ctx.community.id, r.id, ctx.body.status]);
          changes.push(changed('updated', 'item', r.id));
          return rows[0]!;
        });
        return view(ctx, ctx.db, row);
      },
    },
    {
      method: 'post', path: '/lost-found/abuse-reports', tag: 'lost-found', summary: 'Report an item as abusive', body: AbuseReport,
      handler: async (ctx: Ctx<AbuseReport>) => {
        const r = ctx.body;
        await visible(ctx, ctx.db, r.itemId);
        await ctx.write((tx) => tx.query(
          'INSERT INTO item_abuse (community, id, item_id, note, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (community, id) DO NOTHING',
          [ctx.community.id, r.id, r.itemId, r.note, ctx.now],
        ));
        return undefined;
      },
    },
    {
      method: 'put', path: '/lost-found/items/:itemId/hidden', tag: 'lost-found', summary: 'Moderators: hide or show an item',
      params: { itemId: Id }, body: HideInput,
      handler: async (ctx: Ctx<z.infer<typeof HideInput>>) => {
        if (!isModerator(ctx.member)) throw forbidden('moderatorsOnly');
        await ctx.write(async (tx, changes) => {
          const rows = await tx.query<{ hidden: boolean }>('SELECT hidden FROM items WHERE community = $1 AND id = $2 FOR UPDATE', [ctx.community.id, ctx.params.itemId]);
          if (!rows[0]) throw notFound('Item');
          if (rows[0].hidden === ctx.body.hidden) return;
          await tx.query('UPDATE items SET hidden = $3 WHERE community = $1 AND id = $2', [ctx.community.id, ctx.params.itemId, ctx.body.hidden]);
          changes.push(changed('updated', 'item', ctx.params.itemId!));
        });
        return undefined;
      },
    },
  ];
}
