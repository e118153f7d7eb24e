/**
 * The base of every Dorfplatz element: backend, session and settings from context, localization,
 * theme, and typed `dorf-*` events. Widgets extend it and never import an adapter.
 */
import { consume } from '@lit/context';
import { LitElement, type CSSResultArray, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Backend, BackendError } from '../data/backend.js';
import type { Session } from '../data/schema/common.js';
import { environmentContext, type DorfEnvironment, type Theme } from './context.js';
import { LocalizeController, type LocalizeHost } from './localize.js';
import { hostStyles } from './tokens.js';

/**
 * Every `dorf-*` event and its detail. Widgets add theirs by declaration merging:
 * `declare global { interface DorfEventMap { 'dorf-post-created': { postId: string } } }`.
 */
declare global {
  interface DorfEventMap {
    /** A backend call failed; `detail.error` says how. Emitted in addition to the message shown. */
    'dorf-error': { error: BackendError; action: string };
  }
  interface HTMLElementEventMap extends DorfEvents {}
}

/** `DorfEventMap` as DOM events, so `addEventListener('dorf-…', e => e.detail)` is typed. */
export type DorfEvents = { [K in keyof DorfEventMap]: CustomEvent<DorfEventMap[K]> };

export abstract class DorfElement extends LitElement implements LocalizeHost {
  static override styles: CSSResultArray = [hostStyles];

  /** The element's language (`de`, `en`); inherits from the provider or page when unset. */
  @property({ reflect: true }) override lang = '';

  /** Text direction; inherits from the page when unset. */
  @property({ reflect: true }) override dir = '';

  /** `light`, `dark` or `auto` (follows the visitor's system); inherits from the provider. */
  @property({ reflect: true }) theme?: Theme;

  /** Set by the nearest `<dorf-provider>`, or by the page-wide default provider. */
  @consume({ context: environmentContext, subscribe: true })
  @state()
  protected environment?: DorfEnvironment;

  protected readonly localize = new LocalizeController(this);
  protected readonly internals: ElementInternals = this.attachInternals();

  get providerLocale(): string | null {
    return this.environment?.locale ?? null;
  }

  get providerTimeZone(): string | null {
    return this.environment?.timeZone ?? null;
  }

  /** The backend serving this element, `null` until one is available. */
  protected get backend(): Backend | null {
    return this.environment?.backend ?? null;
  }

  protected get session(): Session | null {
    return this.environment?.session ?? null;
  }

  protected hasRole(role: 'moderator' | 'admin'): boolean {
    return this.session?.member?.roles.includes(role) ?? false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const theme = this.theme ?? this.environment?.theme ?? 'auto';
    for (const name of ['light', 'dark', 'auto'] as const) {
      const stateName = `theme-${name}`;
      if (name === theme) this.internals.states.add(stateName);
      else this.internals.states.delete(stateName);
    }
  }

  /**
   * Dispatches a typed `dorf-*` event that bubbles and crosses shadow roots.
   * Returns `false` when a listener called `preventDefault()` on a cancelable event.
   */
  protected emit<K extends keyof DorfEventMap>(
    type: K,
    detail: DorfEventMap[K],
    options: { cancelable?: boolean } = {},
  ): boolean {
    const event = new CustomEvent(type, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail });
    return this.dispatchEvent(event);
  }
}

/**
 * Registers an element unless the same name is taken already: a page may load Dorfplatz twice
 * (a plugin's npm build and the CDN bundle) and must not break on the second registration.
 */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
