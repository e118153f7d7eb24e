/** Contract errors over HTTP: one status per `BackendError` code, and a machine-readable body. */
import { BackendError, type BackendErrorCode } from '../../src/data/backend.js';

export const STATUS: Record<BackendErrorCode, number> = {
  validation: 422,
  conflict: 409,
  forbidden: 403,
  'not-found': 404,
  'rate-limited': 429,
  unavailable: 503,
  // A server never queues: `queued` exists only in an offline client's outbox.
  queued: 503,
};

export { forbidden, invalid, notFound, throwIfIssues } from '../../src/data/backend.js';

/** Malformed requests that never reach a schema (bad JSON, wrong content type): HTTP 400. */
export class BadRequest extends BackendError {
  constructor(message: string, readonly status = 400) {
    super('validation', message, { issues: [{ path: '', code: 'request.malformed' }] });
  }
}
