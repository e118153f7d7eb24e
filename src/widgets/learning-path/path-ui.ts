/**
 * Everything a visitor sees and does in a loaded learning path: the steps with their material,
 * completing a step (with evidence where asked), sign-off waits, the progress bar, milestone
 * celebrations, the completed path with its badge, the cohort challenge with check-ins and a
 * streak, and the mentors' queue. Loaded on demand by `<dorf-learning-path>`, so the define
 * module stays small; the element keeps the data and hands this class its host.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { createFormatters, type Formatters } from '../../core/format.js';
import { applyPendingFocus, field, type PendingFocus } from '../../core/ui/field.js';
import { OutboxController, outboxStyles } from '../../core/ui/outbox.js';
import { tracked } from '../../core/ui/tracked.js';
import type { OutboxEntry, OutboxEvent } from '../../data/adapters/http/outbox-api.js';
import { BackendError, type FieldIssue } from '../../data/backend.js';
import { addDays, calendarDayOf, daysBetween, startOfZonedDay } from '../../data/rules/zoned.js';
import type { CheckInInput, CohortOverview, CompleteStepInput, Evidence, Path, PendingSignOff, Progress, Step } from '../../data/schema/learning.js';
import { findAward, type DorfLearningPath, type PathData } from './learning-path.element.js';
import { viewStyles as ownStyles } from './learning-path.styles.js';
import {
  emptyEvidence, evidenceField, hasEvidence, newId, stepStatus, summarize, toEvidence, wouldComplete, type EvidenceDraft, type StepStatus,
} from './progress.js';
import { learningMsg, learningText, type LearningText } from './text.js';
// Field issues' words load with the forms.
import '../../i18n/fields.js';

export const viewStyles = [...ownStyles, outboxStyles];

/** The form schemas and the image preparation, loaded on first use. */
const validation = () => import('./validate.js');

type Notice = { text: string; kind: 'status' | 'error' | 'queued' };
type PathWords = LearningText['learning']['path'];

export class PathUi {
  /** The step whose evidence form is open. */
  @tracked openStep: string | null = null;
  @tracked drafts = new Map<string, EvidenceDraft>();
  /** Field messages, keyed `<stepId>:<field>`, `checkIn`, `profile`. */
  @tracked errors = new Map<string, string>();
  @tracked notices = new Map<string, Notice>();
  @tracked busy = new Set<string>();
  @tracked preparingPhoto: string | null = null;
  @tracked celebration: { stepId: string; title: string } | null = null;
  /** Where the name form shows (`step:<id>` or `cohort`), and what to do once a name is saved. */
  @tracked profileAt: string | null = null;
  @tracked profileName = '';
  @tracked checkInNote = '';
  /** Photos handed in through this page: their addresses, to show them next to the step. */
  @tracked photoUrls = new Map<string, string>();

  private pendingAction: (() => Promise<void>) | null = null;
  private checkInId = newId();
  /** Focus to move once the next render shows its target. */
  private readonly pendingFocus: PendingFocus = { invalidIn: '', selector: '' };
  private dayTimer: ReturnType<typeof setTimeout> | undefined;
  private timerFor = '';

  /** Completed steps, check-ins and the visitor's name saved offline: waiting, or refused on delivery. */
  readonly outbox: OutboxController;

  constructor(readonly host: DorfLearningPath) {
    this.outbox = new OutboxController(host, {
      operations: ['learning.completeStep', 'learning.checkIn', 'session.updateProfile'],
      onEvent: (event) => this.onOutbox(event),
      describe: (entry) => this.describeQueued(entry),
    });
  }

  /** The outbox of this path's writes, above the path. */
  renderOutbox(): TemplateResult | typeof nothing {
    return this.outbox.render();
  }

  /** A completed step by its title (when its path is shown), a check-in by its note, a name as it is. */
  private describeQueued(entry: OutboxEntry): string | undefined {
    if (entry.operation === 'learning.checkIn') return (entry.input as CheckInInput).note || undefined;
    if (entry.operation === 'session.updateProfile') return (entry.input as { displayName?: string }).displayName;
    const input = entry.input as CompleteStepInput;
    const path = this.host.shown?.path;
    return path?.id === input.pathId ? path.steps.find((s) => s.id === input.stepId)?.title : undefined;
  }

