import { initialState, Task, TaskStatus } from '@lit/task';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DorfElement } from '../../core/dorf-element.js';
import type { LocalizeController } from '../../core/localize.js';
import { OnlineController } from '../../core/ui/online.js';
import { renderLoaded, renderStatus, statusStyles } from '../../core/ui/status.js';
import { TopicController } from '../../core/ui/topic.js';
import type { Backend } from '../../data/backend.js';
import type { Category, Item, ItemQuery, ItemStatus, ItemType, Page } from '../../data/schema/index.js';
import type { LostFoundUi } from './lost-found-ui.js';

declare global {
  interface DorfEventMap {
    /** A visitor put a lost or found item on the board. */
    'dorf-item-reported': { itemId: string; type: ItemType };
    /** A message went to a reporter through the relay. */
    'dorf-item-contacted': { itemId: string };
    /** The reporter closed their report with the private link: returned or withdrawn. */
    'dorf-item-closed': { itemId: string; status: ItemStatus };
    /** A moderator hid a report or showed it again. */
    'dorf-item-hidden': { itemId: string; hidden: boolean };
  }
}

/** The board's filters, as the visitor set them (empty string: no filter). */
export interface BoardFilters {
  type: ItemType | '';
  category: Category | '';
  from: string;
  to: string;
  place: string;
  q: string;
}

const CATEGORY_NAMES = ['animal', 'keys', 'wallet', 'phone', 'bag', 'bicycle', 'clothing', 'document', 'jewellery', 'other'];

export const NO_FILTERS: BoardFilters = { type: '', category: '', from: '', to: '', place: '', q: '' };

/** What the board shows: the first page for the filters (later pages are added by the view). */
export interface BoardData {
  filters: BoardFilters;
  page: Page<Item>;
}

