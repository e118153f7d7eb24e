/**
 * Everything a visitor sees and does in a loaded shelf: the badge cards (Open Badges 3.0
 * displayer rules: image with its text alternative, name, description, issuer, date of issue,
 * expired or revoked), the detail dialog with criteria and evidence, the recipient's wall
 * consent, the printable certificate, the Open Badges 3.0 export and the moderators' award form.
 * Loaded on demand by `<dorf-badge-shelf>`; the element keeps the data and hands this class its host.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Formatters } from '../../core/format.js';
import { renderMessage } from '../../core/localize.js';
import { field, focusFirstInvalid, issuesByField } from '../../core/ui/field.js';
import type { Message } from '../../i18n/en.js';
import { renderStatus } from '../../core/ui/status.js';
import { tracked } from '../../core/ui/tracked.js';
import { BackendError, type Backend, type FieldIssue } from '../../data/backend.js';
import { addDays, startOfZonedDay } from '../../data/rules/zoned.js';
import type { Achievement, Award, AwardInput, PublicMember } from '../../data/schema/index.js';
import type { DorfBadgeShelf, ShelfData } from './badge-shelf.element.js';
import { viewStyles } from './badge-shelf.styles.js';
import { credentialFileName, downloadCredential, RevokedExportError, toOpenBadgeCredential } from './credential.js';
import { MemberPicker } from './picker.js';
import { badgesMsg, badgesText, type BadgesText } from './text.js';
// The data layer's `badges.*` issues (unknown badge or recipient) are worded in the learning section.
import '../../i18n/learning.js';
// Field issues' words load with the forms.
import '../../i18n/fields.js';

export { viewStyles };

/** The form schema, loaded on the first submit (see validate.ts). */
const validation = () => import('./validate.js');

export type AwardState = 'active' | 'expired' | 'revoked';

/** Whether an award is valid, expired (at `now`) or revoked; revoked wins. */
export function awardState(award: Award, now: Date): AwardState {
  if (award.revoked) return 'revoked';
  if (award.expires && Date.parse(award.expires) <= now.getTime()) return 'expired';
  return 'active';
}

/** What the moderator typed; strings as typed, so nothing is lost on an error. */
export interface AwardDraft {
  id: string;
  achievementId: string;
  recipients: PublicMember[];
  note: string;
  evidence: string;
  evidenceUrl: string;
  /** `YYYY-MM-DD` or empty. */
  expires: string;
}

const emptyDraft = (): AwardDraft => ({
  id: crypto.randomUUID(), achievementId: '', recipients: [], note: '', evidence: '', evidenceUrl: '', expires: '',
});

/** Field keys in form order (focus goes to the first invalid one). */
const FIELD_ORDER = ['achievement', 'recipients', 'note', 'evidence', 'evidenceUrl', 'expires'];

function fieldKey(path: string): string {
  if (path === 'achievementId') return 'achievement';
  if (path.startsWith('recipientIds')) return 'recipients';
  if (path.startsWith('evidence.')) return path.endsWith('.url') ? 'evidenceUrl' : 'evidence';
  return path.split('.')[0] || 'form';
}

interface Notice {
  text: string;
  kind: 'status' | 'error' | 'queued';
}

export class ShelfUi {
  /** The award in the detail dialog. */
  @tracked detail: Award | null = null;
  @tracked detailNotice: Notice | null = null;
  @tracked consentBusy = false;
  /** The award shown as a printable certificate. */
  @tracked certificate: Award | null = null;
  @tracked formOpen = false;
  @tracked draft: AwardDraft = emptyDraft();
  @tracked errors = new Map<string, string>();
  @tracked formNotice: Notice | null = null;
  @tracked sending = false;
  @tracked achievements: Achievement[] | null = null;
  @tracked achievementsError: string | null = null;

  readonly picker = new MemberPicker(this);
  /** The button that opened the dialog or the certificate, to return focus to. */
  private returnFocus = '';
  private focusSelector = '';
  private focusInvalid = false;
  private openDialog = false;

  constructor(readonly host: DorfBadgeShelf) {}

  // -------------------------------------------------------------------------------------------
  // Helpers (also for the picker)

  /**
   * The words and formatters of the current render, looked up once per render: a shelf of
   * hundreds of cards would otherwise resolve the language and copy the catalogue per message.
   */
  private frame: { lang: string; t: BadgesText; f: Formatters; date: Intl.DateTimeFormat } | null = null;

