/**
 * Dorfplatz: registers every element. This is the CDN bundle's entry:
 * `<script type="module" src="…/dorfplatz.js"></script>` and the tags work.
 */
export * from './core/provider.js';
import './widgets/group-feed/dorf-group-feed.js';
import './widgets/booking-calendar/dorf-booking-calendar.js';
import './widgets/lost-found/dorf-lost-found.js';
import './widgets/learning-path/dorf-learning-path.js';
import './widgets/badge-shelf/dorf-badge-shelf.js';
import './widgets/sign-in/dorf-sign-in.js';
export { DorfElement, define } from './core/dorf-element.js';
export type { DorfEnvironment, Theme } from './core/context.js';
export { environmentContext } from './core/context.js';
export { registerBackend } from './core/backends.js';
export { registerMessages } from './core/localize.js';
export { TOKENS } from './core/tokens.js';
export { BackendError } from './data/backend.js';
export { outboxOf } from './data/adapters/http/outbox-api.js';
export type { OutboxApi, OutboxEntry, OutboxEvent, OutboxOperation, OutboxRefusal, OutboxStorage } from './data/adapters/http/outbox-api.js';
export type * from './data/backend.js';
