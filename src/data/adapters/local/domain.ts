/**
 * What the domains of the local adapter share besides the `Core`: error helpers, roles, instants,
 * key ranges and paged reads with opaque cursors. Loaded with the first domain, not with the
 * static base (paging needs the cursor codec and the schema's page size).
 */
import { invalid } from '../../backend.js';
import { PAGE_SIZE_DEFAULT, type Member, type PageRequest, type PublicMember } from '../../schema/index.js';
import { decodeCursor, encodeCursor, type CursorKeyPart } from '../../rules/cursor.js';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export { forbidden, invalid, notFound, throwIfIssues } from '../../backend.js';

export const isModerator = (member: Member | null): boolean =>
  !!member && (member.roles.includes('moderator') || member.roles.includes('admin'));
export const isAdmin = (member: Member | null): boolean => !!member && member.roles.includes('admin');
export const publicMember = (member: PublicMember): PublicMember => ({ id: member.id, displayName: member.displayName });

/** Instants are stored as UTC ISO strings, which sort chronologically as index keys. */
export const iso = (value: string | Date | number): string => new Date(value).toISOString();

/** A range over every index key that starts with `prefix` (arrays sort after strings and numbers). */
export function prefixRange(prefix: IDBValidKey[]): IDBKeyRange {
  return IDBKeyRange.bound(prefix, [...prefix, []]);
}

export interface CursorLike<V> {
  key: IDBValidKey;
  value: V;
  continue(): Promise<CursorLike<V> | null>;
}
/** An idb index or store, as far as paging needs it. */
export interface CursorSource<V> {
  openCursor(query: IDBKeyRange, direction?: IDBCursorDirection): Promise<CursorLike<V> | null>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One page of an index whose keys start with `prefix`, continuing after the cursor's key.
 * `accept` turns a record into a result or skips it (`undefined`), possibly after awaiting
 * IndexedDB requests of the same transaction (nothing else); the scan stops after the
 * first accepted record beyond the page, so `nextCursor` is `null` exactly on the last page.
 * Cost: the records on the page plus the skipped ones, never the whole index.
 */
export async function pageOf<V, T>(
  source: CursorSource<V>,
  scope: string,
  prefix: CursorKeyPart[],
  request: PageRequest,
  direction: 'next' | 'prev',
  accept: (value: V) => T | undefined | Promise<T | undefined>,
): Promise<Page<T>> {
  const limit = request.limit ?? PAGE_SIZE_DEFAULT;
  let range = prefixRange(prefix);
  if (request.cursor) {
    const after = decodeCursor(request.cursor, scope);
    const fits = after && after.length > prefix.length && prefix.every((part, i) => after[i] === part);
    if (!fits) throw invalid('cursor', 'cursor.invalid');
    range = direction === 'prev'
      ? IDBKeyRange.bound(prefix, after, false, true)
      : IDBKeyRange.bound(after, [...prefix, []], true, false);
  }
  const items: T[] = [];
  let lastKey: IDBValidKey | null = null;
  let more = false;
  for (let cursor = await source.openCursor(range, direction); cursor; cursor = await cursor.continue()) {
    let item = accept(cursor.value);
    if (item instanceof Promise) item = await item;
    if (item === undefined) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(item);
    lastKey = cursor.key;
  }
  return { items, nextCursor: more && lastKey ? encodeCursor(scope, lastKey as CursorKeyPart[]) : null };
}