  private get current() {
    if (!this.frame) {
      const l10n = this.host.l10n;
      const f = l10n.format;
      this.frame = { lang: l10n.lang, t: badgesText(l10n), f, date: new Intl.DateTimeFormat(l10n.lang, { dateStyle: 'long', timeZone: l10n.timeZone }) };
    }
    return this.frame;
  }

  get t(): BadgesText {
    return this.current.t;
  }

  private get b(): BadgesText['badges'] {
    return this.t.badges;
  }

  msg(pick: (t: BadgesText) => Message | undefined, params: Record<string, string | number> = {}): string {
    const message = pick(this.current.t);
    return message === undefined ? badgesMsg(this.host.l10n, pick, params) : renderMessage(message, params, this.current.f);
  }

  get backend(): Backend | null {
    return this.host.api;
  }

  get renderRoot(): ParentNode {
    return this.host.renderRoot;
  }

  requestUpdate(): void {
    this.host.requestUpdate();
  }

  get updateComplete(): Promise<boolean> {
    return this.host.updateComplete;
  }

  /** A field issue in words. */
  describe(issue: FieldIssue): string {
    return this.host.l10n.issue(issue);
  }

  /** A failed call in words. */
  sentence(error: unknown): string {
    return BackendError.is(error) ? this.host.l10n.error(error) : this.t.state.error;
  }

  /** Reports a failed call as `dorf-error` (besides the message shown). */
  fail(error: unknown, action: string): void {
    if (BackendError.is(error)) this.host.fire('dorf-error', { error, action });
  }

  announce(text: string): void {
    this.host.announce(text);
  }

  private date(value: string): string {
    return this.current.date.format(new Date(value));
  }

  private get memberId(): string | null {
    return this.host.currentSession?.member?.id ?? null;
  }

  /** Back to the first look (another member or mode). */
  reset(): void {
    this.detail = null;
    this.certificate = null;
    this.detailNotice = null;
  }

