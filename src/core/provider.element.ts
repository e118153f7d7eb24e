import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Backend } from '../data/backend.js';
import { DEFAULT_COMMUNITY, DEFAULT_TIME_ZONE, environmentContext, type Theme } from './context.js';
import { EnvironmentSource } from './environment.js';

/**
 * @summary Connects the Dorfplatz widgets inside it to a backend, a community, a language,
 * a time zone and a theme. Widgets outside any provider use a page-wide default
 * (local browser storage, community `default`).
 *
 * @slot - Any content: widgets anywhere below (also deep inside other markup) use this provider.
 *
 * @attr backend - `local` (default: data stays in this browser, no server) or the URL of a
 *   Dorfplatz server, e.g. `https://dorf.example.org`.
 * @attr community - The community id, e.g. `musterdorf`.
 * @attr lang - Language for all widgets inside: `de` or `en`. Unset: the page's `<html lang>`.
 * @attr time-zone - IANA time zone for dates and times, default `Europe/Berlin`.
 * @attr theme - `auto` (default: follows the visitor's system), `light` or `dark`.
 *
 * @prop {Backend | undefined} adapter - A ready backend instance; overrides `backend`.
 *
 * @example
 * ```html
 * <dorf-provider community="musterdorf" lang="de">
 *   <dorf-group-feed group="neuigkeiten"></dorf-group-feed>
 * </dorf-provider>
 * ```
 */
export class DorfProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
      color-scheme: light dark;
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
  `;

  @property() backend = 'local';
  @property() community = DEFAULT_COMMUNITY;
  @property({ reflect: true }) override lang = '';
  @property({ attribute: 'time-zone' }) timeZone = DEFAULT_TIME_ZONE;
  @property({ reflect: true }) theme: Theme = 'auto';
  @property({ attribute: false }) adapter?: Backend;

  private readonly context = new ContextProvider(this, { context: environmentContext });
  private readonly source = new EnvironmentSource((environment) => this.context.setValue(environment));

  /** The backend the widgets inside use right now (`null` if it could not be created). */
  get activeBackend(): Backend | null {
    return this.source.current;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnect after a move in the DOM, which released the backend.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.source.release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.source.configure({
      backend: this.backend,
      community: this.community,
      adapter: this.adapter,
      locale: this.lang || null,
      timeZone: this.timeZone,
      theme: this.theme,
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
