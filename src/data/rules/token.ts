/** Secrets and derived ids. */

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bits of randomness in a manage token. */
export const MANAGE_TOKEN_BITS = 192;

/**
 * A manage token: the only key to a booking or a lost-and-found report. 192 random bits from
 * `crypto.getRandomValues`, base64url (32 characters), safe in URLs and mail links.
 */
export function generateManageToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(MANAGE_TOKEN_BITS / 8)));
}

/**
 * A deterministic record id derived from its parts: the first 128 bits of SHA-256 as 32 hex
 * digits (a valid `Id`), e.g. one award per recipient from one award request, so a replayed
 * request finds the same records. Parts are length-prefixed so ("ab", "c") and ("a", "bc")
 * cannot collide.
 */
export async function deriveId(...parts: string[]): Promise<string> {
  const input = parts.map((part) => `${part.length}:${part}`).join('|');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input)));
  return [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
