import { initialState, Task, TaskStatus } from '@lit/task';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DorfElement } from '../../core/dorf-element.js';
import type { LocalizeController } from '../../core/localize.js';
import { OnlineController } from '../../core/ui/online.js';
import { renderLoaded, renderStatus, statusStyles } from '../../core/ui/status.js';
import { TopicController } from '../../core/ui/topic.js';
import type { Backend } from '../../data/backend.js';
import { calendarDayOf } from '../../data/rules/zoned.js';
import type { BookingStatus, Change, PublicBooking, Resource } from '../../data/schema/index.js';
import type { CalendarUi } from './calendar-ui.js';

declare global {
  interface DorfEventMap {
    /** A booking request was sent (or confirmed at once) through this widget. */
    'dorf-booking-requested': { bookingId: string; resourceId: string; status: BookingStatus };
    /** An admin confirmed or declined a request. */
    'dorf-booking-decided': { bookingId: string; status: BookingStatus };
    /** A booking was cancelled: by the requester with the manage token, or by an admin with a reason. */
    'dorf-booking-cancelled': { bookingId: string };
    /** The visitor switched to another resource. */
    'dorf-resource-change': { resourceId: string };
  }
}

/** What the calendar shows: a resource and the public occupancy of the visible weeks. */
export interface CalendarData {
  resource: Resource;
  /** The first day of the month shown, `YYYY-MM-01`. */
  month: string;
  bookings: PublicBooking[];
}

