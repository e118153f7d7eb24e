/**
 * Which adapter serves a `backend` attribute value. The provider looks factories up here, so
 * widgets and the provider never import an adapter directly; the define modules register them.
 */
import type { Backend } from '../data/backend.js';

export interface BackendOptions {
  /** The `backend` attribute: `local`, or the reference server's URL. */
  readonly backend: string;
  readonly community: string;
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
