/**
 * Everything a visitor sees and does on a loaded board: filters and search, the list with paging,
 * an item's page with matching suggestions, the contact relay, abuse reports and the moderators'
 * tools, the report form (photo downscaled and stripped of metadata on the device), the receipt
 * with the private link, the reporter's view, and the printable flyer.
 * Loaded on demand by `<dorf-lost-found>`, so the define module stays small; the element keeps
 * the first page and live changes and hands this class its host.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { applyPendingFocus, field, issuesByField, type PendingFocus } from '../../core/ui/field.js';
import { OutboxController, outboxStyles } from '../../core/ui/outbox.js';
import { renderStatus } from '../../core/ui/status.js';
import type { OutboxEntry, OutboxEvent } from '../../data/adapters/http/outbox-api.js';
import { tracked } from '../../core/ui/tracked.js';
import { BackendError, type FieldIssue } from '../../data/backend.js';
import { calendarDayOf } from '../../data/rules/zoned.js';
import type { Category, Item, ItemInput, ItemReceipt, ItemType, OwnItem } from '../../data/schema/lost-found.js';
import { NO_FILTERS, type BoardData, type BoardFilters, type DorfLostFound } from './lost-found.element.js';
import { viewStyles as ownStyles } from './lost-found.styles.js';
import { lostFoundMsg, lostFoundText, type LostFoundText } from './text.js';
// Field issues' words load with the forms.
import '../../i18n/fields.js';

export const viewStyles = [...ownStyles, outboxStyles];

/** The form schemas, loaded on the first submit (see validate.ts). */
const validation = () => import('./validate.js');

export const CATEGORIES: readonly Category[] = ['animal', 'keys', 'wallet', 'phone', 'bag', 'bicycle', 'clothing', 'document', 'jewellery', 'other'];

/** Largest photo a visitor may choose (before downscaling); phones' photos are well below. */
export const PHOTO_SOURCE_MAX = 20 * 1024 * 1024;
/** Longest edge of a published photo, in pixels. */
export const PHOTO_EDGE = 1280;
/** Tear-off strips on a flyer. */
const STRIPS = 8;

const newId = (): string => crypto.randomUUID();

/** A coarse map point, as the schema keeps it (rounded to about 1 km). */
export type Point = NonNullable<Item['point']>;

/** Why the browser gave no position. */
export class LocateError extends Error {
  constructor(readonly reason: 'denied' | 'unavailable' | 'timeout' | 'unsupported') {
    super(`No position: ${reason}`);
  }
}

/** How long the browser may look for a position once the visitor allowed it. */
const LOCATE_TIMEOUT = 20_000;

/**
 * Asks the browser for the visitor's position (call it only on their click) and returns it
 * rounded to about 1 km by the schema, so the precise position never leaves this function.
 * Rejects with a `LocateError`.
 */
export async function coarsePosition(): Promise<Point> {
  const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geo) throw new LocateError('unsupported');
  const coords = await new Promise<GeolocationCoordinates>((resolve, reject) => {
    geo.getCurrentPosition(
      (position) => resolve(position.coords),
      (error) => reject(new LocateError(error?.code === 1 ? 'denied' : error?.code === 3 ? 'timeout' : 'unavailable')),
      { enableHighAccuracy: false, maximumAge: 10 * 60_000, timeout: LOCATE_TIMEOUT },
    );
  });
  const { check, ItemPatch } = await validation();
  const result = check(ItemPatch, { point: { lat: coords.latitude, lon: coords.longitude } });
  if (!result.ok || !result.value.point) throw new LocateError('unavailable');
  return result.value.point;
}