  /** A step or check-in made offline went through: progress, streak and badges are read again. */
  private onOutbox(event: OutboxEvent): void {
    if (event.type === 'delivered') this.host.reloadData();
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  get t(): LearningText {
    return learningText(this.host.l10n);
  }

  private get w(): PathWords {
    return this.t.learning.path;
  }

  msg(pick: (t: LearningText) => Parameters<typeof learningMsg>[1] extends (t: LearningText) => infer R ? R : never, params: Record<string, string | number> = {}): string {
    return learningMsg(this.host.l10n, pick, params);
  }

  private describe = (issue: FieldIssue): string => this.host.l10n.issue(issue);

  private sentence(error: unknown): string {
    return BackendError.is(error) ? this.host.l10n.error(error) : this.t.state.error;
  }

  private fail(error: unknown, action: string): void {
    const backendError = BackendError.is(error) ? error : new BackendError('unavailable', String(error));
    this.host.fire('dorf-error', { error: backendError, action });
  }

  private setMap<K, V>(map: Map<K, V>, key: K, value: V | undefined): Map<K, V> {
    const next = new Map(map);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    return next;
  }

  private setError(key: string, text: string | undefined): void {
    this.errors = this.setMap(this.errors, key, text);
  }

  private setNotice(key: string, notice: Notice | undefined): void {
    this.notices = this.setMap(this.notices, key, notice);
  }

  private setBusy(key: string, on: boolean): void {
    const next = new Set(this.busy);
    if (on) next.add(key);
    else next.delete(key);
    this.busy = next;
  }

  /** Formatters in the cohort's zone, whatever the page's. */
  private zoned(timeZone: string): Formatters {
    return createFormatters(this.host.l10n.format.locale, timeZone);
  }

  private draftFor(stepId: string): EvidenceDraft {
    return this.drafts.get(stepId) ?? emptyEvidence();
  }

  private updateDraft(stepId: string, patch: Partial<EvidenceDraft>): void {
    this.drafts = this.setMap(this.drafts, stepId, { ...this.draftFor(stepId), ...patch });
  }

  private stepOf(path: Path, stepId: string): Step | undefined {
    return path.steps.find((s) => s.id === stepId);
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle hooks from the element

  reset(): void {
    this.clearPhotos();
    this.openStep = null;
    this.drafts = new Map();
    this.errors = new Map();
    this.notices = new Map();
    this.celebration = null;
    this.profileAt = null;
    this.pendingAction = null;
    this.checkInNote = '';
    this.checkInId = newId();
  }

  disconnect(): void {
    clearTimeout(this.dayTimer);
    this.timerFor = '';
  }

  private clearPhotos(): void {
    for (const draft of this.drafts.values()) if (draft.photo) URL.revokeObjectURL(draft.photo.preview);
  }

  afterUpdate(data: PathData | null): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    applyPendingFocus(root, this.pendingFocus);
    this.scheduleNewDay(data?.cohort ?? null);
  }

  /** Reads the cohort again when a new day begins in its time zone (a page left open overnight). */
  private scheduleNewDay(cohort: CohortOverview | null): void {
    const key = cohort ? `${cohort.cohort.id}|${cohort.today}` : '';
    if (key === this.timerFor) return;
    clearTimeout(this.dayTimer);
    this.timerFor = key;
    if (!cohort) return;
    const tz = cohort.cohort.timeZone;
    const now = this.host.clock();
    const next = startOfZonedDay(addDays(calendarDayOf(now, tz), 1), tz).getTime();
    const wait = Math.min(Math.max(next - now.getTime(), 0) + 1000, 2 ** 31 - 1);
    this.dayTimer = setTimeout(() => this.host.reloadData(), wait);
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  renderMissing(): TemplateResult {
    return html`${this.renderBack()}<div part="status status-empty" class="status status--empty" role="status"><span part="status-text">${this.w.unknownPath}</span></div>`;
  }

  private renderBack(): TemplateResult | typeof nothing {
    if (!this.host.openedFromList) return nothing;
    return html`<p><button type="button" part="button back" class="link-button" @click=${() => this.backToList()}>
      <span aria-hidden="true">←</span> ${this.w.catalogue.back}</button></p>`;
  }

  private backToList(): void {
    const from = this.host.path;
    this.reset();
    this.host.openPath('');
    this.pendingFocus.selector = `[data-path="${from}"] [part~="open"]`;
  }

  /** The community's paths, when no `path` is set: a level filter and one card per path. */
  renderCatalogue(paths: Path[]): TemplateResult {
    const c = this.w.catalogue;
    const level = this.host.level;
    const levels = ['beginner', 'intermediate', 'advanced'] as const;
    return html`<section part="catalogue" class="catalogue" aria-labelledby="lp-catalogue-title">
      <h2 id="lp-catalogue-title" class="title">${c.title}</h2>
      <div part="level-filter" class="field level-filter">
        <label class="field__label" for="lp-level">${c.filter}</label>
        <select id="lp-level" @change=${(e: Event) => (this.host.level = (e.target as HTMLSelectElement).value as typeof level)}>
          <option value="" ?selected=${!level}>${c.all}</option>
          ${levels.map((l) => html`<option value=${l} ?selected=${level === l}>${this.w.levels[l]}</option>`)}
        </select>
      </div>
      ${paths.length === 0
        ? html`<div part="status status-empty" class="status status--empty" role="status"><span part="status-text">${level ? c.emptyLevel : c.empty}</span></div>`
        : html`<ul class="cards">${paths.map((p) => html`<li part="path-card" class="card" data-path=${p.id}>
            <h3 id="lp-card-${p.id}">${p.title}</h3>
            <p class="pills">
              <span part="level level-${p.level}" class="pill"><span class="visually-hidden">${this.w.levelLabel}: </span>${this.w.levels[p.level]}</span>
              <span class="muted">${this.msg((t) => t.learning.path.catalogue.steps, { count: p.steps.length })}${p.cohort ? ` · ${c.withCohort}` : ''}</span>
            </p>
            ${p.description ? html`<p class="text">${p.description}</p>` : nothing}
            <p class="actions"><button type="button" part="button open" class="button" aria-describedby="lp-card-${p.id}"
              @click=${() => { this.host.openPath(p.id); this.pendingFocus.selector = '[part~="header"] h2'; }}>${c.open}</button></p>
          </li>`)}</ul>`}
    </section>`;
  }

  render(data: PathData): TemplateResult {
    const { path, progress } = data;
    return html`
      ${this.renderBack()}
      ${this.renderHeader(data)}
      ${this.celebration ? this.renderCelebration() : nothing}
      ${progress?.completedAt ? this.renderCompleted(data) : nothing}
      ${this.renderProgress(path, progress)}
      ${data.pending ? this.renderMentor(path, data.pending) : nothing}
      <h3 class="visually-hidden" id="lp-steps-title">${this.w.steps}</h3>
      <ol part="steps" class="steps" aria-labelledby="lp-steps-title">
        ${path.steps.map((step, index) => this.renderStep(data, step, index))}
      </ol>
      ${data.cohort ? this.renderCohort(data.cohort) : nothing}
    `;
  }

  private renderHeader(data: PathData): TemplateResult {
    const { path, achievement, progress } = data;
    const w = this.w;
    return html`<div part="header" class="header">
      <h2 class="title" tabindex="-1">${path.title}</h2>
      <p class="pills">
        <span part="level level-${path.level}" class="pill"><span class="visually-hidden">${w.levelLabel}: </span>${w.levels[path.level]}</span>
      </p>
      ${path.description ? html`<p class="text">${path.description}</p>` : nothing}
      ${data.prerequisites.length
        ? html`<div part="prerequisites" class="prerequisites">${w.prerequisites}
            <ul>${data.prerequisites.map((p) => html`<li>${p.title}${p.completed ? html` (${w.prerequisiteDone})` : nothing}</li>`)}</ul></div>`
        : nothing}
      ${achievement && !progress?.completedAt ? html`<p class="muted">${this.msg((t) => t.learning.path.badgeOnCompletion, { name: achievement.name })}</p>` : nothing}
    </div>`;
  }

  private renderProgress(path: Path, progress: Progress | null): TemplateResult {
    const s = summarize(path, progress);
    return html`<div part="progress" class="progress">
      <p id="lp-progress-label" part="progress-text">
        <strong>${this.w.progressLabel}:</strong> ${this.msg((t) => t.learning.path.progress, { done: s.done, total: s.total, percent: s.percent })}
      </p>
      <progress part="progress-bar" class="progress__bar" max=${s.total} .value=${s.done} aria-labelledby="lp-progress-label"></progress>
      ${s.awaiting ? html`<p class="muted">${this.msg((t) => t.learning.path.awaitingCount, { count: s.awaiting })}</p>` : nothing}
    </div>`;
  }

  private renderCelebration(): TemplateResult {
    const c = this.celebration!;
    return html`<div part="celebration" class="celebration">
      <span class="celebration__icon" aria-hidden="true">★</span>
      <div>
        <h3 id="lp-celebration-title" tabindex="-1">${this.msg((t) => t.learning.path.milestoneReached, { step: c.title })}</h3>
        <p>${this.w.milestoneText}</p>
      </div>
      <button type="button" part="button dismiss" class="button" @click=${() => this.dismissCelebration()}>${this.w.dismiss}</button>
    </div>`;
  }

  private dismissCelebration(): void {
    const stepId = this.celebration?.stepId;
    this.celebration = null;
    if (stepId) this.pendingFocus.selector = `#lp-step-${stepId}`;
  }

  private renderCompleted(data: PathData): TemplateResult {
    const { progress, award, achievement } = data;
    return html`<section part="completed" class="completed" aria-labelledby="lp-completed-title">
      <p id="lp-completed-title"><strong>${this.msg((t) => t.learning.path.pathCompleted, { at: progress!.completedAt! })}</strong></p>
      ${award
        ? html`<div part="badge" class="badge">
            ${award.achievement.image ? html`<img part="badge-image" class="badge__image" src=${award.achievement.image} alt=${award.achievement.imageAlt} />` : nothing}
            <div>
              <h3>${this.w.badgeEarned}</h3>
              <p><strong>${award.achievement.name}</strong></p>
              <p class="muted">${this.msg((t) => t.learning.path.badgeIssued, { at: award.issuedOn })}</p>
            </div>
          </div>`
        : achievement
          ? html`<p class="muted">${this.w.badgePending}</p>`
          : nothing}
    </section>`;
  }

  // -------------------------------------------------------------------------------------------
  // Steps

  private renderStep(data: PathData, step: Step, index: number): TemplateResult {
    const w = this.w;
    const status = stepStatus(data.progress, step.id);
    const record = data.progress?.steps.find((s) => s.stepId === step.id);
    const statePart = status === 'awaiting-sign-off' ? 'step-awaiting' : `step-${status}`;
    const parts = ['step', statePart, ...(step.milestone ? ['step-milestone'] : [])].join(' ');
    const notice = this.notices.get(step.id);
    return html`<li part=${parts} class="step step--${status} ${step.milestone ? 'step--milestone' : ''}" data-step=${step.id}>
      <span class="step__marker" aria-hidden="true"><span>${status === 'done' ? '✓' : status === 'awaiting-sign-off' ? '…' : index + 1}</span></span>
      <div class="step__body">
        <h3 id="lp-step-${step.id}" part="step-title" class="step__title" tabindex="-1">
          <span class="visually-hidden">${this.msg((t) => t.learning.path.stepNumber, { n: index + 1 })}: </span>${step.title}
        </h3>
        <p class="pills">
          <span part="step-status" class="pill pill--${status}">${w.states[status]}</span>
          ${step.milestone ? html`<span part="milestone" class="pill pill--milestone">${w.milestone}</span>` : nothing}
        </p>
        ${step.description ? html`<p part="step-description" class="text">${step.description}</p>` : nothing}
        ${status === 'open' && step.evidence !== 'none'
          ? html`<p class="muted">${step.evidence === 'required' ? w.evidenceRequiredHint : w.evidenceOptionalHint}</p>`
          : nothing}
        ${status === 'open' && step.signOff ? html`<p class="muted">${w.needsSignOff}</p>` : nothing}
        ${step.resources.length
          ? html`<div part="resources" class="resources">
              <h4>${w.resources}</h4>
              <ul>${step.resources.map((r) => html`<li><a part="resource" href=${r.url} target="_blank" rel="noopener noreferrer">${r.label}<span class="visually-hidden"> ${w.opensExternal}</span></a></li>`)}</ul>
            </div>`
          : nothing}
        ${record
          ? html`<p class="muted">${record.state === 'done' ? this.msg((t) => t.learning.path.doneOn, { at: record.completedAt }) : this.msg((t) => t.learning.path.waitingSince, { at: record.completedAt })}${record.confirmedBy ? html` · ${this.msg((t) => t.learning.path.confirmedBy, { name: record.confirmedBy.displayName })}` : nothing}</p>
              ${record.evidence && hasEvidence(record.evidence) ? this.renderEvidence(record.evidence) : nothing}`
          : nothing}
        ${this.profileAt === `step:${step.id}` ? this.renderProfileForm() : this.renderStepActions(data, step, status)}
        ${notice ? html`<p part="notice" class="notice notice--${notice.kind}" role=${notice.kind === 'error' ? 'alert' : 'status'}>${notice.text}</p>` : nothing}
      </div>
    </li>`;
  }

  private renderEvidence(evidence: Evidence): TemplateResult {
    const photoUrl = evidence.photo ? this.photoUrls.get(evidence.photo) : undefined;
    return html`<div part="evidence" class="evidence">
      ${evidence.note?.trim() ? html`<p class="text">${evidence.note}</p>` : nothing}
      ${evidence.url ? html`<p><a href=${evidence.url} target="_blank" rel="noopener noreferrer">${evidence.url}</a></p>` : nothing}
      ${evidence.photo
        ? photoUrl
          ? html`<img src=${photoUrl} alt=${this.w.photoAttached} />`
          : html`<p class="muted">${this.w.photoAttached}</p>`
        : nothing}
    </div>`;
  }

  private renderStepActions(data: PathData, step: Step, status: StepStatus): TemplateResult | typeof nothing {
    const w = this.w;
    const busy = this.busy.has(step.id);
    if (status !== 'open') {
      return html`<p class="actions">
        <button type="button" part="button uncomplete" class="button" ?disabled=${busy} aria-describedby="lp-step-${step.id}"
          @click=${() => this.uncomplete(data, step)}>${status === 'done' ? w.uncomplete : w.withdraw}</button>
      </p>`;
    }
    if (step.evidence === 'none') {
      return html`<p class="actions">
        <button type="button" part="button complete" class="button button--primary" ?disabled=${busy} aria-describedby="lp-step-${step.id}"
          @click=${() => this.guard(`step:${step.id}`, () => this.complete(data, step, null))}>${step.signOff ? w.submitForSignOff : w.complete}</button>
      </p>`;
    }
    const open = this.openStep === step.id;
    return html`
      <p class="actions">
        <button type="button" part="button complete" class="button ${open ? '' : 'button--primary'}" id="lp-open-${step.id}"
          aria-expanded=${open ? 'true' : 'false'} aria-controls="lp-form-${step.id}" aria-describedby="lp-step-${step.id}"
          @click=${() => this.toggleForm(step.id)}>${w.completeWithEvidence}</button>
      </p>
      ${open ? this.renderEvidenceForm(data, step) : nothing}
    `;
  }

  private toggleForm(stepId: string): void {
    const opening = this.openStep !== stepId;
    this.openStep = opening ? stepId : null;
    this.pendingFocus.selector = opening ? `#lp-note-${stepId}` : `#lp-open-${stepId}`;
  }

  private renderEvidenceForm(data: PathData, step: Step): TemplateResult {
    const w = this.w;
    const draft = this.draftFor(step.id);
    const err = (name: string) => this.errors.get(`${step.id}:${name}`);
    const busy = this.busy.has(step.id);
    // Required evidence means one of the three, so no single field is marked as required.
    const required = step.evidence === 'required';
    const hint = required ? undefined : this.t.common.optional;
    const formError = err('form');
    return html`<form id="lp-form-${step.id}" part="evidence-form" class="evidence-form" novalidate aria-labelledby="lp-form-${step.id}-title"
        @submit=${(e: Event) => { e.preventDefault(); this.guard(`step:${step.id}`, () => this.submitEvidence(data, step)); }}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); this.toggleForm(step.id); } }}>
      <h4 id="lp-form-${step.id}-title">${this.msg((t) => t.learning.path.evidenceTitle, { step: step.title })}</h4>
      <p class="muted">${w.evidenceIntro}${required ? html` <strong>${w.evidenceRequiredHint}</strong>` : nothing}</p>
      ${field({ id: `lp-note-${step.id}`, label: w.note, help: w.noteHelp, error: err('note'), hint }, (a) => html`
        <textarea id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} maxlength="2000" .value=${live(draft.note)}
          @input=${(e: Event) => this.updateDraft(step.id, { note: (e.target as HTMLTextAreaElement).value })}></textarea>`)}
      ${field({ id: `lp-url-${step.id}`, label: w.link, help: w.linkHelp, error: err('url'), hint }, (a) => html`
        <input id=${a.id} type="url" inputmode="url" autocomplete="url" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(draft.url)}
          @input=${(e: Event) => this.updateDraft(step.id, { url: (e.target as HTMLInputElement).value })} />`)}
      ${draft.photo
        ? html`<div class="photo-preview">
            <img src=${draft.photo.preview} alt=${this.msg((t) => t.learning.path.photoChosen, { name: draft.photo.name })} />
            <button type="button" part="button remove-photo" class="button" @click=${() => this.removePhoto(step.id)}>${w.removePhoto}</button>
          </div>`
        : nothing}
      ${field({ id: `lp-photo-${step.id}`, label: w.photo, help: this.preparingPhoto === step.id ? w.photoPreparing : w.photoHelp, error: err('photo'), hint }, (a) => html`
        <input id=${a.id} type="file" accept="image/*" aria-describedby=${a.describedBy} aria-invalid=${a.invalid}
          @change=${(e: Event) => void this.choosePhoto(step.id, e.target as HTMLInputElement)} />`)}
      ${formError ? html`<p part="notice" class="notice notice--error" role="alert">${formError}</p>` : nothing}
      <p class="actions">
        <button type="submit" part="button submit" class="button button--primary" ?disabled=${busy || this.preparingPhoto === step.id}>${step.signOff ? w.submitForSignOff : w.submitStep}</button>
        <button type="button" part="button cancel" class="button" @click=${() => this.toggleForm(step.id)}>${this.t.common.cancel}</button>
      </p>
    </form>`;
  }

