import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { DorfElement } from '../../core/dorf-element.js';
import type { LocalizeController } from '../../core/localize.js';
import { renderStatus, statusStyles } from '../../core/ui/status.js';
import type { Backend } from '../../data/backend.js';
import type { Member, Role, Session } from '../../data/schema/common.js';
import type { SignInUi } from './sign-in-ui.js';

declare global {
  interface DorfEventMap {
    /** A moderator or admin signed in through `<dorf-sign-in>`. */
    'dorf-signed-in': { member: Member };
    /** The person signed in through `<dorf-sign-in>` signed out. */
    'dorf-signed-out': Record<string, never>;
  }
}

const STAFF: readonly Role[] = ['admin', 'moderator'];
const isStaff = (member: Member | null | undefined): member is Member => !!member && member.roles.some((r) => STAFF.includes(r));

/**
 * @summary Sign-in for moderators and admins: username and password, a second step for the
 * six-digit one-time code where the account has one, clear words for every refusal (wrong
 * password, locked account with the wait, too many attempts, wrong code, offline), and once signed
 * in "Signed in as … (role)" with a sign-out button. The session belongs to the whole
 * `<dorf-provider>`: every widget inside shows its admin view at once, and the sign-in survives a
 * reload of the tab (never the closing of the browser). Visitors need no sign-in and get nothing
 * stored.
 *
 * With the `local` backend (no server) there is no password to check: the element says that
 * sign-in needs a Dorfplatz server.
 *
 * @attr lang - Language (`de`, `en`); inherits from the provider or page.
 * @attr theme - `light`, `dark` or `auto`; inherits from the provider.
 *
 * @fires dorf-signed-in - A moderator or admin signed in. `detail: { member }`
 * @fires dorf-signed-out - They signed out. `detail: {}`
 * @fires dorf-error - A sign-in or sign-out call failed. `detail: { error, action }`
 *
 * @csspart base - The wrapper of everything.
 * @csspart card - The box around the form or the signed-in view; also `signed-in`, `needs-server`.
 * @csspart title - The heading ("Sign-in for administrators").
 * @csspart intro - Who the sign-in is for; `code-intro` the words of the one-time code step.
 * @csspart form - The form.
 * @csspart field - Every form field; `field-label`, `field-help`, `field-error` inside.
 * @csspart show-password - The "Show password" checkbox with its label.
 * @csspart notice - The message after a refused sign-in (`role="alert"`).
 * @csspart button - Every button; with `submit`, `other-account`, `sign-out` by role.
 * @csspart help - How long the sign-in lasts.
 * @csspart who - "Signed in as … (role)".
 * @csspart announcer - The visually hidden live region (signed in, signed out).
 * @csspart status - Loading and error states.
 *
 * @cssprop --dorf-color-surface - Background of the box.
 * @cssprop --dorf-color-accent - Primary button and links.
 * @cssprop --dorf-color-danger - Field errors and refusals.
 * @cssprop --dorf-color-danger-surface - Background of a refusal.
 * @cssprop --dorf-color-border - Borders of the box and the fields.
 * @cssprop --dorf-radius - Corner radius of the box and the fields.
 * @cssprop --dorf-space - Base spacing.
 * @cssprop --dorf-focus-width - Width of the focus ring.
 *
 * @example
 * ```html
 * <dorf-provider backend="https://dorf.example.org" community="musterdorf" lang="de">
 *   <dorf-sign-in></dorf-sign-in>
 *   <dorf-booking-calendar resource="grillhuette"></dorf-booking-calendar>
 * </dorf-provider>
 * ```
 */
export class DorfSignIn extends DorfElement {
  /** Loading and error states only; the form's own styles come with its view. */
  static override styles = [...DorfElement.styles, statusStyles];

  /** @internal `password`, or `code` once the server asked for the one-time code. */
  @state() step: 'password' | 'code' = 'password';
  /** @internal */
  @state() username = '';
  /** @internal Kept only until the attempt is decided; never stored. */
  @state() password = '';
  /** @internal */
  @state() code = '';
  /** @internal Show the password in plain text. */
  @state() reveal = false;
  /** @internal */
  @state() busy = false;
  /** @internal Field key → message. */
  @state() errors = new Map<string, string>();
  /** @internal The sentence after a refused attempt. */
  @state() failure = '';
  /** @internal The backend has no passwords (local). */
  @state() needsServer = false;
  /** @internal */
  @state() online = typeof navigator === 'undefined' ? true : navigator.onLine;
  /**
   * @internal What this element's last sign-in or sign-out answered, shown until the provider
   * publishes the session it reads back (`base` is the provider's session at that moment).
   */
  @state() own: { session: Session; base: Session | null } | null = null;
  /** @internal Where focus goes after the next render: a control's id, or `card`. */
  focusNext = '';

  @state() private announcement = '';
  @state() private ui: SignInUi | null = null;
  private viewLoading?: Promise<void>;
  private backendSeen: unknown = null;

  // -------------------------------------------------------------------------------------------
  // What the view reads

  /** @internal */
  get l10n(): LocalizeController {
    return this.localize;
  }

  /** @internal */
  get api(): Backend | null {
    return this.backend;
  }

  /** @internal The provider's session (not this element's own answer). */
  get providerSession(): Session | null {
    return this.session;
  }

  /** @internal */
  announce(text: string): void {
    // The same text again would not be announced: clear first.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** @internal */
  fire<K extends keyof DorfEventMap>(type: K, detail: DorfEventMap[K]): void {
    this.emit(type, detail);
  }

  /** The session to show: the provider's, or this element's own answer until the provider has caught up. */
  private get shown(): Session | null {
    return this.own && this.own.base === this.session ? this.own.session : this.session;
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  private readonly onOnline = () => (this.online = navigator.onLine);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadView();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOnline);
  }

  /** The form, its words and styles are their own module: the define module stays small. */
  private loadView(): Promise<void> {
    this.viewLoading ??= import('./sign-in-ui.js').then((module) => {
      if (this.shadowRoot) adoptStyles(this.shadowRoot, [...DorfSignIn.elementStyles, ...module.viewStyles]);
      this.ui = new module.SignInUi(this);
    });
    return this.viewLoading;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another backend (the provider's settings changed): start over, keeping the username.
    if (this.backend !== this.backendSeen) {
      this.backendSeen = this.backend;
      this.needsServer = false;
      this.own = null;
      this.step = 'password';
      this.password = '';
      this.code = '';
      this.failure = '';
      this.errors = new Map();
    }
    if (this.own && this.own.base !== this.session) this.own = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext === 'card' ? '.card' : `#${this.focusNext}`);
    if (!target) return;
    this.focusNext = '';
    target.focus();
    if (target instanceof HTMLInputElement && target.value) target.select();
  }

  protected override render(): TemplateResult {
    let body: unknown;
    const session = this.shown;
    const ui = this.ui;
    if (!this.backend && this.environment?.error) body = renderStatus(this.localize, 'error', { error: this.environment.error });
    else if (!this.backend || !session || !ui) body = renderStatus(this.localize, 'loading');
    else if (isStaff(session.member)) body = ui.renderSignedIn(session.member);
    else if (this.needsServer) body = ui.renderNeedsServer();
    else body = ui.renderForm();
    return html`<div part="base" class="base">
      ${this.online ? nothing : renderStatus(this.localize, 'offline')}
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this.announcement}</div>
    </div>`;
  }
}
