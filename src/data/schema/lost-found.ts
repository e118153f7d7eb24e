/** Lost and found ("Gesucht – Gefunden"): items and animals, a contact relay, matching. */
import * as z from 'zod/mini';
import { CalendarDate, Email, FileRef, Id, Instant, line, PageRequest, Phone, text } from './common.js';

export const ItemType = z.enum(['lost', 'found']);
export type ItemType = z.infer<typeof ItemType>;

export const Category = z.enum([
  'animal', 'keys', 'wallet', 'phone', 'bag', 'bicycle', 'clothing', 'document', 'jewellery', 'other',
]);
export type Category = z.infer<typeof Category>;

export const ItemStatus = z.enum(['open', 'resolved', 'withdrawn', 'expired']);
export type ItemStatus = z.infer<typeof ItemStatus>;

/** Default days on the board: found items as long as the civil code keeps them (§ 973 BGB). */
export const EXPIRY_DAYS = { found: 183, lost: 92 } as const;

/**
 * How long items stay on the board, per type, in days: an operator's setting for a backend
 * (`LocalLostFound`, `lostFoundRoutes`); unset types keep `EXPIRY_DAYS`.
 */
export const ExpiryDays = z.object({
  found: z.optional(z.int().check(z.minimum(1), z.maximum(3650))),
  lost: z.optional(z.int().check(z.minimum(1), z.maximum(3650))),
});
export type ExpiryDays = z.infer<typeof ExpiryDays>;

/** The days on the board for each type: `settings` over the defaults (invalid settings throw). */
export function expiryDays(settings: ExpiryDays = {}): { found: number; lost: number } {
  const checked = ExpiryDays.parse(settings);
  return { found: checked.found ?? EXPIRY_DAYS.found, lost: checked.lost ?? EXPIRY_DAYS.lost };
}

/**
 * ISO 11784 animal microchip in its 15-digit decimal form: a 3-digit ISO 3166 country code
 * (001–899) or a manufacturer code (900–998), then a 12-digit national id.
 */
export function isMicrochip(value: string): boolean {
  if (!/^\d{15}$/.test(value)) return false;
  const prefix = Number(value.slice(0, 3));
  return prefix >= 1 && prefix <= 998;
}

export const Microchip = z.string().check(
  z.overwrite((v) => v.replace(/[\s.-]/g, '')),
  z.refine(isMicrochip, { message: 'lostFound.microchip' }),
);

export const AnimalDetails = z.object({
  species: line(1, 60),
  colour: line(0, 60),
  marks: line(0, 300),
  microchip: z.optional(Microchip),
});
export type AnimalDetails = z.infer<typeof AnimalDetails>;

/** A coarse point, rounded to about one kilometre so no front door can be found from it. */
export const CoarsePoint = z.object({
  lat: z.number().check(z.minimum(-90), z.maximum(90), z.overwrite((n) => Math.round(n * 100) / 100)),
  lon: z.number().check(z.minimum(-180), z.maximum(180), z.overwrite((n) => Math.round(n * 100) / 100)),
});

export const ReporterContact = z.object({
  name: line(1, 120),
  email: Email,
  phone: z.optional(Phone),
});
export type ReporterContact = z.infer<typeof ReporterContact>;

const publicFields = {
  type: ItemType,
  category: Category,
  title: line(1, 120),
  description: text(0, 2000),
  place: line(1, 200),
  point: z.nullable(CoarsePoint),
  /** When it was lost or found: never in the future (checked against "today" by the backend). */
  date: CalendarDate,
  animal: z.nullable(AnimalDetails),
};

/** Animals need details; shared with seeds. */
export const animalRule = z.refine<{ category: Category; animal: unknown }>(
  (v) => v.category !== 'animal' || v.animal !== null,
  { message: 'lostFound.animalDetails', path: ['animal'] },
);

/** An item's fields before the cross-field rules; extend this, not `ItemInput`. */
export const ItemDraft = z.object({
  id: Id,
  ...publicFields,
  photo: z.nullable(Id),
  contact: ReporterContact,
  /** Found items: a detail only the owner knows ("describe the key fob"). Never public. */
  proofDetail: z.optional(text(0, 500)),
});

export const ItemInput = ItemDraft.check(animalRule);
export type ItemInput = z.infer<typeof ItemInput>;

export const ItemPatch = z.partial(z.object({ ...publicFields, photo: z.nullable(Id) }));
export type ItemPatch = z.infer<typeof ItemPatch>;

/** The board's view of an item. Contact and proof detail are not part of this shape at all. */
export const Item = z.object({
  id: Id,
  ...publicFields,
  photo: z.nullable(FileRef),
  status: ItemStatus,
  createdAt: Instant,
  expiresAt: Instant,
  /** The finder asks a proof question before handing over. */
  asksProof: z.boolean(),
});
export type Item = z.infer<typeof Item>;

export const ItemQuery = z.extend(PageRequest, {
  type: z.optional(ItemType),
  category: z.optional(Category),
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
  place: z.optional(line(1, 100)),
  /** Full-text search over title, description, place and animal details. */
  q: z.optional(line(1, 100)),
});
export type ItemQuery = z.infer<typeof ItemQuery>;

export const ContactInput = z.object({
  id: Id,
  itemId: Id,
  message: text(1, 2000),
  /** Where the reporter can answer; relayed, never shown publicly. */
  replyTo: Email,
  name: line(1, 120),
});
export type ContactInput = z.infer<typeof ContactInput>;

export const ContactMessage = z.object({
  id: Id,
  itemId: Id,
  message: text(1, 2000),
  replyTo: Email,
  name: line(1, 120),
  createdAt: Instant,
});
export type ContactMessage = z.infer<typeof ContactMessage>;

/** The reporter's private view, reached only with the manage token. */
export const OwnItem = z.object({
  item: Item,
  contact: ReporterContact,
  proofDetail: z.optional(text(0, 500)),
  messages: z.array(ContactMessage),
});
export type OwnItem = z.infer<typeof OwnItem>;

export const ItemReceipt = z.object({ item: Item, manageToken: z.string().check(z.minLength(16)) });
export type ItemReceipt = z.infer<typeof ItemReceipt>;

export const AbuseReport = z.object({ id: Id, itemId: Id, note: text(1, 1000) });
export type AbuseReport = z.infer<typeof AbuseReport>;