  private async choosePhoto(stepId: string, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.setError(`${stepId}:photo`, undefined);
    this.preparingPhoto = stepId;
    try {
      const [media, { FILE_LIMITS }] = await Promise.all([import('../../core/media/image.js'), validation()]);
      try {
        const image = await media.prepareImage(file, { maxBytes: FILE_LIMITS.image });
        const previous = this.draftFor(stepId).photo;
        if (previous) URL.revokeObjectURL(previous.preview);
        this.updateDraft(stepId, {
          photo: { id: newId(), name: file.name || 'photo.jpg', blob: image.blob, width: image.width, height: image.height, preview: URL.createObjectURL(image.blob) },
        });
      } catch (error) {
        const issue = error instanceof media.ImageError ? error.issue : { path: '', code: 'image.unreadable' };
        this.setError(`${stepId}:photo`, this.describe(issue));
        this.pendingFocus.selector = `#lp-photo-${stepId}`;
      }
    } finally {
      this.preparingPhoto = null;
    }
  }

  private removePhoto(stepId: string): void {
    const photo = this.draftFor(stepId).photo;
    if (photo) URL.revokeObjectURL(photo.preview);
    this.updateDraft(stepId, { photo: null });
    this.pendingFocus.selector = `#lp-photo-${stepId}`;
  }

