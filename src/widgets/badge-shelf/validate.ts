/**
 * The schema the moderators' award form validates with, the same one the backend uses. Loaded
 * when a moderator first sends the form, so looking at a shelf does not pay for the validator.
 */
export { check } from '../../data/backend.js';
export { AwardInput } from '../../data/schema/badges.js';
export { SafeUrl } from '../../data/schema/common.js';