/** OpenStreetMap at a coarse point: a plain link, nothing is loaded from there until the visitor follows it. */
export function osmLink(point: Point): string {
  const lat = point.lat.toFixed(2);
  const lon = point.lon.toFixed(2);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=14/${lat}/${lon}`;
}

interface PreparedPhoto {
  id: string;
  name: string;
  blob: Blob;
  width: number;
  height: number;
  preview: string;
}

/** What the reporter typed; strings as typed, so nothing is lost on an error. */
export interface ReportDraft {
  id: string;
  type: ItemType;
  category: Category | '';
  title: string;
  description: string;
  place: string;
  date: string;
  species: string;
  colour: string;
  marks: string;
  microchip: string;
  proofDetail: string;
  name: string;
  email: string;
  phone: string;
  photo: PreparedPhoto | null;
  /** Only ever the rounded point (see `coarsePosition`). */
  point: Point | null;
}

export function emptyReport(type: ItemType = 'lost', category: Category | '' = ''): ReportDraft {
  return {
    id: newId(), type, category, title: '', description: '', place: '', date: '', species: '', colour: '', marks: '', microchip: '',
    proofDetail: '', name: '', email: '', phone: '', photo: null, point: null,
  };
}

interface ContactDraft {
  id: string;
  name: string;
  replyTo: string;
  message: string;
}

const emptyContact = (): ContactDraft => ({ id: newId(), name: '', replyTo: '', message: '' });

interface DetailState {
  id: string;
  item?: Item;
  error?: unknown;
  matches?: Item[];
  hidden?: boolean;
  contact: ContactDraft;
  contactErrors: Map<string, string>;
  contactNotice?: { text: string; kind: 'status' | 'error' | 'queued' };
  abuseOpen?: boolean;
  abuseNote: string;
  abuseId: string;
  abuseError?: string;
  abuseNotice?: { text: string; kind: 'status' | 'error' | 'queued' };
  moderationNotice?: string;
  busy?: boolean;
}

interface ManageEdit {
  title: string;
  description: string;
  place: string;
  point: Point | null;
  date: string;
}

interface ManageState {
  token: string;
  own?: OwnItem;
  error?: unknown;
  edit?: ManageEdit;
  errors: Map<string, string>;
  /** Why the browser gave no position for the edit form. */
  pointError?: string;
  notice?: { text: string; kind: 'status' | 'error' | 'queued' };
  busy?: boolean;
}

/** Maps an issue path of `ItemInput` to the form field showing it. */
export function reportFieldOf(path: string): string {
  if (path.startsWith('contact.')) return path.slice('contact.'.length);
  if (path === 'animal') return 'species';
  if (path.startsWith('animal.')) return path.slice('animal.'.length).split('.')[0]!;
  if (path === 'proofDetail') return 'proof';
  return path.split('.')[0] || 'form';
}

/** The `ItemInput` a draft stands for (strings trimmed; empty optional fields left out). */
export function draftToInput(d: ReportDraft): Record<string, unknown> {
  const contact: Record<string, string> = { name: d.name.trim(), email: d.email.trim() };
  if (d.phone.trim()) contact.phone = d.phone.trim();
  const input: Record<string, unknown> = {
    id: d.id, type: d.type, category: d.category || undefined, title: d.title.trim(), description: d.description.trim(),
    place: d.place.trim(), point: d.point, date: d.date || undefined, photo: d.photo?.id ?? null, contact,
    animal: d.category === 'animal'
      ? { species: d.species.trim(), colour: d.colour.trim(), marks: d.marks.trim(), ...(d.microchip.trim() && { microchip: d.microchip.trim() }) }
      : null,
  };
  if (d.type === 'found' && d.proofDetail.trim()) input.proofDetail = d.proofDetail.trim();
  return input;
}

export class LostFoundUi {
  @tracked filterDraft: BoardFilters = { ...NO_FILTERS };
  @tracked more: { data: BoardData; items: Item[]; cursor: string | null } | null = null;
  @tracked loadingMore = false;
  @tracked listError: string | null = null;
  @tracked detail: DetailState | null = null;
  @tracked reporting = false;
  @tracked draft: ReportDraft = emptyReport();
  @tracked errors = new Map<string, string>();
  @tracked formNotice: { text: string; kind: 'error' | 'queued' } | null = null;
  @tracked preparingPhoto = false;
  /** Which form waits for the browser's position. */
  @tracked locating: 'report' | 'edit' | null = null;
  /** Why the browser gave no position for the report form. */
  @tracked pointError: string | null = null;
  @tracked sending = false;
  @tracked receipt: { item: Item; manageToken: string; matches: Item[] | null } | null = null;
  @tracked manage: ManageState | null = null;
  @tracked flyer: Item | null = null;

  /** @internal Opens the print dialog; tests replace it. */
  print: () => void = () => window.print();

  /** Focus to move once the next render shows its target. */
  private readonly pendingFocus: PendingFocus = { invalidIn: '', selector: '' };
  private filtersFor: BoardData | null = null;
  private announcedFor: BoardData | null = null;
  private visitorFiltered = false;
  /** Where focus returns when an item's page closes. */
  private returnTo = '';

  /** Reports that the outbox delivered: their private code, which the visitor would otherwise never see. */
  @tracked delivered: ItemReceipt[] = [];
  /** Reports, messages and abuse reports made offline: waiting, or refused on delivery. */
  readonly outbox: OutboxController;

  constructor(readonly host: DorfLostFound) {
    this.outbox = new OutboxController(host, {
      operations: ['lostFound.report', 'lostFound.contact', 'lostFound.reportAbuse'],
      onEvent: (event) => this.onOutbox(event),
      describe: (entry) => this.describeQueued(entry),
    });
  }

  /** The outbox and the receipts of reports it delivered; shown above the board, whatever it shows. */
  renderOutbox(): TemplateResult {
    const r = this.lf.receipt;
    return html`${this.delivered.map((receipt) => {
      const link = this.host.manageLink(receipt.manageToken);
      const id = `lf-delivered-${receipt.item.id}`;
      return html`<section part="receipt" class="receipt" aria-labelledby=${id}>
        <h2 id=${id} class="title" tabindex="-1">${r.title}</h2>
        <p><strong>${receipt.item.title}</strong> · ${this.lf.types[receipt.item.type]} · ${this.lf.categories[receipt.item.category]}</p>
        <h3 class="section-title">${r.tokenTitle}</h3>
        <p class="muted">${r.tokenHelp}</p>
        <p><code part="token" class="token">${link}</code></p>
        <div class="actions">
          <a part="manage-link" class="button" href=${link}>${r.link}</a>
          <button type="button" part="button close" class="button" @click=${() => (this.delivered = this.delivered.filter((d) => d !== receipt))}>${this.t.common.close}</button>
        </div>
      </section>`;
    })}${this.outbox.render()}`;
  }

  private describeQueued(entry: OutboxEntry): string | undefined {
    const input = entry.input as { title?: string; message?: string; note?: string };
    const text = (input.title || input.message || input.note || '').trim();
    return text.length > 80 ? `${text.slice(0, 79)}…` : text || undefined;
  }

  private onOutbox(event: OutboxEvent): void {
    if (event.type !== 'delivered' || event.entry.operation !== 'lostFound.report') return;
    const receipt = event.result as ItemReceipt;
    this.delivered = [...this.delivered, receipt];
    this.host.announce(this.lf.receipt.title);
    this.host.fire('dorf-item-reported', { itemId: receipt.item.id, type: receipt.item.type });
    this.host.reloadData();
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  get t(): LostFoundText {
    return lostFoundText(this.host.l10n);
  }

  private get lf(): LostFoundText['lostFound'] {
    return this.t.lostFound;
  }

  private msg(pick: (t: LostFoundText) => Parameters<typeof lostFoundMsg>[1] extends (t: LostFoundText) => infer R ? R : never, params: Record<string, string | number> = {}): string {
    return lostFoundMsg(this.host.l10n, pick, params);
  }

  private issueText = (issue: FieldIssue) => this.host.l10n.issue(issue);

  /** A calendar day (`YYYY-MM-DD`) in words, whatever the page's zone. */
  dayText(day: string): string {
    return this.host.l10n.format.date(new Date(`${day}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  }

  private today(): string {
    return calendarDayOf(this.host.clock(), this.host.l10n.timeZone);
  }

  private sentence(error: unknown): string {
    return BackendError.is(error) ? this.host.l10n.error(error) : this.t.state.error;
  }

  private notify(error: unknown, action: string): void {
    if (BackendError.is(error)) this.host.fire('dorf-error', { error, action });
  }

  private notice(error: unknown): { text: string; kind: 'error' | 'queued' } {
    return BackendError.is(error, 'queued') ? { text: this.t.errors.queued, kind: 'queued' } : { text: this.sentence(error), kind: 'error' };
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle hooks from the element

  onChange(): void {
    if (this.detail?.item) this.detail = { ...this.detail, matches: undefined };
  }

  afterUpdate(): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    applyPendingFocus(root, this.pendingFocus);
  }

  // -------------------------------------------------------------------------------------------
  // The board

  render(data: BoardData): TemplateResult {
    if (this.filtersFor === null || this.filtersFor.filters !== data.filters) {
      // The element's filters (attributes, a reset) are what the form shows.
      this.filtersFor = data;
      this.filterDraft = { ...data.filters };
    }
    if (this.flyer) return this.renderFlyer(this.flyer);
    const itemId = this.host.item;
    if (itemId) return this.renderDetail(itemId);
    if (this.receipt) return this.renderReceipt();
    if (this.reporting) return this.renderForm();
    return this.renderBoard(data);
  }

  private renderBoard(data: BoardData): TemplateResult {
    const lf = this.lf;
    const more = this.more?.data === data ? this.more : null;
    const items = more ? [...data.page.items, ...more.items] : data.page.items;
    const cursor = more ? more.cursor : data.page.nextCursor;
    const filtered = Object.values(data.filters).some(Boolean);
    const count = cursor ? this.msg((t) => t.lostFound.resultsMore, { count: items.length }) : this.msg((t) => t.lostFound.results, { count: items.length });
    if (this.visitorFiltered && this.announcedFor !== data) {
      this.announcedFor = data;
      this.host.announce(items.length ? count : lf.empty);
    }
    return html`
      <div part="header" class="header">
        <h2 class="title">${lf.title}</h2>
        <p class="muted">${lf.intro}</p>
        <div class="actions">
          <button type="button" id="lf-report-open" part="button report-open" class="button button--primary" @click=${() => this.openForm()}>${lf.report}</button>
        </div>
      </div>
      ${this.renderFilters()}
      ${items.length
        ? html`<p part="results" class="muted" id="lf-results">${count}</p>
            <ul part="list" class="list" aria-labelledby="lf-list-title">
              ${items.map((item) => html`<li class="list__item">${this.renderCard(item)}</li>`)}
            </ul>
            <h3 id="lf-list-title" class="visually-hidden">${lf.list}</h3>`
        : renderStatus(this.host.l10n, 'empty', { message: filtered ? lf.empty : lf.emptyBoard })}
      ${this.listError ? html`<p part="notice" class="notice notice--error" role="alert">${this.listError}</p>` : nothing}
      ${cursor
        ? html`<button type="button" part="button more" class="button" ?disabled=${this.loadingMore}
            @click=${() => this.loadMore(data, cursor)}>${this.loadingMore ? this.t.common.loading : lf.more}</button>`
        : nothing}
    `;
  }

  private renderCard(item: Item): TemplateResult {
    const lf = this.lf;
    return html`<article part="card card-${item.type}" class="card card--${item.type}" aria-labelledby="lf-card-${item.id}">
      ${item.photo
        ? html`<img part="card-photo" class="card__photo" src=${item.photo.url} alt=${this.msg((t) => t.lostFound.photoOf, { title: item.title })}
            width=${item.photo.width ?? nothing} height=${item.photo.height ?? nothing} loading="lazy" />`
        : html`<div part="card-photo" class="card__photo card__photo--none" aria-hidden="true">${lf.categories[item.category]}</div>`}
      <div class="card__body">
        <p class="card__badges"><span part="badge badge-${item.type}" class="badge badge--${item.type}">${lf.types[item.type]}</span>
          <span class="badge">${lf.categories[item.category]}</span></p>
        <h3 part="card-title" class="card__title" id="lf-card-${item.id}">
          <button type="button" part="button open" class="link-button card__open" data-item=${item.id} @click=${() => this.openItem(item.id)}>${item.title}</button>
        </h3>
        <p part="card-meta" class="muted">${this.msg((t) => t.lostFound.datePlace, { date: this.dayText(item.date), place: item.place })}</p>
      </div>
    </article>`;
  }

  private renderFilters(): TemplateResult {
    const fl = this.lf.filters;
    const d = this.filterDraft;
    const set = (key: keyof BoardFilters, apply: boolean) => (e: Event) => {
      this.filterDraft = { ...this.filterDraft, [key]: (e.target as HTMLInputElement).value };
      if (apply) this.applyFilters();
    };
    return html`<form part="filters" class="filters" role="search" aria-labelledby="lf-filters-title" novalidate
      @submit=${(e: Event) => (e.preventDefault(), this.applyFilters())}>
      <h3 id="lf-filters-title" class="section-title">${fl.title}</h3>
      <div class="row">
        ${field({ id: 'lf-q', label: fl.q, help: fl.qHelp }, (a) => html`
          <input id=${a.id} type="search" maxlength="100" aria-describedby=${a.describedBy} .value=${live(d.q)} @input=${set('q', false)} />`)}
        ${field({ id: 'lf-type', label: fl.type }, (a) => html`
          <select id=${a.id} aria-describedby=${a.describedBy} @change=${set('type', true)}>
            <option value="" ?selected=${d.type === ''}>${this.lf.allTypes}</option>
            ${(['lost', 'found'] as const).map((v) => html`<option value=${v} ?selected=${d.type === v}>${this.lf.types[v]}</option>`)}
          </select>`)}
        ${field({ id: 'lf-category', label: fl.category }, (a) => html`
          <select id=${a.id} aria-describedby=${a.describedBy} @change=${set('category', true)}>
            <option value="" ?selected=${d.category === ''}>${fl.anyCategory}</option>
            ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${d.category === c}>${this.lf.categories[c]}</option>`)}
          </select>`)}
      </div>
      <div class="row">
        ${field({ id: 'lf-from', label: fl.from }, (a) => html`
          <input id=${a.id} type="date" max=${this.today()} aria-describedby=${a.describedBy} .value=${live(d.from)} @change=${set('from', true)} />`)}
        ${field({ id: 'lf-to', label: fl.to }, (a) => html`
          <input id=${a.id} type="date" max=${this.today()} aria-describedby=${a.describedBy} .value=${live(d.to)} @change=${set('to', true)} />`)}
        ${field({ id: 'lf-place', label: fl.place, help: fl.placeHelp }, (a) => html`
          <input id=${a.id} type="text" maxlength="100" aria-describedby=${a.describedBy} .value=${live(d.place)} @input=${set('place', false)} />`)}
      </div>
      <div class="actions">
        <button type="submit" part="button filter-apply" class="button button--primary">${fl.apply}</button>
        <button type="button" part="button filter-reset" class="button" @click=${() => this.resetFilters()}>${fl.reset}</button>
      </div>
    </form>`;
  }

  applyFilters(): void {
    this.visitorFiltered = true;
    this.more = null;
    this.listError = null;
    this.host.applyFilters(this.filterDraft);
  }

  resetFilters(): void {
    this.filterDraft = { ...NO_FILTERS };
    this.applyFilters();
  }

  /** The next page from the backend, after the last one shown. */
  async loadMore(data: BoardData, cursor: string): Promise<void> {
    const api = this.host.api;
    if (!api || this.loadingMore) return;
    this.loadingMore = true;
    this.listError = null;
    const shown = this.more?.data === data ? this.more.items : [];
    try {
      const page = await api.lostFound.list({ ...this.host.listQuery(data.filters), cursor });
      this.more = { data, items: [...shown, ...page.items], cursor: page.nextCursor };
      const first = page.items[0];
      this.host.announce(this.msg((t) => (page.nextCursor ? t.lostFound.resultsMore : t.lostFound.results), { count: data.page.items.length + shown.length + page.items.length }));
      if (first) this.pendingFocus.selector = `[data-item="${CSS.escape(first.id)}"]`;
    } catch (error) {
      this.notify(error, 'lostFound.list');
      this.listError = this.sentence(error);
    } finally {
      this.loadingMore = false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // One item's page

  openItem(itemId: string): void {
    this.returnTo = `[data-item="${CSS.escape(itemId)}"]`;
    this.host.item = itemId;
  }

  closeItem(): void {
    this.host.item = '';
    this.detail = null;
    if (/^#dorf-item=/.test(location.hash)) history.replaceState(null, '', location.pathname + location.search);
    this.pendingFocus.selector = this.returnTo || '#lf-report-open';
    this.returnTo = '';
  }

  private async loadItem(itemId: string): Promise<void> {
    const api = this.host.api;
    if (!api) return;
    try {
      const item = await api.lostFound.get(itemId);
      if (this.detail?.id !== itemId) return;
      this.detail = { ...this.detail, item };
      this.pendingFocus.selector = '#lf-detail-title';
      void this.loadMatches(item);
    } catch (error) {
      if (this.detail?.id === itemId) this.detail = { ...this.detail, error };
    }
  }

  private async loadMatches(item: Item): Promise<void> {
    try {
      const matches = item.status === 'open' ? await this.host.api!.lostFound.matches(item.id) : [];
      if (this.detail?.id === item.id) this.detail = { ...this.detail, matches };
    } catch {
      if (this.detail?.id === item.id) this.detail = { ...this.detail, matches: [] };
    }
  }

  private renderDetail(itemId: string): TemplateResult {
    if (this.detail?.id !== itemId) {
      this.detail = { id: itemId, contact: emptyContact(), contactErrors: new Map(), abuseNote: '', abuseId: newId() };
      void this.loadItem(itemId);
    }
    const state = this.detail!;
    const lf = this.lf;
    const back = html`<button type="button" part="button back" class="button" @click=${() => this.closeItem()}>
      <span aria-hidden="true">‹</span> ${lf.back}</button>`;
    if (state.error) {
      const kind = BackendError.is(state.error, 'forbidden') ? 'forbidden' : 'error';
      return html`<div class="actions">${back}</div>${renderStatus(this.host.l10n, kind, { error: state.error })}`;
    }
    const item = state.item;
    if (!item) return html`<div class="actions">${back}</div>${renderStatus(this.host.l10n, 'loading')}`;
    if (state.matches === undefined && item.status === 'open') void this.loadMatches(item);
    return html`<article part="detail" class="detail" aria-labelledby="lf-detail-title">
      <div class="actions">${back}</div>
      <p class="card__badges"><span part="badge badge-${item.type}" class="badge badge--${item.type}">${lf.typeHeadings[item.type]}</span>
        <span class="badge">${lf.categories[item.category]}</span>
        ${item.status !== 'open' ? html`<span class="badge badge--closed">${lf.statuses[item.status]}</span>` : nothing}</p>
      <h2 id="lf-detail-title" class="title" tabindex="-1">${item.title}</h2>
      ${state.hidden ? html`<p part="notice" class="notice notice--queued">${lf.moderation.hidden}</p>` : nothing}
      ${item.photo
        ? html`<img part="photo" class="detail__photo" src=${item.photo.url} alt=${this.msg((t) => t.lostFound.photoOf, { title: item.title })}
            width=${item.photo.width ?? nothing} height=${item.photo.height ?? nothing} />`
        : nothing}
      ${this.renderFacts(item)}
      ${item.asksProof ? html`<p class="muted">${lf.asksProof}</p>` : nothing}
      <p class="muted">${this.msg((t) => t.lostFound.expires, { date: this.host.l10n.format.date(item.expiresAt, { dateStyle: 'medium' }) })}</p>
      <div class="actions">
        <button type="button" part="button print" class="button" @click=${() => this.openFlyer(item)}>${lf.flyer.open}</button>
      </div>
      ${this.renderMatches(item, state.matches)}
      ${item.status === 'open' ? this.renderContact(item, state) : html`<p part="notice" class="notice">${lf.contact.closed}</p>`}
      ${this.renderAbuse(item, state)}
      ${this.host.canModerate ? this.renderModeration(item, state) : nothing}
    </article>`;
  }

  private renderFacts(item: Item): TemplateResult {
    const lf = this.lf;
    const a = item.animal;
    return html`<dl part="facts" class="facts">
      <dt>${item.type === 'lost' ? lf.dateLost : lf.dateFound}</dt><dd>${this.dayText(item.date)}</dd>
      <dt>${lf.place}</dt><dd>${item.place}</dd>
      ${item.point
        ? html`<dt>${lf.point.label}</dt><dd part="point" class="point__facts"><span>${this.pointCoords(item.point)}</span>
            <a part="point-link" class="point-link" href=${osmLink(item.point)} target="_blank" rel="noopener noreferrer">${lf.point.link}</a></dd>`
        : nothing}
      ${a
        ? html`<dt>${lf.species}</dt><dd>${a.species}</dd>
            ${a.colour ? html`<dt>${lf.colour}</dt><dd>${a.colour}</dd>` : nothing}
            ${a.marks ? html`<dt>${lf.marks}</dt><dd class="text">${a.marks}</dd>` : nothing}
            ${a.microchip ? html`<dt>${lf.microchip}</dt><dd>${a.microchip}</dd>` : nothing}`
        : nothing}
    </dl>
    ${item.description ? html`<p class="text">${item.description}</p>` : nothing}`;
  }

  private renderMatches(item: Item, matches: Item[] | undefined): TemplateResult | typeof nothing {
    if (item.status !== 'open') return nothing;
    const lf = this.lf;
    return html`<section part="matches" class="matches" aria-labelledby="lf-matches-title">
      <h3 id="lf-matches-title" class="section-title">${item.type === 'lost' ? lf.matches.found : lf.matches.lost}</h3>
      ${matches === undefined
        ? renderStatus(this.host.l10n, 'loading')
        : matches.length
          ? html`<ul class="matches__list">${matches.map((m) => html`<li part="match" class="match">
              <button type="button" part="button open" class="link-button" data-item=${m.id} @click=${() => this.openItem(m.id)}>${m.title}</button>
              <span class="muted">${this.msg((t) => t.lostFound.datePlace, { date: this.dayText(m.date), place: m.place })}</span>
            </li>`)}</ul>`
          : html`<p class="muted">${lf.matches.none}</p>`}
    </section>`;
  }

  private renderContact(item: Item, state: DetailState): TemplateResult {
    const c = this.lf.contact;
    const d = state.contact;
    const e = state.contactErrors;
    const req = this.t.common.required;
    const set = (key: keyof ContactDraft) => (ev: Event) => {
      if (this.detail) this.detail = { ...this.detail, contact: { ...this.detail.contact, [key]: (ev.target as HTMLInputElement).value } };
    };
    return html`<form part="contact" class="subform contact-form" novalidate aria-labelledby="lf-contact-title"
      @submit=${(ev: Event) => (ev.preventDefault(), this.sendContact(item))}>
      <h3 id="lf-contact-title" class="section-title">${c.title}</h3>
      <p class="muted">${c.intro}</p>
      ${field({ id: 'lf-contact-name', label: c.name, error: e.get('name'), hint: req }, (a) => html`
        <input id=${a.id} autocomplete="name" maxlength="120" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d.name)} @input=${set('name')} />`)}
      ${field({ id: 'lf-contact-replyTo', label: c.replyTo, help: c.replyHelp, error: e.get('replyTo'), hint: req }, (a) => html`
        <input id=${a.id} type="email" autocomplete="email" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d.replyTo)} @input=${set('replyTo')} />`)}
      ${field({ id: 'lf-contact-message', label: c.message, help: c.messageHelp, error: e.get('message'), hint: req }, (a) => html`
        <textarea id=${a.id} maxlength="2000" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d.message)} @input=${set('message')}></textarea>`)}
      ${state.contactNotice
        ? html`<p part="notice" class="notice notice--${state.contactNotice.kind}" role=${state.contactNotice.kind === 'error' ? 'alert' : 'status'}>${state.contactNotice.text}</p>`
        : nothing}
      <button type="submit" id="lf-contact-send" part="button submit" class="button button--primary" ?disabled=${state.busy}>${c.send}</button>
    </form>`;
  }

  async sendContact(item: Item): Promise<void> {
    const api = this.host.api;
    const state = this.detail;
    if (!api || !state || state.busy) return;
    const { check, ContactInput } = await validation();
    const input = { id: state.contact.id, itemId: item.id, name: state.contact.name.trim(), replyTo: state.contact.replyTo.trim(), message: state.contact.message.trim() };
    const result = check(ContactInput, input);
    if (!result.ok) {
      this.detail = { ...state, contactErrors: issuesByField(result.issues, this.issueText), contactNotice: { text: this.t.errors.validation, kind: 'error' } };
      this.pendingFocus.invalidIn = 'form[part~="contact"]';
      return;
    }
    this.detail = { ...state, busy: true, contactErrors: new Map() };
    try {
      await api.lostFound.contact(result.value);
      const text = this.lf.contact.sent;
      // The message is gone from the form; name and address stay for a follow-up.
      this.detail = { ...this.detail!, busy: false, contact: { ...emptyContact(), name: input.name, replyTo: input.replyTo }, contactNotice: { text, kind: 'status' } };
      this.host.announce(text);
      this.host.fire('dorf-item-contacted', { itemId: item.id });
    } catch (error) {
      this.notify(error, 'lostFound.contact');
      const issues = BackendError.is(error, 'validation') ? error.issues : [];
      this.detail = {
        ...this.detail!, busy: false,
        ...(BackendError.is(error, 'queued') && { contact: { ...emptyContact(), name: input.name, replyTo: input.replyTo } }),
        contactErrors: issuesByField(issues.filter((i) => i.path !== 'itemId'), this.issueText),
        contactNotice: issues.some((i) => i.path === 'itemId') ? { text: this.lf.contact.closed, kind: 'error' } : this.notice(error),
      };
    }
  }

  private renderAbuse(item: Item, state: DetailState): TemplateResult {
    const ab = this.lf.abuse;
    if (!state.abuseOpen) {
      return html`<div part="abuse" class="abuse">
        ${state.abuseNotice ? html`<p part="notice" class="notice notice--${state.abuseNotice.kind}" role="status">${state.abuseNotice.text}</p>` : nothing}
        <button type="button" id="lf-abuse-open" part="button abuse-open" class="link-button" aria-expanded="false"
          @click=${() => (this.detail = { ...state, abuseOpen: true, abuseNotice: undefined }, (this.pendingFocus.selector = '#lf-abuse-note'))}>${ab.open}</button>
      </div>`;
    }
    return html`<form part="abuse" class="subform" novalidate aria-labelledby="lf-abuse-title" @submit=${(ev: Event) => (ev.preventDefault(), this.sendAbuse(item))}
      @keydown=${(ev: KeyboardEvent) => ev.key === 'Escape' && this.closeAbuse()}>
      <h3 id="lf-abuse-title" class="section-title">${ab.title}</h3>
      ${field({ id: 'lf-abuse-note', label: ab.note, error: state.abuseError, hint: this.t.common.required }, (a) => html`
        <textarea id=${a.id} maxlength="1000" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(state.abuseNote)}
          @input=${(ev: Event) => (this.detail = { ...this.detail!, abuseNote: (ev.target as HTMLTextAreaElement).value })}></textarea>`)}
      ${state.abuseNotice ? html`<p part="notice" class="notice notice--${state.abuseNotice.kind}" role="alert">${state.abuseNotice.text}</p>` : nothing}
      <div class="actions">
        <button type="submit" part="button submit" class="button button--danger" ?disabled=${state.busy}>${ab.send}</button>
        <button type="button" part="button" class="button" @click=${() => this.closeAbuse()}>${this.t.common.cancel}</button>
      </div>
    </form>`;
  }

  private closeAbuse(): void {
    if (this.detail) this.detail = { ...this.detail, abuseOpen: false, abuseError: undefined };
    this.pendingFocus.selector = '#lf-abuse-open';
  }

  async sendAbuse(item: Item): Promise<void> {
    const api = this.host.api;
    const state = this.detail;
    if (!api || !state || state.busy) return;
    const { check, AbuseReport } = await validation();
    const result = check(AbuseReport, { id: state.abuseId, itemId: item.id, note: state.abuseNote.trim() });
    if (!result.ok) {
      this.detail = { ...state, abuseError: this.issueText(result.issues[0]!) };
      this.pendingFocus.selector = '#lf-abuse-note';
      return;
    }
    this.detail = { ...state, busy: true, abuseError: undefined };
    try {
      await api.lostFound.reportAbuse(result.value);
      this.detail = { ...this.detail!, busy: false, abuseOpen: false, abuseNote: '', abuseId: newId(), abuseNotice: { text: this.lf.abuse.sent, kind: 'status' } };
      this.host.announce(this.lf.abuse.sent);
      this.pendingFocus.selector = '#lf-abuse-open';
    } catch (error) {
      this.notify(error, 'lostFound.reportAbuse');
      const queued = BackendError.is(error, 'queued');
      this.detail = { ...this.detail!, busy: false, ...(queued && { abuseOpen: false, abuseNote: '', abuseId: newId() }), abuseNotice: this.notice(error) };
    }
  }

  private renderModeration(item: Item, state: DetailState): TemplateResult {
    const m = this.lf.moderation;
    return html`<div part="moderation" class="moderation">
      ${state.moderationNotice ? html`<p part="notice" class="notice" role="status">${state.moderationNotice}</p>` : nothing}
      <button type="button" part="button hide" class="button button--danger" ?disabled=${state.busy}
        @click=${() => this.setHidden(item, !state.hidden)}>${state.hidden ? m.show : m.hide}</button>
    </div>`;
  }

  async setHidden(item: Item, hidden: boolean): Promise<void> {
    const api = this.host.api;
    if (!api || !this.detail) return;
    this.detail = { ...this.detail, busy: true };
    try {
      await api.lostFound.hide(item.id, hidden);
      const text = hidden ? this.lf.moderation.done : this.lf.moderation.shown;
      this.detail = { ...this.detail, busy: false, hidden, moderationNotice: text };
      this.host.announce(text);
      this.host.fire('dorf-item-hidden', { itemId: item.id, hidden });
      this.host.reloadData();
    } catch (error) {
      this.notify(error, 'lostFound.hide');
      this.detail = { ...this.detail, busy: false, moderationNotice: this.sentence(error) };
    }
  }

  // -------------------------------------------------------------------------------------------
  // The flyer

  openFlyer(item: Item): void {
    this.flyer = item;
    this.pendingFocus.selector = '#lf-print';
  }

  closeFlyer(): void {
    this.flyer = null;
    this.pendingFocus.selector = '[part~="print"]';
  }

  /** A printable sheet: heading, photo, facts, and tear-off strips with the short link. No personal data. */
  private renderFlyer(item: Item): TemplateResult {
    const lf = this.lf;
    const link = this.host.shortLink(item.id);
    const a = item.animal;
    return html`
      <div class="actions no-print">
        <button type="button" id="lf-print" part="button print" class="button button--primary" @click=${() => this.print()}>${lf.flyer.print}</button>
        <button type="button" part="button back" class="button" @click=${() => this.closeFlyer()}>${this.t.common.back}</button>
        <p class="muted">${lf.flyer.help}</p>
      </div>
      <article part="flyer" class="flyer flyer--${item.type}" aria-labelledby="lf-flyer-title">
        <p class="flyer__kind">${lf.typeHeadings[item.type]}</p>
        <h2 id="lf-flyer-title" class="flyer__title">${item.title}</h2>
        ${item.photo ? html`<img part="flyer-photo" class="flyer__photo" src=${item.photo.url} alt=${this.msg((t) => t.lostFound.photoOf, { title: item.title })} />` : nothing}
        <p class="flyer__facts"><strong>${item.type === 'lost' ? lf.dateLost : lf.dateFound}:</strong> ${this.dayText(item.date)} ·
          <strong>${lf.place}:</strong> ${item.place}</p>
        ${a ? html`<p class="flyer__facts">${[a.species, a.colour, a.marks].filter(Boolean).join(' · ')}${a.microchip ? ` · ${lf.microchip}: ${a.microchip}` : ''}</p>` : nothing}
        ${item.description ? html`<p class="text">${item.description}</p>` : nothing}
        <p class="flyer__via">${lf.flyer.contactVia} <strong class="flyer__link">${link}</strong></p>
        <ul part="flyer-strips" class="flyer__strips" aria-label=${lf.flyer.strip}>
          ${Array.from({ length: STRIPS }, () => html`<li part="strip" class="strip"><span class="strip__title">${item.title}</span><span class="strip__link">${link}</span></li>`)}
        </ul>
      </article>
    `;
  }

  // -------------------------------------------------------------------------------------------
  // Reporting

  openForm(): void {
    this.reporting = true;
    this.receipt = null;
    if (!this.draft.type) this.draft = emptyReport();
    this.pendingFocus.selector = '#lf-form-title';
  }

  closeForm(): void {
    this.reporting = false;
    this.pendingFocus.selector = '#lf-report-open';
  }

  update(patch: Partial<ReportDraft>): void {
    this.draft = { ...this.draft, ...patch };
  }

  private input(key: keyof ReportDraft) {
    return (e: Event) => this.update({ [key]: (e.target as HTMLInputElement).value } as Partial<ReportDraft>);
  }

  private renderForm(): TemplateResult {
    const fm = this.lf.form;
    const d = this.draft;
    const e = this.errors;
    const req = this.t.common.required;
    const opt = this.t.common.optional;
    const text = (key: 'title' | 'place' | 'species' | 'colour' | 'microchip' | 'name' | 'phone', id: string, label: string, o: { help?: string; hint?: string; max?: number; autocomplete?: string; type?: string; inputmode?: string } = {}) =>
      field({ id, label, help: o.help, error: e.get(key), hint: o.hint }, (a) => html`
        <input id=${a.id} type=${o.type ?? 'text'} maxlength=${o.max ?? nothing} autocomplete=${o.autocomplete ?? nothing} inputmode=${o.inputmode ?? nothing}
          aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d[key])} @input=${this.input(key)} />`);
    const area = (key: 'description' | 'marks' | 'proofDetail', id: string, errorKey: string, label: string, help: string | undefined, max: number) =>
      field({ id, label, help, error: e.get(errorKey), hint: opt }, (a) => html`
        <textarea id=${a.id} maxlength=${max} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d[key])} @input=${this.input(key)}></textarea>`);
    return html`<form part="form" class="form" id="lf-form" novalidate aria-labelledby="lf-form-title" @submit=${(ev: Event) => (ev.preventDefault(), this.submit())}>
      <h2 id="lf-form-title" class="title" tabindex="-1">${fm.title}</h2>
      <p class="muted">${fm.intro}</p>
      <fieldset part="type" class="fieldset">
        <legend>${fm.type}</legend>
        ${(['lost', 'found'] as const).map((v) => html`<label class="choice">
          <input type="radio" name="lf-type" id="lf-type-${v}" value=${v} .checked=${live(d.type === v)} @change=${() => this.update({ type: v })} />
          ${v === 'lost' ? fm.typeLost : fm.typeFound}</label>`)}
      </fieldset>
      ${field({ id: 'lf-category-input', label: fm.category, error: e.get('category'), hint: req }, (a) => html`
        <select id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid}
          @change=${(ev: Event) => this.update({ category: (ev.target as HTMLSelectElement).value as Category | '' })}>
          <option value="" ?selected=${d.category === ''}>${fm.choose}</option>
          ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${d.category === c}>${this.lf.categories[c]}</option>`)}
        </select>`)}
      ${text('title', 'lf-title', fm.titleField, { help: fm.titleHelp, hint: req, max: 120 })}
      ${area('description', 'lf-description', 'description', fm.description, fm.descriptionHelp, 2000)}
      <div class="row">
        ${text('place', 'lf-place-input', fm.place, { help: fm.placeHelp, hint: req, max: 200 })}
        ${field({ id: 'lf-date', label: fm.date, error: e.get('date'), hint: req }, (a) => html`
          <input id=${a.id} type="date" max=${this.today()} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d.date)} @input=${this.input('date')} />`)}
      </div>
      ${this.renderPoint('report', d.point, this.pointError ?? e.get('point'))}
      ${d.category === 'animal'
        ? html`<fieldset part="animal" class="fieldset">
            <legend>${fm.animal}</legend>
            ${text('species', 'lf-species', fm.species, { help: fm.speciesHelp, hint: req, max: 60 })}
            ${text('colour', 'lf-colour', fm.colour, { hint: opt, max: 60 })}
            ${area('marks', 'lf-marks', 'marks', fm.marks, undefined, 300)}
            ${text('microchip', 'lf-microchip', fm.microchip, { help: fm.microchipHelp, hint: opt, max: 24, inputmode: 'numeric' })}
          </fieldset>`
        : nothing}
      ${field({ id: 'lf-photo', label: fm.photo, hint: opt, help: this.msg((t) => t.lostFound.form.photoHelp, { max: PHOTO_SOURCE_MAX }), error: e.get('photo') }, (a) => html`
        <input id=${a.id} type="file" accept="image/*" aria-describedby=${a.describedBy} aria-invalid=${a.invalid}
          @change=${(ev: Event) => this.choosePhoto(ev.target as HTMLInputElement)} />`)}
      ${this.preparingPhoto ? html`<p class="muted" role="status">${fm.photoPreparing}</p>` : nothing}
      ${d.photo
        ? html`<div part="photo-preview" class="photo-preview">
            <img src=${d.photo.preview} alt="" width="96" height=${Math.round((96 * d.photo.height) / d.photo.width)} />
            <p class="muted" role="status">${fm.photoReady}</p>
            <button type="button" part="button" class="link-button" @click=${() => this.removePhoto()}>${fm.removePhoto}</button>
          </div>`
        : nothing}
      ${d.type === 'found' ? area('proofDetail', 'lf-proof', 'proof', fm.proof, fm.proofHelp, 500) : nothing}
      <fieldset part="contact-fields" class="fieldset" aria-describedby="lf-contact-help">
        <legend>${fm.contact}</legend>
        <p id="lf-contact-help" class="muted">${fm.contactHelp}</p>
        ${text('name', 'lf-name', fm.name, { hint: req, max: 120, autocomplete: 'name' })}
        ${field({ id: 'lf-email', label: fm.email, error: e.get('email'), hint: req }, (a) => html`
          <input id=${a.id} type="email" autocomplete="email" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(d.email)} @input=${this.input('email')} />`)}
        ${text('phone', 'lf-phone', fm.phone, { hint: opt, type: 'tel', autocomplete: 'tel' })}
      </fieldset>
      ${this.formNotice
        ? html`<p part="notice" class="notice notice--${this.formNotice.kind}" role=${this.formNotice.kind === 'error' ? 'alert' : 'status'}>${this.formNotice.text}</p>`
        : nothing}
      ${e.get('form') ? html`<p part="notice" class="notice notice--error" role="alert">${e.get('form')}</p>` : nothing}
      <div class="actions">
        <button type="submit" id="lf-submit" part="button submit" class="button button--primary" ?disabled=${this.sending || this.preparingPhoto}>
          ${this.sending ? fm.sending : fm.send}</button>
        <button type="button" part="button back" class="button" @click=${() => this.closeForm()}>${this.t.common.cancel}</button>
      </div>
    </form>`;
  }

  /** Downscales and re-encodes the photo on the device: no EXIF, no GPS, no metadata at all. */
  async choosePhoto(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await this.acceptPhoto(file);
  }

  async acceptPhoto(file: File): Promise<void> {
    const errors = new Map(this.errors);
    errors.delete('photo');
    this.preparingPhoto = true;
    try {
      const [media, { FILE_LIMITS }] = await Promise.all([import('../../core/media/image.js'), validation()]);
      try {
        const image = await media.prepareImage(file, { maxEdge: PHOTO_EDGE, maxSourceBytes: PHOTO_SOURCE_MAX, maxBytes: FILE_LIMITS.image, type: 'image/jpeg' });
        this.removePhoto();
        this.update({ photo: { id: newId(), name: (file.name || 'photo').replace(/\.[^.]*$/, '') + '.jpg', blob: image.blob, width: image.width, height: image.height, preview: URL.createObjectURL(image.blob) } });
      } catch (error) {
        errors.set('photo', this.issueText(error instanceof media.ImageError ? error.issue : { path: 'photo', code: 'image.unreadable' }));
        this.pendingFocus.selector = '#lf-photo';
      }
    } finally {
      this.preparingPhoto = false;
      this.errors = errors;
    }
  }

  removePhoto(): void {
    if (this.draft.photo) URL.revokeObjectURL(this.draft.photo.preview);
    this.update({ photo: null });
  }

  // -------------------------------------------------------------------------------------------
  // The coarse map point ("Ungefähre Lage"), in the report form and the reporter's edit form

  /** "49,87 N, 8,65 O": a coarse point in the visitor's language, always with two decimals. */
  pointCoords(point: Point): string {
    const pt = this.lf.point;
    const n = (v: number) => this.host.l10n.format.number(Math.abs(v), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return this.msg((t) => t.lostFound.point.coords, { lat: n(point.lat), ns: point.lat < 0 ? pt.south : pt.north, lon: n(point.lon), ew: point.lon < 0 ? pt.west : pt.east });
  }

  private pointValue(point: Point): string {
    return this.msg((t) => t.lostFound.point.value, { coords: this.pointCoords(point) });
  }

  /** "Ungefähre Lage hinzufügen", or the rounded point with "Entfernen"; the browser is asked only on that click. */
  private renderPoint(form: 'report' | 'edit', point: Point | null, error: string | undefined): TemplateResult {
    const pt = this.lf.point;
    const id = form === 'report' ? 'lf-point' : 'lf-edit-point';
    return html`<div part="point" class="field point ${error ? 'field--invalid' : ''}" role="group" aria-labelledby="${id}-label">
      <span id="${id}-label" part="field-label" class="field__label">${pt.label} <span class="field__hint">(${this.t.common.optional})</span></span>
      ${point
        ? html`<p class="point__value"><span id="${id}-value">${this.pointValue(point)}</span>
            <button type="button" id="${id}-remove" part="button point-remove" class="link-button" aria-describedby="${id}-value"
              @click=${() => this.removePoint(form)}>${pt.remove}</button></p>`
        : html`<button type="button" id=${id} part="button point-add" class="button point__add"
            aria-describedby=${error ? `${id}-help ${id}-error` : `${id}-help`} @click=${() => this.locate(form)}>
            ${this.locating === form ? pt.locating : pt.add}</button>`}
      <p id="${id}-help" part="field-help" class="field__help">${pt.help}</p>
      ${error ? html`<p id="${id}-error" part="field-error" class="field__error">${error}</p>` : nothing}
    </div>`;
  }

  /** Whose point a position is for: the report draft, or the reporter's edit form. */
  private pointOwner(form: 'report' | 'edit'): string | undefined {
    return form === 'report' ? this.draft.id : this.manage?.token;
  }

  private setPointError(form: 'report' | 'edit', text: string | null): void {
    if (form === 'report') this.pointError = text;
    else if (this.manage) this.manage = { ...this.manage, pointError: text ?? undefined };
  }

  /**
   * Asks the browser for the position (only now, on the visitor's click), keeps it rounded to
   * about 1 km and moves focus to "Entfernen". A refusal or failure is said at the field; what
   * was typed stays.
   */
  async locate(form: 'report' | 'edit'): Promise<void> {
    if (this.locating) return;
    const owner = this.pointOwner(form);
    this.setPointError(form, null);
    this.locating = form;
    this.host.announce(this.lf.point.locating);
    try {
      const point = await coarsePosition();
      // The form may have been sent or closed meanwhile.
      if (this.pointOwner(form) !== owner) return;
      if (form === 'report') this.update({ point });
      else if (this.manage?.edit) this.manage = { ...this.manage, edit: { ...this.manage.edit, point } };
      this.host.announce(this.pointValue(point));
      this.pendingFocus.selector = form === 'report' ? '#lf-point-remove' : '#lf-edit-point-remove';
    } catch (error) {
      if (this.pointOwner(form) !== owner) return;
      const text = this.lf.point[error instanceof LocateError ? error.reason : 'unavailable'];
      this.setPointError(form, text);
      this.host.announce(text);
    } finally {
      this.locating = null;
    }
  }

  removePoint(form: 'report' | 'edit'): void {
    if (form === 'report') this.update({ point: null });
    else if (this.manage?.edit) this.manage = { ...this.manage, edit: { ...this.manage.edit, point: null } };
    this.host.announce(this.lf.point.removed);
    this.pendingFocus.selector = form === 'report' ? '#lf-point' : '#lf-edit-point';
  }

  /** Every issue the draft has before anything is sent: the schema's, a category, the date. */
  async validate(): Promise<{ issues: FieldIssue[]; value?: ItemInput }> {
    const d = this.draft;
    const { check, ItemInput } = await validation();
    const result = check(ItemInput, draftToInput(d));
    const issues: FieldIssue[] = [];
    if (!d.category) issues.push({ path: 'category', code: 'lostFound.categoryRequired' });
    if (d.date && d.date > this.today()) issues.push({ path: 'date', code: 'lostFound.futureDate' });
    if (!result.ok) issues.push(...result.issues.filter((i) => !(i.path === 'category' && !d.category)));
    return issues.length ? { issues } : { issues: [], value: (result as { value: ItemInput }).value };
  }

  private showIssues(issues: FieldIssue[]): void {
    const photoError = this.errors.get('photo');
    this.errors = issuesByField(issues, this.issueText, reportFieldOf);
    if (photoError && !this.errors.has('photo')) this.errors.set('photo', photoError);
    this.formNotice = { text: this.lf.form.fixErrors, kind: 'error' };
    this.pendingFocus.invalidIn = '#lf-form';
  }

  async submit(): Promise<void> {
    const api = this.host.api;
    if (!api || this.sending || this.preparingPhoto) return;
    this.formNotice = null;
    const { issues, value } = await this.validate();
    if (issues.length || !value) {
      this.showIssues(issues);
      return;
    }
    this.errors = new Map();
    this.formNotice = null;
    this.sending = true;
    const photo = this.draft.photo;
    try {
      if (photo) {
        // Offline, the photo waits in the outbox; the report goes in after it, in order.
        await api.files.upload({ id: photo.id, name: photo.name, blob: photo.blob, width: photo.width, height: photo.height })
          .catch((error: unknown) => {
            if (!BackendError.is(error, 'queued')) throw error;
          });
      }
      const receipt = await api.lostFound.report(value);
      if (photo) URL.revokeObjectURL(photo.preview);
      this.draft = emptyReport();
      this.pointError = null;
      this.reporting = false;
      this.receipt = { ...receipt, matches: null };
      this.host.announce(this.lf.receipt.title);
      this.pendingFocus.selector = '#lf-receipt-title';
      this.host.fire('dorf-item-reported', { itemId: receipt.item.id, type: receipt.item.type });
      this.host.reloadData();
      // The form is free again at once; the suggestions follow into the receipt when they arrive.
      this.sending = false;
      void api.lostFound.matches(receipt.item.id).catch(() => []).then((matches) => {
        if (this.receipt?.item.id === receipt.item.id) this.receipt = { ...this.receipt, matches };
      });
    } catch (error) {
      this.notify(error, 'lostFound.report');
      if (BackendError.is(error, 'validation') && error.issues.length) {
        this.showIssues(error.issues.map((i) => (i.path.startsWith('blob') ? { ...i, path: 'photo' } : i)));
      } else {
        this.formNotice = this.notice(error);
      }
    } finally {
      this.sending = false;
    }
  }

  private renderReceipt(): TemplateResult {
    const { item, manageToken, matches } = this.receipt!;
    const r = this.lf.receipt;
    const link = this.host.manageLink(manageToken);
    return html`<section part="receipt" class="receipt" aria-labelledby="lf-receipt-title">
      <h2 id="lf-receipt-title" class="title" tabindex="-1">${r.title}</h2>
      <p><strong>${item.title}</strong> · ${this.lf.types[item.type]} · ${this.lf.categories[item.category]}</p>
      <h3 class="section-title">${r.tokenTitle}</h3>
      <p class="muted">${r.tokenHelp}</p>
      <p><code part="token" class="token">${link}</code></p>
      <div class="actions">
        <a part="manage-link" class="button" href=${link}>${r.link}</a>
        <button type="button" part="button print" class="button" @click=${() => this.openFlyer(item)}>${this.lf.flyer.open}</button>
        <button type="button" part="button back" class="button" @click=${() => ((this.receipt = null), (this.pendingFocus.selector = '#lf-report-open'))}>${this.lf.back}</button>
      </div>
      ${matches === null ? renderStatus(this.host.l10n, 'loading') : this.renderMatches(item, matches)}
    </section>`;
  }

  // -------------------------------------------------------------------------------------------
  // The reporter's view (private link)

  renderManage(): TemplateResult {
    const token = this.host.manageToken;
    if (this.manage?.token !== token) {
      this.manage = { token, errors: new Map() };
      void this.loadOwn(token);
    }
    const state = this.manage!;
    const mg = this.lf.manage;
    const close = html`<button type="button" part="button manage-close" class="button" @click=${() => this.closeManage()}>${this.t.common.close}</button>`;
    if (state.error) {
      const text = BackendError.is(state.error, 'not-found') ? mg.invalid : undefined;
      return html`<section part="manage" class="manage" aria-labelledby="lf-manage-title">
        <h2 id="lf-manage-title" class="title">${mg.title}</h2>
        ${renderStatus(this.host.l10n, 'error', { error: state.error, ...(text && { message: text }) })}
        <div class="actions">${close}</div>
      </section>`;
    }
    if (!state.own) return html`<section part="manage" class="manage">${renderStatus(this.host.l10n, 'loading', { message: mg.loading })}</section>`;
    const { item, messages, proofDetail } = state.own;
    const open = item.status === 'open';
    return html`<section part="manage" class="manage" aria-labelledby="lf-manage-title">
      <h2 id="lf-manage-title" class="title" tabindex="-1">${mg.title}: ${item.title}</h2>
      <p><span class="badge badge--${item.type}">${this.lf.types[item.type]}</span>
        <span part="manage-status">${this.msg((t) => t.lostFound.manage.status, { status: this.lf.statuses[item.status] })}</span></p>
      ${this.renderFacts(item)}
      ${proofDetail ? html`<p><strong>${mg.proof}:</strong> ${proofDetail}</p>` : nothing}
      <h3 class="section-title">${mg.messages}</h3>
      ${messages.length
        ? html`<ul part="messages" class="messages">${messages.map((m) => html`<li part="message" class="message">
            <p class="muted">${this.msg((t) => t.lostFound.manage.from, { name: m.name, replyTo: m.replyTo, at: m.createdAt })}</p>
            <p class="text">${m.message}</p>
          </li>`)}</ul>`
        : html`<p class="muted">${mg.noMessages}</p>`}
      ${state.notice ? html`<p part="notice" class="notice notice--${state.notice.kind}" role=${state.notice.kind === 'error' ? 'alert' : 'status'}>${state.notice.text}</p>` : nothing}
      ${open ? this.renderEdit(state) : html`<p class="muted">${mg.closed}</p>`}
      <div class="actions">
        ${open
          ? html`<button type="button" part="button resolve" class="button button--primary" aria-describedby="lf-resolve-help" ?disabled=${state.busy}
                @click=${() => this.closeOwn('resolved')}>${mg.resolve}</button>
              <button type="button" part="button withdraw" class="button button--danger" ?disabled=${state.busy} @click=${() => this.closeOwn('withdrawn')}>${mg.withdraw}</button>`
          : nothing}
        ${close}
      </div>
      ${open ? html`<p id="lf-resolve-help" class="muted">${mg.resolveHelp}</p>` : nothing}
    </section>`;
  }

  private renderEdit(state: ManageState): TemplateResult {
    const mg = this.lf.manage;
    const fm = this.lf.form;
    const edit = state.edit!;
    const e = state.errors;
    const set = (key: Exclude<keyof ManageEdit, 'point'>) => (ev: Event) => {
      if (this.manage?.edit) this.manage = { ...this.manage, edit: { ...this.manage.edit, [key]: (ev.target as HTMLInputElement).value } };
    };
    return html`<details part="edit" class="edit" ?open=${e.size > 0}>
      <summary>${mg.edit}</summary>
      <form id="lf-edit" class="subform" novalidate @submit=${(ev: Event) => (ev.preventDefault(), this.saveOwn())}>
        ${field({ id: 'lf-edit-title', label: fm.titleField, error: e.get('title') }, (a) => html`
          <input id=${a.id} maxlength="120" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(edit.title)} @input=${set('title')} />`)}
        ${field({ id: 'lf-edit-description', label: fm.description, error: e.get('description') }, (a) => html`
          <textarea id=${a.id} maxlength="2000" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(edit.description)} @input=${set('description')}></textarea>`)}
        ${field({ id: 'lf-edit-place', label: fm.place, error: e.get('place') }, (a) => html`
          <input id=${a.id} maxlength="200" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(edit.place)} @input=${set('place')} />`)}
        ${this.renderPoint('edit', edit.point, state.pointError ?? e.get('point'))}
        ${field({ id: 'lf-edit-date', label: fm.date, error: e.get('date') }, (a) => html`
          <input id=${a.id} type="date" max=${this.today()} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(edit.date)} @input=${set('date')} />`)}
        <button type="submit" part="button save" class="button button--primary" ?disabled=${state.busy}>${mg.save}</button>
      </form>
    </details>`;
  }

  private async loadOwn(token: string): Promise<void> {
    const api = this.host.api;
    if (!api) {
      this.manage = null;
      return;
    }
    try {
      const own = await api.lostFound.getOwn(token);
      if (this.manage?.token !== token) return;
      const i = own.item;
      this.manage = { ...this.manage, own, edit: { title: i.title, description: i.description, place: i.place, point: i.point, date: i.date } };
      this.pendingFocus.selector = '#lf-manage-title';
    } catch (error) {
      if (this.manage?.token === token) this.manage = { ...this.manage, error };
    }
  }

  closeManage(): void {
    this.host.manageToken = '';
    this.manage = null;
    if (/^#dorf-lost-found=/.test(location.hash)) history.replaceState(null, '', location.pathname + location.search);
    this.pendingFocus.selector = '#lf-report-open';
  }

  async saveOwn(): Promise<void> {
    const api = this.host.api;
    const state = this.manage;
    if (!api || !state?.edit || state.busy) return;
    const { check, ItemPatch } = await validation();
    const patch = {
      title: state.edit.title.trim(), description: state.edit.description.trim(), place: state.edit.place.trim(), point: state.edit.point,
      date: state.edit.date || undefined,
    };
    const result = check(ItemPatch, patch);
    const issues = result.ok ? [] : [...result.issues];
    if (patch.date && patch.date > this.today()) issues.push({ path: 'date', code: 'lostFound.futureDate' });
    if (!patch.date) issues.push({ path: 'date', code: 'required' });
    if (issues.length) {
      this.manage = { ...state, errors: issuesByField(issues, this.issueText), notice: { text: this.t.errors.validation, kind: 'error' } };
      this.pendingFocus.invalidIn = '#lf-edit';
      return;
    }
    this.manage = { ...state, busy: true, errors: new Map(), pointError: undefined, notice: undefined };
    try {
      const item = await api.lostFound.updateOwn(state.token, patch);
      this.manage = { ...this.manage, busy: false, own: { ...state.own!, item }, notice: { text: this.lf.manage.saved, kind: 'status' } };
      this.host.announce(this.lf.manage.saved);
      this.host.reloadData();
    } catch (error) {
      this.notify(error, 'lostFound.updateOwn');
      const fieldIssues = BackendError.is(error, 'validation') ? error.issues : [];
      this.manage = { ...this.manage, busy: false, errors: issuesByField(fieldIssues, this.issueText), notice: this.notice(error) };
    }
  }

  async closeOwn(status: 'resolved' | 'withdrawn'): Promise<void> {
    const api = this.host.api;
    const state = this.manage;
    if (!api || !state?.own || state.busy) return;
    this.manage = { ...state, busy: true, notice: undefined };
    try {
      const item = await api.lostFound.closeOwn(state.token, status);
      const text = status === 'resolved' ? this.lf.manage.resolved : this.lf.manage.withdrawn;
      this.manage = { ...this.manage, busy: false, own: { ...state.own, item }, notice: { text, kind: 'status' } };
      this.host.announce(text);
      this.host.fire('dorf-item-closed', { itemId: item.id, status });
      this.host.reloadData();
      this.pendingFocus.selector = '#lf-manage-title';
    } catch (error) {
      this.notify(error, 'lostFound.closeOwn');
      this.manage = { ...this.manage, busy: false, notice: this.notice(error) };
    }
  }
}