  private showIssues(stepId: string, issues: FieldIssue[]): void {
    let errors = new Map([...this.errors].filter(([key]) => !key.startsWith(`${stepId}:`)));
    for (const issue of issues) {
      const key = `${stepId}:${evidenceField(issue.path)}`;
      if (!errors.has(key)) errors = this.setMap(errors, key, this.describe(issue));
    }
    this.errors = errors;
    this.pendingFocus.invalidIn = `#lp-form-${stepId}`;
  }

  private clearStepErrors(stepId: string): void {
    this.errors = new Map([...this.errors].filter(([key]) => !key.startsWith(`${stepId}:`)));
  }

  /** Validates the draft like the backend does (schema, required evidence), uploads the photo, completes. */
  private async submitEvidence(data: PathData, step: Step): Promise<void> {
    const draft = this.draftFor(step.id);
    const evidence = toEvidence(draft);
    const { check, CompleteStepInput } = await validation();
    const result = check(CompleteStepInput, { id: draft.id, pathId: data.path.id, stepId: step.id, evidence });
    const issues = result.ok ? [] : [...result.issues];
    if (step.evidence === 'required' && !hasEvidence(evidence)) issues.unshift({ path: 'evidence', code: 'learning.evidenceRequired' });
    if (issues.length) return this.showIssues(step.id, issues);
    await this.complete(data, step, evidence, draft);
  }

