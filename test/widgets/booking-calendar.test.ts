import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/booking-calendar/dorf-booking-calendar.js';
import type { DorfBookingCalendar } from '../../src/widgets/booking-calendar/booking-calendar.element.js';
import type { DorfProvider } from '../../src/core/provider.element.js';
import { createLocalBackend } from '../../src/data/adapters/local/index.js';
import { BackendError, type Backend, type BookingsApi } from '../../src/data/backend.js';
import { addDays, calendarDayOf, startOfZonedDay } from '../../src/data/rules/zoned.js';
import type { Booking, Dataset, Member, Resource } from '../../src/data/schema/index.js';
import { addMonths, dayRange, monthWeeks, moveByKey, occupancyByDay, timeSlots } from '../../src/widgets/booking-calendar/month.js';
import { bookingToICalendar, occupancyToICalendar } from '../../src/widgets/booking-calendar/ics.js';
import { clubSample, municipalitySample, parishSample } from '../../src/data/sample/index.js';
import { track, until } from '../lib/backends.js';

const TZ = 'Europe/Berlin';
const COMMUNITY = 'testdorf';
const today = calendarDayOf(new Date(), TZ);
const day = (n: number) => addDays(today, n);
const midnight = (d: string) => startOfZonedDay(d, TZ).toISOString();
const ym = (d: string) => d.slice(0, 7);

const people: Record<string, Member> = {
  admin: { id: 'admin', displayName: 'Rita Rathaus', roles: ['member', 'admin'] },
  anna: { id: 'anna', displayName: 'Anna Anwohnerin', roles: ['member'] },
};

const grill: Resource = {
  id: 'grill', name: 'Grillhütte', description: 'Hut at the forest.', location: 'Waldweg 1', timeZone: TZ,
  houseRules: '1. Quiet after 10 pm.\n2. Take your rubbish home.',
  rules: {
    unit: 'day', step: 60, minDuration: 1, maxDuration: 3, leadTime: 3 * 24 * 60, maxAdvance: 365, buffer: 0, approval: 'manual',
    blackouts: [{ start: day(20), end: day(21), reason: 'Roof repair' }], openingHours: [], maxAttendees: 60,
    price: { amount: 8000, currency: 'EUR', per: 'day', note: 'plus deposit' },
  },
};

const hall: Resource = {
  id: 'hall', name: 'Parish hall', description: '', location: 'Kirchplatz 2', timeZone: TZ, houseRules: 'No smoking.',
  rules: {
    unit: 'hour', step: 30, minDuration: 120, maxDuration: 720, leadTime: 2 * 24 * 60, maxAdvance: 270, buffer: 30, approval: 'manual',
    blackouts: [], openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '08:00', close: '22:00' })), maxAttendees: 120, price: null,
  },
};

const TOKEN = 'manage-token-of-the-kita-0001';

function booking(spec: Partial<Booking & { manageToken: string }> & Pick<Booking, 'id' | 'start' | 'end'>): Booking & { manageToken: string } {
  return {
    resourceId: 'grill', status: 'confirmed', publicLabel: '', purpose: 'Secret purpose', attendees: 20,
    requester: { name: 'Petra Privat', email: 'petra.privat@example.org', phone: '+49 170 5550000' },
    createdAt: new Date().toISOString(), decidedAt: null, reason: null, manageToken: `${spec.id}-token-0000000000`, ...spec,
  };
}

function dataset(bookings: (Booking & { manageToken: string })[] = []): Dataset {
  return {
    community: { id: COMMUNITY, name: 'Testdorf', timeZone: TZ, locale: 'en' },
    members: Object.values(people), groups: [], posts: [],
    resources: [grill, hall], bookings,
    items: [], paths: [], checkIns: [], achievements: [], awards: [],
  };
}

const seeded = () => [
  booking({ id: 'b-birthday', start: midnight(day(10)), end: midnight(day(11)) }),
  booking({ id: 'b-kita', status: 'requested', publicLabel: 'Kita', start: midnight(day(12)), end: midnight(day(14)), manageToken: TOKEN }),
  booking({ id: 'b-taken', start: midnight(day(40)), end: midnight(day(42)) }),
];

let counter = 0;

async function backendFor(member: Member | null, bookings = seeded()) {
  const dbName = `bc-test-${Date.now()}-${++counter}`;
  const backend = createLocalBackend({ community: COMMUNITY, dbName, identity: { member } });
  track(backend, dbName);
  await backend.seed(dataset(bookings));
  return backend;
}

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
});


interface MountOptions { resource?: string; resources?: string; lang?: string; month?: string; view?: string; token?: string }

async function mount(backend: Backend, o: MountOptions = {}) {
  const provider = await fixture<DorfProvider>(html`
    <dorf-provider .adapter=${backend} .community=${backend.community} lang=${o.lang ?? 'en'}>
      <dorf-booking-calendar resource=${o.resource ?? ''} resources=${o.resources ?? ''} month=${o.month ?? ''} view=${o.view ?? 'month'}
        manage-token=${o.token ?? ''}></dorf-booking-calendar>
    </dorf-provider>
  `);
  const el = provider.querySelector('dorf-booking-calendar') as DorfBookingCalendar;
  await until(() => el.shadowRoot?.querySelector('[part~="grid"], [part~="week"], [part~="list"], [part~="status-error"]'), 'calendar loaded');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const cell = (el: Element, d: string) => $(el, `[role="gridcell"][data-day="${d}"]`)!;
const announcer = (el: Element) => $(el, '[part="announcer"]')!.textContent ?? '';
const errorOf = (el: Element, id: string) => $(el, `#${id}-error`)?.textContent?.trim() ?? '';
const focusedDay = (el: Element) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['day'];
const buttonIn = (root: ParentNode, label: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) => (typeof label === 'string' ? b.textContent?.trim() === label : label.test(b.textContent ?? '')))!;

function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }));
}

function check(el: Element, id: string, checked = true) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.checked = checked;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function fillRequest(el: DorfBookingCalendar, first: string, last: string) {
  type(el, 'bc-start', first);
  await el.updateComplete;
  if ($(el, '#bc-end')) type(el, 'bc-end', last);
  type(el, 'bc-purpose', 'Summer party of the choir');
  type(el, 'bc-attendees', '30');
  type(el, 'bc-publicLabel', 'Choir party');
  type(el, 'bc-name', 'Clara Chor');
  type(el, 'bc-email', 'clara@example.org');
  check(el, 'bc-accept');
  await el.updateComplete;
}

