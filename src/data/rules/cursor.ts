/**
 * Opaque paging cursors. A cursor carries the last index key of a page plus the name of the
 * list it belongs to, so a cursor from one list can never be replayed against another.
 */

export type CursorKeyPart = string | number;

function encodeBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeBase64Url(value: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return null;
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** Encodes the position after `key` in the list `scope`. */
export function encodeCursor(scope: string, key: readonly CursorKeyPart[]): string {
  return encodeBase64Url(JSON.stringify([scope, key]));
}

/** The key stored in `cursor`, or `null` if it is malformed or belongs to another list. */
export function decodeCursor(cursor: string, scope: string): CursorKeyPart[] | null {
  const json = decodeBase64Url(cursor);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== scope || !Array.isArray(value[1])) return null;
  const key = value[1] as unknown[];
  const valid = key.every((part) => typeof part === 'string' || (typeof part === 'number' && Number.isFinite(part)));
  return valid ? (key as CursorKeyPart[]) : null;
}
