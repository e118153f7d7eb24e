/**
 * Text folding and tokenizing for search. The same function runs when an item is stored (to
 * build its word index) and when a query arrives, so both sides always agree.
 */

/** Longest token kept; keeps index keys (and cursors holding them) short. */
export const MAX_TOKEN_LENGTH = 40;
/** Shorter tokens carry no meaning for search ("a", "3"). */
export const MIN_TOKEN_LENGTH = 2;

/**
 * Common German and English words that would match nearly every item. Written folded (see
 * `foldText`), so "für" appears as "fur".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // German
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines',
  'und', 'oder', 'aber', 'mit', 'von', 'vom', 'zu', 'zum', 'zur', 'im', 'in', 'am', 'an', 'auf',
  'aus', 'bei', 'fur', 'ist', 'sind', 'war', 'wurde', 'hat', 'habe', 'ich', 'wir', 'sie', 'er',
  'es', 'mein', 'meine', 'nicht', 'auch', 'noch', 'nach', 'uber', 'unter', 'vor', 'hinter', 'als',
  // English
  'the', 'a', 'an', 'and', 'or', 'but', 'with', 'of', 'to', 'at', 'on', 'by', 'for', 'is', 'are',
  'was', 'were', 'has', 'have', 'my', 'our', 'it', 'its', 'this', 'that', 'near', 'from',
]);

/**
 * Lowercase, `ß` → `ss`, diacritics stripped (`é` → `e`, `ü` → `u`), and the transliterations
 * `ae`/`oe`/`ue` folded to `a`/`o`/`u` (not `ue` after `q`), so "Schlüssel", "Schluessel" and
 * "SCHLUSSEL" all become "schlussel". This follows Lucene's GermanNormalizationFilter; the
 * occasional false friend ("Feuer" → "feur") is harmless because query and index fold alike.
 */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/(^|[^q])ue/g, '$1u');
}

export interface TokenizeOptions {
  /** Drop `STOP_WORDS`; default true. */
  stopWords?: boolean;
}

/** Distinct folded words of `value`, in order of first appearance. */
export function tokenize(value: string, options: TokenizeOptions = {}): string[] {
  const dropStopWords = options.stopWords ?? true;
  const tokens = new Set<string>();
  for (const word of foldText(value).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < MIN_TOKEN_LENGTH) continue;
    if (dropStopWords && STOP_WORDS.has(word)) continue;
    tokens.add(word.slice(0, MAX_TOKEN_LENGTH));
  }
  return [...tokens];
}