async function submit(el: DorfBookingCalendar) {
  $<HTMLButtonElement>(el, '#bc-submit')!.click();
  await new Promise((r) => setTimeout(r, 0));
}

/** Picks a range with the keyboard: Enter on the first day, arrows to the last, Enter. */
async function pickWithKeys(el: DorfBookingCalendar, first: string, last: string) {
  cell(el, first).focus();
  await sendKeys({ press: 'Enter' });
  let steps = Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000);
  while (steps-- > 0) await sendKeys({ press: 'ArrowRight' });
  await until(() => focusedDay(el) === last, 'focus on the last day');
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<dorf-booking-calendar>: month grid', () => {
  it('is a WAI-ARIA grid with one tab stop, today marked, occupancy without personal data', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill', month: ym(day(10)) });
    const grid = $(el, '[role="grid"]')!;
    expect(grid.getAttribute('aria-labelledby')).to.equal('month-title');
    expect($$(el, '[role="columnheader"]')).to.have.length(7);
    const rows = $$(el, 'tbody [role="row"]');
    expect(rows.length).to.be.within(4, 6);
    for (const row of rows) expect(row.querySelectorAll('[role="gridcell"]')).to.have.length(7);
    expect($$(el, '[role="gridcell"][tabindex="0"]')).to.have.length(1);
    await until(() => cell(el, day(10)).textContent!.includes('booked'), 'occupancy shown');
    expect(cell(el, day(10)).getAttribute('part')).to.contain('day-confirmed');
    if (ym(day(12)) === ym(day(10))) expect(cell(el, day(12)).textContent).to.contain('requested: Kita');
    if (ym(today) === ym(day(10))) expect(cell(el, today).getAttribute('aria-current')).to.equal('date');
    const all = el.shadowRoot!.textContent!;
    for (const secret of ['Petra', 'petra.privat', 'Secret purpose', '5550000']) expect(all).not.to.contain(secret);
    await expect(el).to.be.accessible();
  });

  it('marks today, blackout days and days that cannot be booked yet', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill' });
    expect(cell(el, today).getAttribute('aria-current')).to.equal('date');
    expect(cell(el, today).getAttribute('tabindex')).to.equal('0');
    // Lead time of three days: today and tomorrow cannot be picked.
    expect(cell(el, today).getAttribute('aria-disabled')).to.equal('true');
    expect(cell(el, day(1)).getAttribute('aria-disabled')).to.equal('true');
    el.month = ym(day(20));
    await until(() => cell(el, day(20))?.getAttribute('part')?.includes('day-blackout'), 'blackout shown');
    expect(cell(el, day(20)).textContent).to.contain('unavailable');
    cell(el, day(20)).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => announcer(el).includes('cannot be booked') && announcer(el).includes('Roof repair'), 'blackout announced');
    expect($<HTMLInputElement>(el, '#bc-start')!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('follows the APG keyboard map: arrows, Home/End, PageUp/PageDown, Shift for years', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill', month: '2027-03' });
    cell(el, '2027-03-10').focus();
    const press = async (key: string, expected: string) => {
      await sendKeys({ press: key });
      await until(() => focusedDay(el) === expected, `${key} → ${expected} (at ${focusedDay(el)})`);
      expect($$(el, '[role="gridcell"][tabindex="0"]').map((c) => c.dataset['day'])).to.deep.equal([expected]);
    };
    await press('ArrowRight', '2027-03-11');
    await press('ArrowLeft', '2027-03-10');
    await press('ArrowDown', '2027-03-17');
    await press('ArrowUp', '2027-03-10');
    await press('Home', '2027-03-08'); // Monday
    await press('End', '2027-03-14'); // Sunday
    await press('PageDown', '2027-04-14');
    expect($(el, '#month-title')!.textContent).to.contain('April 2027');
    await until(() => announcer(el).includes('April 2027'), 'month announced');
    await press('PageUp', '2027-03-14');
    await sendKeys({ down: 'Shift' });
    await press('PageDown', '2028-03-14');
    await press('PageUp', '2027-03-14');
    await sendKeys({ up: 'Shift' });
    // Across the month edge with an arrow key.
    await press('End', '2027-03-14');
    cell(el, '2027-03-31').focus();
    await press('ArrowRight', '2027-04-01');
    expect($(el, '#month-title')!.textContent).to.contain('April 2027');
    // Space picks like Enter: the first day, then the last.
    await sendKeys({ press: 'Space' });
    await until(() => announcer(el).startsWith('First day: Thursday, April 1, 2027'), 'first day announced');
    await press('ArrowDown', '2027-04-08');
    await press('ArrowLeft', '2027-04-07');
    await press('ArrowLeft', '2027-04-06');
    await press('ArrowLeft', '2027-04-05');
    await press('ArrowLeft', '2027-04-04');
    await press('ArrowLeft', '2027-04-03');
    await sendKeys({ press: 'Space' });
    await until(() => announcer(el).startsWith('Selected: Thursday, April 1, 2027 to Saturday, April 3, 2027'), 'range announced');
    expect($$(el, '[role="gridcell"][aria-selected="true"]').map((c) => c.dataset['day'])).to.deep.equal(['2027-04-01', '2027-04-02', '2027-04-03']);
    // The buttons turn the month too.
    buttonIn(el.shadowRoot!, /Next month/).click();
    await until(() => $(el, '#month-title')!.textContent!.includes('May 2027'), 'next month');
    buttonIn(el.shadowRoot!, /Previous month/).click();
    await until(() => $(el, '#month-title')!.textContent!.includes('April 2027'), 'previous month');
    await expect(el).to.be.accessible();
  });

  it('helpers: whole ISO weeks, month arithmetic clamps, keys map to days', () => {
    const weeks = monthWeeks('2027-02-01');
    expect(weeks[0]![0]).to.equal('2027-02-01');
    expect(weeks.at(-1)![6]).to.equal('2027-02-28');
    expect(monthWeeks('2026-11-01')[0]![0]).to.equal('2026-10-26');
    expect(addMonths('2027-01-31', 1)).to.equal('2027-02-28');
    expect(addMonths('2028-01-31', 1)).to.equal('2028-02-29');
    expect(addMonths('2027-01-15', -1)).to.equal('2026-12-15');
    expect(moveByKey('2027-03-10', 'PageUp', true)).to.equal('2026-03-10');
    expect(moveByKey('2027-03-10', 'x')).to.equal(null);
    expect(timeSlots(hall, '2027-03-28').starts[0]).to.equal('08:00');
    expect(timeSlots(hall, '2027-03-28').ends.at(-1)).to.equal('22:00');
  });
});