  /** After each render: open the dialog, move focus where an action asked for it. */
  afterUpdate(): void {
    const root = this.renderRoot;
    const dialog = root.querySelector<HTMLDialogElement>('dialog.detail');
    if (this.openDialog && dialog && !dialog.open) {
      this.openDialog = false;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('#detail-close')?.focus();
    }
    if (this.focusInvalid) {
      this.focusInvalid = false;
      if (!focusFirstInvalid(root.querySelector('#award-form'))) root.querySelector<HTMLElement>('#award-form-error')?.focus();
    }
    if (this.focusSelector) {
      const target = root.querySelector<HTMLElement>(this.focusSelector);
      if (target) {
        this.focusSelector = '';
        target.focus();
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Shelf and wall

  render(data: ShelfData): TemplateResult {
    this.frame = null;
    const wall = data.mode === 'wall';
    const now = this.host.clock();
    const b = this.b;
    const own = data.member === 'me' || data.member === this.memberId;
    const title = wall ? b.wallTitle : data.member === 'me' ? b.myShelf
      : data.items[0] ? this.msg((t) => t.badges.shelfOf, { name: data.items[0].recipient.displayName }) : b.label;
    let empty = wall ? b.emptyWall : own ? b.emptyMine : b.emptyShelf;
    if (!wall && data.member === 'me' && !this.memberId) empty = b.signInForShelf;
    return html`
      ${this.certificate ? this.renderCertificate(this.certificate) : nothing}
      <div part="header" class="header">
        <h2 class="title" id="shelf-title">${title}</h2>
        ${data.items.length && !data.nextCursor ? html`<p class="muted">${this.msg((t) => t.badges.count, { count: data.items.length })}</p>` : nothing}
      </div>
      ${wall ? html`<p class="muted">${b.wallIntro}</p>` : nothing}
      ${this.host.isModerator ? this.renderAwardForm() : nothing}
      ${data.items.length
        ? html`<ul part=${wall ? 'wall' : 'shelf'} class="shelf" aria-labelledby="shelf-title">
            ${data.items.map((award) => this.renderCard(award, awardState(award, now), wall))}
          </ul>`
        : renderStatus(this.host.l10n, 'empty', { message: empty })}
      ${data.nextCursor
        ? html`<button part="button more" class="button" type="button" ?disabled=${this.host.loading} @click=${() => this.host.showMore()}>${b.more}</button>`
        : nothing}
      ${this.detail ? this.renderDetail(this.detail, awardState(this.detail, now)) : nothing}
    `;
  }

  private statusText(award: Award, state: AwardState): string {
    if (state === 'revoked') return this.b.status.revoked;
    if (state === 'expired') return this.msg((t) => t.badges.status.expired, { date: this.date(award.expires!) });
    return award.expires ? this.msg((t) => t.badges.status.validUntil, { date: this.date(award.expires) }) : this.b.status.active;
  }

  private renderCard(award: Award, state: AwardState, wall: boolean): TemplateResult {
    const a = award.achievement;
    return html`<li part="badge badge-${state}" class="badge badge--${state}">
      ${a.image
        ? html`<img part="badge-image" class="badge__image" src=${a.image} alt=${a.imageAlt} width="96" height="96" loading="lazy" decoding="async" />`
        : html`<span part="badge-image" class="badge__image badge__image--none" aria-hidden="true"></span>`}
      <div class="badge__text">
        <h3 part="badge-name" class="badge__name" id="name-${award.id}">${a.name}</h3>
        ${wall ? html`<p part="badge-recipient" class="badge__meta">${this.msg((t) => t.badges.awardedTo, { name: award.recipient.displayName })}</p>` : nothing}
        <p class="text">${a.description}</p>
        <p part="badge-issuer" class="badge__meta">${this.msg((t) => t.badges.issuedBy, { issuer: a.issuer.name })}</p>
        <p part="badge-date" class="badge__meta">${this.msg((t) => t.badges.issuedOn, { date: this.date(award.issuedOn) })}</p>
        <span part="badge-status" class="status-tag status-tag--${state}">${this.statusText(award, state)}</span>
      </div>
      <button part="button badge-open" class="button" type="button" id="open-${award.id}" aria-describedby="name-${award.id}"
        aria-haspopup="dialog" @click=${() => this.open(award)}>${this.b.details}</button>
    </li>`;
  }

  // -------------------------------------------------------------------------------------------
  // Detail

  open(award: Award): void {
    this.returnFocus = `#open-${award.id}`;
    this.detailNotice = null;
    this.detail = award;
    this.openDialog = true;
    this.host.fire('dorf-badge-open', { awardId: award.id });
  }

  /** Closes the dialog (the `close` event also comes from Escape) and returns focus. */
  private onDialogClose(): void {
    if (!this.detail) return;
    this.detail = null;
    if (!this.certificate) this.focusSelector = this.returnFocus;
  }

  private closeDetail(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.detail')?.close();
  }

  private renderDetail(award: Award, state: AwardState): TemplateResult {
    const a = award.achievement;
    const d = this.b.detail;
    const mine = award.recipient.id === this.memberId;
    const notice = this.detailNotice;
    return html`<dialog part="detail" class="detail" aria-labelledby="detail-title" @close=${() => this.onDialogClose()}>
      <div part="detail-body" class="detail__body">
        <div class="detail__head">
          ${a.image ? html`<img class="badge__image" src=${a.image} alt=${a.imageAlt} width="96" height="96" />` : html`<span class="badge__image badge__image--none" aria-hidden="true"></span>`}
          <div>
            <h2 id="detail-title">${a.name}</h2>
            <p class="muted">${this.msg((t) => t.badges.awardedTo, { name: award.recipient.displayName })}</p>
            <span part="badge-status" class="status-tag status-tag--${state}">${this.statusText(award, state)}</span>
          </div>
        </div>
        ${state === 'revoked'
          ? html`<p class="revoked-note">${award.revocationReason ? this.msg((t) => t.badges.detail.revokedBecause, { reason: award.revocationReason }) : d.revokedNoReason}</p>`
          : nothing}
        <dl class="detail__facts">
          <dt>${d.description}</dt><dd class="text">${a.description}</dd>
          <dt>${d.criteria}</dt><dd class="text">${a.criteria}</dd>
          <dt>${d.issuer}</dt>
          <dd>${a.issuer.url ? html`<a href=${a.issuer.url} target="_blank" rel="noopener noreferrer">${a.issuer.name}</a>` : a.issuer.name}</dd>
          <dt>${d.recipient}</dt><dd>${award.recipient.displayName}</dd>
          <dt>${d.issued}</dt><dd>${this.date(award.issuedOn)}</dd>
          ${award.expires ? html`<dt>${state === 'expired' ? d.expired : d.expires}</dt><dd>${this.date(award.expires)}</dd>` : nothing}
          ${a.tags.length ? html`<dt>${d.tags}</dt><dd>${this.current.f.list(a.tags)}</dd>` : nothing}
        </dl>
        ${award.evidence.length
          ? html`<section aria-labelledby="evidence-title">
              <h3 id="evidence-title" class="section-title">${d.evidence}</h3>
              <ul part="evidence" class="evidence">
                ${award.evidence.map((e) => html`<li>
                  ${e.narrative ? html`<p class="text">${e.narrative}</p>` : nothing}
                  ${e.url ? html`<a href=${e.url} target="_blank" rel="noopener noreferrer">${d.evidenceLink}</a>` : nothing}
                </li>`)}
              </ul>
            </section>`
          : nothing}
        ${award.note ? html`<section aria-labelledby="note-title">
            <h3 id="note-title" class="section-title">${d.note}</h3>
            <p class="text">${award.note}</p>
          </section>` : nothing}
        ${mine ? this.renderConsent(award) : nothing}
        ${notice ? html`<p part="notice" class="notice notice--${notice.kind}" role=${notice.kind === 'error' ? 'alert' : 'status'}>${notice.text}</p>` : nothing}
        <div class="actions">
          ${state === 'revoked'
            ? html`<p class="muted">${this.b.exportRevoked}</p>`
            : html`<button part="button export" class="button button--primary" type="button" id="detail-export" aria-describedby="export-help"
                @click=${() => this.export(award)}>${this.b.exportButton}</button>
              <button part="button print" class="button" type="button" id="detail-print" @click=${() => this.showCertificate(award)}>${this.b.printButton}</button>`}
          <button part="button close" class="button" type="button" id="detail-close" @click=${() => this.closeDetail()}>${d.close}</button>
        </div>
        ${state === 'revoked' ? nothing : html`<p class="muted" id="export-help">${this.b.exportHelp}</p>`}
      </div>
    </dialog>`;
  }

  private renderConsent(award: Award): TemplateResult {
    const c = this.b.consent;
    if (award.revoked) return html`<p class="muted">${c.revoked}</p>`;
    return field({ id: 'consent', label: c.label, help: c.help, inline: true, part: 'consent' }, (a) => html`
      <input id=${a.id} type="checkbox" aria-describedby=${a.describedBy} .checked=${live(award.onWall)} ?disabled=${this.consentBusy}
        @change=${(e: Event) => this.setConsent(award, (e.target as HTMLInputElement).checked)} />`);
  }

  private async setConsent(award: Award, onWall: boolean): Promise<void> {
    const backend = this.backend;
    if (!backend || this.consentBusy) return;
    this.consentBusy = true;
    this.detailNotice = null;
    try {
      const updated = await backend.badges.setWallConsent({ awardId: award.id, onWall });
      if (this.detail?.id === award.id) this.detail = updated;
      const text = this.msg((t) => (onWall ? t.badges.consent.on : t.badges.consent.off), { name: award.achievement.name });
      this.detailNotice = { text, kind: 'status' };
      this.host.fire('dorf-badge-consent', { awardId: award.id, onWall: updated.onWall });
      this.host.reloadData();
    } catch (error) {
      this.fail(error, 'setWallConsent');
      // The checkbox shows what is stored, not what was clicked.
      if (this.detail?.id === award.id) this.detail = { ...award };
      this.detailNotice = BackendError.is(error, 'queued')
        ? { text: this.t.errors.queued, kind: 'queued' }
        : { text: this.sentence(error), kind: 'error' };
    } finally {
      this.consentBusy = false;
    }
  }

  private async export(award: Award): Promise<void> {
    try {
      const credential = await toOpenBadgeCredential(award, { community: this.host.community, noteTitle: this.b.exportNote });
      downloadCredential(credential, credentialFileName(award));
      this.detailNotice = { text: this.msg((t) => t.badges.exported, { name: award.achievement.name }), kind: 'status' };
      this.host.fire('dorf-badge-exported', { awardId: award.id });
    } catch (error) {
      const text = error instanceof RevokedExportError ? this.b.exportRevoked : this.t.state.error;
      this.detailNotice = { text, kind: 'error' };
    }
  }

  // -------------------------------------------------------------------------------------------
  // Certificate

  showCertificate(award: Award): void {
    this.certificate = award;
    this.focusSelector = '#certificate-title';
    this.closeDetail();
  }

  private closeCertificate(): void {
    const award = this.certificate;
    this.certificate = null;
    if (award) this.focusSelector = `#open-${award.id}`;
  }

  private renderCertificate(award: Award): TemplateResult {
    const a = award.achievement;
    const c = this.b.certificate;
    return html`<section class="certificate-view" role="region" aria-label=${c.region}>
      <div class="certificate-tools">
        <button part="button print" class="button button--primary" type="button" id="certificate-print" @click=${() => window.print()}>${c.print}</button>
        <button part="button close" class="button" type="button" id="certificate-close" @click=${() => this.closeCertificate()}>${c.close}</button>
      </div>
      <article part="certificate" class="certificate" aria-labelledby="certificate-title">
        <h2 id="certificate-title" tabindex="-1">${c.title}</h2>
        ${a.image ? html`<img class="certificate__image" src=${a.image} alt=${a.imageAlt} width="128" height="128" />` : nothing}
        <p>${c.intro}</p>
        <p class="certificate__recipient">${award.recipient.displayName}</p>
        <p>${c.earned}</p>
        <h3 class="certificate__name">${a.name}</h3>
        <p class="text">${a.description}</p>
        <p class="certificate__criteria text"><strong>${c.criteria}:</strong> ${a.criteria}</p>
        <p>${this.msg((t) => t.badges.certificate.issued, { date: this.date(award.issuedOn), issuer: a.issuer.name })}</p>
        ${award.expires ? html`<p>${this.msg((t) => t.badges.certificate.validUntil, { date: this.date(award.expires) })}</p>` : nothing}
      </article>
    </section>`;
  }

  // -------------------------------------------------------------------------------------------
  // The moderators' award form

  private toggleForm(): void {
    this.formOpen = !this.formOpen;
    if (this.formOpen) {
      void this.loadAchievements();
      this.focusSelector = '#award-achievement';
    } else {
      this.focusSelector = '#award-open';
    }
  }

  private async loadAchievements(): Promise<void> {
    const backend = this.backend;
    if (!backend || this.achievements) return;
    try {
      this.achievements = await backend.badges.listAchievements();
      this.achievementsError = null;
    } catch (error) {
      this.fail(error, 'listAchievements');
      this.achievementsError = this.sentence(error);
    }
  }

  private update<K extends keyof AwardDraft>(key: K, value: AwardDraft[K]): void {
    this.draft = { ...this.draft, [key]: value };
  }

  private addRecipient(member: PublicMember): void {
    if (this.draft.recipients.some((m) => m.id === member.id)) return;
    this.update('recipients', [...this.draft.recipients, member]);
    if (this.errors.has('recipients')) {
      const errors = new Map(this.errors);
      errors.delete('recipients');
      this.errors = errors;
    }
    this.announce(this.msg((t) => t.badges.award.added, { name: member.displayName }));
  }

  private removeRecipient(member: PublicMember): void {
    const index = this.draft.recipients.findIndex((m) => m.id === member.id);
    this.update('recipients', this.draft.recipients.filter((m) => m.id !== member.id));
    this.announce(this.msg((t) => t.badges.award.removed, { name: member.displayName }));
    // Focus stays among the chosen: the next chip, else the search field.
    const next = this.draft.recipients[Math.min(index, this.draft.recipients.length - 1)];
    this.focusSelector = next ? `#remove-${next.id}` : '#award-search';
  }

  /** The input the backend gets; the expiry date is the end of that day in the community's time zone. */
  private inputOf(draft: AwardDraft): AwardInput {
    const tz = this.host.l10n.timeZone;
    const evidence = draft.evidence.trim() || draft.evidenceUrl.trim()
      ? [{ ...(draft.evidence.trim() && { narrative: draft.evidence.trim() }), ...(draft.evidenceUrl.trim() && { url: draft.evidenceUrl.trim() }) }]
      : [];
    const expires = /^\d{4}-\d{2}-\d{2}$/.test(draft.expires)
      ? new Date(startOfZonedDay(addDays(draft.expires, 1), tz).getTime() - 1000).toISOString()
      : null;
    return {
      id: draft.id, achievementId: draft.achievementId, recipientIds: draft.recipients.map((m) => m.id),
      note: draft.note.trim(), evidence, expires,
    };
  }

  private showIssues(issues: FieldIssue[]): void {
    const byField = issuesByField(issues, (issue) => {
      if (issue.path === 'recipientIds' && issue.code === 'tooFew') return this.describe({ ...issue, code: 'badges.noRecipients' });
      return this.describe(issue);
    }, fieldKey);
    this.errors = new Map([...byField].sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)));
    this.formNotice = { text: this.b.award.fixErrors, kind: 'error' };
    this.focusInvalid = true;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const backend = this.backend;
    if (!backend || this.sending) return;
    const draft = this.draft;
    const input = this.inputOf(draft);
    const { check, AwardInput: schema } = await validation();
    const result = check(schema, input);
    const issues: FieldIssue[] = result.ok ? [] : result.issues;
    if (!draft.achievementId) issues.unshift({ path: 'achievementId', code: 'required' });
    if (input.expires && !Number.isNaN(Date.parse(input.expires)) && Date.parse(input.expires) <= this.host.clock().getTime()) {
      issues.push({ path: 'expires', code: 'badges.expiresInPast' });
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(draft.expires) === false && draft.expires) issues.push({ path: 'expires', code: 'format.date' });
    if (issues.length) {
      this.showIssues(issues);
      return;
    }
    this.sending = true;
    this.formNotice = null;
    try {
      const awards = await backend.badges.award(input);
      const name = this.achievements?.find((a) => a.id === input.achievementId)?.name ?? awards[0]?.achievement.name ?? '';
      const people = this.current.f.list(draft.recipients.map((m) => m.displayName));
      const text = this.msg((t) => t.badges.award.done, { name, count: awards.length, people });
      this.draft = emptyDraft();
      this.errors = new Map();
      this.formNotice = { text, kind: 'status' };
      this.announce(text);
      this.host.fire('dorf-badge-awarded', { achievementId: input.achievementId, awardIds: awards.map((a) => a.id) });
      this.host.reloadData();
    } catch (error) {
      this.fail(error, 'award');
      if (BackendError.is(error, 'validation') && error.issues.some((i) => i.path)) {
        this.showIssues(error.issues);
      } else if (BackendError.is(error, 'queued')) {
        // Kept in the outbox and delivered once when the connection is back: the form is done.
        this.draft = emptyDraft();
        this.errors = new Map();
        this.formNotice = { text: this.t.errors.queued, kind: 'queued' };
      } else {
        this.formNotice = { text: this.sentence(error), kind: 'error' };
        this.focusSelector = '#award-form-error';
      }
    } finally {
      this.sending = false;
    }
  }

  private renderAwardForm(): TemplateResult {
    const f = this.b.award;
    const toggle = html`<button part="button award-open" class="button" type="button" id="award-open" aria-expanded=${this.formOpen ? 'true' : 'false'}
      aria-controls="award-form" @click=${() => this.toggleForm()}>${f.open}</button>`;
    if (!this.formOpen) return html`<div class="actions">${toggle}</div>`;
    const d = this.draft;
    const errors = this.errors;
    const notice = this.formNotice;
    const picker = this.picker;
    picker.ensure();
    const recipientsError = errors.get('recipients');
    const searchDescribedBy = ['award-search-help', picker.fieldError ? 'award-search-error' : '', recipientsError ? 'recipients-error' : ''].filter(Boolean).join(' ');
    return html`
      <div class="actions">${toggle}</div>
      <form part="award-form" class="award-form" id="award-form" novalidate aria-labelledby="award-title" @submit=${(e: Event) => this.submit(e)}>
        <h3 id="award-title" class="section-title">${f.title}</h3>
        <p class="muted">${f.intro}</p>
        ${notice ? html`<p part="notice" class="notice notice--${notice.kind} ${notice.kind === 'error' ? 'form-error' : ''}" id="award-form-error" tabindex="-1"
            role=${notice.kind === 'error' ? 'alert' : 'status'}>${notice.text}</p>` : nothing}
        ${this.achievementsError ? html`<p class="form-error" role="alert">${this.achievementsError}</p>` : nothing}
        ${field({ id: 'award-achievement', label: f.achievement, hint: this.t.common.required, error: errors.get('achievement') }, (a) => html`
          <select id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} required
            @change=${(e: Event) => this.update('achievementId', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!d.achievementId}>${f.choose}</option>
            ${(this.achievements ?? []).map((x) => html`<option value=${x.id} ?selected=${d.achievementId === x.id}>${x.name}</option>`)}
          </select>`)}
        <fieldset part="picker" class="picker ${recipientsError ? 'field--invalid-group' : ''}" aria-describedby=${recipientsError ? 'recipients-error' : nothing}>
          <legend>${f.recipients} <span class="field__hint">(${this.t.common.required})</span></legend>
          <p class="muted" id="chosen-count" aria-live="polite">${this.msg((t) => t.badges.award.chosen, { count: d.recipients.length })}</p>
          ${d.recipients.length ? html`<ul part="chosen" class="chosen" aria-labelledby="chosen-count">
              ${d.recipients.map((m) => html`<li part="chip" class="chip"><span class="chip__name">${m.displayName}</span>
                <button class="link-button" type="button" id="remove-${m.id}" aria-label=${this.msg((t) => t.badges.award.remove, { name: m.displayName })}
                  @click=${() => this.removeRecipient(m)}>✕</button></li>`)}
            </ul>` : nothing}
          ${recipientsError ? html`<p class="group-error" id="recipients-error">${recipientsError}</p>` : nothing}
          <div class="field">
            <label class="field__label" for="award-search">${f.search}</label>
            <input id="award-search" type="search" autocomplete="off" maxlength="60" aria-describedby=${searchDescribedBy}
              aria-invalid=${picker.fieldError || recipientsError ? 'true' : nothing} aria-controls="picker-list" .value=${live(picker.query)}
              @input=${(e: Event) => picker.type((e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  picker.searchNow();
                }
              }} />
            <p class="field__help" id="award-search-help">${f.searchHelp}</p>
            ${picker.fieldError ? html`<p class="field__error" id="award-search-error">${picker.fieldError}</p>` : nothing}
          </div>
          ${picker.listError ? html`<p class="form-error" role="alert">${picker.listError}</p>` : nothing}
          <ul class="picker__list" id="picker-list" aria-label=${f.search} aria-busy=${picker.loading ? 'true' : 'false'}>
            ${picker.items.map((m) => {
              const chosen = d.recipients.some((r) => r.id === m.id);
              return html`<li part="picker-item" class="picker__item">
                <span id="pick-name-${m.id}">${m.displayName}</span>
                <button part="button pick" class="button" type="button" id="pick-${m.id}" ?disabled=${chosen} aria-describedby="pick-name-${m.id}"
                  @click=${() => this.addRecipient(m)}>${f.add}</button>
              </li>`;
            })}
          </ul>
          <p class="muted" role="status">${picker.loading ? f.searching : picker.loaded && !picker.items.length && !picker.listError && !picker.fieldError ? f.none : nothing}</p>
          ${picker.next ? html`<button part="button picker-more" class="button" type="button" ?disabled=${picker.loading} @click=${() => picker.load(true)}>${f.moreMembers}</button>` : nothing}
        </fieldset>
        ${field({ id: 'award-note', label: f.note, help: f.noteHelp, hint: this.t.common.optional, error: errors.get('note') }, (a) => html`
          <textarea id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} maxlength="1000" .value=${live(d.note)}
            @input=${(e: Event) => this.update('note', (e.target as HTMLTextAreaElement).value)}></textarea>`)}
        ${field({ id: 'award-evidence', label: f.evidence, help: f.evidenceHelp, hint: this.t.common.optional, error: errors.get('evidence') }, (a) => html`
          <textarea id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d.evidence)}
            @input=${(e: Event) => this.update('evidence', (e.target as HTMLTextAreaElement).value)}></textarea>`)}
        ${field({ id: 'award-evidence-url', label: f.evidenceUrl, help: f.evidenceUrlHelp, hint: this.t.common.optional, error: errors.get('evidenceUrl') }, (a) => html`
          <input id=${a.id} type="url" inputmode="url" autocomplete="url" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d.evidenceUrl)}
            @input=${(e: Event) => this.update('evidenceUrl', (e.target as HTMLInputElement).value)} />`)}
        ${field({ id: 'award-expires', label: f.expires, help: f.expiresHelp, hint: this.t.common.optional, error: errors.get('expires') }, (a) => html`
          <input id=${a.id} type="date" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d.expires)}
            @input=${(e: Event) => this.update('expires', (e.target as HTMLInputElement).value)} />`)}
        <div class="actions">
          <button part="button submit" class="button button--primary" type="submit" id="award-submit" ?disabled=${this.sending}>
            ${this.sending ? f.sending : f.submit}</button>
          <button part="button" class="button" type="button" @click=${() => this.toggleForm()}>${f.cancel}</button>
        </div>
      </form>
    `;
  }
}