/**
 * @summary A lost & found board ("Gesucht – Gefunden") for items and animals: filters, full-text
 * search and paging from the backend, reports with a photo stripped of all metadata on the device,
 * a contact relay that never shows anyone's address, the reporter's private link (edit,
 * "Zurückgegeben", withdraw), matching suggestions, a printable flyer and moderation.
 *
 * @attr type - Show only `lost` or `found` items first (the visitor can change it).
 * @attr category - Show only one category first: `animal`, `keys`, `wallet`, `phone`, `bag`,
 *   `bicycle`, `clothing`, `document`, `jewellery`, `other`.
 * @attr item - Opens one item's page by id (also read from the page address: `#dorf-item=<id>`,
 *   the short link printed on flyers).
 * @attr manage-token - Opens the reporter's view of their report with this private code (also read
 *   from the page address: `#dorf-lost-found=<code>`).
 * @attr page-size - Reports per page, 1–100; default 12.
 * @attr link-base - The page address short links point to (flyers, receipts); default the current page.
 * @attr lang - Language (`de`, `en`); inherits from the provider or page.
 * @attr theme - `light`, `dark` or `auto`; inherits from the provider.
 *
 * @prop {BoardFilters} filters - The filters in use; set to apply others.
 *
 * @fires dorf-item-reported - A report was published. `detail: { itemId, type }`
 * @fires dorf-item-contacted - A message went through the relay. `detail: { itemId }`
 * @fires dorf-item-closed - The reporter marked the item returned or withdrew it. `detail: { itemId, status }`
 * @fires dorf-item-hidden - A moderator hid a report or showed it again. `detail: { itemId, hidden }`
 * @fires dorf-error - A backend call failed. `detail: { error, action }`
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Title, introduction and the "report" button (`report-open`).
 * @csspart filters - The filter and search form; `field` each control, `filter-apply`, `filter-reset` its buttons.
 * @csspart results - The sentence saying how many reports are shown.
 * @csspart list - The list of reports; `card` each report, `card-lost` / `card-found` by type, `card-photo`,
 *   `card-title`, `card-meta`, `badge` the type badge, `open` the button that opens it.
 * @csspart more - The "show more" button.
 * @csspart detail - One report's page; `photo` its photo, `facts` its details (`point` the approximate location,
 *   `point-link` its OpenStreetMap link), `matches` the suggestions (`match` each), `contact` the relay form,
 *   `abuse` the abuse form, `moderation` the moderators' tools.
 * @csspart form - The report form; `animal` its animal fieldset, `contact-fields` the reporter's contact, `point` the
 *   optional approximate location ("Ungefähre Lage", buttons `point-add` / `point-remove`; also in the edit form).
 * @csspart field - Every form field; `field-label`, `field-help`, `field-error` inside.
 * @csspart photo-preview - The prepared photo before publishing.
 * @csspart button - Every button; with `submit`, `back`, `print`, `resolve`, `withdraw`, `hide` by role.
 * @csspart receipt - After publishing: the private link (`token`, `manage-link`).
 * @csspart manage - The reporter's view: messages (`messages`, `message` each), edit form, closing.
 * @csspart flyer - The printable flyer; `flyer-photo`, `flyer-strips` the tear-off strips (`strip` each).
 * @csspart announcer - The visually hidden live region.
 * @csspart notice - Messages after an action.
 * @csspart status - Loading, empty, error, offline, queued and no-permission states.
 * @csspart outbox - Reports, messages and abuse reports made offline that are not sent yet (\`outbox-entry\`
 *   each, \`outbox-about\` its title), and the ones the server refused on delivery (\`outbox-reason\`,
 *   \`outbox-retry\`, \`outbox-discard\`); a report delivered later shows its \`receipt\` with the private code here.
 *
 * @cssprop --dorf-color-accent - Links, primary buttons, the "found" badge.
 * @cssprop --dorf-color-urgent - The "missing" badge and the flyer's heading.
 * @cssprop --dorf-color-surface - Cards and forms.
 * @cssprop --dorf-color-border - Card borders, the flyer's tear-off lines.
 * @cssprop --dorf-color-danger - Field errors and destructive buttons.
 * @cssprop --dorf-color-success-surface - Confirmations.
 * @cssprop --dorf-radius - Corner radius of cards, photos and fields.
 * @cssprop --dorf-space - Base spacing.
 * @cssprop --dorf-focus-width - Width of the focus ring.
 * @cssprop --dorf-duration - Transitions; 0 when the visitor prefers reduced motion.
 *
 * @example
 * ```html
 * <dorf-provider community="musterdorf" lang="de">
 *   <dorf-lost-found></dorf-lost-found>
 *   <dorf-lost-found type="lost" category="animal" page-size="6"></dorf-lost-found>
 * </dorf-provider>
 * ```
 */
export class DorfLostFound extends DorfElement {
  /** Loading and error states only; the board's own styles come with its view. */
  static override styles = [...DorfElement.styles, statusStyles];

  @property({ reflect: true }) type: ItemType | '' = '';
  @property({ reflect: true }) category: Category | '' = '';
  @property({ reflect: true }) item = '';
  @property({ attribute: 'manage-token' }) manageToken = '';
  @property({ attribute: 'page-size', type: Number }) pageSize = 12;
  @property({ attribute: 'link-base' }) linkBase = '';

  @state() filters: BoardFilters = { ...NO_FILTERS };
  @state() private reload = 0;
  @state() private announcement = '';
  @state() private ui: LostFoundUi | null = null;

  /** @internal The clock for "today" in the forms (tests and stories may fix it). */
  clock: () => Date = () => new Date();

  private viewLoading?: Promise<void>;
  private readonly connection = new OnlineController(this);
  // Live changes of the whole board.
  protected readonly changes = new TopicController(this, () => 'lost-found', () => this.onChange());

  private readonly data = new Task(this, {
    args: () => [this.backend, this.filters, this.limit, this.reload] as const,
    task: async ([backend, filters, limit], { signal }): Promise<BoardData | typeof initialState> => {
      if (!backend) {
        if (this.environment?.error) throw this.environment.error;
        return initialState;
      }
      const [page] = await Promise.all([backend.lostFound.list(toQuery(filters, limit)), this.loadView()]);
      signal.throwIfAborted();
      return { filters, page };
    },
  });

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

  /** @internal Moderators and admins may hide reports. */
  get canModerate(): boolean {
    return this.hasRole('moderator') || this.hasRole('admin');
  }