describe('<dorf-booking-calendar>: requests', () => {
  it('visitor path: picks a free range by keyboard, requests it, sees "requested" and the private code', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill', month: ym(day(30)) });
    const events: CustomEvent[] = [];
    el.addEventListener('dorf-booking-requested', (e) => events.push(e));
    const [first, last] = ym(day(31)) === ym(day(30)) ? [day(30), day(31)] : [day(29), day(30)];
    await pickWithKeys(el, first, last);
    await until(() => announcer(el).startsWith('Selected:'), 'range announced');
    expect(cell(el, first).getAttribute('aria-selected')).to.equal('true');
    expect(cell(el, last).getAttribute('aria-selected')).to.equal('true');
    expect($<HTMLInputElement>(el, '#bc-start')!.value).to.equal(first);
    expect($<HTMLInputElement>(el, '#bc-end')!.value).to.equal(last);
    await fillRequest(el, first, last);
    await submit(el);
    await until(() => $(el, '[part~="receipt"]'), 'receipt shown');
    const receipt = $(el, '[part~="receipt"]')!;
    const token = $(el, '[part~="token"]')!.textContent!.trim();
    expect(token.length).to.be.greaterThan(15);
    expect(receipt.textContent).to.contain('Keep this code');
    expect(receipt.querySelector('a')!.getAttribute('href')).to.equal(`#dorf-booking=${token}`);
    await until(() => cell(el, first).textContent!.includes('requested: Choir party'), 'requested shown in the grid');
    expect(cell(el, last).textContent).to.contain('requested');
    expect(events).to.have.length(1);
    const stored = await backend.bookings.getByToken(token);
    expect(stored.status).to.equal('requested');
    expect(stored.start).to.equal(midnight(first));
    expect(stored.end).to.equal(midnight(addDays(last, 1)));
    await expect(el).to.be.accessible();
  });

  it('hour resources: picks a day, offers times on the grid within opening hours, and books them', async () => {
    const backend = await backendFor(null);
    const target = day(10);
    const el = await mount(backend, { resource: 'hall', month: ym(target) });
    cell(el, target).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $<HTMLInputElement>(el, '#bc-start')!.value === target, 'day picked');
    const options = [...$<HTMLSelectElement>(el, '#bc-from')!.options].map((o) => o.value).filter(Boolean);
    expect(options[0]).to.equal('08:00');
    expect(options).to.include('08:30');
    expect(options.at(-1)).to.equal('21:30');
    await fillRequest(el, target, target);
    type(el, 'bc-from', '10:00');
    type(el, 'bc-until', '11:00');
    await submit(el);
    await until(() => errorOf(el, 'bc-until'), 'duration message');
    expect(errorOf(el, 'bc-until')).to.equal('The minimum booking is 2 hours.');
    expect($<HTMLInputElement>(el, '#bc-purpose')!.value).to.equal('Summer party of the choir');
    type(el, 'bc-until', '13:00');
    await submit(el);
    await until(() => $(el, '[part~="receipt"]'), 'receipt shown');
    const pending = await backend.bookings.getByToken($(el, '[part~="token"]')!.textContent!.trim());
    expect(pending.start).to.equal(timeIso(target, 10));
    expect(pending.end).to.equal(timeIso(target, 13));
    await expect(el).to.be.accessible();
  });

  it('bad input: empty form, end before start, past dates, beyond the window, missing consent — messages at the fields, nothing lost', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill' });
    await submit(el);
    await until(() => errorOf(el, 'bc-start'), 'errors shown');
    expect(errorOf(el, 'bc-start')).to.equal('Please fill in this field.');
    expect(errorOf(el, 'bc-purpose')).to.equal('Please fill in this field.');
    expect(errorOf(el, 'bc-name')).to.equal('Please fill in this field.');
    expect(errorOf(el, 'bc-accept')).to.equal('Please confirm this to continue.');
    await until(() => el.shadowRoot!.activeElement?.id === 'bc-start', 'focus on the first invalid field');
    expect($(el, '#bc-start')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#bc-start')!.getAttribute('aria-describedby')).to.contain('bc-start-error');
    await expect(el).to.be.accessible();

    // End before start.
    await fillRequest(el, day(30), day(28));
    check(el, 'bc-accept', false);
    type(el, 'bc-email', 'clara-at-example');
    await el.updateComplete;
    await submit(el);
    await until(() => errorOf(el, 'bc-end'), 'end message');
    expect(errorOf(el, 'bc-end')).to.equal('The end must be after the start.');
    expect(errorOf(el, 'bc-email')).to.equal('Please enter an e-mail address like name@example.org.');
    expect(errorOf(el, 'bc-accept')).to.equal('Please confirm this to continue.');
    expect(errorOf(el, 'bc-purpose')).to.equal('');
    // Nothing typed is lost.
    expect($<HTMLInputElement>(el, '#bc-start')!.value).to.equal(day(30));
    expect($<HTMLInputElement>(el, '#bc-end')!.value).to.equal(day(28));
    expect($<HTMLInputElement>(el, '#bc-purpose')!.value).to.equal('Summer party of the choir');
    expect($<HTMLInputElement>(el, '#bc-attendees')!.value).to.equal('30');
    expect($<HTMLInputElement>(el, '#bc-name')!.value).to.equal('Clara Chor');
    expect($<HTMLInputElement>(el, '#bc-email')!.value).to.equal('clara-at-example');
    await until(() => el.shadowRoot!.activeElement?.id === 'bc-end', 'focus on the end');

    // Past dates.
    type(el, 'bc-email', 'clara@example.org');
    check(el, 'bc-accept');
    type(el, 'bc-start', day(-3));
    type(el, 'bc-end', day(-2));
    await el.updateComplete;
    await submit(el);
    await until(() => errorOf(el, 'bc-start') === 'This time has already passed.', 'past message');

    // Beyond the window.
    type(el, 'bc-start', day(400));
    type(el, 'bc-end', day(400));
    await el.updateComplete;
    await submit(el);
    await until(() => errorOf(el, 'bc-start') === 'Bookings open 365 days in advance at most.', 'window message');
    expect($<HTMLInputElement>(el, '#bc-name')!.value).to.equal('Clara Chor');
    await expect(el).to.be.accessible();
    // Nothing reached the backend.
    expect((await backend.bookings.occupancy({ resourceId: 'grill', start: midnight(day(-5)), end: midnight(day(60)) })).length).to.equal(3);
  });

  it("explains every rule up front and shows each rule's message at the field", async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill' });
    const rules = $(el, '[part~="rules"]')!.textContent!.replace(/\s+/g, ' ');
    for (const text of ['Booked in whole days.', 'From 1 day to 3 days per booking.', 'Book at least 3 days in advance.', 'Bookings open 365 days ahead.',
      'At most 60 people.', 'confirmed or declined by the administration', '€80.00 per day (plus deposit)', 'Roof repair']) {
      expect(rules).to.contain(text);
    }
    const cases: [string, string, string, string, string][] = [
      [day(1), day(1), '30', 'bc-start', 'Please book at least 3 days in advance.'],
      [day(30), day(33), '30', 'bc-end', 'The maximum booking is 3 days.'],
      [day(20), day(20), '30', 'bc-start', 'Not available on these dates: Roof repair.'],
      [day(30), day(30), '61', 'bc-attendees', 'At most 60 people are allowed.'],
    ];
    for (const [first, last, attendees, id, message] of cases) {
      await fillRequest(el, first, last);
      type(el, 'bc-attendees', attendees);
      await el.updateComplete;
      await submit(el);
      await until(() => errorOf(el, id) === message, `${id}: ${message} (got "${errorOf(el, id)}")`);
    }
    await expect(el).to.be.accessible();

    const hallEl = await mount(backend, { resource: 'hall' });
    const hallRules = $(hallEl, '[part~="rules"]')!.textContent!.replace(/\s+/g, ' ');
    for (const text of ['30-minute grid', 'From 2 hours to 12 hours per booking.', '30 minutes stay free after each booking', 'Opening hours', 'Monday: 08:00–22:00']) {
      expect(hallRules).to.contain(text);
    }
  });

  it('conflict: shows the message and the nearest free alternatives, which fill the form', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill', month: ym(day(40)) });
    // Someone else took day 40–41 (seeded); the visitor asks for day 40 anyway.
    await fillRequest(el, day(40), day(40));
    await submit(el);
    await until(() => $(el, '[part~="conflict"]'), 'conflict shown');
    const conflict = $(el, '[part~="conflict"]')!;
    expect(conflict.getAttribute('role')).to.equal('alert');
    expect(conflict.textContent).to.contain('This time has just been taken.');
    expect(errorOf(el, 'bc-start')).to.equal('This time is already taken.');
    const alternatives = [...conflict.querySelectorAll<HTMLButtonElement>('[part~="alternative"]')];
    expect(alternatives.length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    // Nearest first: the day before the taken range.
    alternatives[0]!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#bc-start')!.value).to.equal(day(39));
    expect($<HTMLInputElement>(el, '#bc-end')!.value).to.equal(day(39));
    expect($<HTMLInputElement>(el, '#bc-purpose')!.value).to.equal('Summer party of the choir');
    await until(() => announcer(el).includes('The form now asks for'), 'choice announced');
    await submit(el);
    await until(() => $(el, '[part~="receipt"]'), 'receipt after the alternative');
  });
});