  /**
   * Completes a step and tells what happened: done or waiting for a mentor, a milestone, the
   * path completed and, once, its badge.
   */
  private async complete(data: PathData, step: Step, evidence: Evidence | null, draft?: EvidenceDraft): Promise<void> {
    const api = this.host.api;
    if (!api || this.busy.has(step.id)) return;
    const path = data.path;
    this.setBusy(step.id, true);
    this.setNotice(step.id, undefined);
    try {
      // Whether this completion could award the badge, and whether the member holds it already:
      // the event says "awarded" only when this very completion awarded it.
      const mayAward = !!path.badgeId && wouldComplete(path, data.progress, step);
      const before = mayAward ? await findAward(api, path.badgeId!).catch(() => null) : null;
      if (draft?.photo) {
        const p = draft.photo;
        await api.files.upload({ id: p.id, name: p.name, blob: p.blob, width: p.width, height: p.height });
      }
      const progress = await api.learning.completeStep({ id: draft?.id ?? newId(), pathId: path.id, stepId: step.id, evidence });
      if (draft) {
        if (draft.photo) this.photoUrls = this.setMap(this.photoUrls, draft.photo.id, draft.photo.preview);
        this.drafts = this.setMap(this.drafts, step.id, undefined);
        this.clearStepErrors(step.id);
      }
      if (this.openStep === step.id) this.openStep = null;
      const state = stepStatus(progress, step.id);
      const words = [this.msg((t) => (state === 'done' ? t.learning.path.stepDone : t.learning.path.stepAwaiting), { step: step.title })];
      this.host.fire('dorf-step-completed', { pathId: path.id, stepId: step.id, state: state === 'done' ? 'done' : 'awaiting-sign-off' });
      if (state === 'done' && step.milestone) {
        this.celebration = { stepId: step.id, title: step.title };
        words.push(this.msg((t) => t.learning.path.milestoneReached, { step: step.title }));
        this.host.fire('dorf-milestone-reached', { pathId: path.id, stepId: step.id });
      }
      if (progress.completedAt && !data.progress?.completedAt) {
        this.host.fire('dorf-path-completed', { pathId: path.id, memberId: progress.member.id });
        words.push(this.msg((t) => t.learning.path.pathCompleted, { at: progress.completedAt! }));
        if (mayAward && !before) {
          const award = await findAward(api, path.badgeId!).catch(() => null);
          if (award) {
            words.push(this.msg((t) => t.learning.path.badgeEarnedAnnounce, { name: award.achievement.name }));
            this.host.fire('dorf-badge-earned', { pathId: path.id, achievementId: award.achievement.id, awardId: award.id, memberId: progress.member.id });
          }
        }
      }
      this.host.reloadData();
      await this.host.settled();
      this.pendingFocus.selector = this.celebration?.stepId === step.id ? '#lp-celebration-title' : `#lp-step-${step.id}`;
      this.host.announce(words.join(' '));
    } catch (error) {
      this.fail(error, 'learning.completeStep');
      if (BackendError.is(error, 'queued')) {
        if (draft) {
          this.drafts = this.setMap(this.drafts, step.id, undefined);
          this.clearStepErrors(step.id);
          if (this.openStep === step.id) this.openStep = null;
        }
        this.setNotice(step.id, { text: this.t.errors.queued, kind: 'queued' });
      } else if (BackendError.is(error, 'forbidden') && error.issues[0]?.code === 'session.profileRequired') {
        this.askForName(`step:${step.id}`, () => this.complete(data, step, evidence, draft));
      } else if (BackendError.is(error, 'validation') && error.issues.length && this.openStep === step.id) {
        this.showIssues(step.id, error.issues);
      } else if (this.openStep === step.id) {
        this.setError(`${step.id}:form`, this.sentence(error));
      } else {
        this.setNotice(step.id, { text: this.sentence(error), kind: 'error' });
      }
    } finally {
      this.setBusy(step.id, false);
    }
  }

