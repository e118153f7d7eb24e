/**
 * Dorfplatz: registers every element. This is the CDN bundle's entry:
 * `<script type="module" src="…/dorfplatz.js"></script>` and the tags work.
 */
export * from './core/provider.js';
import './widgets/group-feed/dorf-group-feed.js';
import './widgets/booking-calendar/dorf-booking-calendar.js';
export { DorfElement, define } from './core/dorf-element.js';
export type { DorfEnvironment, Theme } from './core/context.js';
export { environmentContext } from './core/context.js';
export { registerBackend } from './core/backends.js';
export { registerMessages } from './core/localize.js';
export { TOKENS } from './core/tokens.js';
export { BackendError } from './data/backend.js';
export type * from './data/backend.js';
