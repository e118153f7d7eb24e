/**
 * Everything a visitor sees and does in a loaded calendar: the month grid (WAI-ARIA APG grid
 * pattern), the agenda list, the rules, the request form with its draft, conflicts with
 * alternatives, the receipt with the private code, the requester's view and the admins' queue.
 * Loaded on demand by `<dorf-booking-calendar>`, so the define module stays small; the element
 * keeps the data (resource, occupancy, live changes) and hands this class its host.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { createFormatters, type Formatters } from '../../core/format.js';
import { downloadICalendar } from '../../core/ical.js';
import { field, focusFirstInvalid, issuesByField } from '../../core/ui/field.js';
import { OutboxController, outboxStyles } from '../../core/ui/outbox.js';
import { renderStatus } from '../../core/ui/status.js';
import type { OutboxEntry, OutboxEvent } from '../../data/adapters/http/outbox-api.js';
import { BackendError, type FieldIssue } from '../../data/backend.js';
import { checkBookingRules } from '../../data/rules/booking.js';
import { minutesOfDay, startOfZonedDay } from '../../data/rules/zoned.js';
import type { Alternative, Booking, BookingReceipt, BookingRequest, PublicBooking, Resource } from '../../data/schema/booking.js';
import type { CalendarData, DorfBookingCalendar } from './booking-calendar.element.js';
import { viewStyles as ownStyles } from './booking-calendar.styles.js';
import { bookingToICalendar, occupancyToICalendar } from './ics.js';
import {
  addDays, addMonths, blackoutOn, calendarDayOf, DayGrid, dayRange, dayUnavailable, minutesToTime, monthOf, monthWeeks, moveByKey,
  occupancyByDay, startOfWeek, timeOn, timeSlots, type CalendarDay, type DayOccupancy,
} from './month.js';
import { bookingMsg, bookingText, type BookingText } from './text.js';
import { tracked } from '../../core/ui/tracked.js';
import { outboxMessages } from '../../i18n/outbox.js';
// Field issues' words load with the forms.
import '../../i18n/fields.js';

export const viewStyles = [...ownStyles, outboxStyles];
export { gridRange } from './month.js';

/** The form schemas, loaded on the first submit (see validate.ts). */
const validation = () => import('./validate.js');

/** What the visitor typed; strings as typed, so nothing is lost on an error. */
export interface Draft {
  id: string;
  firstDay: string;
  lastDay: string;
  from: string;
  until: string;
  purpose: string;
  attendees: string;
  publicLabel: string;
  name: string;
  email: string;
  phone: string;
  accept: boolean;
}

const newId = (): string => crypto.randomUUID();

export function emptyDraft(): Draft {
  return { id: newId(), firstDay: '', lastDay: '', from: '', until: '', purpose: '', attendees: '', publicLabel: '', name: '', email: '', phone: '', accept: false };
}

interface ManageState {
  token: string;
  booking?: Booking;
  resource?: Resource;
  error?: string;
  confirming?: boolean;
  notice?: string;
  busy?: boolean;
}

interface AdminState {
  resourceId: string;
  /** Requests waiting for a decision. */
  items: Booking[] | null;
  /** Confirmed bookings, which an admin may cancel with a reason. */
  booked: Booking[];
  error?: string;
  reasons: Map<string, string>;
  errors: Map<string, string>;
  /** The booking whose cancellation is being confirmed. */
  cancelling?: string | undefined;
  busy?: boolean;
}

/** Where calendar apps can subscribe to the resource's occupancy; `null` when the backend has none. */
interface Subscription {
  resourceId: string;
  url: string | null;
}


/** Field keys in form order (focus goes to the first invalid one). */
function fieldKey(path: string, unit: Resource['rules']['unit'], code: string): string {
  if (path === 'start') return unit === 'hour' && (code === 'booking.grid' || code === 'booking.closed') ? 'from' : 'start';
  if (path === 'end') return unit === 'hour' ? 'until' : 'end';
  if (path.startsWith('requester.')) return path.slice('requester.'.length);
  if (path === 'acceptRules') return 'accept';
  return path.split('.')[0] || 'form';
}

export class CalendarUi {
  @tracked draft: Draft = emptyDraft();
  @tracked errors = new Map<string, string>();
  @tracked formNotice: { text: string; kind: 'error' | 'queued' } | null = null;
  @tracked sending = false;
  @tracked selStart: CalendarDay | null = null;
  @tracked selEnd: CalendarDay | null = null;
  @tracked receipt: { receipt: BookingReceipt; resource: Resource } | null = null;
  @tracked alternatives: Alternative[] | null = null;
  @tracked manage: ManageState | null = null;
  @tracked admin: AdminState | null = null;
  @tracked names = new Map<string, string>();
  @tracked subscription: Subscription | null = null;
  @tracked copyNotice: { text: string; kind: 'status' | 'error' } | null = null;
  /** Requests from the outbox that the server has now accepted: their receipts with the private code. */
  @tracked delivered: { receipt: BookingReceipt; resource: Resource }[] = [];
  /** Requests made offline: waiting, or refused on delivery (with alternatives on a conflict). */
  readonly outbox: OutboxController;

  private focusCell = false;
  private focusInvalid = false;
  private focusSelector = '';
  /** The calendar data the names were last fetched for (`undefined`: never). */
  private namesFetchedFor: unknown = undefined;
  private manageFor = '';
  private subscriptionFor = '';
  private memo: {
    data: CalendarData;
    month: string;
    grid: DayGrid;
    occupancy: Map<CalendarDay, DayOccupancy>;
    unavailable: Map<CalendarDay, string | null>;
  } | null = null;