/**
 * @summary A resource's booking calendar: occupancy without personal data, a keyboard-operable
 * month grid and a list, booking requests with the resource's rules explained up front,
 * alternatives on a conflict, the requester's private view, admin decisions and iCalendar export.
 *
 * @attr resource - The resource to show, e.g. `grillhuette`.
 * @attr resources - Several resources with a switcher, space-separated: `grillhuette buergerhaus-saal`.
 *   The first is shown first unless `resource` names another.
 * @attr view - `month` (default), `week` (the days of one week with their bookings) or `list` (an
 *   agenda of the month, best on phones and with screen readers).
 * @attr month - The month shown first, `YYYY-MM`; default the current month.
 * @attr manage-token - Opens the requester's view of the booking with this private code (also
 *   read from the page address: `#dorf-booking=<code>`).
 * @attr lang - Language (`de`, `en`); inherits from the provider or page.
 * @attr theme - `light`, `dark` or `auto`; inherits from the provider.
 *
 * @prop {string} resource - The resource shown now; changes when the visitor uses the switcher.
 *
 * @fires dorf-booking-requested - A request was sent. `detail: { bookingId, resourceId, status }`
 * @fires dorf-booking-decided - An admin confirmed or declined a request. `detail: { bookingId, status }`
 * @fires dorf-booking-cancelled - The requester (manage token) or an admin cancelled a booking. `detail: { bookingId }`
 * @fires dorf-resource-change - The visitor switched resources. `detail: { resourceId }`
 * @fires dorf-error - A backend call failed. `detail: { error, action }`
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Resource name, description and place.
 * @csspart switcher - The resource switcher (with `resources`).
 * @csspart toolbar - Month navigation and view switch; `nav` the month buttons, `views` the view switch.
 * @csspart month-title - The visible month's name.
 * @csspart grid - The month grid (`role="grid"`); `weekday` each column header.
 * @csspart day - Every day cell; also `day-today`, `day-confirmed`, `day-requested`, `day-partly` (an
 *   hourly resource with free hours left), `day-blackout`, `day-unavailable`, `day-selected`, `day-outside` (days of the neighbouring months).
 * @csspart day-number - A day's number; `day-state` its occupancy word.
 * @csspart legend - The meaning of the colours.
 * @csspart list - The agenda list; `list-item` each entry.
 * @csspart week - The week view; `week-day` each day, `week-booking` each booking in it.
 * @csspart rules - The resource's rules, explained before booking.
 * @csspart form - The request form.
 * @csspart field - Every form field; `field-label`, `field-help`, `field-error` inside.
 * @csspart button - Every button; with `submit`, `alternative`, `confirm`, `decline`, `cancel`, `export` by role.
 * @csspart receipt - What a requester sees after sending, with the private code (`token`).
 * @csspart conflict - The conflict message with alternatives.
 * @csspart manage - The requester's view of their booking.
 * @csspart admin - The admins' list of pending requests; `admin-item` each request.
 * @csspart admin-bookings - The admins' list of confirmed bookings; `admin-booking` each booking, with a
 *   cancel button (`admin-cancel`) and its confirmation step (`cancel-confirm`, with the reason field and
 *   `admin-cancel-confirm`, `admin-cancel-keep`).
 * @csspart subscribe - "Subscribe to this calendar", where the backend offers a calendar address:
 *   `subscribe-link` the `webcal:` link, `subscribe-field` the address to copy (`subscribe-field-label`,
 *   `subscribe-field-help` inside), `copy` its button, `subscribe-help` the steps for calendar apps.
 * @csspart announcer - The visually hidden live region (month, selection, results).
 * @csspart notice - Messages after an action.
 * @csspart status - Loading, empty, error, offline, queued and no-permission states.
 * @csspart outbox - Requests made offline that are not sent yet (\`outbox-entry\` each, \`outbox-about\` its dates),
 *   and the ones the server refused on delivery (\`outbox-reason\`, \`outbox-retry\`, \`outbox-discard\`, \`outbox-edit\`).
 *
 * @cssprop --dorf-color-accent - Selection, links and primary buttons.
 * @cssprop --dorf-color-surface - Background of free days and cards.
 * @cssprop --dorf-color-warning-surface - Requested days ("angefragt") and queued requests.
 * @cssprop --dorf-color-danger-surface - Booked days ("belegt").
 * @cssprop --dorf-color-danger - Field errors and destructive buttons.
 * @cssprop --dorf-color-success - Confirmations.
 * @cssprop --dorf-color-border - Grid lines.
 * @cssprop --dorf-radius - Corner radius of days, cards and fields.
 * @cssprop --dorf-space - Base spacing.
 * @cssprop --dorf-focus-width - Width of the focus ring.
 * @cssprop --dorf-duration - Transitions; 0 when the visitor prefers reduced motion.
 *
 * @example
 * ```html
 * <dorf-provider community="musterdorf" lang="de">
 *   <dorf-booking-calendar resource="grillhuette"></dorf-booking-calendar>
 *   <dorf-booking-calendar resources="grillhuette buergerhaus-saal" view="list"></dorf-booking-calendar>
 * </dorf-provider>
 * ```
 */
export class DorfBookingCalendar extends DorfElement {
  /** Loading and error states only; the calendar's own styles come with its view. */
  static override styles = [...DorfElement.styles, statusStyles];

  @property({ reflect: true }) resource = '';
  @property() resources = '';
  @property({ reflect: true }) view: 'month' | 'week' | 'list' = 'month';
  @property() month = '';
  @property({ attribute: 'manage-token' }) manageToken = '';

  /** @internal The day with the grid's roving focus; `''` until the month is known. */
  @state() focusDay = '';
  /** @internal The first day of the visible month. */
  @state() visibleMonth = '';
  @state() private reload = 0;
  @state() private announcement = '';
  @state() private ui: CalendarUi | null = null;

  /** @internal The clock for rule checks in the view (tests and stories may fix it). */
  clock: () => Date = () => new Date();

  private viewLoading?: Promise<void>;
  private resourceCache = new Map<string, Resource>();
  private readonly connection = new OnlineController(this);
  // Live changes of the resource shown.
  protected readonly changes = new TopicController(
    this,
    () => this.activeResource && `bookings/${this.activeResource}`,
    (change) => this.onChange(change),
  );

