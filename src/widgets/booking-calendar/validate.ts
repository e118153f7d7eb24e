/**
 * The schemas the calendar's forms validate with, the same ones the backend uses. Loaded when a
 * visitor first sends a form, so looking at the calendar does not pay for the validator.
 */
export { check } from '../../data/backend.js';
export { BookingDecision, BookingRequest } from '../../data/schema/booking.js';