  private async uncomplete(data: PathData, step: Step): Promise<void> {
    const api = this.host.api;
    if (!api || this.busy.has(step.id)) return;
    this.setBusy(step.id, true);
    this.setNotice(step.id, undefined);
    try {
      await api.learning.uncompleteStep(data.path.id, step.id);
      if (this.celebration?.stepId === step.id) this.celebration = null;
      this.host.fire('dorf-step-uncompleted', { pathId: data.path.id, stepId: step.id });
      this.host.reloadData();
      await this.host.settled();
      this.pendingFocus.selector = `#lp-step-${step.id}`;
      this.host.announce(this.msg((t) => t.learning.path.stepUndone, { step: step.title }));
    } catch (error) {
      this.fail(error, 'learning.uncompleteStep');
      this.setNotice(step.id, BackendError.is(error, 'queued') ? { text: this.t.errors.queued, kind: 'queued' } : { text: this.sentence(error), kind: 'error' });
    } finally {
      this.setBusy(step.id, false);
    }
  }

  // -------------------------------------------------------------------------------------------
  // A name before the first write

  /** Runs `action`, or first asks a visitor without a profile for a name (then runs it). */
  private guard(at: string, action: () => Promise<void>): void {
    if (!this.host.member) {
      this.askForName(at, action);
      return;
    }
    void action();
  }

  private askForName(at: string, action: () => Promise<void>): void {
    this.profileAt = at;
    this.pendingAction = action;
    this.pendingFocus.selector = '#lp-profile-name';
  }