  private readonly data = new Task(this, {
    args: () => [this.backend, this.activeResource, this.shownMonth, this.reload, this.session !== null] as const,
    task: async ([backend, resourceId, month, , sessionKnown], { signal }): Promise<CalendarData | typeof initialState> => {
      if (!backend) {
        if (this.environment?.error) throw this.environment.error;
        return initialState;
      }
      if (!resourceId || !sessionKnown) return initialState;
      const [resource, module] = await Promise.all([this.loadResource(backend, resourceId), this.loadView()]);
      signal.throwIfAborted();
      const range = module.gridRange(month, resource.timeZone);
      const bookings = await backend.bookings.occupancy({ resourceId, ...range });
      signal.throwIfAborted();
      return { resource, month, bookings };
    },
  });

  private async loadResource(backend: Backend, id: string): Promise<Resource> {
    const cached = this.resourceCache.get(id);
    if (cached && this.reload === 0) return cached;
    const resource = await backend.bookings.getResource(id);
    this.resourceCache.set(id, resource);
    return resource;
  }

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

  /** @internal */
  get isAdmin(): boolean {
    return this.hasRole('admin');
  }

  /** @internal */
  get community(): string {
    return this.environment?.community ?? 'default';
  }

  /** @internal */
  get resourceList(): string[] {
    return this.resources.split(/\s+/).filter(Boolean);
  }

  /** @internal */
  get activeResource(): string {
    return this.resource || this.resourceList[0] || '';
  }

  /** @internal The first day of the month shown. */
  get shownMonth(): string {
    if (this.visibleMonth) return this.visibleMonth;
    if (/^\d{4}-\d{2}$/.test(this.month)) return `${this.month}-01`;
    return `${calendarDayOf(this.clock(), this.localize.timeZone).slice(0, 7)}-01`;
  }

  /** @internal Whether the data task is loading again. */
  get loading(): boolean {
    return this.data.status === TaskStatus.PENDING;
  }

  /** @internal */
  showMonth(month: string): void {
    this.visibleMonth = month;
  }

  /** @internal Loads the resource and occupancy again. */
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

  /** @internal The switcher's choice. */
  selectResource(resourceId: string): void {
    if (resourceId === this.activeResource) return;
    this.resource = resourceId;
    this.ui?.reset();
    this.emit('dorf-resource-change', { resourceId });
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  private readonly onHash = () => {
    const token = /#dorf-booking=([A-Za-z0-9_-]{16,200})/.exec(location.hash)?.[1];
    if (token) this.manageToken = token;
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
   * The calendar's view (grid, list, forms, admin, styles) is its own module: the define module
   * stays small, and the view loads while the resource is read from the backend.
   */
  private loadView(): Promise<typeof import('./calendar-ui.js')> {
    const loading = import('./calendar-ui.js');
    this.viewLoading ??= loading.then((module) => {
      if (this.shadowRoot) adoptStyles(this.shadowRoot, [...DorfBookingCalendar.elementStyles, ...module.viewStyles]);
      this.ui = new module.CalendarUi(this);
    });
    return this.viewLoading.then(() => loading);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('month') && /^\d{4}-\d{2}$/.test(this.month)) this.visibleMonth = `${this.month}-01`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.ui?.afterUpdate();
  }

  private onChange(_change: Change): void {
    this.reload++;
    this.ui?.onChange();
  }

  protected override render(): TemplateResult {
    const body = renderLoaded(this.localize, this.data, (data) => this.ui?.render(data), !this.backend && this.environment?.error);
    return html`
      <div part="base" class="base" aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.connection.online ? nothing : renderStatus(this.localize, 'offline')}
        ${this.ui?.renderOutbox()}
        ${this.ui?.renderSwitcher() ?? nothing}
        ${this.manageToken && this.ui ? this.ui.renderManage() : nothing}
        ${body}
        <div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this.announcement}</div>
      </div>
    `;
  }
}
