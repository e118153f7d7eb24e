/**
 * Sample data for demos, stories, tests and benchmarks (`dorfplatz/sample-data.js`).
 *
 * Every sample is a `Dataset` for `Backend.seed` and is computed relative to `now` (default:
 * the current time), so a demo always looks current: an urgent notice that expires in two days,
 * a "Mach mit!" call next Saturday, bookings over the coming weeks, lost items from the last
 * days, a cohort that started ten days ago. Day-based things follow the community's time zone.
 * For a fixed `now` the output is always the same (no randomness; readable ids).
 *
 * @example
 * ```ts
 * import { municipalitySample } from 'dorfplatz/sample-data.js';
 * await backend.seed(municipalitySample());
 * ```
 */
import type { Dataset } from '../schema/index.js';
import { clubSample } from './club.js';
import { municipalitySample } from './municipality.js';
import { parishSample } from './parish.js';

export { bulkPosts, type BulkOptions } from './bulk.js';
export { clubSample, CLUB_ID } from './club.js';
export { municipalitySample, MUNICIPALITY_ID, MUNICIPALITY_MEMBER_IDS } from './municipality.js';
export { parishSample, PARISH_ID } from './parish.js';

export type SampleId = 'municipality' | 'parish' | 'club';

/** The samples by id, e.g. for a demo page's `?sample=parish`. */
export const samples: Readonly<Record<SampleId, (now?: Date) => Dataset>> = Object.freeze({
  municipality: municipalitySample,
  parish: parishSample,
  club: clubSample,
});
