/**
 * A small assertion module for the contract kit. No test library: the kit runs in browsers
 * (mocha under @web/test-runner) and in Node (node:test) alike, and must not pull in chai.
 *
 * Every failure throws an `AssertionError` whose message says what was expected, what came
 * back, and (where given) which contract rule was being checked.
 */
import type * as z from 'zod/mini';
import { BackendError, type BackendErrorCode, type FieldIssue, check } from '../backend.js';

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
  constructor(message: string, readonly actual?: unknown, readonly expected?: unknown) {
    super(message);
  }
}

const MAX_SHOWN = 600;

/** JSON-ish rendering for messages: short, stable, never throws. */
export function show(value: unknown): string {
  let out: string;
  try {
    if (value instanceof Error) {
      const code = (value as { code?: unknown }).code;
      const details = (value as { details?: unknown }).details;
      out = `${value.name}${code ? `(${String(code)})` : ''}: ${value.message}${details ? ` ${JSON.stringify(details)}` : ''}`;
    } else if (value === undefined) {
      out = 'undefined';
    } else if (typeof value === 'function') {
      out = `[function ${value.name || 'anonymous'}]`;
    } else {
      out = JSON.stringify(value, (_k, v) => (v instanceof Blob ? `[Blob ${v.type} ${v.size}]` : v)) ?? String(value);
    }
  } catch {
    out = String(value);
  }
  return out.length > MAX_SHOWN ? `${out.slice(0, MAX_SHOWN)}… (${out.length} chars)` : out;
}

function label(message: string | undefined): string {
  return message ? `${message}: ` : '';
}

