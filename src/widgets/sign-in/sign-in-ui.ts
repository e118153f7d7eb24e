/**
 * The view of `<dorf-sign-in>`: the form (password, then the one-time code), the signed-in box,
 * the explanation for the local backend, what happens on submit, and the words. Loaded on first
 * use, so the define module stays small; the state lives on the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderMessage } from '../../core/localize.js';
import { field, focusFirstInvalid } from '../../core/ui/field.js';
import { BackendError, type FieldIssue } from '../../data/backend.js';
import type { Member, Role } from '../../data/schema/common.js';
import type { Message } from '../../i18n/en.js';
import { signInMessages } from '../../i18n/sign-in.js';
import type { DorfSignIn } from './sign-in.element.js';
import { signInStyles } from './sign-in.styles.js';

export const viewStyles = signInStyles;

type SignInText = typeof signInMessages extends { byLanguage: Map<string, infer T> } ? T : never;

const topRole = (member: Member): Role => (['admin', 'moderator', 'member'] as const).find((r) => member.roles.includes(r)) ?? 'member';

export class SignInUi {
  constructor(private readonly host: DorfSignIn) {}

  private get text(): SignInText {
    return this.host.l10n.of(signInMessages);
  }

  private say(pick: (t: SignInText) => Message, params: Record<string, string | number> = {}): string {
    return renderMessage(pick(this.text), params, this.host.l10n.format);
  }

  // -------------------------------------------------------------------------------------------
  // Actions

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const h = this.host;
    const backend = h.api;
    if (h.busy || !backend) return;
    const { check, Credentials } = await import('./validate.js');
    const f = this.text.fields;
    const input = { username: h.username, password: h.password, ...(h.step === 'code' && { code: h.code.trim() }) };
    const checked = check(Credentials, input);
    const errors = new Map<string, string>();
    const issues: FieldIssue[] = checked.ok ? [] : checked.issues;
    for (const issue of issues) {
      const key = issue.path.split('.')[0] ?? '';
      if (errors.has(key)) continue;
      if (issue.code === 'required' || (issue.code === 'tooShort' && key !== 'code')) {
        errors.set(key, key === 'password' ? f.passwordMissing : key === 'code' ? f.codeMissing : f.usernameMissing);
      } else errors.set(key, key === 'code' ? f.codeFormat : h.l10n.issue(issue));
    }
    if (h.step === 'code' && !input.code) errors.set('code', f.codeMissing);
    h.errors = errors;
    h.failure = '';
    if (errors.size || !checked.ok) {
      await h.updateComplete;
      focusFirstInvalid(h.renderRoot);
      return;
    }
    h.busy = true;
    try {
      const base = h.providerSession;
      const session = await backend.session.signIn(checked.value);
      h.password = '';
      h.code = '';
      h.step = 'password';
      h.own = { session, base };
      if (session.member) {
        h.announce(this.say((t) => t.signedIn, { name: session.member.displayName }));
        h.fire('dorf-signed-in', { member: session.member });
      }
      h.focusNext = 'card';
    } catch (error) {
      this.refused(error);
    } finally {
      h.busy = false;
    }
  }

  /** Words and next step for a refused attempt; the password goes only when the server refused it. */
  private refused(error: unknown): void {
    const h = this.host;
    const e = this.text.errors;
    const failure = BackendError.is(error) ? error : new BackendError('unavailable', String(error));
    const reason = failure.issues[0];
    const seconds = Number(reason?.params?.seconds ?? failure.details.retryAfter ?? 0);
    h.fire('dorf-error', { error: failure, action: 'signIn' });
    switch (failure.code === 'validation' ? 'validation' : reason?.code) {
      case 'session.totpRequired':
        h.step = 'code';
        h.code = '';
        h.focusNext = 'si-code';
        return;
      case 'session.totpInvalid':
        h.failure = e.totpInvalid;
        h.focusNext = 'si-code';
        return;
      case 'session.badCredentials':
        h.password = '';
        h.step = 'password';
        h.failure = e.badCredentials;
        h.focusNext = 'si-password';
        return;
      case 'session.locked':
        h.password = '';
        h.step = 'password';
        h.failure = this.say((t) => t.errors.locked, { seconds });
        h.focusNext = 'si-password';
        return;
      case 'session.slowDown':
        h.failure = this.say((t) => t.errors.slowDown, { seconds });
        return;
      case 'session.signInNeedsServer':
        h.password = '';
        h.needsServer = true;
        h.focusNext = 'card';
        return;
      case 'validation': {
        const errors = new Map<string, string>();
        for (const issue of failure.issues) {
          const key = issue.path.split('.')[0] ?? '';
          if (!errors.has(key)) errors.set(key, key === 'code' ? this.text.fields.codeFormat : h.l10n.issue(issue));
        }
        h.errors = errors;
        h.focusNext = errors.has('code') ? 'si-code' : errors.has('password') ? 'si-password' : 'si-username';
        return;
      }
      default:
        if (failure.code === 'unavailable') h.failure = h.online && navigator.onLine ? e.unavailable : e.offline;
        else h.failure = h.l10n.error(failure);
    }
  }

  private async signOut(): Promise<void> {
    const h = this.host;
    const backend = h.api;
    if (h.busy || !backend) return;
    h.busy = true;
    try {
      const base = h.providerSession;
      const session = await backend.session.signOut();
      h.own = { session, base };
      h.failure = '';
      h.errors = new Map();
      h.announce(this.text.signedOut);
      h.fire('dorf-signed-out', {});
      h.focusNext = 'si-username';
    } catch (error) {
      const failure = BackendError.is(error) ? error : new BackendError('unavailable', String(error));
      h.fire('dorf-error', { error: failure, action: 'signOut' });
      h.failure = h.l10n.error(failure);
    } finally {
      h.busy = false;
    }
  }

  private otherAccount(): void {
    const h = this.host;
    h.step = 'password';
    h.password = '';
    h.code = '';
    h.failure = '';
    h.errors = new Map();
    h.focusNext = 'si-username';
  }

  // -------------------------------------------------------------------------------------------
  // Views

  private notice(): TemplateResult {
    return html`<p part="notice" class="notice" role="alert">${this.host.failure || nothing}</p>`;
  }

  renderSignedIn(member: Member): TemplateResult {
    const t = this.text;
    return html`<section part="card signed-in" class="card" tabindex="-1" aria-labelledby="si-title">
      <h2 part="title" id="si-title" class="title">${t.title}</h2>
      <p part="who" class="who">${this.say((x) => x.signedInAs, { name: member.displayName, role: t.roles[topRole(member)] })}</p>
      <p part="help" class="muted">${t.signedInHelp}</p>
      ${this.notice()}
      <div class="actions">
        <button part="button sign-out" class="button" type="button" ?disabled=${this.host.busy} @click=${() => void this.signOut()}>${t.signOut}</button>
      </div>
    </section>`;
  }

  renderNeedsServer(): TemplateResult {
    const t = this.text;
    return html`<section part="card needs-server" class="card needs-server" tabindex="-1" aria-labelledby="si-title">
      <h2 part="title" id="si-title" class="title">${t.needsServerTitle}</h2>
      <p part="intro" class="text" role="status">${t.needsServer}</p>
    </section>`;
  }

  renderForm(): TemplateResult {
    const h = this.host;
    const t = this.text;
    const code = h.step === 'code';
    const input = (key: 'username' | 'password' | 'code') => (e: Event) => {
      h[key] = (e.target as HTMLInputElement).value;
    };
    const fields = code
      ? html`<p part="code-intro" class="text">${this.say((x) => x.codeIntro, { username: h.username })}</p>
          <div class="code">
            ${field({ id: 'si-code', label: t.code, help: t.codeHelp, error: h.errors.get('code') }, (a) => html`<input
              id=${a.id} name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" spellcheck="false"
              aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${h.code} @input=${input('code')} />`)}
          </div>`
      : html`${field({ id: 'si-username', label: t.username, error: h.errors.get('username') }, (a) => html`<input
            id=${a.id} name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="60"
            aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${h.username} @input=${input('username')} />`)}
          ${field({ id: 'si-password', label: t.password, error: h.errors.get('password') }, (a) => html`<input
            id=${a.id} name="password" type=${h.reveal ? 'text' : 'password'} autocomplete="current-password" spellcheck="false"
            maxlength="200" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${h.password} @input=${input('password')} />`)}
          <label part="show-password" class="choice">
            <input id="si-reveal" type="checkbox" .checked=${h.reveal} @change=${(e: Event) => (h.reveal = (e.target as HTMLInputElement).checked)} />
            ${t.showPassword}
          </label>`;
    return html`<section part="card" class="card" tabindex="-1" aria-labelledby="si-title">
      <h2 part="title" id="si-title" class="title">${code ? t.codeTitle : t.title}</h2>
      ${code ? nothing : html`<p part="intro" class="muted">${t.intro}</p>`}
      <form part="form" class="form" novalidate aria-labelledby="si-title" aria-busy=${h.busy ? 'true' : 'false'} @submit=${(e: Event) => void this.submit(e)}>
        ${fields}
        ${this.notice()}
        <div class="actions">
          <button id="si-submit" part="button submit" class="button button--primary" type="submit" ?disabled=${h.busy}>
            ${h.busy ? t.submitting : code ? t.confirmCode : t.submit}
          </button>
          ${code
            ? html`<button part="button other-account" class="link-button" type="button" @click=${() => this.otherAccount()}>${t.otherAccount}</button>`
            : nothing}
        </div>
        <p part="help" class="muted">${t.keeps}</p>
      </form>
    </section>`;
  }
}
