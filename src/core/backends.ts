/**
 * Which adapter serves a `backend` attribute value. The provider looks factories up here, so
 * widgets and the provider never import an adapter directly; the define modules register them.
 */
import type { Backend } from '../data/backend.js';

/**
 * Why a backend's bearer token changed: a password `sign-in` (a moderator's or admin's staff
 * token), `use-token` (a member token from the host site), `sign-out`, or `expired` (the server
 * no longer accepts it; the visitor is anonymous again).
 */
export type TokenChange = 'sign-in' | 'use-token' | 'sign-out' | 'expired';

export interface BackendOptions {
  /** The `backend` attribute: `local`, or the reference server's URL. */
  readonly backend: string;
  readonly community: string;
  /** A token to start with, e.g. the staff token of an earlier sign-in in this tab (server backends). */
  readonly token?: string | null;
  /** Told whenever the token changes, e.g. to keep a staff token in sessionStorage (server backends). */
  readonly onTokenChange?: (token: string | null, change: TokenChange) => void;
}

export type BackendFactory = (options: BackendOptions) => Backend;

interface Registration {
  matches: (backend: string) => boolean;
  create: BackendFactory;
}

const registry: Registration[] = [];

export function registerBackend(matches: (backend: string) => boolean, create: BackendFactory): void {
  registry.unshift({ matches, create });
}

export function findBackendFactory(backend: string): BackendFactory | undefined {
  return registry.find((r) => r.matches(backend))?.create;
}
