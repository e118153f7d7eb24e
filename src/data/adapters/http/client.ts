/**
 * The transport of the HTTP adapter: fetch with a timeout, retries with exponential backoff
 * for safe and idempotent calls, `BackendError` rebuilt from the server's error bodies, and
 * every response validated with its contract schema before a widget sees it.
 */
import type * as z from 'zod/mini';
import { BackendError, check, type BackendErrorCode } from '../../backend.js';
import { needsProof, PROOF_HEADER, ProofChallenge, proveWork } from './proof-of-work.js';

const CODES: readonly BackendErrorCode[] = ['validation', 'conflict', 'forbidden', 'not-found', 'rate-limited', 'unavailable', 'queued'];
/** Statuses worth another try: the server or a proxy was briefly unable to answer. */
const TRANSIENT = new Set([408, 425, 429, 502, 503, 504]);

export interface ClientOptions {
  baseUrl: string;
  community: string;
  fetch?: typeof fetch;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** Further attempts after the first for retryable calls; default 3. */
  retries?: number;
  /** Delay before the first retry (doubles each time, with jitter); default 250 ms. */
  backoffMs?: number;
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below `/c/<community>`, already encoded. */
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** JSON body, or a Blob sent as is (file uploads). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Validates the response; omit for calls answered with 204. */
  schema?: z.core.$ZodType;
  /** Safe to send again: reads, and writes carrying an idempotency key. */
  retry?: boolean;
  /** Ends the call early (the adapter was closed); it then rejects as an outage. */
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HttpClient {
  readonly base: string;
  token: string | null = null;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(readonly options: ClientOptions) {
    this.base = `${options.baseUrl.replace(/\/+$/, '')}/c/${encodeURIComponent(options.community)}`;
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 250;
  }

  url(path: string, query?: Call['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) params.set(key, String(value));
    }
    const qs = params.toString();
    return `${this.base}${path}${qs ? `?${qs}` : ''}`;
  }

  /**
   * Turns a root-relative URL from the server (e.g. a file) into an absolute one; a relative
   * `baseUrl` (`/api`) is taken relative to the page.
   */
  resolve(url: string): string {
    const base = `${this.options.baseUrl.replace(/\/+$/, '')}/`;
    const page = typeof location === 'undefined' ? undefined : location.href;
    return new URL(url, page ? new URL(base, page) : base).toString();
  }

  /**
   * Sends `call`. An anonymous write the server answers with "prove some work first" (its
   * cookie-free spam gate, when the community turned it on) is sent once more with a solved
   * challenge: the visitor only notices a short wait.
   */
  async send<T>(call: Call): Promise<T> {
    try {
      return await this.sendAttempts<T>(call);
    } catch (error) {
      if (call.method === 'GET' || this.token || call.headers?.[PROOF_HEADER] || !needsProof(error)) throw error;
      const proof = await proveWork(() => this.sendAttempts({ method: 'GET', path: '/pow/challenge', schema: ProofChallenge, retry: true, signal: call.signal }), call.signal);
      if (!proof) throw error;
      return this.sendAttempts<T>({ ...call, headers: { ...call.headers, [PROOF_HEADER]: proof } });
    }
  }

  private async sendAttempts<T>(call: Call): Promise<T> {
    const attempts = call.retry ? this.retries + 1 : 1;
    let last: BackendError | null = null;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (call.signal?.aborted) throw last ?? transient(new BackendError('unavailable', 'The backend was closed.'));
      if (attempt > 0) {
        const retryAfter = last?.details.retryAfter;
        const backoff = this.backoffMs * 2 ** (attempt - 1);
        await sleep(retryAfter ? Math.min(retryAfter * 1000, 30_000) : backoff / 2 + Math.random() * backoff);
      }
      try {
        return await this.once<T>(call);
      } catch (error) {
        if (!(error instanceof BackendError) || !(error as BackendError & { transient?: boolean }).transient) throw error;
        last = error;
      }
    }
    throw last!;
  }

  private async once<T>(call: Call): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let body: BodyInit | undefined;
    if (call.body instanceof Blob) {
      body = call.body;
      headers['Content-Type'] = call.body.type || 'application/octet-stream';
    } else if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['Content-Type'] = 'application/json';
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const stop = () => controller.abort();
    if (call.signal?.aborted) controller.abort();
    call.signal?.addEventListener('abort', stop, { once: true });
    let response: Response;
    try {
      // Raced with the abort, so a fetch wrapper that ignores the signal cannot hang the call past its timeout.
      response = await new Promise<Response>((resolve, reject) => {
        controller.signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
        this.fetch(this.url(call.path, call.query), { method: call.method, headers, body, signal: controller.signal }).then(resolve, reject);
      });
    } catch (error) {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', stop);
      const timedOut = controller.signal.aborted;
      throw transient(new BackendError('unavailable', timedOut ? `No answer within ${this.timeoutMs} ms` : `Network error: ${(error as Error)?.message ?? error}`));
    }
    try {
      const text = await response.text();
      if (!response.ok) throw errorFrom(response, text);
      if (!call.schema) return undefined as T;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new BackendError('unavailable', 'The server sent something other than JSON.');
      }
      const result = check(call.schema, json);
      if (!result.ok) {
        throw new BackendError('unavailable', `The server sent an unexpected response to ${call.method} ${call.path}`, { issues: result.issues });
      }
      return result.value as T;
    } catch (error) {
      if (error instanceof BackendError) throw error;
      throw transient(new BackendError('unavailable', controller.signal.aborted ? `No answer within ${this.timeoutMs} ms` : String(error)));
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', stop);
    }
  }
}

function transient(error: BackendError, outage = true): BackendError {
  (error as BackendError & { transient?: boolean }).transient = true;
  if (outage) (error as BackendError & { outage?: boolean }).outage = true;
  return error;
}

/**
 * Whether a failed call met an outage rather than an answer: no connection, no answer in time, a
 * 5xx, or a proxy's 408. The server may or may not have processed the request; a write with an
 * idempotency key can safely wait in the outbox and be sent again.
 */
export function isOutage(error: unknown): boolean {
  return error instanceof BackendError && (error as BackendError & { outage?: boolean }).outage === true;
}

/** Rebuilds the server's `BackendError`; anything unexpected becomes `unavailable`. */
function errorFrom(response: Response, text: string): BackendError {
  let body: { code?: unknown; message?: unknown; details?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // a proxy's HTML error page
  }
  const retryAfterHeader = Number(response.headers.get('retry-after'));
  const code = CODES.includes(body.code as BackendErrorCode) ? (body.code as BackendErrorCode) : 'unavailable';
  const details = body.details && typeof body.details === 'object' ? { ...(body.details as BackendError['details']) } : {};
  if (code === 'rate-limited' && !details.retryAfter && Number.isFinite(retryAfterHeader)) details.retryAfter = retryAfterHeader;
  const error = new BackendError(code, typeof body.message === 'string' ? body.message : `HTTP ${response.status}`, details);
  // Retried at once: the statuses in TRANSIENT. Queued in the outbox: any outage (5xx, 408).
  if (response.status >= 500 || response.status === 408) (error as BackendError & { outage?: boolean }).outage = true;
  return TRANSIENT.has(response.status) ? transient(error, false) : error;
}
