/** Contract errors over HTTP: one status per `BackendError` code, and a machine-readable body. */
import { BackendError, type BackendErrorCode, type FieldIssue } from '../../src/data/backend.js';

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

export const notFound = (what: string) => new BackendError('not-found', `${what} not found`);

/** A permission error with a catalogue key the widget can explain. */
export const forbidden = (code: string, params?: Record<string, string | number>) =>
  new BackendError('forbidden', code, { issues: [params ? { path: '', code, params } : { path: '', code }] });

export const invalid = (path: string, code: string, params?: Record<string, string | number>) =>
  BackendError.invalid([params ? { path, code, params } : { path, code }]);

export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw BackendError.invalid(issues);
}

/** Malformed requests that never reach a schema (bad JSON, wrong content type): HTTP 400. */
export class BadRequest extends BackendError {
  constructor(message: string, readonly status = 400) {
    super('validation', message, { issues: [{ path: '', code: 'request.malformed' }] });
  }
}
