/** Helpers every domain shares: roles, dates, keyset paging with opaque cursors. */
import { PAGE_SIZE_DEFAULT, type Member, type PublicMember } from '../../../src/data/schema/index.js';
import { decodeCursor, encodeCursor, type CursorKeyPart } from '../../../src/data/rules/cursor.js';
import { forbidden, invalid } from '../errors.js';

export const isModerator = (m: Member | null): boolean => !!m && (m.roles.includes('moderator') || m.roles.includes('admin'));
export const isAdmin = (m: Member | null): boolean => !!m && m.roles.includes('admin');
export const publicMember = (m: PublicMember): PublicMember => ({ id: m.id, displayName: m.displayName });

export function requireAdmin(member: Member | null): void {
  if (!isAdmin(member)) throw forbidden('adminsOnly');
}

export function requireMember(member: Member | null): Member {
  if (!member) throw forbidden('session.profileRequired');
  return member;
}

/** Timestamps from either driver (Date or string) as UTC ISO strings. */
export const iso = (value: Date | string | number): string => new Date(value).toISOString();
export const isoOrNull = (value: Date | string | null | undefined): string | null => (value == null ? null : iso(value));
/** A `date` column as `YYYY-MM-DD` (drivers return Date at UTC midnight or a string). */
export const day = (value: Date | string): string =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** The key of the position after which the next page starts, or `null` on the first page. */
export function cursorKey(cursor: string | null | undefined, scope: string, arity: number): CursorKeyPart[] | null {
  if (!cursor) return null;
  const key = decodeCursor(cursor, scope);
  if (!key || key.length !== arity) throw invalid('cursor', 'cursor.invalid');
  return key;
}

/**
 * Cuts a result fetched with `limit + 1` rows into a page; the cursor holds the last row's key.
 */
export function pageFrom<R, T>(rows: R[], limit: number, scope: string, key: (row: R) => CursorKeyPart[], map: (row: R) => T) {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  return {
    items: items.map(map),
    nextCursor: more && items.length ? encodeCursor(scope, key(items[items.length - 1]!)) : null,
  };
}

export const limitOf = (q: { limit?: number | undefined }) => q.limit ?? PAGE_SIZE_DEFAULT;
