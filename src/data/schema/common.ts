/**
 * Shared building blocks for every domain schema.
 *
 * These schemas are the single source of truth for data crossing the backend contract:
 * widgets validate form input with them, adapters validate records, the server validates
 * request bodies and generates its OpenAPI document from them. Types come from `z.infer`.
 */
import * as z from 'zod/mini';

/** Unicode bidi overrides/embeddings and isolates that can visually reorder text. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0/C1 control characters except tab and newline. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Removes characters that have no business in plain user text: control characters and
 * bidi overrides (which can disguise a link or a name). Lone surrogates become U+FFFD.
 */
export function cleanText(value: string): string {
  return value.toWellFormed().replace(CONTROL_CHARS, '').replace(BIDI_CONTROLS, '');
}

/** One line of plain text, trimmed and cleaned, with length bounds. */
export const line = (min: number, max: number) =>
  z.string().check(
    z.overwrite((v) => cleanText(v).replace(/\s+/g, ' ').trim()),
    z.minLength(min),
    z.maxLength(max),
  );

/** Multi-line plain text (newlines kept), trimmed and cleaned, with length bounds. */
export const text = (min: number, max: number) =>
  z.string().check(
    z.overwrite((v) => cleanText(v).replace(/\r\n?/g, '\n').trim()),
    z.minLength(min),
    z.maxLength(max),
  );

/**
 * A client-generated record id; doubles as the idempotency key of the write that creates it.
 * `crypto.randomUUID()` fits, so do slugs from sample data.
 */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/));
export type Id = z.infer<typeof Id>;

/** Human-chosen identifier used in attributes, e.g. `group="neuigkeiten"`. */
export const Slug = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/));
export type Slug = z.infer<typeof Slug>;

/** An instant: ISO 8601 with offset (stored and sent in UTC, `Z`). */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** A calendar day, `YYYY-MM-DD`, interpreted in the community's or resource's time zone. */
export const CalendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

/** A time of day, `HH:MM`. */
export const TimeOfDay = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));

/** An IANA time zone name that this runtime's `Intl` understands. */
export const TimeZone = z.string().check(
  z.refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, { message: 'timeZone' }),
);

/** Links users may post: http and https only, never `javascript:` or `data:`. */
export const SafeUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).check(z.maxLength(2000));

export const Email = z.email().check(z.maxLength(254));
/** A phone number as people write it: digits, spaces, +, /, -, parentheses. */
export const Phone = z.string().check(z.trim(), z.regex(/^\+?[0-9 ()/-]{5,30}$/));

export const Locale = z.enum(['de', 'en']);
export type Locale = z.infer<typeof Locale>;

// ---------------------------------------------------------------------------------------------
// Community, members, session

export const Role = z.enum(['member', 'moderator', 'admin']);
export type Role = z.infer<typeof Role>;

export const Community = z.object({
  id: Slug,
  name: line(1, 120),
  timeZone: TimeZone,
  locale: Locale,
});
export type Community = z.infer<typeof Community>;

/** What anyone may see of a person: never an address, mail or phone. */
export const PublicMember = z.object({
  id: Id,
  displayName: line(1, 60),
});
export type PublicMember = z.infer<typeof PublicMember>;

export const Member = z.extend(PublicMember, {
  roles: z.array(Role),
});
export type Member = z.infer<typeof Member>;

/**
 * Who is using the widgets right now. `member` is null for an anonymous visitor, who may still
 * do what the community allows (report a found item, request a booking, send a relay message).
 */
export const Session = z.object({
  community: Slug,
  member: z.nullable(Member),
});
export type Session = z.infer<typeof Session>;

export const ProfileInput = z.object({ displayName: line(1, 60) });
export type ProfileInput = z.infer<typeof ProfileInput>;

/**
 * A moderator's or admin's password sign-in. `code` is the six-digit one-time code of an account
 * with two-factor sign-in (TOTP) enabled; the server asks for it (`session.totpRequired`) after
 * the password was right. Backends without one-time codes ignore it.
 */
export const Credentials = z.object({
  username: line(1, 60),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
  code: z.optional(z.string().check(z.regex(/^\d{6}$/))),
});
export type Credentials = z.infer<typeof Credentials>;

/** The server's answer to a sign-in: the new session and the bearer token that carries it. */
export const SignInResult = z.object({ session: Session, token: z.string().check(z.minLength(1), z.maxLength(4096)) });
export type SignInResult = z.infer<typeof SignInResult>;

// ---------------------------------------------------------------------------------------------
// Paging

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/** Opaque to callers; adapters encode their own position in it. */
export const Cursor = z.string().check(z.maxLength(512));

export const PageRequest = z.object({
  cursor: z.optional(z.nullable(Cursor)),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(PAGE_SIZE_MAX))),
});
export type PageRequest = z.infer<typeof PageRequest>;

export const page = <T extends z.core.SomeType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(Cursor) });
export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; `null` on the last page. */
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Files (photos, attachments)

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const FileKind = z.enum(['image', 'pdf']);
export const FILE_LIMITS = {
  /** After in-browser downscaling. */
  image: 2 * 1024 * 1024,
  pdf: 10 * 1024 * 1024,
} as const;

/** A stored file as readers see it; `url` is resolved by the adapter at read time. */
export const FileRef = z.object({
  id: Id,
  kind: FileKind,
  name: line(1, 200),
  type: z.enum([...IMAGE_TYPES, 'application/pdf']),
  size: z.int().check(z.minimum(1), z.maximum(FILE_LIMITS.pdf)),
  width: z.optional(z.int().check(z.positive())),
  height: z.optional(z.int().check(z.positive())),
  url: z.string(),
});
export type FileRef = z.infer<typeof FileRef>;

export const FileInput = z.object({
  id: Id,
  name: line(1, 200),
  blob: z.instanceof(Blob),
  width: z.optional(z.int().check(z.positive())),
  height: z.optional(z.int().check(z.positive())),
});
export type FileInput = z.infer<typeof FileInput>;

/** Visible alt text that describes an image for screen-reader users. */
export const AltText = line(0, 300);

// ---------------------------------------------------------------------------------------------
// Live changes

export const ChangeKind = z.enum(['created', 'updated', 'deleted']);
/**
 * Topics: `feed/<groupId>`, `bookings/<resourceId>`, `lost-found`, `learning/<pathId>`,
 * `badges`, `session`. A change tells subscribers *what* changed; they re-read what they show,
 * so no private data travels in change events.
 */
export const Change = z.object({
  topic: z.string().check(z.maxLength(200)),
  kind: ChangeKind,
  entity: z.string().check(z.maxLength(40)),
  id: Id,
  at: Instant,
});
export type Change = z.infer<typeof Change>;
