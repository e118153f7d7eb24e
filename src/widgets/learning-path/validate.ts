/**
 * The schemas the learning path's forms validate with, the same ones the backend uses. Loaded
 * when a visitor first sends a form, so reading a path does not pay for the validator.
 */
export { check } from '../../data/backend.js';
export { FILE_LIMITS, ProfileInput } from '../../data/schema/common.js';
export { CheckInInput, CompleteStepInput } from '../../data/schema/learning.js';