export function fail(message: string): never {
  throw new AssertionError(message);
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(`${label(message)}expected a truthy value, got ${show(value)}`, value, true);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${label(message)}expected ${show(expected)}, got ${show(actual)}`, actual, expected);
  }
}

export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) {
    throw new AssertionError(`${label(message)}expected anything but ${show(expected)}`, actual, expected);
  }
}

/** Structural equality of JSON-like values (plain objects, arrays, primitives, Dates). */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => isDeepEqual(v, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined).sort();
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined).sort();
  if (!isDeepEqual(ka, kb)) return false;
  return ka.every((k) => isDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Where two values first differ, as a dot path; for failure messages. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (isDeepEqual(a, b)) return '';
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
  }
  return path || '(root)';
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!isDeepEqual(actual, expected)) {
    const at = firstDifference(actual, expected);
    throw new AssertionError(
      `${label(message)}values differ at ${at}:\n  expected ${show(expected)}\n  got      ${show(actual)}`,
      actual,
      expected,
    );
  }
}

/** `items` contains an element for which `predicate` holds. */
export function some<T>(items: readonly T[], predicate: (item: T) => boolean, message?: string): T {
  const found = items.find(predicate);
  if (found === undefined) throw new AssertionError(`${label(message)}no matching element in ${show(items)}`, items);
  return found;
}

/** No element of `items` satisfies `predicate`. */
export function none<T>(items: readonly T[], predicate: (item: T) => boolean, message?: string): void {
  const found = items.find(predicate);
  if (found !== undefined) throw new AssertionError(`${label(message)}unexpected element ${show(found)}`, items);
}

/** Same members, any order (ids, typically). */
export function sameMembers<T>(actual: readonly T[], expected: readonly T[], message?: string): void {
  const a = [...actual].map((v) => show(v)).sort();
  const e = [...expected].map((v) => show(v)).sort();
  if (!isDeepEqual(a, e)) {
    const missing = e.filter((v) => !a.includes(v));
    const extra = a.filter((v) => !e.includes(v));
    const counts = a.length !== e.length ? `; ${a.length} elements instead of ${e.length}` : '';
    throw new AssertionError(
      `${label(message)}expected the same members; missing ${missing.join(', ') || 'none'}; unexpected ${extra.join(', ') || 'none'}${counts}`,
      actual,
      expected,
    );
  }
}

/** Duck-typed, so a BackendError from another copy of the module (a bundle, a worker) still counts. */
export function isBackendError(error: unknown): error is BackendError {
  if (error instanceof BackendError) return true;
  return (
    error instanceof Error &&
    error.name === 'BackendError' &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { details?: unknown }).details === 'object'
  );
}

export function issuesOf(error: BackendError): FieldIssue[] {
  return error.details?.issues ?? [];
}

/** What `rejects` checks about the field issues of a `validation` error. */
export interface IssueExpectation {
  /** Dot path of the offending field, e.g. `requester.email`; `''` for the whole input. */
  path?: string;
  /** The issue code (`required`, `booking.leadTime`…). */
  code?: string;
}

/**
 * Awaits `promise` and checks it rejects with a `BackendError` of `code` (or one of `codes`).
 * For `validation`, `issue` (a path, or `{ path, code }`) must match one field issue.
 * Returns the error for further checks.
 */
export async function rejects(
  promise: Promise<unknown> | (() => Promise<unknown>),
  code: BackendErrorCode | readonly BackendErrorCode[],
  issue?: string | IssueExpectation,
  message?: string,
): Promise<BackendError> {
  const codes: readonly BackendErrorCode[] = typeof code === 'string' ? [code] : code;
  const want = codes.join(' or ');
  let value: unknown;
  try {
    value = await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (!isBackendError(error)) {
      throw new AssertionError(`${label(message)}expected BackendError(${want}), got a different error: ${show(error)}`, error);
    }
    if (!codes.includes(error.code)) {
      throw new AssertionError(`${label(message)}expected BackendError(${want}), got ${show(error)}`, error.code, code);
    }
    if (issue !== undefined) {
      const exp: IssueExpectation = typeof issue === 'string' ? { path: issue } : issue;
      const issues = issuesOf(error);
      const match = issues.find(
        (i) => (exp.path === undefined || i.path === exp.path) && (exp.code === undefined || i.code === exp.code),
      );
      if (!match) {
        const wanted = [exp.path !== undefined ? `path "${exp.path}"` : '', exp.code ? `code "${exp.code}"` : '']
          .filter(Boolean)
          .join(' and ');
        throw new AssertionError(
          `${label(message)}expected a field issue with ${wanted}; issues were ${show(issues)}`,
          issues,
          exp,
        );
      }
    }
    return error;
  }
  throw new AssertionError(`${label(message)}expected a rejection with BackendError(${want}), but it resolved to ${show(value)}`, value);
}

/** Awaits `promise`; if it rejects, fails with the error shown (clearer than an unexpected throw). */
export async function resolves<T>(promise: Promise<T>, message?: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw new AssertionError(`${label(message)}expected success, got ${show(error)}`, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Shape checks

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: AnySchema[];
  valueType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
}
const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isOptional = (schema: AnySchema): boolean =>
  (schema as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';

/** Keys present in `value` that `schema` does not define, and required keys that are missing. */
function keyProblems(schema: AnySchema, value: unknown, path: string, out: string[]): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      if (value === undefined || value === null) return;
      keyProblems(def.innerType!, value, path, out);
      return;
    case 'pipe':
      keyProblems(def.in!, value, path, out);
      return;
    case 'array':
      if (Array.isArray(value)) value.forEach((v, i) => keyProblems(def.element!, v, `${path}[${i}]`, out));
      return;
    case 'record':
      if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) keyProblems(def.valueType!, v, `${path}.${k}`, out);
      }
      return;
    case 'union': {
      // The first option the value is valid for decides the allowed keys.
      const option = def.options!.find((o) => check(o, value).ok);
      if (option) keyProblems(option, value, path, out);
      return;
    }
    case 'object': {
      if (!value || typeof value !== 'object') return;
      const shape = def.shape!;
      for (const key of Object.keys(value)) {
        if (!(key in shape)) out.push(`${path ? `${path}.` : ''}${key} (not in the schema)`);
      }
      for (const [key, field] of Object.entries(shape)) {
        const present = key in value && (value as Record<string, unknown>)[key] !== undefined;
        if (!present && !isOptional(field)) out.push(`${path ? `${path}.` : ''}${key} (missing)`);
        if (present) keyProblems(field, (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out);
      }
      return;
    }
    default:
      return;
  }
}

/**
 * `value` is valid for `schema` AND has exactly its keys, at every depth: nothing more (a
 * private field smuggled into a public shape), nothing less. This is the "private by shape" rule.
 */
export function conforms<S extends AnySchema>(schema: S, value: unknown, message?: string): asserts value is z.output<S> {
  const result = check(schema, value);
  if (!result.ok) {
    throw new AssertionError(
      `${label(message)}response does not match its schema: ${show(result.issues)}\n  value: ${show(value)}`,
      value,
    );
  }
  const problems: string[] = [];
  keyProblems(schema, value, '', problems);
  if (problems.length) {
    throw new AssertionError(
      `${label(message)}response has keys outside its public schema: ${problems.join(', ')}\n  value: ${show(value)}`,
      value,
    );
  }
}

/** Every element of `values` conforms to `schema`. */
export function allConform<S extends AnySchema>(schema: S, values: readonly unknown[], message?: string): void {
  values.forEach((v, i) => conforms(schema, v, `${message ?? 'item'} [${i}]`));
}

/**
 * Deep scan: none of `secrets` occurs anywhere in the JSON of `value` (case-insensitive),
 * whatever key it hides under.
 */
export function noLeak(value: unknown, secrets: readonly string[], message?: string): void {
  const json = JSON.stringify(value ?? null).toLowerCase();
  const leaked = secrets.filter((s) => {
    if (!s) return false;
    const escaped = JSON.stringify(s).slice(1, -1).toLowerCase();
    return json.includes(s.toLowerCase()) || json.includes(escaped);
  });
  if (leaked.length) {
    throw new AssertionError(
      `${label(message)}private data in a public response: ${leaked.map((s) => `"${s}"`).join(', ')} found in ${show(value)}`,
      value,
    );
  }
}
