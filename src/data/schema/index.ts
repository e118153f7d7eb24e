export * from './common.js';
export * from './feed.js';
export * from './booking.js';
export * from './lost-found.js';
export * from './learning.js';
export * from './badges.js';
export * from './dataset.js';