describe('<dorf-booking-calendar>: requester and admins', () => {
  it('the manage token opens the requester view, which shows the status and cancels', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill', token: TOKEN, month: ym(day(12)) });
    await until(() => $(el, '[part~="manage"] [data-status]'), 'booking shown');
    const manage = $(el, '[part~="manage"]')!;
    expect(manage.textContent).to.contain('Requested, waiting for a decision');
    expect(manage.textContent).to.contain('Secret purpose');
    await expect(el).to.be.accessible();
    buttonIn(manage, 'Cancel this booking').click();
    await el.updateComplete;
    buttonIn(manage, 'Yes, cancel').click();
    await until(() => $(el, '[part~="manage"] [data-status="cancelled"]'), 'cancelled');
    expect((await backend.bookings.getByToken(TOKEN)).status).to.equal('cancelled');
    await until(() => !cell(el, day(12)).textContent!.includes('requested'), 'slot freed');
    await expect(el).to.be.accessible();
  });

  it('reads the manage token from the page address', async () => {
    location.hash = `#dorf-booking=${TOKEN}`;
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill' });
    await until(() => $(el, '[part~="manage"] [data-status="requested"]'), 'booking from the hash');
    buttonIn($(el, '[part~="manage"]')!, 'Back to the calendar').click();
    await until(() => !$(el, '[part~="manage"]'), 'view closed');
    expect(location.hash).to.equal('');
  });

  it('an unknown token says so', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill', token: 'this-token-does-not-exist' });
    await until(() => $(el, '[part~="manage"] [role="alert"]'), 'error shown');
    expect($(el, '[part~="manage"]')!.textContent).to.contain('This no longer exists.');
  });

  it('admin path: pending requests with contact, confirm, decline with a reason', async () => {
    const backend = await backendFor(people.admin!, [
      ...seeded(),
      booking({ id: 'b-choir', status: 'requested', start: midnight(day(50)), end: midnight(day(51)), purpose: 'Choir rehearsal' }),
    ]);
    const el = await mount(backend, { resource: 'grill', month: ym(day(12)) });
    await until(() => $$(el, '[part~="admin-item"]').length === 2, 'pending listed');
    const admin = $(el, '[part~="admin"]')!;
    expect(admin.textContent).to.contain('Petra Privat');
    expect(admin.textContent).to.contain('Secret purpose');
    await expect(el).to.be.accessible();
    const events: CustomEvent[] = [];
    el.addEventListener('dorf-booking-decided', (e) => events.push(e));
    // Confirm the Kita request.
    buttonIn($(el, '[data-booking="b-kita"]')!, 'Confirm').click();
    // It leaves the requests and joins the confirmed bookings (which an admin may cancel).
    await until(() => !$(el, '[part~="admin-item"][data-booking="b-kita"]'), 'confirmed request leaves the list');
    await until(() => $(el, '[part~="admin-booking"][data-booking="b-kita"]'), 'listed with the confirmed bookings');
    expect((await backend.bookings.getByToken(TOKEN)).status).to.equal('confirmed');
    await until(() => cell(el, day(12)).textContent!.includes('booked'), 'grid shows booked');
    // Decline needs a reason.
    buttonIn($(el, '[data-booking="b-choir"]')!, 'Decline').click();
    await until(() => errorOf(el, 'bc-reason-b-choir'), 'reason required');
    expect(errorOf(el, 'bc-reason-b-choir')).to.equal('Please give a reason for declining.');
    await until(() => el.shadowRoot!.activeElement?.id === 'bc-reason-b-choir', 'focus on the reason');
    await expect(el).to.be.accessible();
    type(el, 'bc-reason-b-choir', 'The hut is closed for an inspection.');
    buttonIn($(el, '[data-booking="b-choir"]')!, 'Decline').click();
    await until(() => !$(el, '[data-booking="b-choir"]'), 'declined request leaves the list');
    expect((await backend.bookings.getByToken('b-choir-token-0000000000')).reason).to.equal('The hut is closed for an inspection.');
    expect(events.map((e) => e.detail.status)).to.deep.equal(['confirmed', 'declined']);
    await until(() => $(el, '[part~="admin"]')!.textContent!.includes('No requests are waiting.'), 'empty queue');
  });

  it('visitors see no admin area', async () => {
    const backend = await backendFor(people.anna!);
    const el = await mount(backend, { resource: 'grill' });
    expect($(el, '[part~="admin"]')).to.equal(null);
  });
});

