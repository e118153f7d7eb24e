/**
 * Plain text with safe links. User text is never parsed as HTML: a small tokenizer finds
 * `http://` and `https://` addresses, everything else stays text, and Lit puts both into the
 * DOM as text nodes and `<a>` elements built by us. No other scheme (`javascript:`, `data:`,
 * `mailto:`) ever becomes a link.
 */
import { html, type TemplateResult } from 'lit';

export type Token = { type: 'text'; value: string } | { type: 'link'; value: string; href: string };

// Runs of non-space characters that start with http(s)://, matched case-insensitively.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that usually ends a sentence rather than belongs to the address.
const TRAILING = /[.,;:!?)\]}»“”’]+$/;

/** The canonical http(s) address of `candidate`, or `null` when it is not a safe web link. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let raw = match[0];
    const trailing = TRAILING.exec(raw)?.[0] ?? '';
    // Keep a closing parenthesis that has its opening one inside the address (Wikipedia links).
    const keepParen = trailing === ')' && raw.includes('(');
    if (trailing && !keepParen) raw = raw.slice(0, -trailing.length);
    const href = safeHref(raw);
    if (!href) continue;
    const start = match.index;
    if (start > last) tokens.push({ type: 'text', value: text.slice(last, start) });
    tokens.push({ type: 'link', value: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) tokens.push({ type: 'text', value: text.slice(last) });
  return tokens;
}

/** Text and links as Lit template parts; line breaks are kept by CSS (`white-space: pre-line`). */
export function richText(text: string): Array<string | TemplateResult> {
  return tokenize(text).map((token) =>
    token.type === 'text'
      ? token.value
      : html`<a part="link" href=${token.href} rel="noopener noreferrer nofollow ugc" target="_blank">${token.value}</a>`,
  );
}
