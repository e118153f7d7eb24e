/**
 * The schema the sign-in form validates with, the same one the backend and the server use.
 * Loaded when a visitor first sends the form, so showing it does not pay for the validator.
 */
import '../../i18n/fields.js';

export { check } from '../../data/backend.js';
export { Credentials } from '../../data/schema/common.js';