describe('<dorf-booking-calendar>: views, states, languages', () => {
  it('agenda list: the month’s occupancy and blackouts, without personal data', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill', view: 'list', month: ym(day(12)) });
    await until(() => $$(el, '[part~="list-item"]').length > 0, 'list filled');
    const list = $(el, '[part~="list"]')!.textContent!;
    expect(list).to.contain('requested: Kita');
    expect(list).not.to.contain('Petra');
    await expect(el).to.be.accessible();
    buttonIn(el.shadowRoot!, 'Month').click();
    await until(() => $(el, '[role="grid"]'), 'back to the grid');
    expect(buttonIn(el.shadowRoot!, 'Month').getAttribute('aria-pressed')).to.equal('true');
  });

  it('week view: the days of a week with their bookings and times, navigable by week, days pickable', async () => {
    const backend = await backendFor(null, [
      ...seeded(),
      booking({ id: 'b-hall', resourceId: 'hall', publicLabel: 'Choir', start: timeIso(day(12), 10), end: timeIso(day(12), 12) }),
    ]);
    const el = await mount(backend, { resource: 'hall', view: 'week' });
    expect($(el, '[part~="week"]')).to.not.equal(null);
    expect($$(el, '[part~="week-day"]')).to.have.length(7);
    expect($(el, '[part~="week-day-today"]')!.dataset['day']).to.equal(today);
    const weeks = Math.round((Date.parse(startOfIsoWeek(day(12))) - Date.parse(startOfIsoWeek(today))) / (7 * 86_400_000));
    for (let i = 0; i < weeks; i++) {
      buttonIn(el.shadowRoot!, /Next week/).click();
      await el.updateComplete;
    }
    await until(() => $(el, `[part~="week-day"][data-day="${day(12)}"]`)?.textContent?.includes('booked: Choir'), 'booking in the week');
    const entry = $(el, `[part~="week-day"][data-day="${day(12)}"]`)!;
    expect(entry.textContent!.replace(/\s+/g, ' ')).to.match(/10:00 AM – 12:00 PM|10:00 – 12:00/);
    await until(() => announcer(el).startsWith('Week of'), 'week announced');
    // In the month, an hourly day with free hours left is "partly taken", not "booked".
    el.view = 'month';
    el.month = ym(day(12));
    await until(() => cell(el, day(12))?.textContent?.includes('partly taken: Choir'), 'partly taken');
    expect(cell(el, day(12)).getAttribute('part')).to.contain('day-partly');
    el.view = 'week';
    await until(() => $(el, `[part~="week-day"][data-day="${day(12)}"]`), 'week again');
    await expect(el).to.be.accessible();
    const again = $(el, `[part~="week-day"][data-day="${day(12)}"]`)!;
    buttonIn(again, /^Choose/).click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#bc-start')!.value).to.equal(day(12));
    expect(buttonIn(again, /^Choose/).getAttribute('aria-pressed')).to.equal('true');
  });

  it('offline, queued and failed requests: said in words, the input stays', async () => {
    const real = await backendFor(null);
    let failure: BackendError = new BackendError('queued', 'queued', { queuedId: 'q1' });
    const bookings = new Proxy(real.bookings, {
      get: (target, key) => (key === 'request' ? () => Promise.reject(failure) : Reflect.get(target, key)),
    });
    const backend = new Proxy(real, { get: (target, key) => (key === 'bookings' ? bookings : Reflect.get(target, key)) }) as Backend;
    const el = await mount(backend, { resource: 'grill' });
    await fillRequest(el, day(30), day(30));
    await submit(el);
    await until(() => $(el, '.notice--queued'), 'queued notice');
    expect($(el, '.notice--queued')!.textContent).to.contain('It will be sent automatically when the connection is back.');
    expect($<HTMLInputElement>(el, '#bc-purpose')!.value).to.equal('Summer party of the choir');
    await expect(el).to.be.accessible();
    failure = new BackendError('rate-limited', 'slow down', { retryAfter: 90 });
    await submit(el);
    await until(() => $(el, '.notice--error')?.textContent?.includes('Too many attempts'), 'rate limit said');
    expect($(el, '.notice--error')!.getAttribute('role')).to.equal('alert');
    expect($<HTMLInputElement>(el, '#bc-name')!.value).to.equal('Clara Chor');
    expect($<HTMLInputElement>(el, '#bc-accept')!.checked).to.equal(true);

    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await until(() => $(el, '[part~="status-offline"]'), 'offline shown');
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['onLine'];
      Object.defineProperty(Navigator.prototype, 'onLine', online);
      window.dispatchEvent(new Event('online'));
    }
    await until(() => !$(el, '[part~="status-offline"]'), 'online again');
  });

  it('empty month in the list says so', async () => {
    const backend = await backendFor(null, []);
    const el = await mount(backend, { resource: 'hall', view: 'list' });
    await until(() => $(el, '[part~="status-empty"]'), 'empty state');
    expect($(el, '[part~="status-empty"]')!.textContent).to.contain('Nothing is booked or requested this month.');
    await expect(el).to.be.accessible();
  });

  it('switches resources', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resources: 'grill hall' });
    await until(() => $(el, '[part~="switcher"]')?.textContent?.includes('Parish hall'), 'names loaded');
    expect($(el, '[part~="header"]')!.textContent).to.contain('Grillhütte');
    const changes: string[] = [];
    el.addEventListener('dorf-resource-change', (e) => changes.push(e.detail.resourceId));
    buttonIn($(el, '[part~="switcher"]')!, 'Parish hall').click();
    await until(() => $(el, '[part~="header"]')!.textContent!.includes('Parish hall'), 'hall shown');
    expect(changes).to.deep.equal(['hall']);
    expect(buttonIn($(el, '[part~="switcher"]')!, 'Parish hall').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('names the resources in the switcher even when they are written after the first render', async () => {
    // As on a demo's first visit: the widget renders, then the sample data arrives.
    const dbName = `bc-test-late-${Date.now()}-${++counter}`;
    const backend = createLocalBackend({ community: COMMUNITY, dbName, identity: { member: null } });
    track(backend, dbName);
    const el = await mount(backend, { resources: 'grill hall' });
    await backend.seed(dataset(seeded()));
    await until(() => $(el, '[part~="switcher"]')?.textContent?.includes('Parish hall'), 'names after a late seed');
    expect($(el, '[part~="switcher"]')!.textContent).not.to.contain('grill');
  });

  it('shows loading first and an error for an unknown resource', async () => {
    const backend = await backendFor(null);
    const provider = await fixture<DorfProvider>(html`
      <dorf-provider .adapter=${backend} .community=${backend.community} lang="en"><dorf-booking-calendar resource="nope"></dorf-booking-calendar></dorf-provider>`);
    const el = provider.querySelector('dorf-booking-calendar')!;
    expect($(el, '[part~="status-loading"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await until(() => $(el, '[part~="status-error"]'), 'error shown');
    expect($(el, '[part~="status-error"]')!.textContent).to.contain('This no longer exists.');
    await expect(el).to.be.accessible();
  });

  it('renders every sample resource of the demos, accessibly', async () => {
    for (const [sample, resourceId, lang] of [
      [municipalitySample, 'grillhuette', 'de'], [municipalitySample, 'buergerhaus-saal', 'de'], [parishSample, 'pfarrsaal', 'de'], [clubSample, 'tennis-court-1', 'en'],
    ] as const) {
      const data = sample();
      const dbName = `bc-sample-${Date.now()}-${++counter}`;
      const backend = createLocalBackend({ community: data.community.id, dbName, identity: { member: null } });
      track(backend, dbName);
      await backend.seed(data);
      const el = await mount(backend, { resource: resourceId, lang });
      expect($(el, '[part~="header"]')!.textContent, resourceId).to.contain(data.resources.find((r) => r.id === resourceId)!.name);
      // The samples have bookings in the coming weeks: this month or the next shows some.
      const held = () => $$(el, '[part~="day-confirmed"], [part~="day-requested"]').length;
      if (!held()) {
        buttonIn(el.shadowRoot!, /Next month|Nächster Monat/).click();
        await until(() => !el.loading && held() > 0, `${resourceId}: occupancy shown`);
      }
      await expect(el).to.be.accessible();
    }
  });

  it('speaks German: states, month, weekdays and field messages', async () => {
    const backend = await backendFor(null);
    const el = await mount(backend, { resource: 'grill', lang: 'de', month: ym(day(10)) });
    await until(() => cell(el, day(10)).textContent!.includes('belegt'), 'belegt');
    expect($$(el, '[role="columnheader"]')[0]!.textContent!.trim()).to.match(/^Mo\.?$/);
    expect($$(el, '[role="columnheader"]')[0]!.getAttribute('abbr')).to.equal('Montag');
    if (ym(day(12)) === ym(day(10))) expect(cell(el, day(12)).textContent).to.contain('angefragt');
    await submit(el);
    await until(() => errorOf(el, 'bc-accept'), 'messages');
    expect(errorOf(el, 'bc-start')).to.equal('Bitte füllen Sie dieses Feld aus.');
    await expect(el).to.be.accessible();
  });
});

function startOfIsoWeek(d: string): string {
  const weekday = new Date(`${d}T00:00:00Z`).getUTCDay() || 7;
  return addDays(d, 1 - weekday);
}

function timeIso(d: string, hour: number): string {
  // The wall-clock hour on day `d` in Berlin, independent of the widget's helpers.
  const guess = Date.parse(`${d}T${String(hour).padStart(2, '0')}:00:00Z`);
  for (const offset of [1, 2]) {
    const instant = guess - offset * 3_600_000;
    const wall = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', hourCycle: 'h23' }).format(instant);
    if (Number(wall) === hour) return new Date(instant).toISOString();
  }
  throw new Error('no such wall time');
}

describe('<dorf-booking-calendar>: daylight saving time in Europe/Berlin', () => {
  it('books the weekend of the spring change (last Sunday of March) as two whole local days', async () => {
    const backend = await backendFor(null, []);
    const el = await mount(backend, { resource: 'grill', month: '2027-03' });
    await pickWithKeys(el, '2027-03-27', '2027-03-28');
    await fillRequest(el, '2027-03-27', '2027-03-28');
    await submit(el);
    await until(() => $(el, '[part~="receipt"]'), 'receipt');
    const stored = await backend.bookings.getByToken($(el, '[part~="token"]')!.textContent!.trim());
    expect(stored.start).to.equal('2027-03-26T23:00:00.000Z'); // 00:00 CET
    expect(stored.end).to.equal('2027-03-28T22:00:00.000Z'); // 00:00 CEST on Monday
    await until(() => cell(el, '2027-03-28').textContent!.includes('requested'), 'Sunday requested');
    expect(cell(el, '2027-03-27').textContent).to.contain('requested');
    expect(cell(el, '2027-03-29').textContent).not.to.contain('requested');
    expect(cell(el, '2027-03-26').textContent).not.to.contain('requested');
  });

  it('books the weekend of the autumn change (last Sunday of October)', async () => {
    const backend = await backendFor(null, []);
    const el = await mount(backend, { resource: 'grill', month: '2027-10' });
    await pickWithKeys(el, '2027-10-30', '2027-10-31');
    await fillRequest(el, '2027-10-30', '2027-10-31');
    await submit(el);
    await until(() => $(el, '[part~="receipt"]'), 'receipt');
    const stored = await backend.bookings.getByToken($(el, '[part~="token"]')!.textContent!.trim());
    expect(stored.start).to.equal('2027-10-29T22:00:00.000Z'); // 00:00 CEST
    expect(stored.end).to.equal('2027-10-31T23:00:00.000Z'); // 00:00 CET on Monday
    await until(() => cell(el, '2027-10-31').textContent!.includes('requested'), 'Sunday requested');
    expect(cell(el, '2027-10-30').textContent).to.contain('requested');
    expect(cell(el, '2027-10-29').textContent).not.to.contain('requested');
  });

  it('hour bookings on the spring-change Sunday use the summer offset', async () => {
    const backend = await backendFor(null, []);
    const el = await mount(backend, { resource: 'hall', month: '2027-03' });
    cell(el, '2027-03-28').focus();
    await sendKeys({ press: 'Enter' });
    await fillRequest(el, '2027-03-28', '2027-03-28');
    type(el, 'bc-from', '10:00');
    type(el, 'bc-until', '12:00');
    await submit(el);
    await until(() => $(el, '[part~="receipt"]'), 'receipt');
    const stored = await backend.bookings.getByToken($(el, '[part~="token"]')!.textContent!.trim());
    expect(stored.start).to.equal('2027-03-28T08:00:00.000Z');
    expect(stored.end).to.equal('2027-03-28T10:00:00.000Z');
  });

  it('occupancy per day across both changes, and whole-day ranges', () => {
    const spring = dayRange('2027-03-28', '2027-03-28', TZ);
    expect(Date.parse(spring.end) - Date.parse(spring.start)).to.equal(23 * 3_600_000);
    const autumn = dayRange('2027-10-31', '2027-10-31', TZ);
    expect(Date.parse(autumn.end) - Date.parse(autumn.start)).to.equal(25 * 3_600_000);
    const days = occupancyByDay([
      { id: 'a', resourceId: 'grill', status: 'confirmed', publicLabel: '', ...dayRange('2027-03-27', '2027-03-28', TZ) },
      { id: 'b', resourceId: 'grill', status: 'requested', publicLabel: 'X', ...dayRange('2027-10-31', '2027-10-31', TZ) },
    ], TZ);
    expect([...days.keys()]).to.deep.equal(['2027-03-27', '2027-03-28', '2027-10-31']);
    expect(days.get('2027-10-31')!.state).to.equal('requested');
  });
});

/** Unfolds RFC 5545 content lines and splits them into [name;params, value]. */
function contentLines(text: string): { name: string; params: string; value: string }[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean).map((line) => {
    const colon = line.indexOf(':');
    const head = line.slice(0, colon);
    const [name, ...params] = head.split(';');
    return { name: name!, params: params.join(';'), value: line.slice(colon + 1) };
  });
}