  /** @internal */
  get limit(): number {
    return Number.isInteger(this.pageSize) && this.pageSize >= 1 && this.pageSize <= 100 ? this.pageSize : 12;
  }

  /** @internal Whether the data task is loading again. */
  get loading(): boolean {
    return this.data.status === TaskStatus.PENDING;
  }

  /** @internal The address of one item's page: the flyer's and receipt's short link. */
  shortLink(itemId: string): string {
    const base = this.linkBase || (typeof location === 'undefined' ? '' : location.href.split('#')[0]!);
    return `${base}#dorf-item=${encodeURIComponent(itemId)}`;
  }

  /** @internal The reporter's private link. */
  manageLink(token: string): string {
    const base = this.linkBase || (typeof location === 'undefined' ? '' : location.href.split('#')[0]!);
    return `${base}#dorf-lost-found=${token}`;
  }

  /** @internal The first page for the given filters. */
  listQuery(filters: BoardFilters): ItemQuery {
    return toQuery(filters, this.limit);
  }

  /** @internal Applies other filters (the list loads again from the backend). */
  applyFilters(filters: BoardFilters): void {
    this.filters = { ...filters };
  }

  /** @internal Loads the list again. */
  reloadData(): void {
    this.reload++;
  }

  /** @internal */
  announce(text: string): void {
    // Re-setting the same text would not be announced again: clear first.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** @internal */
  fire<K extends keyof DorfEventMap>(type: K, detail: DorfEventMap[K]): void {
    this.emit(type, detail);
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  private readonly onHash = () => {
    const token = /#dorf-lost-found=([A-Za-z0-9_-]{16,200})/.exec(location.hash)?.[1];
    if (token) this.manageToken = token;
    const item = /#dorf-item=([^&]{1,200})/.exec(location.hash)?.[1];
    if (item) this.item = decodeURIComponent(item);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadView();
    this.onHash();
    window.addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  /**
   * The board's view (list, forms, relay, flyer, styles) is its own module: the define module
   * stays small, and the view loads while the first page is read from the backend.
   */
  private loadView(): Promise<typeof import('./lost-found-ui.js')> {
    const loading = import('./lost-found-ui.js');
    this.viewLoading ??= loading.then((module) => {
      if (this.shadowRoot) adoptStyles(this.shadowRoot, [...DorfLostFound.elementStyles, ...module.viewStyles]);
      this.ui = new module.LostFoundUi(this);
    });
    return this.viewLoading.then(() => loading);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('type') || changed.has('category')) {
      // Unknown values in attributes are ignored rather than sent to the backend.
      const category = CATEGORY_NAMES.includes(this.category) ? this.category : '';
      this.filters = { ...this.filters, type: this.type === 'lost' || this.type === 'found' ? this.type : '', category };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.ui?.afterUpdate();
  }

  private onChange(): void {
    this.reload++;
    this.ui?.onChange();
  }

  protected override render(): TemplateResult {
    const body = renderLoaded(this.localize, this.data, (data) => this.ui?.render(data), !this.backend && this.environment?.error);
    return html`
      <div part="base" class="base" aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.connection.online ? nothing : renderStatus(this.localize, 'offline')}
        ${this.ui?.renderOutbox()}
        ${this.manageToken && this.ui ? this.ui.renderManage() : nothing}
        ${body}
        <div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this.announcement}</div>
      </div>
    `;
  }
}

/** The backend query for the filters: empty filters are left out, text trimmed. */
export function toQuery(filters: BoardFilters, limit: number): ItemQuery {
  const query: ItemQuery = { limit };
  if (filters.type) query.type = filters.type;
  if (filters.category) query.category = filters.category;
  if (/^\d{4}-\d{2}-\d{2}$/.test(filters.from)) query.from = filters.from;
  if (/^\d{4}-\d{2}-\d{2}$/.test(filters.to)) query.to = filters.to;
  const place = filters.place.trim().slice(0, 100);
  if (place) query.place = place;
  const q = filters.q.trim().slice(0, 100);
  if (q) query.q = q;
  return query;
}