  private renderProfileForm(): TemplateResult {
    const w = this.w;
    return html`<form part="profile-form" class="subform" novalidate aria-labelledby="lp-profile-intro"
        @submit=${(e: Event) => { e.preventDefault(); void this.saveProfile(); }}>
      <p id="lp-profile-intro">${w.profileIntro}</p>
      ${field({ id: 'lp-profile-name', label: w.displayName, error: this.errors.get('profile') }, (a) => html`
        <input id=${a.id} autocomplete="nickname" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(this.profileName)}
          @input=${(e: Event) => (this.profileName = (e.target as HTMLInputElement).value)} />`)}
      <p class="actions">
        <button part="button submit" class="button button--primary" type="submit">${w.saveName}</button>
        <button part="button cancel" class="button" type="button" @click=${() => this.cancelProfile()}>${this.t.common.cancel}</button>
      </p>
    </form>`;
  }

  private cancelProfile(): void {
    const at = this.profileAt;
    this.profileAt = null;
    this.pendingAction = null;
    this.setError('profile', undefined);
    if (at?.startsWith('step:')) this.pendingFocus.selector = `#lp-step-${at.slice(5)}`;
  }

  private async saveProfile(): Promise<void> {
    const api = this.host.api;
    if (!api) return;
    const { check, ProfileInput } = await validation();
    const result = check(ProfileInput, { displayName: this.profileName });
    if (!result.ok) {
      this.setError('profile', this.describe(result.issues[0]!));
      this.pendingFocus.selector = '#lp-profile-name';
      return;
    }
    try {
      await api.session.updateProfile(result.value);
      this.setError('profile', undefined);
      const action = this.pendingAction;
      this.profileAt = null;
      this.pendingAction = null;
      await action?.();
    } catch (error) {
      this.fail(error, 'session.updateProfile');
      this.setError('profile', BackendError.is(error, 'validation') && error.issues[0] ? this.describe(error.issues[0]) : this.sentence(error));
      this.pendingFocus.selector = '#lp-profile-name';
    }
  }

  // -------------------------------------------------------------------------------------------
  // Mentors

  private renderMentor(path: Path, pending: PendingSignOff[]): TemplateResult {
    const m = this.w.mentor;
    return html`<section part="mentor" class="mentor" aria-labelledby="lp-mentor-title">
      <h3 id="lp-mentor-title" class="section-title">${m.title}</h3>
      <p class="muted">${m.intro}</p>
      ${pending.length === 0
        ? html`<p class="muted">${m.empty}</p>`
        : html`<ul class="sign-offs">${pending.map((p) => this.renderSignOff(path, p))}</ul>`}
      ${this.notices.get('mentor') ? html`<p part="notice" class="notice notice--${this.notices.get('mentor')!.kind}" role="status">${this.notices.get('mentor')!.text}</p>` : nothing}
    </section>`;
  }

  private renderSignOff(path: Path, p: PendingSignOff): TemplateResult {
    const m = this.w.mentor;
    const key = `sign:${p.member.id}:${p.stepId}`;
    const title = this.stepOf(path, p.stepId)?.title ?? p.stepId;
    const error = this.errors.get(key);
    const labelId = `lp-sign-${p.member.id}-${p.stepId}`;
    return html`<li part="sign-off" class="sign-off">
      <p id=${labelId}><strong>${this.msg((t) => t.learning.path.mentor.item, { name: p.member.displayName, step: title })}</strong>
        <span class="muted">${this.msg((t) => t.learning.path.mentor.since, { at: p.completedAt })}</span></p>
      ${p.evidence && hasEvidence(p.evidence) ? this.renderEvidence(p.evidence) : html`<p class="muted">${m.noEvidence}</p>`}
      <p class="actions">
        <button type="button" part="button confirm" class="button button--primary" ?disabled=${this.busy.has(key)} aria-describedby=${labelId}
          @click=${() => void this.signOff(path, p, true)}>${m.confirm}</button>
        <button type="button" part="button decline" class="button" ?disabled=${this.busy.has(key)} aria-describedby=${labelId}
          @click=${() => void this.signOff(path, p, false)}>${m.decline}</button>
      </p>
      ${error ? html`<p part="notice" class="notice notice--error" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  private async signOff(path: Path, p: PendingSignOff, approve: boolean): Promise<void> {
    const api = this.host.api;
    const key = `sign:${p.member.id}:${p.stepId}`;
    if (!api || this.busy.has(key)) return;
    this.setBusy(key, true);
    this.setError(key, undefined);
    const title = this.stepOf(path, p.stepId)?.title ?? p.stepId;
    try {
      const progress = await api.learning.signOff({ pathId: path.id, stepId: p.stepId, memberId: p.member.id, approve });
      const completed = approve && !!progress.completedAt;
      const words = [this.msg((t) => (approve ? t.learning.path.mentor.confirmed : t.learning.path.mentor.declined), { name: p.member.displayName, step: title })];
      if (completed) words.push(this.msg((t) => t.learning.path.mentor.completedPath, { name: p.member.displayName }));
      this.host.fire('dorf-sign-off', { pathId: path.id, stepId: p.stepId, memberId: p.member.id, approved: approve, pathCompleted: completed });
      this.setNotice('mentor', { text: words.join(' '), kind: 'status' });
      this.host.reloadData();
      await this.host.settled();
      this.pendingFocus.selector = this.host.shadowRoot?.querySelector('[part~="confirm"]') ? '[part~="confirm"]' : '#lp-mentor-title';
      this.host.announce(words.join(' '));
    } catch (error) {
      this.fail(error, 'learning.signOff');
      this.setError(key, BackendError.is(error, 'queued') ? this.t.errors.queued : this.sentence(error));
    } finally {
      this.setBusy(key, false);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Cohort challenge

  private renderCohort(o: CohortOverview): TemplateResult {
    const c = this.w.cohort;
    const cohort = o.cohort;
    const f = this.zoned(cohort.timeZone);
    const lastDay = addDays(cohort.start, cohort.days - 1);
    const index = daysBetween(cohort.start, o.today);
    const before = index < 0;
    const ended = index >= cohort.days;
    const checkedToday = o.myDays.includes(o.today);
    const busy = this.busy.has('cohort');
    const notice = this.notices.get('cohort');
    const when = before
      ? this.msg((t) => t.learning.path.cohort.startsOn, { start: cohort.start })
      : ended
        ? c.ended
        : this.msg((t) => t.learning.path.cohort.dayOf, { day: index + 1, days: cohort.days });
    const days = Array.from({ length: cohort.days }, (_, i) => addDays(cohort.start, i));
    const mine = new Set(o.myDays);
    const dayLabel = (day: string) => f.date(startOfZonedDay(day, cohort.timeZone), { weekday: 'short', day: 'numeric', month: 'short' });
    return html`<section part="cohort" class="cohort" aria-labelledby="lp-cohort-title">
      <h3 id="lp-cohort-title" class="section-title"><span class="visually-hidden">${c.title}: </span>${cohort.title}</h3>
      <p class="muted">${this.msg((t) => t.learning.path.cohort.dates, { start: cohort.start, end: lastDay })} · ${when}</p>
      <p part="cohort-stats" class="stats">${o.participants === 0
        ? c.nobodyYet
        : this.msg((t) => t.learning.path.cohort.checkedInToday, { count: o.checkedInToday, total: o.participants })}</p>
      <p class="muted">${c.privacy}</p>
      ${o.joined || o.myDays.length
        ? html`<p part="streak" class="streak" tabindex="-1">${c.streak}: <strong>${this.msg((t) => t.learning.path.cohort.streakDays, { count: o.myStreak })}</strong></p>
            <p id="lp-days-label">${c.myDays}: ${this.msg((t) => t.learning.path.cohort.myDaysCount, { count: o.myDays.length, days: cohort.days })}</p>
            <ol part="days" class="days" aria-labelledby="lp-days-label">
              ${days.map((day) => {
                const checked = mine.has(day);
                const today = day === o.today;
                const future = day > o.today;
                const state = checked ? c.dayChecked : future ? c.dayFuture : c.dayMissed;
                const parts = ['cohort-day', ...(checked ? ['cohort-day-checked'] : []), ...(today ? ['cohort-day-today'] : [])].join(' ');
                return html`<li part=${parts} class="day ${checked ? 'day--checked' : ''} ${today ? 'day--today' : ''} ${future ? 'day--future' : ''}" data-day=${day}
                  title="${dayLabel(day)}: ${state}"><span class="visually-hidden">${dayLabel(day)}${today ? ` (${c.dayToday})` : ''}: ${state}</span></li>`;
              })}
            </ol>`
        : nothing}
      ${this.profileAt === 'cohort'
        ? this.renderProfileForm()
        : ended
          ? nothing
          : checkedToday
            ? html`<p class="notice notice--status">${c.alreadyCheckedIn}</p>`
            : before
              ? o.joined
                ? html`<p>${c.joined}</p>`
                : html`<p class="actions"><button type="button" part="button join" class="button button--primary" ?disabled=${busy}
                    @click=${() => this.guard('cohort', () => this.join(o))}>${c.join}</button></p>`
              : this.renderCheckIn(o)}
      ${notice ? html`<p part="notice" class="notice notice--${notice.kind}" role=${notice.kind === 'error' ? 'alert' : 'status'}>${notice.text}</p>` : nothing}
    </section>`;
  }

  private renderCheckIn(o: CohortOverview): TemplateResult {
    const c = this.w.cohort;
    const busy = this.busy.has('cohort');
    return html`<form part="check-in-form" class="check-in" novalidate aria-labelledby="lp-cohort-title"
        @submit=${(e: Event) => { e.preventDefault(); this.guard('cohort', () => this.checkIn(o)); }}>
      ${field({ id: 'lp-checkin-note', label: c.checkInNote, help: c.checkInNoteHelp, hint: this.t.common.optional, error: this.errors.get('checkIn') }, (a) => html`
        <input id=${a.id} maxlength="200" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(this.checkInNote)}
          @input=${(e: Event) => (this.checkInNote = (e.target as HTMLInputElement).value)} />`)}
      <p class="actions">
        <button type="submit" part="button check-in" class="button button--primary" ?disabled=${busy}>${c.checkIn}</button>
      </p>
    </form>`;
  }

  private async join(o: CohortOverview): Promise<void> {
    const api = this.host.api;
    if (!api || this.busy.has('cohort')) return;
    this.setBusy('cohort', true);
    this.setNotice('cohort', undefined);
    try {
      await api.learning.joinCohort(o.cohort.id);
      this.host.fire('dorf-cohort-joined', { cohortId: o.cohort.id });
      this.host.reloadData();
      await this.host.settled();
      this.host.announce(this.w.cohort.joined);
    } catch (error) {
      this.fail(error, 'learning.joinCohort');
      this.setNotice('cohort', BackendError.is(error, 'queued') ? { text: this.t.errors.queued, kind: 'queued' } : { text: this.sentence(error), kind: 'error' });
    } finally {
      this.setBusy('cohort', false);
    }
  }

  private async checkIn(o: CohortOverview): Promise<void> {
    const api = this.host.api;
    if (!api || this.busy.has('cohort')) return;
    const note = this.checkInNote.trim();
    const { check, CheckInInput } = await validation();
    const input = { id: this.checkInId, cohortId: o.cohort.id, ...(note && { note }) };
    const result = check(CheckInInput, input);
    if (!result.ok) {
      this.setError('checkIn', this.describe(result.issues[0]!));
      this.pendingFocus.selector = '#lp-checkin-note';
      return;
    }
    this.setBusy('cohort', true);
    this.setNotice('cohort', undefined);
    this.setError('checkIn', undefined);
    try {
      const overview = await api.learning.checkIn(result.value);
      this.checkInNote = '';
      this.checkInId = newId();
      const text = this.msg((t) => t.learning.path.cohort.checkedIn, { streak: overview.myStreak });
      this.host.fire('dorf-checked-in', { cohortId: o.cohort.id, day: overview.today, streak: overview.myStreak });
      this.host.reloadData();
      await this.host.settled();
      this.setNotice('cohort', { text, kind: 'status' });
      this.pendingFocus.selector = '[part~="streak"]';
      this.host.announce(text);
    } catch (error) {
      this.fail(error, 'learning.checkIn');
      if (BackendError.is(error, 'queued')) {
        this.checkInNote = '';
        this.checkInId = newId();
        this.setNotice('cohort', { text: this.t.errors.queued, kind: 'queued' });
      } else if (BackendError.is(error, 'forbidden') && error.issues[0]?.code === 'session.profileRequired') {
        this.askForName('cohort', () => this.checkIn(o));
      } else if (BackendError.is(error, 'validation') && error.issues[0]) {
        // Outside the cohort's dates (the day changed while the page was open), or a too long note.
        this.setError('checkIn', this.describe(error.issues[0]));
        this.pendingFocus.selector = '#lp-checkin-note';
      } else {
        this.setNotice('cohort', { text: this.sentence(error), kind: 'error' });
      }
    } finally {
      this.setBusy('cohort', false);
    }
  }
}
