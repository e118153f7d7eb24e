/**
 * The schemas the feed's forms validate with, the same ones the backend uses. Loaded when a
 * visitor first sends a form, so reading a feed does not pay for the validator.
 */
export { check } from '../../data/backend.js';
export { FILE_LIMITS, ProfileInput } from '../../data/schema/common.js';
export { CommentInput, PostInput, PostPatch, ReportInput } from '../../data/schema/feed.js';