describe('<dorf-booking-calendar>: iCalendar', () => {
  const stamp = new Date('2027-01-01T12:00:00Z');

  it('exports the public occupancy: CRLF, folded lines ≤ 75 octets, escaped text, all-day dates across DST', () => {
    const label = 'Sommerfest; Chor, Kinder\nund Grillmeister – ein sehr langer Titel mit Umlauten äöü, der gefaltet werden muss';
    const text = occupancyToICalendar(grill, [
      { id: 'pub-1', resourceId: 'grill', status: 'confirmed', publicLabel: label.slice(0, 60), ...dayRange('2027-03-27', '2027-03-28', TZ) },
      { id: 'pub-2', resourceId: 'grill', status: 'requested', publicLabel: '', ...dayRange('2027-10-31', '2027-10-31', TZ) },
    ], COMMUNITY, { calendarName: 'Occupancy: Grillhütte', confirmed: 'Booked', requested: 'Requested' }, stamp);
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(/[^\r]\n/.test(text)).to.equal(false);
    const encoder = new TextEncoder();
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).to.be.at.most(75);
    const lines = contentLines(text);
    expect(lines[0]).to.deep.equal({ name: 'BEGIN', params: '', value: 'VCALENDAR' });
    expect(lines.filter((l) => l.name === 'BEGIN' && l.value === 'VEVENT')).to.have.length(2);
    const starts = lines.filter((l) => l.name === 'DTSTART');
    const ends = lines.filter((l) => l.name === 'DTEND');
    expect(starts.map((l) => `${l.params}:${l.value}`)).to.deep.equal(['VALUE=DATE:20270327', 'VALUE=DATE:20271031']);
    expect(ends.map((l) => `${l.params}:${l.value}`)).to.deep.equal(['VALUE=DATE:20270329', 'VALUE=DATE:20271101']);
    const summary = lines.find((l) => l.name === 'SUMMARY')!.value;
    expect(summary).to.equal(`Booked: ${label.slice(0, 60).replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n')}`);
    expect(lines.filter((l) => l.name === 'SUMMARY')[1]!.value).to.equal('Requested');
    expect(lines.find((l) => l.name === 'X-WR-CALNAME')!.value).to.equal('Occupancy: Grillhütte');
    // Public data only: no requester, no purpose.
    expect(text).not.to.contain('Petra');
    expect(text).not.to.contain('DESCRIPTION');
  });

  it('adds my own hour booking in UTC, correct across the spring change', () => {
    const mine = booking({ id: 'mine', resourceId: 'hall', start: '2027-03-28T08:00:00.000Z', end: '2027-03-28T10:00:00.000Z', purpose: 'Choir, rehearsal; 2 hours' });
    const lines = contentLines(bookingToICalendar(hall, mine, COMMUNITY, stamp));
    expect(lines.find((l) => l.name === 'DTSTART')!.value).to.equal('20270328T080000Z');
    expect(lines.find((l) => l.name === 'DTEND')!.value).to.equal('20270328T100000Z');
    expect(lines.find((l) => l.name === 'SUMMARY')!.value).to.equal('Parish hall: Choir\\, rehearsal\\; 2 hours');
    expect(lines.find((l) => l.name === 'UID')!.value).to.equal('mine@testdorf.dorfplatz');
    expect(lines.find((l) => l.name === 'DTSTAMP')!.value).to.equal('20270101T120000Z');
  });
});

