/**
 * The schemas the board's forms validate with, the same ones the backend uses. Loaded when a
 * visitor first sends a form, so browsing the board does not pay for the validator.
 */
export { check } from '../../data/backend.js';
export { AbuseReport, ContactInput, ItemInput, ItemPatch } from '../../data/schema/lost-found.js';
export { FILE_LIMITS } from '../../data/schema/common.js';
