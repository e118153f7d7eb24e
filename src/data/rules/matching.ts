/**
 * Lost ↔ found matching: how likely a found item is the lost one (or the other way round).
 */
import type { Category, ItemType } from '../schema/lost-found.js';
import { daysBetween, type CalendarDay } from './zoned.js';

/** Items further apart than this are not suggested. */
export const MATCH_DATE_WINDOW_DAYS = 14;

export interface MatchCandidate {
  type: ItemType;
  category: Category;
  /** When it was lost or found. */
  date: CalendarDay;
  /** Output of `tokenize` over the item's text. */
  words: readonly string[];
  /** An animal's microchip, if known: equal chips are a certain match, different ones none. */
  microchip?: string | null;
}

const DATE_WEIGHT = 0.35;
const WORD_WEIGHT = 0.65;

/**
 * A score in `[0, 1]`; 0 means "do not suggest". Requires opposite types and the same
 * category; then closeness in time (linear, within `MATCH_DATE_WINDOW_DAYS`) and shared words
 * (shared / size of the smaller word set) add up.
 */
export function matchScore(a: MatchCandidate, b: MatchCandidate): number {
  if (a.type === b.type || a.category !== b.category) return 0;
  if (a.microchip && b.microchip) return a.microchip === b.microchip ? 1 : 0;
  const distance = Math.abs(daysBetween(a.date, b.date));
  if (distance > MATCH_DATE_WINDOW_DAYS) return 0;
  const dateScore = 1 - distance / (MATCH_DATE_WINDOW_DAYS + 1);
  const smaller = a.words.length <= b.words.length ? a.words : b.words;
  const larger = new Set(a.words.length <= b.words.length ? b.words : a.words);
  const shared = smaller.filter((word) => larger.has(word)).length;
  const wordScore = smaller.length === 0 ? 0 : shared / smaller.length;
  return Math.round((DATE_WEIGHT * dateScore + WORD_WEIGHT * wordScore) * 1000) / 1000;
}