/** A small test double: the local backend, with `bookings.calendarUrl` answering `url` (`{id}` → the resource). */
function withCalendarUrl(backend: Backend, url: string | null): Backend {
  const base = backend.bookings;
  const bookings: BookingsApi = {
    listResources: () => base.listResources(),
    getResource: (id) => base.getResource(id),
    saveResource: (r) => base.saveResource(r),
    occupancy: (q) => base.occupancy(q),
    calendarUrl: async (id) => (url === null ? null : url.replace('{id}', id)),
    request: (input) => base.request(input),
    getByToken: (token) => base.getByToken(token),
    cancelByToken: (token) => base.cancelByToken(token),
    list: (q) => base.list(q),
    decide: (d) => base.decide(d),
    cancel: (id, reason) => base.cancel(id, reason),
  };
  return {
    community: backend.community, session: backend.session, files: backend.files, feed: backend.feed, bookings,
    lostFound: backend.lostFound, learning: backend.learning, badges: backend.badges,
    subscribe: (topic, listener) => backend.subscribe(topic, listener), seed: (d) => backend.seed(d), close: () => backend.close(),
  };
}

describe('<dorf-booking-calendar>: subscribing and admin cancellations', () => {
  it('offers a calendar subscription (webcal link and the address to copy) where the backend has one', async () => {
    const backend = withCalendarUrl(await backendFor(people.anna!), 'https://dorf.example/ical/{id}.ics');
    const el = await mount(backend, { resource: 'grill' });
    await until(() => $(el, '[part~="subscribe"]'), 'subscribe shown');
    const link = $<HTMLAnchorElement>(el, '[part~="subscribe-link"]')!;
    expect(link.getAttribute('href')).to.equal('webcal://dorf.example/ical/grill.ics');
    expect(link.textContent!.trim()).to.equal('Subscribe in my calendar app');
    expect($<HTMLInputElement>(el, '#bc-subscribe-url')!.value).to.equal('https://dorf.example/ical/grill.ics');
    expect($(el, 'label[for="bc-subscribe-url"]')!.textContent).to.contain('Address of the calendar');
    const section = $(el, '[part~="subscribe"]')!.textContent!;
    for (const app of ['Apple Calendar', 'Google Calendar', 'Outlook on the web']) expect(section).to.contain(app);
    // The one-off download stays next to it.
    expect($(el, '[part~="export"]')!.textContent).to.contain('Export occupancy (.ics)');
    await expect(el).to.be.accessible();
    // Another resource: its own address.
    el.resource = 'hall';
    await until(() => $(el, '[part~="subscribe-link"]')?.getAttribute('href') === 'webcal://dorf.example/ical/hall.ics', 'hall address');
  });

  it('speaks German in the subscription', async () => {
    const backend = withCalendarUrl(await backendFor(null), 'https://dorf.example/ical/{id}.ics');
    const el = await mount(backend, { resource: 'grill', lang: 'de' });
    await until(() => $(el, '[part~="subscribe"]'), 'subscribe shown');
    expect($(el, '#subscribe-title')!.textContent).to.equal('Kalender abonnieren');
    expect($(el, '[part~="subscribe"]')!.textContent).to.contain('Google Kalender');
    await expect(el).to.be.accessible();
  });

  it('offers only the download where there is no address (the local backend, or null)', async () => {
    const plain = await backendFor(people.anna!);
    const el = await mount(plain, { resource: 'grill' });
    expect(await plain.bookings.calendarUrl('grill')).to.equal(null);
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(!$(el, '[part~="subscribe"]'), 'no subscribe section').to.equal(true);
    expect($(el, '[part~="export"]')!.textContent).to.contain('Export occupancy (.ics)');
    const nulled = withCalendarUrl(await backendFor(people.anna!), null);
    const el2 = await mount(nulled, { resource: 'grill' });
    await new Promise((r) => setTimeout(r, 100));
    expect(!$(el2, '[part~="subscribe"]'), 'no subscribe section').to.equal(true);
  });

  it('admin cancels a confirmed booking with a reason, after confirming; the dates become free', async () => {
    const backend = await backendFor(people.admin!);
    const el = await mount(backend, { resource: 'grill', month: ym(day(10)) });
    const item = () => $(el, '[part~="admin-booking"][data-booking="b-birthday"]');
    await until(() => item(), 'confirmed bookings listed');
    await until(() => cell(el, day(10)).textContent!.includes('booked'), 'booked in the grid');
    await expect(el).to.be.accessible();
    const cancelled: string[] = [];
    el.addEventListener('dorf-booking-cancelled', (e) => cancelled.push(e.detail.bookingId));
    buttonIn(item()!, 'Cancel booking').click();
    await until(() => item()!.querySelector('[part~="cancel-confirm"]'), 'confirmation step');
    await until(() => el.shadowRoot!.activeElement?.id === 'bc-reason-b-birthday', 'focus on the reason');
    expect(item()!.textContent).to.contain('The dates become free again');
    // Keep it: nothing happens.
    buttonIn(item()!, 'No, keep it').click();
    await until(() => !item()!.querySelector('[part~="cancel-confirm"]'), 'kept');
    await until(() => el.shadowRoot!.activeElement?.id === 'bc-cancel-b-birthday', 'focus back on the button');
    buttonIn(item()!, 'Cancel booking').click();
    await until(() => item()!.querySelector('[part~="cancel-confirm"]'), 'confirmation step again');
    // An empty reason is refused at the field.
    buttonIn(item()!, 'Yes, cancel the booking').click();
    await until(() => errorOf(el, 'bc-reason-b-birthday'), 'reason required');
    expect(errorOf(el, 'bc-reason-b-birthday')).to.equal('Please give a reason for the cancellation.');
    expect($(el, '#bc-reason-b-birthday')!.getAttribute('aria-invalid')).to.equal('true');
    expect((await backend.bookings.getByToken('b-birthday-token-0000000000')).status).to.equal('confirmed');
    await expect(el).to.be.accessible();
    type(el, 'bc-reason-b-birthday', 'The hut is needed for the fire brigade.');
    buttonIn(item()!, 'Yes, cancel the booking').click();
    await until(() => !item(), 'cancelled booking leaves the list');
    await until(() => announcer(el).includes('Cancelled:'), 'result announced');
    await until(() => !cell(el, day(10)).textContent!.includes('booked'), 'slot free in the grid');
    const stored = await backend.bookings.getByToken('b-birthday-token-0000000000');
    expect(stored.status).to.equal('cancelled');
    expect(stored.reason).to.equal('The hut is needed for the fire brigade.');
    expect(cancelled).to.deep.equal(['b-birthday']);
    await expect(el).to.be.accessible();
  });

  it('admin cancels a request the same way, in German', async () => {
    const backend = await backendFor(people.admin!);
    const el = await mount(backend, { resource: 'grill', month: ym(day(12)), lang: 'de' });
    const item = () => $(el, '[part~="admin-item"][data-booking="b-kita"]');
    await until(() => item(), 'request listed');
    buttonIn(item()!, 'Buchung stornieren').click();
    await until(() => item()!.querySelector('[part~="cancel-confirm"]'), 'confirmation step');
    buttonIn(item()!, 'Ja, Buchung stornieren').click();
    await until(() => errorOf(el, 'bc-reason-b-kita'), 'reason required');
    expect(errorOf(el, 'bc-reason-b-kita')).to.equal('Bitte geben Sie einen Grund für die Stornierung an.');
    type(el, 'bc-reason-b-kita', 'Die Hütte wird renoviert.');
    buttonIn(item()!, 'Ja, Buchung stornieren').click();
    await until(() => !item(), 'request gone');
    await until(() => announcer(el).includes('Storniert:'), 'announced in German');
    expect((await backend.bookings.getByToken(TOKEN)).status).to.equal('cancelled');
    await expect(el).to.be.accessible();
  });
});