  constructor(readonly host: DorfBookingCalendar) {
    this.outbox = new OutboxController(host, {
      operations: ['bookings.request'],
      onEvent: (event) => void this.onOutbox(event),
      describe: (entry) => this.describeQueued(entry),
      help: (entry) => this.queuedHelp(entry),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private get t(): BookingText {
    return bookingText(this.host.l10n);
  }

  private get b(): BookingText['booking'] {
    return this.t.booking;
  }

  private msg(pick: (t: BookingText) => Parameters<typeof bookingMsg>[1] extends (t: BookingText) => infer R ? R : never, params: Record<string, string | number> = {}): string {
    return bookingMsg(this.host.l10n, pick, params);
  }

  /** Formatters in the resource's zone, whatever the page's. */
  private fmt(resource: Resource): Formatters {
    return createFormatters(this.host.l10n.format.locale, resource.timeZone);
  }

  private dayLabel(f: Formatters, resource: Resource, day: CalendarDay, options: Intl.DateTimeFormatOptions = { dateStyle: 'full' }): string {
    return f.date(startOfZonedDay(day, resource.timeZone), options);
  }

  /** A booking's range in words: days for day resources, date and times for hour resources. */
  rangeText(resource: Resource, start: string, end: string): string {
    const f = this.fmt(resource);
    const tz = resource.timeZone;
    if (resource.rules.unit === 'day') {
      const first = calendarDayOf(start, tz);
      const last = calendarDayOf(Date.parse(end) - 1, tz);
      const a = this.dayLabel(f, resource, first, { dateStyle: 'medium' });
      return first === last ? a : `${a} – ${this.dayLabel(f, resource, last, { dateStyle: 'medium' })}`;
    }
    return `${f.date(start, { dateStyle: 'medium' })}, ${f.time(start)} – ${f.time(end)}`;
  }

  private issueText = (issue: FieldIssue) => this.host.l10n.issue(issue);

  // -------------------------------------------------------------------------------------------
  // Lifecycle hooks from the element

  reset(): void {
    this.draft = emptyDraft();
    this.errors = new Map();
    this.formNotice = null;
    this.selStart = this.selEnd = null;
    this.receipt = null;
    this.alternatives = null;
    this.admin = null;
    this.memo = null;
    this.copyNotice = null;
  }

  onChange(): void {
    if (this.admin) this.admin = { ...this.admin, items: null };
  }

  afterUpdate(): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    if (this.focusCell) {
      const cell = root.querySelector<HTMLElement>(`[role="gridcell"][data-day="${this.host.focusDay}"]`);
      if (cell) {
        this.focusCell = false;
        cell.focus();
      }
    }
    if (this.focusInvalid) {
      this.focusInvalid = false;
      focusFirstInvalid(root.querySelector('form[part~="form"]'));
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
  // Switcher

  renderSwitcher(): TemplateResult | typeof nothing {
    const ids = this.host.resourceList;
    if (ids.length < 2) return nothing;
    // Names come from the resource list, fetched again after each reload of the calendar while one
    // is still missing (a first-visit seed, say, may write the resources after the first render).
    const shown = this.memo?.data;
    if (this.host.api && ids.some((id) => !this.names.has(id)) && this.namesFetchedFor !== (shown ?? null)) {
      this.namesFetchedFor = shown ?? null;
      void this.host.api.bookings.listResources().then(
        (list) => (this.names = new Map(list.map((r) => [r.id, r.name]))),
        () => undefined,
      );
    }
    const name = (id: string) => this.names.get(id) ?? (shown?.resource.id === id ? shown.resource.name : id);
    const active = this.host.activeResource;
    return html`<div part="switcher" class="switcher" role="group" aria-label=${this.b.resources}>
      ${ids.map(
        (id) => html`<button type="button" part="button switch" class="button ${id === active ? 'button--primary' : ''}" aria-pressed=${id === active ? 'true' : 'false'}
          @click=${() => this.host.selectResource(id)}>${name(id)}</button>`,
      )}
    </div>`;
  }

  // -------------------------------------------------------------------------------------------
  // The calendar

  render(data: CalendarData): TemplateResult {
    const resource = data.resource;
    const month = this.host.shownMonth;
    const f = this.fmt(resource);
    const now = this.host.clock();
    const today = calendarDayOf(now, resource.timeZone);
    if (!this.memo || this.memo.data !== data || this.memo.month !== month) {
      const grid = new DayGrid(monthWeeks(month).flat(), resource.timeZone);
      const occupancy = data.month === month ? occupancyByDay(data.bookings, resource.timeZone, grid) : new Map<CalendarDay, DayOccupancy>();
      this.memo = { data, month, grid, occupancy, unavailable: new Map() };
    }
    const view = this.host.view === 'list' || this.host.view === 'week' ? this.host.view : 'month';
    const weekStart = startOfWeek(this.focusedDay(month, today));
    const title = view === 'week' ? this.weekTitle(resource, weekStart) : this.dayLabel(f, resource, month, { month: 'long', year: 'numeric' });
    const step = view === 'week' ? (delta: number) => this.goWeek(resource, delta) : (delta: number) => this.goMonth(resource, delta);
    return html`
      <div part="header" class="header">
        <h2 class="title">${resource.name}</h2>
        ${resource.location ? html`<p class="muted">${resource.location}</p>` : nothing}
        ${resource.description ? html`<p class="text">${resource.description}</p>` : nothing}
      </div>
      ${this.renderRules(resource, f)}
      <div part="toolbar" class="toolbar">
        <div part="nav" class="nav">
          <button type="button" part="button previous" class="button" @click=${() => step(-1)}>
            <span aria-hidden="true">‹</span> ${view === 'week' ? this.b.previousWeek : this.b.previousMonth}
          </button>
          <h3 id="month-title" part="month-title" class="month-title">${title}</h3>
          <button type="button" part="button next" class="button" @click=${() => step(1)}>
            ${view === 'week' ? this.b.nextWeek : this.b.nextMonth} <span aria-hidden="true">›</span>
          </button>
          <button type="button" part="button today" class="button" @click=${() => this.goToday(resource)}>${this.b.today}</button>
        </div>
        <div part="views" class="views" role="group" aria-label=${this.b.view}>
          ${(['month', 'week', 'list'] as const).map(
            (v) => html`<button type="button" part="button view-${v}" class="button ${v === view ? 'button--primary' : ''}" aria-pressed=${v === view ? 'true' : 'false'}
              @click=${() => (this.host.view = v)}>${this.b.views[v]}</button>`,
          )}
          <button type="button" part="button export" class="button" @click=${() => this.exportOccupancy(data)}>${this.b.exportOccupancy}</button>
        </div>
      </div>
      ${view === 'month' ? this.renderGrid(data, month, today, f) : view === 'week' ? this.renderWeek(data, weekStart, today, f) : this.renderList(data, month, f)}
      ${this.renderLegend()}
      ${this.renderSubscribe(resource)}
      ${this.host.isAdmin ? this.renderAdmin(resource) : nothing}
      ${this.receipt ? this.renderReceipt() : this.renderForm(resource)}
    `;
  }

  private renderRules(resource: Resource, f: Formatters): TemplateResult {
    const r = resource.rules;
    const unit = r.unit === 'day' ? 'days' : 'minutes';
    const items: string[] = [
      r.unit === 'day' ? this.msg((t) => t.booking.rules.unitDay) : this.msg((t) => t.booking.rules.unitHour, { step: r.step }),
      this.msg((t) => t.booking.rules.duration, { min: r.minDuration, max: r.maxDuration, unit }),
    ];
    if (r.leadTime > 0) items.push(this.msg((t) => t.booking.rules.notice, { minutes: r.leadTime }));
    items.push(this.msg((t) => t.booking.rules.window, { days: r.maxAdvance }));
    if (r.buffer > 0) items.push(this.msg((t) => t.booking.rules.buffer, { minutes: r.buffer }));
    if (r.maxAttendees !== null) items.push(this.msg((t) => t.booking.rules.attendees, { max: r.maxAttendees }));
    items.push(r.approval === 'manual' ? this.b.rules.approvalManual : this.b.rules.approvalAuto);
    if (r.price) {
      items.push(this.msg((t) => t.booking.rules.price, { amount: f.money(r.price.amount, r.price.currency), per: this.b.rules.per[r.price.per], note: r.price.note }));
    }
    const weekdayName = (weekday: number) => f.date(new Date(Date.UTC(2024, 0, weekday, 12)), { weekday: 'long', timeZone: 'UTC' } as Intl.DateTimeFormatOptions);
    const upcoming = r.blackouts.filter((b) => b.end >= calendarDayOf(this.host.clock(), resource.timeZone)).slice(0, 5);
    return html`<section part="rules" class="rules" aria-labelledby="rules-title">
      <h3 id="rules-title" class="section-title">${this.b.rulesTitle}</h3>
      <ul>${items.map((text) => html`<li>${text}</li>`)}</ul>
      ${r.openingHours.length
        ? html`<p class="rules__sub">${this.b.rules.hours}</p>
            <ul>${r.openingHours.map((o) => html`<li>${this.msg((t) => t.booking.rules.hoursDay, { weekday: weekdayName(o.weekday), open: o.open, close: o.close })}</li>`)}</ul>`
        : nothing}
      ${upcoming.length
        ? html`<p class="rules__sub">${this.b.rules.blackouts}</p>
            <ul>${upcoming.map((b) => html`<li>${this.dayLabel(f, resource, b.start, { dateStyle: 'medium' })}${b.end !== b.start ? ` – ${this.dayLabel(f, resource, b.end, { dateStyle: 'medium' })}` : ''}${b.reason ? `: ${b.reason}` : ''}</li>`)}</ul>`
        : nothing}
    </section>`;
  }

  private renderLegend(): TemplateResult {
    const s = this.b.states;
    return html`<ul part="legend" class="legend" aria-label=${this.b.legend}>
      <li><span class="swatch swatch--free" aria-hidden="true"></span>${s.free}</li>
      <li><span class="swatch swatch--requested" aria-hidden="true"></span>${s.requested}</li>
      <li><span class="swatch swatch--confirmed" aria-hidden="true"></span>${s.confirmed}</li>
      <li><span class="swatch swatch--blackout" aria-hidden="true"></span>${s.blackout}</li>
    </ul>`;
  }

  private unavailable(resource: Resource, day: CalendarDay): string | null {
    const cache = this.memo!.unavailable;
    if (!cache.has(day)) cache.set(day, dayUnavailable(resource, day, this.host.clock(), this.memo!.grid));
    return cache.get(day)!;
  }

  /** For `hour` resources: whether the day's bookings leave some of its opening hours free. */
  private partlyTaken(resource: Resource, grid: DayGrid, day: CalendarDay, occ: DayOccupancy): boolean {
    const start = grid.startOf(day)!.getTime();
    const end = grid.startOf(addDays(day, 1))!.getTime();
    let taken = 0;
    for (const b of occ.bookings) taken += Math.max(0, Math.min(end, Date.parse(b.end)) - Math.max(start, Date.parse(b.start)));
    const open = timeSlots(resource, day).starts.length * resource.rules.step * 60_000;
    return taken < Math.min(open || end - start, end - start);
  }

  private focusedDay(month: CalendarDay, today: CalendarDay): CalendarDay {
    const focus = this.host.focusDay;
    if (focus && monthOf(focus) === month) return focus;
    return monthOf(today) === month ? today : month;
  }

  private renderGrid(data: CalendarData, month: CalendarDay, today: CalendarDay, f: Formatters): TemplateResult {
    const resource = data.resource;
    const weeks = monthWeeks(month);
    const focus = this.focusedDay(month, today);
    const s = this.b.states;
    const { occupancy, grid } = this.memo!;
    const from = this.selStart;
    const to = this.selEnd ?? this.selStart;
    return html`
      <p id="grid-help" class="muted help">${resource.rules.unit === 'day' ? this.b.gridHelp : this.b.gridHelpHour}</p>
      <table role="grid" part="grid" class="grid" aria-labelledby="month-title" aria-describedby="grid-help"
        @keydown=${(e: KeyboardEvent) => this.onGridKey(e, resource)} @click=${(e: MouseEvent) => this.onGridClick(e, resource)}>
        <thead>
          <tr role="row">
            ${weeks[0]!.map(
              (day) => html`<th role="columnheader" scope="col" part="weekday" abbr=${this.dayLabel(f, resource, day, { weekday: 'long' })}>
                ${this.dayLabel(f, resource, day, { weekday: 'short' })}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr role="row">
              ${week.map((day) => {
                const occ = occupancy.get(day);
                const blackout = blackoutOn(resource, day);
                const why = this.unavailable(resource, day);
                const outside = monthOf(day) !== month;
                const selected = from !== null && to !== null && from <= day && day <= to;
                const isToday = day === today;
                const partly = !!occ && resource.rules.unit === 'hour' && this.partlyTaken(resource, grid, day, occ);
                const word = blackout ? s.blackout : occ ? (partly ? s.partly : s[occ.state]) : why ? s.closed : s.free;
                const parts = ['day'];
                if (isToday) parts.push('day-today');
                if (occ) parts.push(`day-${occ.state}`);
                if (partly) parts.push('day-partly');
                if (blackout) parts.push('day-blackout');
                if (why) parts.push('day-unavailable');
                if (selected) parts.push('day-selected');
                if (outside) parts.push('day-outside');
                const classes = {
                  day: true, 'day--today': isToday, [`day--${occ?.state ?? 'free'}`]: true, 'day--blackout': !!blackout,
                  'day--unavailable': !!why, 'day--selected': selected, 'day--outside': outside,
                };
                const label = occ?.labels.length ? `${word}: ${occ.labels.join(', ')}` : word;
                return html`<td role="gridcell" data-day=${day} tabindex=${day === focus ? '0' : '-1'} part=${parts.join(' ')} class=${classMap(classes)}
                  aria-selected=${selected ? 'true' : 'false'} aria-disabled=${why ? 'true' : nothing} aria-current=${isToday ? 'date' : nothing}>
                  <span part="day-number" class="day__number" aria-hidden="true">${Number(day.slice(8))}</span>
                  <span class="visually-hidden">${f.date(grid.startOf(day)!, { dateStyle: 'full' })}${isToday ? `, ${s.today}` : ''}, </span>
                  <span part="day-state" class="day__state">${label}</span>
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private weekTitle(resource: Resource, weekStart: CalendarDay): string {
    const f = this.fmt(resource);
    return this.msg((t) => t.booking.weekTitle, {
      start: this.dayLabel(f, resource, weekStart, { dateStyle: 'medium' }),
      end: this.dayLabel(f, resource, addDays(weekStart, 6), { dateStyle: 'medium' }),
    });
  }

  /** The week view: seven days, each with its state, its bookings (with times) and a button to pick it. */
  private renderWeek(data: CalendarData, weekStart: CalendarDay, today: CalendarDay, f: Formatters): TemplateResult {
    const resource = data.resource;
    const s = this.b.states;
    const { occupancy } = this.memo!;
    const from = this.selStart;
    const to = this.selEnd ?? this.selStart;
    const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
    return html`<section part="week" class="week" aria-labelledby="month-title">
      <ol class="week__days">
        ${days.map((day) => {
          const occ = occupancy.get(day);
          const blackout = blackoutOn(resource, day);
          const why = this.unavailable(resource, day);
          const selected = from !== null && to !== null && from <= day && day <= to;
          const label = this.dayLabel(f, resource, day, { weekday: 'long', day: 'numeric', month: 'long' });
          const word = blackout ? this.msg((t) => t.booking.blackoutEntry, { reason: blackout.reason }) : why ? s.closed : occ ? '' : s.free;
          const parts = ['week-day', ...(day === today ? ['week-day-today'] : []), ...(selected ? ['week-day-selected'] : [])];
          return html`<li part=${parts.join(' ')} class="week__day ${day === today ? 'week__day--today' : ''} ${selected ? 'week__day--selected' : ''}" data-day=${day}
            aria-current=${day === today ? 'date' : nothing}>
            <h4>${label}${day === today ? html` <span class="muted">(${s.today})</span>` : nothing}</h4>
            ${word ? html`<p class="muted">${word}</p>` : nothing}
            ${occ
              ? html`<ul class="week__bookings">${occ.bookings.map((b) => html`<li part="week-booking week-booking-${b.status}" class="week__booking week__booking--${b.status}">
                  ${resource.rules.unit === 'hour' ? html`<strong>${f.time(b.start)} – ${f.time(b.end)}</strong> ` : nothing}${s[b.status]}${b.publicLabel ? `: ${b.publicLabel}` : ''}</li>`)}</ul>`
              : nothing}
            ${why
              ? nothing
              : html`<button type="button" part="button pick" class="button" aria-pressed=${selected ? 'true' : 'false'}
                  @click=${() => this.pick(resource, day)}>${this.msg((t) => t.booking.pickDay, { day: label })}</button>`}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private goWeek(resource: Resource, delta: number): void {
    const today = calendarDayOf(this.host.clock(), resource.timeZone);
    const day = addDays(this.focusedDay(this.host.shownMonth, today), delta * 7);
    this.host.focusDay = day;
    if (monthOf(day) !== this.host.shownMonth) this.host.showMonth(monthOf(day));
    this.host.announce(this.weekTitle(resource, startOfWeek(day)));
  }

  private renderList(data: CalendarData, month: CalendarDay, f: Formatters): TemplateResult {
    const resource = data.resource;
    const monthTitle = this.dayLabel(f, resource, month, { month: 'long', year: 'numeric' });
    const last = addDays(addMonths(month, 1), -1);
    const first = month;
    const inMonth = (b: PublicBooking) =>
      calendarDayOf(b.start, resource.timeZone) <= last && calendarDayOf(Date.parse(b.end) - 1, resource.timeZone) >= first;
    const bookings = data.month === month ? data.bookings.filter(inMonth) : [];
    const blackouts = resource.rules.blackouts.filter((b) => b.start <= last && b.end >= first);
    type Entry = { sort: string; when: string; what: string; part: string };
    const entries: Entry[] = [
      ...bookings.map((b) => ({
        sort: b.start,
        when: this.rangeText(resource, b.start, b.end),
        what: b.publicLabel ? `${this.b.states[b.status]}: ${b.publicLabel}` : this.b.states[b.status],
        part: `list-item list-item-${b.status}`,
      })),
      ...blackouts.map((b) => ({
        sort: startOfZonedDay(b.start, resource.timeZone).toISOString(),
        when: b.start === b.end ? this.dayLabel(f, resource, b.start, { dateStyle: 'medium' }) : `${this.dayLabel(f, resource, b.start, { dateStyle: 'medium' })} – ${this.dayLabel(f, resource, b.end, { dateStyle: 'medium' })}`,
        what: this.msg((t) => t.booking.blackoutEntry, { reason: b.reason }),
        part: 'list-item list-item-blackout',
      })),
    ].sort((a, b) => a.sort.localeCompare(b.sort));
    return html`<section part="list" class="list" aria-labelledby="list-title">
      <h3 id="list-title" class="section-title">${this.msg((t) => t.booking.listTitle, { month: monthTitle })}</h3>
      ${entries.length
        ? html`<ul class="agenda">${entries.map((e) => html`<li part=${e.part} class="agenda__item"><strong>${e.when}</strong> <span>${e.what}</span></li>`)}</ul>`
        : renderStatus(this.host.l10n, 'empty', { message: this.b.listEmpty })}
    </section>`;
  }

  // -------------------------------------------------------------------------------------------
  // Navigation and picking

  private announceMonth(resource: Resource, month: CalendarDay): void {
    this.host.announce(this.dayLabel(this.fmt(resource), resource, month, { month: 'long', year: 'numeric' }));
  }

  private goMonth(resource: Resource, delta: number): void {
    const month = addMonths(this.host.shownMonth, delta);
    const today = calendarDayOf(this.host.clock(), resource.timeZone);
    this.host.focusDay = addMonths(this.focusedDay(this.host.shownMonth, today), delta);
    this.host.showMonth(month);
    this.announceMonth(resource, month);
  }

  private goToday(resource: Resource): void {
    const today = calendarDayOf(this.host.clock(), resource.timeZone);
    this.host.focusDay = today;
    this.host.showMonth(monthOf(today));
    this.announceMonth(resource, monthOf(today));
    this.focusCell = true;
  }

  /** Moves the roving focus, turning the month when the day lies outside it. */
  moveFocus(resource: Resource, day: CalendarDay): void {
    this.host.focusDay = day;
    this.focusCell = true;
    if (monthOf(day) !== this.host.shownMonth) {
      this.host.showMonth(monthOf(day));
      this.announceMonth(resource, monthOf(day));
    }
  }

  private onGridKey(event: KeyboardEvent, resource: Resource): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-day]');
    const day = cell?.dataset.day;
    if (!day) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.pick(resource, day);
      return;
    }
    const next = moveByKey(day, event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    this.moveFocus(resource, next);
  }

  private onGridClick(event: MouseEvent, resource: Resource): void {
    const day = (event.target as HTMLElement).closest<HTMLElement>('[data-day]')?.dataset.day;
    if (!day) return;
    this.moveFocus(resource, day);
    this.pick(resource, day);
  }

  /** Enter/Space/click on a day: the first pick starts a range, the second ends it. */
  pick(resource: Resource, day: CalendarDay): void {
    const f = this.fmt(resource);
    const label = this.dayLabel(f, resource, day);
    const why = this.memo?.unavailable.get(day) ?? dayUnavailable(resource, day, this.host.clock());
    if (why) {
      const blackout = blackoutOn(resource, day);
      const params: Record<string, string | number> = { minutes: resource.rules.leadTime, days: resource.rules.maxAdvance };
      if (blackout?.reason) params.reason = blackout.reason;
      this.host.announce(`${this.msg((t) => t.booking.notPickable, { day: label })} ${this.issueText({ path: 'start', code: why, params })}`);
      return;
    }
    this.alternatives = null;
    if (resource.rules.unit === 'hour') {
      this.selStart = this.selEnd = day;
      this.draft = { ...this.draft, firstDay: day, lastDay: day };
      this.host.announce(this.msg((t) => t.booking.pickedDay, { day: label }));
      return;
    }
    if (!this.selStart || this.selEnd || day < this.selStart) {
      this.selStart = day;
      this.selEnd = null;
      this.draft = { ...this.draft, firstDay: day, lastDay: day };
      this.host.announce(this.msg((t) => t.booking.pickedStart, { day: label }));
    } else {
      this.selEnd = day;
      this.draft = { ...this.draft, lastDay: day };
      this.host.announce(this.msg((t) => t.booking.pickedRange, { start: this.dayLabel(f, resource, this.selStart), end: label }));
    }
  }

  // -------------------------------------------------------------------------------------------
  // The request form

  private update(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
  }

  private input(key: keyof Draft) {
    return (e: Event) => this.update({ [key]: (e.target as HTMLInputElement).value } as Partial<Draft>);
  }

  private renderForm(resource: Resource): TemplateResult {
    const d = this.draft;
    const e = this.errors;
    const fm = this.b.form;
    const req = this.t.common.required;
    const opt = this.t.common.optional;
    const hour = resource.rules.unit === 'hour';
    const slots = hour && /^\d{4}-\d{2}-\d{2}$/.test(d.firstDay) ? timeSlots(resource, d.firstDay) : { starts: [], ends: [] };
    const timeSelect = (key: 'from' | 'until', label: string, options: string[]) =>
      field({ id: `bc-${key}`, label, error: e.get(key), hint: req }, (a) => html`
        <select id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${d[key]} @change=${this.input(key)}>
          <option value="">${fm.choose}</option>
          ${options.map((o) => html`<option value=${o} ?selected=${o === d[key]}>${o}</option>`)}
        </select>`);
    return html`<form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${(ev: Event) => this.submit(ev, resource)}>
      <h3 id="form-title" class="section-title">${fm.title}</h3>
      <p class="muted">${fm.intro}</p>
      <div class="row">
        ${field({ id: 'bc-start', label: hour ? fm.date : fm.firstDay, error: e.get('start'), hint: req }, (a) => html`
          <input id=${a.id} type="date" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${d.firstDay}
            @input=${(ev: Event) => this.update({ firstDay: (ev.target as HTMLInputElement).value, ...(hour && { lastDay: (ev.target as HTMLInputElement).value }) })}>`)}
        ${hour
          ? html`${timeSelect('from', fm.from, slots.starts)}${timeSelect('until', fm.until, slots.ends)}`
          : field({ id: 'bc-end', label: fm.lastDay, error: e.get('end'), hint: req }, (a) => html`
              <input id=${a.id} type="date" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${d.lastDay} @input=${this.input('lastDay')}>`)}
      </div>
      ${this.alternatives ? this.renderConflict(resource) : nothing}
      ${field({ id: 'bc-purpose', label: fm.purpose, help: fm.purposeHelp, error: e.get('purpose'), hint: req }, (a) => html`
        <input id=${a.id} type="text" maxlength="200" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${d.purpose} @input=${this.input('purpose')}>`)}
      ${field({ id: 'bc-attendees', label: fm.attendees, error: e.get('attendees'), hint: req }, (a) => html`
        <input id=${a.id} type="number" inputmode="numeric" min="1" max=${resource.rules.maxAttendees ?? nothing} aria-describedby=${a.describedBy} aria-invalid=${a.invalid}
          .value=${d.attendees} @input=${this.input('attendees')}>`)}
      ${field({ id: 'bc-publicLabel', label: fm.publicLabel, help: fm.publicLabelHelp, error: e.get('publicLabel'), hint: opt }, (a) => html`
        <input id=${a.id} type="text" maxlength="60" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${d.publicLabel} @input=${this.input('publicLabel')}>`)}
      <fieldset part="contact" class="contact" aria-describedby="contact-help">
        <legend>${fm.contact}</legend>
        <p id="contact-help" class="muted">${fm.contactHelp}</p>
        ${field({ id: 'bc-name', label: fm.name, error: e.get('name'), hint: req }, (a) => html`
          <input id=${a.id} type="text" autocomplete="name" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${d.name} @input=${this.input('name')}>`)}
        ${field({ id: 'bc-email', label: fm.email, error: e.get('email'), hint: req }, (a) => html`
          <input id=${a.id} type="email" autocomplete="email" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${d.email} @input=${this.input('email')}>`)}
        ${field({ id: 'bc-phone', label: fm.phone, error: e.get('phone'), hint: opt }, (a) => html`
          <input id=${a.id} type="tel" autocomplete="tel" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${d.phone} @input=${this.input('phone')}>`)}
      </fieldset>
      ${resource.houseRules
        ? html`<details part="house-rules" class="house-rules"><summary>${fm.houseRules}</summary><p class="text">${resource.houseRules}</p></details>`
        : nothing}
      ${field({ id: 'bc-accept', label: fm.accept, error: e.get('accept'), inline: true }, (a) => html`
        <input id=${a.id} type="checkbox" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .checked=${d.accept}
          @change=${(ev: Event) => this.update({ accept: (ev.target as HTMLInputElement).checked })}>`)}
      ${this.formNotice
        ? html`<p part="notice" class="notice notice--${this.formNotice.kind}" role=${this.formNotice.kind === 'error' ? 'alert' : 'status'}>${this.formNotice.text}</p>`
        : nothing}
      ${e.get('form') ? html`<p part="notice" class="notice notice--error" role="alert">${e.get('form')}</p>` : nothing}
      <button id="bc-submit" part="button submit" class="button button--primary" type="submit" ?disabled=${this.sending}>
        ${this.sending ? fm.sending : fm.send}
      </button>
    </form>`;
  }

  private renderConflict(resource: Resource): TemplateResult {
    const alternatives = this.alternatives ?? [];
    return html`<div part="conflict" class="conflict" role="alert">
      <p><strong>${this.b.conflict}</strong></p>
      ${alternatives.length
        ? html`<p>${this.b.alternatives}</p>
            <ul class="alternatives">
              ${alternatives.map((alt) => html`<li><button type="button" part="button alternative" class="button" @click=${() => this.useAlternative(resource, alt)}>
                ${this.msg((t) => t.booking.useAlternative, { range: this.rangeText(resource, alt.start, alt.end) })}</button></li>`)}
            </ul>`
        : html`<p>${this.b.noAlternatives}</p>`}
    </div>`;
  }

  /** Fills the form with an offered alternative; everything else the visitor typed stays. */
  useAlternative(resource: Resource, alt: Alternative): void {
    const patch = { id: newId(), ...this.rangeDraft(resource, alt.start, alt.end) };
    const firstDay = patch.firstDay;
    this.update(patch);
    this.selStart = firstDay;
    this.selEnd = patch.lastDay ?? firstDay;
    this.alternatives = null;
    const errors = new Map(this.errors);
    errors.delete('start');
    errors.delete('end');
    errors.delete('from');
    errors.delete('until');
    this.errors = errors;
    this.formNotice = null;
    this.host.focusDay = firstDay;
    this.host.showMonth(monthOf(firstDay));
    this.host.announce(this.msg((t) => t.booking.alternativeChosen, { range: this.rangeText(resource, alt.start, alt.end) }));
    this.focusSelector = '#bc-submit';
  }

  /** A range as the form's day and time fields. */
  private rangeDraft(resource: Resource, start: string, end: string): Pick<Draft, 'firstDay' | 'lastDay'> & Partial<Draft> {
    const tz = resource.timeZone;
    const firstDay = calendarDayOf(start, tz);
    if (resource.rules.unit === 'day') return { firstDay, lastDay: calendarDayOf(Date.parse(end) - 1, tz) };
    const endDay = calendarDayOf(end, tz);
    return {
      firstDay,
      lastDay: firstDay,
      from: minutesToTime(minutesOfDay(start, tz)),
      until: minutesToTime(endDay === firstDay ? minutesOfDay(end, tz) : 24 * 60),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Requests made offline (the HTTP adapter's outbox)

  /** The outbox and the receipts of requests it delivered; shown above the calendar, whatever it shows. */
  renderOutbox(): TemplateResult {
    return html`${this.delivered.map((shown) =>
      this.renderReceipt(shown, () => (this.delivered = this.delivered.filter((d) => d !== shown)), `receipt-title-${shown.receipt.booking.id}`),
    )}${this.outbox.render()}`;
  }

  /** The resource of a queued request: the one shown, or read from the backend. */
  private async resourceOf(id: string): Promise<Resource | null> {
    const shown = this.memo?.data.resource;
    if (shown?.id === id) return shown;
    return (await this.host.api?.bookings.getResource(id).catch(() => null)) ?? null;
  }

  private describeQueued(entry: OutboxEntry): string {
    const input = entry.input as BookingRequest;
    const shown = this.memo?.data.resource;
    const range = shown?.id === input.resourceId
      ? this.rangeText(shown, input.start, input.end)
      : `${this.host.l10n.format.dateTime(input.start)} – ${this.host.l10n.format.dateTime(input.end)}`;
    return [range, input.purpose].filter(Boolean).join(' · ');
  }

  /** What to do about a refused request: take a free alternative, or put it back into the form. */
  private queuedHelp(entry: OutboxEntry): TemplateResult {
    const input = entry.input as BookingRequest;
    const shown = this.memo?.data.resource;
    const alternatives = entry.refusal?.code === 'conflict' ? (entry.refusal.details.alternatives ?? []) : [];
    const usable = shown?.id === input.resourceId ? alternatives : [];
    return html`<div part="conflict outbox-help" class="outbox__help">
      ${entry.refusal?.code === 'conflict'
        ? usable.length
          ? html`<p>${this.b.alternatives}</p>
              <ul class="alternatives">
                ${usable.map((alt) => html`<li><button type="button" part="button alternative" class="button" @click=${() => void this.fromQueued(entry, alt)}>
                  ${this.msg((t) => t.booking.useAlternative, { range: this.rangeText(shown!, alt.start, alt.end) })}</button></li>`)}
              </ul>`
          : html`<p class="outbox__note">${this.b.noAlternatives}</p>`
        : html`<p class="outbox__note">${this.host.l10n.of(outboxMessages).whatNow}</p>`}
      <p><button type="button" part="button outbox-edit" class="button" @click=${() => void this.fromQueued(entry)}>${this.b.queued.backToForm}</button></p>
    </div>`;
  }

  /** Puts a refused request back into the form (with an alternative's dates), as a new request; the refused one goes. */
  private async fromQueued(entry: OutboxEntry, alt?: Alternative): Promise<void> {
    const input = entry.input as BookingRequest;
    const resource = await this.resourceOf(input.resourceId);
    if (!resource) return;
    if (input.resourceId !== this.host.activeResource) this.host.selectResource(input.resourceId);
    const range = alt ?? input;
    const days = this.rangeDraft(resource, range.start, range.end);
    this.draft = {
      ...emptyDraft(),
      ...days,
      purpose: input.purpose,
      attendees: input.attendees === undefined ? '' : String(input.attendees),
      publicLabel: input.publicLabel ?? '',
      name: input.requester.name,
      email: input.requester.email,
      phone: input.requester.phone ?? '',
      accept: input.acceptRules === true,
    };
    this.selStart = days.firstDay;
    this.selEnd = days.lastDay;
    this.errors = new Map();
    this.alternatives = null;
    this.receipt = null;
    this.formNotice = null;
    this.host.focusDay = days.firstDay;
    this.host.showMonth(monthOf(days.firstDay));
    await this.outbox.discard(entry);
    this.host.announce(this.b.queued.backInForm);
    this.focusSelector = alt ? '#bc-submit' : '#bc-start';
    this.host.requestUpdate();
  }

  private async onOutbox(event: OutboxEvent): Promise<void> {
    if (event.type === 'failed') this.host.reloadData();
    if (event.type !== 'delivered') return;
    const receipt = event.result as BookingReceipt;
    const resource = await this.resourceOf(receipt.booking.resourceId);
    if (!resource) return;
    this.delivered = [...this.delivered, { receipt, resource }];
    this.host.reloadData();
    this.host.announce(`${this.b.queued.deliveredTitle} ${receipt.booking.status === 'confirmed' ? this.b.confirmedAtOnce : this.b.sent}`);
    this.host.fire('dorf-booking-requested', { bookingId: receipt.booking.id, resourceId: resource.id, status: receipt.booking.status });
  }

  /** The range the draft asks for, or the issues that keep it from being one. */
  candidate(resource: Resource): { start: string; end: string; issues: FieldIssue[] } {
    const d = this.draft;
    const tz = resource.timeZone;
    const issues: FieldIssue[] = [];
    const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
    if (!isDay(d.firstDay)) issues.push({ path: 'start', code: d.firstDay ? 'format.date' : 'required' });
    if (resource.rules.unit === 'day') {
      if (d.lastDay && !isDay(d.lastDay)) issues.push({ path: 'end', code: 'format.date' });
      if (issues.length) return { start: '', end: '', issues };
      const range = dayRange(d.firstDay, d.lastDay || d.firstDay, tz);
      return { ...range, issues: this.order(range) };
    }
    if (!d.from) issues.push({ path: 'start', code: 'required' });
    if (!d.until) issues.push({ path: 'end', code: 'required' });
    if (issues.length) return { start: '', end: '', issues: issues.map((i) => (i.path === 'start' && isDay(d.firstDay) ? { ...i, path: 'from' } : i)) };
    const range = { start: timeOn(d.firstDay, d.from, tz), end: timeOn(d.firstDay, d.until, tz) };
    return { ...range, issues: this.order(range) };
  }

  /**
   * The schema's own end-after-start check runs only once every other field is valid; the
   * visitor should hear about it together with everything else.
   */
  private order(range: { start: string; end: string }): FieldIssue[] {
    return Date.parse(range.end) > Date.parse(range.start) ? [] : [{ path: 'end', code: 'booking.endBeforeStart' }];
  }

  /** Every issue the draft has, before anything is sent: the schema's, then the resource's rules. */
  async validate(resource: Resource): Promise<{ issues: FieldIssue[]; value?: unknown }> {
    const d = this.draft;
    const { start, end, issues } = this.candidate(resource);
    const { check, BookingRequest } = await validation();
    const requester: Record<string, string> = { name: d.name.trim(), email: d.email.trim() };
    if (d.phone.trim()) requester.phone = d.phone.trim();
    const input = {
      id: d.id,
      resourceId: resource.id,
      start: start || undefined,
      end: end || undefined,
      purpose: d.purpose.trim(),
      attendees: d.attendees.trim() === '' ? undefined : Number(d.attendees),
      publicLabel: d.publicLabel.trim(),
      requester,
      acceptRules: d.accept,
    };
    const result = check(BookingRequest, input);
    const all = [...issues];
    if (!result.ok) all.push(...result.issues.filter((i) => !((!start || issues.length) && (i.path === 'start' || i.path === 'end'))));
    if (start && end && Date.parse(end) > Date.parse(start)) {
      const attendees = Number.isInteger(input.attendees) ? (input.attendees as number) : undefined;
      all.push(...checkBookingRules(resource, { start, end, ...(attendees !== undefined && { attendees }) }, this.host.clock()));
    }
    return all.length ? { issues: all } : { issues: [], value: result.ok ? result.value : input };
  }

  private showIssues(resource: Resource, issues: FieldIssue[]): void {
    const unit = resource.rules.unit;
    this.errors = issuesByField(issues, this.issueText, (path) => {
      const issue = issues.find((i) => i.path === path);
      return path === 'from' ? 'from' : fieldKey(path, unit, issue?.code ?? '');
    });
    this.formNotice = { text: this.b.form.fixErrors, kind: 'error' };
    this.focusInvalid = true;
  }

  async submit(event: Event, resource: Resource): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    const api = this.host.api;
    if (!api) return;
    this.alternatives = null;
    const { issues, value } = await this.validate(resource);
    if (issues.length) {
      this.showIssues(resource, issues);
      return;
    }
    this.errors = new Map();
    this.formNotice = null;
    this.sending = true;
    try {
      const receipt = await api.bookings.request(value as Parameters<typeof api.bookings.request>[0]);
      this.receipt = { receipt, resource };
      this.draft = emptyDraft();
      this.selStart = this.selEnd = null;
      const text = receipt.booking.status === 'confirmed' ? this.b.confirmedAtOnce : this.b.sent;
      this.host.announce(text);
      this.host.reloadData();
      this.focusSelector = '#receipt-title';
      this.host.fire('dorf-booking-requested', { bookingId: receipt.booking.id, resourceId: resource.id, status: receipt.booking.status });
    } catch (error) {
      this.handleError(resource, error, 'booking.request');
    } finally {
      this.sending = false;
    }
  }

  private handleError(resource: Resource, error: unknown, action: string): void {
    if (!BackendError.is(error)) {
      this.formNotice = { text: this.t.state.error, kind: 'error' };
      return;
    }
    this.host.fire('dorf-error', { error, action });
    if (error.code === 'conflict') {
      this.alternatives = error.details.alternatives ?? [];
      this.errors = new Map([[resource.rules.unit === 'hour' ? 'from' : 'start', this.issueText({ path: 'start', code: 'booking.overlap' })]]);
      this.formNotice = null;
      this.host.reloadData();
      this.focusSelector = '[part~="alternative"], #bc-start';
      return;
    }
    if (error.code === 'validation' && error.issues.length) {
      this.showIssues(resource, error.issues);
      return;
    }
    if (error.code === 'queued') {
      this.formNotice = { text: this.t.state.queued, kind: 'queued' };
      return;
    }
    this.formNotice = { text: this.host.l10n.error(error), kind: 'error' };
  }

  private renderReceipt(shown = this.receipt!, close: () => void = () => (this.receipt = null), titleId = 'receipt-title'): TemplateResult {
    const { receipt, resource } = shown;
    const booking = receipt.booking;
    const link = `#dorf-booking=${receipt.manageToken}`;
    return html`<section part="receipt" class="receipt" aria-labelledby=${titleId}>
      <h3 id=${titleId} class="section-title" tabindex="-1">${booking.status === 'confirmed' ? this.b.confirmedAtOnce : this.b.sent}</h3>
      <p>${this.rangeText(resource, booking.start, booking.end)} · ${this.b.states[booking.status as 'requested' | 'confirmed'] ?? ''}</p>
      <h4>${this.b.tokenTitle}</h4>
      <p class="muted">${this.b.tokenHelp}</p>
      <p><code part="token" class="token">${receipt.manageToken}</code></p>
      <p><a part="link" href=${link}>${this.b.tokenLink}</a></p>
      <div class="actions">
        <button type="button" part="button add-to-calendar" class="button" @click=${() => this.downloadOwn(resource, booking)}>${this.b.addToCalendar}</button>
        <button type="button" part="button close" class="button" @click=${close}>${this.t.common.close}</button>
      </div>
    </section>`;
  }

  // -------------------------------------------------------------------------------------------
  // iCalendar

  private exportOccupancy(data: CalendarData): void {
    const resource = data.resource;
    const text = occupancyToICalendar(resource, data.bookings, this.host.community, {
      calendarName: this.msg((t) => t.booking.calendarName, { name: resource.name }),
      confirmed: this.b.ics.confirmed,
      requested: this.b.ics.requested,
    });
    downloadICalendar(text, `${resource.id}-${data.month.slice(0, 7)}`);
  }

  /**
   * "Subscribe": where the backend publishes the occupancy as a live calendar, a `webcal:` link
   * (calendar apps open it as a subscription) and the https address to copy. Without such an
   * address (the local backend) only the one-off download in the toolbar is offered.
   */
  private renderSubscribe(resource: Resource): TemplateResult | typeof nothing {
    const api = this.host.api;
    // Asked once per resource; the answer arrives as tracked state, never set during this render.
    if (api && this.subscriptionFor !== resource.id) {
      this.subscriptionFor = resource.id;
      void this.loadSubscription(resource.id);
    }
    const sub = this.subscription;
    if (!sub || sub.resourceId !== resource.id || !sub.url) return nothing;
    const s = this.b.subscribe;
    const webcal = sub.url.replace(/^https?:/i, 'webcal:');
    return html`<section part="subscribe" class="subscribe" aria-labelledby="subscribe-title">
      <h3 id="subscribe-title" class="section-title">${s.title}</h3>
      <p class="text">${s.intro}</p>
      <p><a part="link subscribe-link" class="button button--primary" href=${webcal}>${s.link}</a></p>
      ${field({ id: 'bc-subscribe-url', label: s.address, help: s.addressHelp, part: 'subscribe-field' }, (a) => html`
        <input id=${a.id} type="url" readonly .value=${sub.url!} aria-describedby=${a.describedBy}
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />`)}
      <div class="actions">
        <button type="button" part="button copy" class="button" @click=${() => this.copyAddress(sub.url!)}>${s.copy}</button>
      </div>
      ${this.copyNotice
        ? html`<p part="notice" class="notice ${this.copyNotice.kind === 'error' ? 'notice--error' : ''}" role=${this.copyNotice.kind === 'error' ? 'alert' : 'status'}>${this.copyNotice.text}</p>`
        : nothing}
      <p class="rules__sub">${s.apps}</p>
      <ul part="subscribe-help" class="subscribe__help">
        <li>${s.apple}</li>
        <li>${s.google}</li>
        <li>${s.outlook}</li>
      </ul>
    </section>`;
  }

  private async loadSubscription(resourceId: string): Promise<void> {
    let url: string | null = null;
    try {
      url = (await this.host.api?.bookings.calendarUrl(resourceId)) ?? null;
    } catch {
      // No address to subscribe to: the download stays.
    }
    if (this.subscriptionFor === resourceId) this.subscription = { resourceId, url };
  }

  private async copyAddress(url: string): Promise<void> {
    const s = this.b.subscribe;
    try {
      await navigator.clipboard.writeText(url);
      this.copyNotice = { text: s.copied, kind: 'status' };
      this.host.announce(s.copied);
    } catch {
      this.copyNotice = { text: s.copyFailed, kind: 'error' };
      this.focusSelector = '#bc-subscribe-url';
    }
  }

  private downloadOwn(resource: Resource, booking: Booking): void {
    downloadICalendar(bookingToICalendar(resource, booking, this.host.community), `${resource.id}-${calendarDayOf(booking.start, resource.timeZone)}`);
  }

  // -------------------------------------------------------------------------------------------
  // The requester's view (manage token)

  renderManage(): TemplateResult {
    const token = this.host.manageToken;
    const api = this.host.api;
    // Loads once per token; the result arrives as tracked state, never set during this render.
    if (this.manageFor !== token && api) {
      this.manageFor = token;
      void this.loadManaged(token);
    }
    const m: ManageState = this.manage?.token === token ? this.manage : { token };
    const mt = this.b.manage;
    let body: TemplateResult;
    if (m.error) body = html`<p part="notice" class="notice notice--error" role="alert">${m.error}</p>`;
    else if (!m.booking || !m.resource) body = renderStatus(this.host.l10n, 'loading');
    else {
      const b = m.booking;
      const open = (b.status === 'requested' || b.status === 'confirmed') && Date.parse(b.start) > this.host.clock().getTime();
      body = html`
        <dl class="facts">
          <dt>${m.resource.name}</dt><dd>${this.rangeText(m.resource, b.start, b.end)}</dd>
          <dt>${mt.statusLabel}</dt><dd data-status=${b.status}>${mt.status[b.status]}</dd>
          <dt>${this.b.form.purpose}</dt><dd>${b.purpose}</dd>
          ${b.reason ? html`<dt>${mt.reason}</dt><dd>${b.reason}</dd>` : nothing}
        </dl>
        ${m.notice ? html`<p part="notice" class="notice" role="status">${m.notice}</p>` : nothing}
        <div class="actions">
          <button type="button" part="button add-to-calendar" class="button" @click=${() => this.downloadOwn(m.resource!, b)}>${this.b.addToCalendar}</button>
          ${open && !m.confirming
            ? html`<button type="button" part="button cancel" class="button button--danger" @click=${() => (this.manage = { ...m, confirming: true })}>${mt.cancel}</button>`
            : nothing}
        </div>
        ${open && m.confirming
          ? html`<div class="confirm" role="group" aria-labelledby="cancel-question">
              <p id="cancel-question">${mt.confirmCancel}</p>
              <button type="button" part="button cancel-confirm" class="button button--danger" ?disabled=${m.busy} @click=${() => this.cancelManaged()}>${mt.yesCancel}</button>
              <button type="button" part="button cancel-keep" class="button" @click=${() => (this.manage = { ...m, confirming: false })}>${mt.keep}</button>
            </div>`
          : nothing}`;
    }
    return html`<section part="manage" class="manage" aria-labelledby="manage-title">
      <h3 id="manage-title" class="section-title">${mt.title}</h3>
      ${body}
      <button type="button" part="button back" class="button" @click=${() => this.closeManage()}>${mt.back}</button>
    </section>`;
  }

  private async loadManaged(token: string): Promise<void> {
    const api = this.host.api!;
    try {
      const booking = await api.bookings.getByToken(token);
      const resource = booking.resourceId === this.memo?.data.resource.id ? this.memo.data.resource : await api.bookings.getResource(booking.resourceId);
      if (this.manageFor === token) this.manage = { token, booking, resource };
    } catch (error) {
      if (this.manageFor === token) this.manage = { token, error: BackendError.is(error) ? this.host.l10n.error(error) : this.t.state.error };
    }
  }

  private async cancelManaged(): Promise<void> {
    const m = this.manage;
    const api = this.host.api;
    if (!m?.booking || !api) return;
    this.manage = { ...m, busy: true };
    try {
      const booking = await api.bookings.cancelByToken(m.token);
      this.manage = { ...m, booking, busy: false, confirming: false, notice: this.b.manage.cancelled };
      this.host.announce(this.b.manage.cancelled);
      this.host.reloadData();
      this.host.fire('dorf-booking-cancelled', { bookingId: booking.id });
    } catch (error) {
      this.manage = { ...m, busy: false, confirming: false, notice: BackendError.is(error) ? this.host.l10n.error(error) : this.t.state.error };
    }
  }

  private closeManage(): void {
    this.host.manageToken = '';
    this.manage = null;
    this.manageFor = '';
    if (location.hash.startsWith('#dorf-booking=')) history.replaceState(null, '', location.pathname + location.search);
  }

  // -------------------------------------------------------------------------------------------
  // Admins: pending requests

  private renderAdmin(resource: Resource): TemplateResult {
    const a = this.admin;
    if (!a || a.resourceId !== resource.id || a.items === null) {
      if (!a || a.resourceId !== resource.id || !a.error) void this.loadPending(resource.id);
    }
    const state = this.admin;
    const at = this.b.admin;
    let body: TemplateResult;
    if (state?.error) body = renderStatus(this.host.l10n, 'error', { message: state.error });
    else if (!state?.items) body = renderStatus(this.host.l10n, 'loading');
    else if (!state.items.length) body = renderStatus(this.host.l10n, 'empty', { message: at.none });
    else {
      body = html`<ul class="admin-list">
        ${state.items.map((b) => html`<li part="admin-item" class="admin-item" data-booking=${b.id}>
          <p><strong>${this.rangeText(resource, b.start, b.end)}</strong>${b.publicLabel ? ` · ${b.publicLabel}` : ''}</p>
          <p>${b.purpose} · ${this.b.form.attendees}: ${b.attendees}</p>
          <p class="muted">${at.requester}: ${b.requester.name}, <a href="mailto:${b.requester.email}">${b.requester.email}</a>${b.requester.phone ? `, ${b.requester.phone}` : ''}</p>
          ${field({ id: `bc-reason-${b.id}`, label: at.reason, help: at.reasonHelp, error: state.errors.get(b.id) }, (f) => html`
            <textarea id=${f.id} rows="2" aria-describedby=${f.describedBy} aria-invalid=${f.invalid} .value=${state.reasons.get(b.id) ?? ''}
              @input=${(e: Event) => state.reasons.set(b.id, (e.target as HTMLTextAreaElement).value)}></textarea>`)}
          <div class="actions">
            <button type="button" part="button confirm" class="button button--primary" @click=${() => this.decide(resource, b, 'confirm')}>${at.confirm}</button>
            <button type="button" part="button decline" class="button button--danger" @click=${() => this.decide(resource, b, 'decline')}>${at.decline}</button>
            ${state.cancelling === b.id ? nothing : this.renderCancelButton(b)}
          </div>
          ${state.cancelling === b.id ? this.renderCancelConfirm(resource, b, state, false) : nothing}
        </li>`)}
      </ul>`;
    }
    return html`<section part="admin" class="admin" aria-labelledby="admin-title">
      <h3 id="admin-title" class="section-title">${at.title}</h3>
      ${body}
    </section>
    ${state && !state.error && (state.items || state.booked.length) ? this.renderBooked(resource, state) : nothing}`;
  }

  /** Confirmed bookings: an admin may cancel one, with a reason, after confirming. */
  private renderBooked(resource: Resource, state: AdminState): TemplateResult {
    const at = this.b.admin;
    return html`<section part="admin-bookings" class="admin" aria-labelledby="admin-bookings-title">
      <h3 id="admin-bookings-title" class="section-title">${at.bookedTitle}</h3>
      ${state.booked.length
        ? html`<ul class="admin-list">
            ${state.booked.map((b) => html`<li part="admin-booking" class="admin-item" data-booking=${b.id}>
              <p><strong>${this.rangeText(resource, b.start, b.end)}</strong>${b.publicLabel ? ` · ${b.publicLabel}` : ''}</p>
              <p>${b.purpose} · ${this.b.form.attendees}: ${b.attendees}</p>
              <p class="muted">${at.requester}: ${b.requester.name}, <a href="mailto:${b.requester.email}">${b.requester.email}</a>${b.requester.phone ? `, ${b.requester.phone}` : ''}</p>
              ${state.cancelling === b.id
                ? this.renderCancelConfirm(resource, b, state, true)
                : html`<div class="actions">${this.renderCancelButton(b)}</div>`}
            </li>`)}
          </ul>`
        : renderStatus(this.host.l10n, 'empty', { message: at.noneBooked })}
    </section>`;
  }

  private renderCancelButton(b: Booking): TemplateResult {
    return html`<button type="button" part="button admin-cancel" class="button button--danger" id="bc-cancel-${b.id}"
      @click=${() => this.askCancel(b, true)}>${this.b.admin.cancel}</button>`;
  }

  /**
   * The confirmation step: the question, the reason (confirmed bookings get their own field;
   * requests use the reason field they already have) and the two answers.
   */
  private renderCancelConfirm(resource: Resource, b: Booking, state: AdminState, withReason: boolean): TemplateResult {
    const at = this.b.admin;
    return html`<div part="cancel-confirm" class="confirm" role="group" aria-labelledby="bc-cancel-question-${b.id}"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.askCancel(b, false)}>
      <p id="bc-cancel-question-${b.id}">${this.msg((t) => t.booking.admin.confirmCancel, { range: this.rangeText(resource, b.start, b.end) })}</p>
      ${withReason
        ? field({ id: `bc-reason-${b.id}`, label: at.cancelReason, hint: this.t.common.required, error: state.errors.get(b.id) }, (f) => html`
            <textarea id=${f.id} rows="2" maxlength="500" aria-describedby=${f.describedBy} aria-invalid=${f.invalid} .value=${state.reasons.get(b.id) ?? ''}
              @input=${(e: Event) => state.reasons.set(b.id, (e.target as HTMLTextAreaElement).value)}></textarea>`)
        : nothing}
      <div class="actions">
        <button type="button" part="button admin-cancel-confirm" class="button button--danger" id="bc-cancel-yes-${b.id}" ?disabled=${state.busy}
          @click=${() => this.cancelBooking(resource, b)}>${at.yesCancel}</button>
        <button type="button" part="button admin-cancel-keep" class="button" @click=${() => this.askCancel(b, false)}>${at.keep}</button>
      </div>
    </div>`;
  }

  private askCancel(b: Booking, ask: boolean): void {
    const state = this.admin;
    if (!state) return;
    const errors = new Map(state.errors);
    if (!ask && b.status === 'confirmed') errors.delete(b.id);
    this.admin = { ...state, errors, cancelling: ask ? b.id : undefined };
    this.focusSelector = ask ? `#bc-reason-${b.id}` : `#bc-cancel-${b.id}`;
  }

  private async cancelBooking(resource: Resource, booking: Booking): Promise<void> {
    const api = this.host.api;
    const state = this.admin;
    if (!api || !state || state.busy) return;
    const reason = (state.reasons.get(booking.id) ?? '').trim();
    const errors = new Map(state.errors);
    errors.delete(booking.id);
    if (!reason) {
      errors.set(booking.id, this.issueText({ path: 'reason', code: 'booking.cancelNeedsReason' }));
      this.admin = { ...state, errors };
      this.focusSelector = `#bc-reason-${booking.id}`;
      return;
    }
    this.admin = { ...state, errors, busy: true };
    try {
      const cancelled = await api.bookings.cancel(booking.id, reason);
      const range = this.rangeText(resource, cancelled.start, cancelled.end);
      const now = this.admin ?? state;
      this.admin = {
        ...now, errors, busy: false, cancelling: undefined,
        items: (now.items ?? []).filter((b) => b.id !== booking.id),
        booked: now.booked.filter((b) => b.id !== booking.id),
      };
      this.host.announce(this.msg((t) => t.booking.admin.cancelled, { range }));
      this.host.reloadData();
      this.host.fire('dorf-booking-cancelled', { bookingId: cancelled.id });
      this.focusSelector = '#admin-bookings-title, #admin-title';
    } catch (error) {
      const issue = BackendError.is(error, 'validation') ? error.issues[0] : undefined;
      errors.set(booking.id, issue ? this.issueText({ ...issue, path: 'reason' }) : BackendError.is(error) ? this.host.l10n.error(error) : this.t.state.error);
      this.admin = { ...(this.admin ?? state), errors, busy: false };
      this.focusSelector = `#bc-reason-${booking.id}`;
      if (BackendError.is(error)) this.host.fire('dorf-error', { error, action: 'booking.cancel' });
    }
  }

  private loadingPending = '';

  private async loadPending(resourceId: string): Promise<void> {
    const api = this.host.api;
    if (!api || this.loadingPending === resourceId) return;
    this.loadingPending = resourceId;
    const previous = this.admin?.resourceId === resourceId ? this.admin : null;
    try {
      const [page, booked] = await Promise.all([
        api.bookings.list({ resourceId, status: 'requested', limit: 50 }),
        api.bookings.list({ resourceId, status: 'confirmed', limit: 50 }),
      ]);
      this.admin = {
        resourceId, items: page.items, booked: booked.items, reasons: previous?.reasons ?? new Map(), errors: previous?.errors ?? new Map(),
        cancelling: previous?.cancelling && [...page.items, ...booked.items].some((b) => b.id === previous.cancelling) ? previous.cancelling : undefined,
      };
    } catch (error) {
      this.admin = {
        resourceId, items: null, booked: [], reasons: new Map(), errors: new Map(),
        error: BackendError.is(error) ? this.host.l10n.error(error) : this.t.state.error,
      };
    } finally {
      this.loadingPending = '';
    }
  }

  private async decide(resource: Resource, booking: Booking, decision: 'confirm' | 'decline'): Promise<void> {
    const api = this.host.api;
    const state = this.admin;
    if (!api || !state) return;
    const reason = (state.reasons.get(booking.id) ?? '').trim();
    const { check, BookingDecision } = await validation();
    const result = check(BookingDecision, { id: booking.id, decision, reason });
    const errors = new Map(state.errors);
    errors.delete(booking.id);
    if (!result.ok) {
      errors.set(booking.id, this.issueText(result.issues[0]!));
      this.admin = { ...state, errors };
      this.focusSelector = `#bc-reason-${booking.id}`;
      return;
    }
    try {
      const decided = await api.bookings.decide(result.value);
      const range = this.rangeText(resource, decided.start, decided.end);
      this.admin = { ...state, errors, items: (state.items ?? []).filter((b) => b.id !== booking.id) };
      this.host.announce(this.msg((t) => (decision === 'confirm' ? t.booking.admin.confirmed : t.booking.admin.declined), { range }));
      this.host.reloadData();
      this.host.fire('dorf-booking-decided', { bookingId: decided.id, status: decided.status });
    } catch (error) {
      errors.set(booking.id, BackendError.is(error) ? this.host.l10n.error(error) : this.t.state.error);
      this.admin = { ...state, errors };
      if (BackendError.is(error)) this.host.fire('dorf-error', { error, action: 'booking.decide' });
    }
  }
}
