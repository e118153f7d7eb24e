/**
 * Context keys. `Symbol.for` makes them match across separately bundled copies of Dorfplatz
 * on one page (an npm build and the CDN bundle), so any provider serves any widget.
 */
import { createContext } from '@lit/context';
import type { Backend, BackendError } from '../data/backend.js';
import type { Session } from '../data/schema/common.js';

export type Theme = 'light' | 'dark' | 'auto';

/** Everything a widget receives from its `<dorf-provider>` (or the page-wide default). */
export interface DorfEnvironment {
  /** `null` while the backend cannot be used; `error` says why. */
  readonly backend: Backend | null;
  readonly community: string;
  /** The provider's `lang`, or `null` to follow the page. */
  readonly locale: string | null;
  readonly timeZone: string;
  readonly theme: Theme;
  /** `null` until the session is known. */
  readonly session: Session | null;
  readonly error: BackendError | null;
}

export const environmentContext = createContext<DorfEnvironment | undefined>(Symbol.for('dorfplatz/environment@1'));

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
export const DEFAULT_COMMUNITY = 'default';
