/**
 * Domain rules shared by the widgets, the local adapter and the server: pure functions without
 * dependencies (types from the schemas only).
 */
export * from './zoned.js';
export * from './booking.js';
export * from './streak.js';
export * from './text.js';
export * from './matching.js';
export * from './token.js';
export * from './cursor.js';
