/**
 * The transport of the HTTP adapter: fetch with a timeout, retries with exponential backoff
 * for safe and idempotent calls, `BackendError` rebuilt from the server's error bodies, and
 * every response validated with its contract schema before a widget sees it.
 */
import type * as z from 'zod/mini';
import { BackendError, check, type BackendErrorCode } from '../../backend.js';

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

  async send<T>(call: Call): Promise<T> {
    const attempts = call.retry ? this.retries + 1 : 1;
    let last: BackendError | null = null;
    for (let attempt = 0; attempt < attempts; attempt++) {
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
    let response: Response;
    try {
      response = await this.fetch(this.url(call.path, call.query), { method: call.method, headers, body, signal: controller.signal });
    } catch (error) {
      clearTimeout(timer);
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
    }
  }
}

function transient(error: BackendError): BackendError {
  (error as BackendError & { transient?: boolean }).transient = true;
  return error;
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
  return TRANSIENT.has(response.status) ? transient(error) : error;
}
