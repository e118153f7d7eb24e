/**
 * <dorf-booking-calendar> month view with 500 bookings in the visible weeks (an hourly hall booked
 * up to 15 times a day): how long the month takes to render once its occupancy is read, after a live
 * change (occupancy read + render), and from connect to the first painted month.
 * Budget: month view render ≤ 30 ms median.
 */
import '../src/core/provider.js';
import '../src/widgets/booking-calendar/dorf-booking-calendar.js';
import type { DorfBookingCalendar } from '../src/widgets/booking-calendar/booking-calendar.element.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { addDays, calendarDayOf, startOfZonedDay } from '../src/data/rules/zoned.js';
import type { Booking, Dataset, Resource } from '../src/data/schema/index.js';
import { monthWeeks } from '../src/widgets/booking-calendar/month.js';
import { afterNextPaint, defineBench, median } from './lib/harness.js';
import { dropDatabase } from './lib/datasets.js';

const TZ = 'Europe/Berlin';
const BOOKINGS = 500;
const RUNS = 30;
const WARMUP = 5;
const RENDER = 'month view render (occupancy loaded)';
const RELOAD = 'live change: occupancy read + month render';
const CONNECT = 'connect → month painted';

function dataset(): { data: Dataset; month: string; perDay: number } {
  const today = calendarDayOf(new Date(), TZ);
  // Next month: its whole grid lies inside the booking window.
  const [y, m] = today.split('-').map(Number);
  const month = `${m === 12 ? y! + 1 : y}-${String(m === 12 ? 1 : m! + 1).padStart(2, '0')}`;
  // Spread evenly over the days the grid shows (whole weeks around the month), from 06:00.
  const days = monthWeeks(`${month}-01`).flat();
  const perDay = Math.ceil(BOOKINGS / days.length);
  const resource: Resource = {
    id: 'bench-hall', name: 'Bench hall', description: '', location: '', timeZone: TZ, houseRules: '',
    rules: {
      unit: 'hour', step: 30, minDuration: 60, maxDuration: 720, leadTime: 0, maxAdvance: 365, buffer: 0, approval: 'manual',
      blackouts: [], openingHours: [], maxAttendees: null, price: null,
    },
  };
  const bookings: (Booking & { manageToken: string })[] = [];
  for (let i = 0; i < BOOKINGS; i++) {
    const day = days[Math.floor(i / perDay)]!;
    const start = startOfZonedDay(day, TZ).getTime() + (6 + (i % perDay)) * 3_600_000;
    bookings.push({
      id: `bench-booking-${i}`, resourceId: resource.id, start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString(),
      status: i % 3 ? 'confirmed' : 'requested', publicLabel: i % 7 ? '' : `Gruppe ${i}`, purpose: 'Probe', attendees: 10,
      requester: { name: 'Bench', email: 'bench@example.org' }, createdAt: new Date().toISOString(), decidedAt: null, reason: null,
      manageToken: `bench-manage-token-${String(i).padStart(6, '0')}`,
    });
  }
  const data: Dataset = {
    community: { id: 'benchdorf', name: 'Benchdorf', timeZone: TZ, locale: 'de' },
    members: [], groups: [], posts: [], resources: [resource], bookings,
    items: [], paths: [], checkIns: [], achievements: [], awards: [],
  };
  return { data, month, perDay };
}

const painted = (el: DorfBookingCalendar) => !el.loading && !!el.shadowRoot?.querySelector('[part~="day-confirmed"]');

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setTimeout(r, 0));
}

export default defineBench({
  title: `<dorf-booking-calendar>: month view with ${BOOKINGS} bookings in the visible range`,
  async run({ log }) {
    const { data, month, perDay } = dataset();
    const dbName = `dorf-bench-booking-${Date.now()}`;
    const backend = createLocalBackend({ community: data.community.id, dbName, identity: { member: null } });
    await backend.seed(data);
    log('seeded');

    const mount = () => {
      const provider = document.createElement('dorf-provider');
      provider.adapter = backend;
      provider.lang = 'de';
      const el = document.createElement('dorf-booking-calendar');
      el.setAttribute('resource', 'bench-hall');
      el.setAttribute('month', month);
      provider.append(el);
      return { provider, el };
    };

    const connect: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const { provider, el } = mount();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const start = performance.now();
      document.body.append(provider);
      await until(() => painted(el));
      await afterNextPaint();
      if (i >= WARMUP) connect.push(performance.now() - start);
      provider.remove();
    }
    log('connect measured');

    const { provider, el } = mount();
    document.body.append(provider);
    await until(() => painted(el));
    const cells = el.shadowRoot!.querySelectorAll('[role="gridcell"]').length;
    const visible = (await backend.bookings.occupancy({ resourceId: 'bench-hall', start: startOfZonedDay(monthWeeks(`${month}-01`)[0]![0]!, TZ).toISOString(), end: startOfZonedDay(addDays(monthWeeks(`${month}-01`).at(-1)![6]!, 1), TZ).toISOString() })).length;

    // Render only: from the list back to the month (the grid, its 500 bookings' days and labels).
    const render: number[] = [];
    const reload: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      el.view = 'list';
      await el.updateComplete;
      await afterNextPaint();
      // A fresh data object, as after a live change: the occupancy per day is computed again.
      el.reloadData();
      await el.updateComplete;
      await until(() => !el.loading);
      await el.updateComplete;
      await afterNextPaint();
      const start = performance.now();
      el.view = 'month';
      await el.updateComplete;
      await afterNextPaint();
      if (i >= WARMUP) render.push(performance.now() - start);

      const startReload = performance.now();
      el.reloadData();
      await el.updateComplete;
      await until(() => !el.loading);
      await el.updateComplete;
      await afterNextPaint();
      if (i >= WARMUP) reload.push(performance.now() - startReload);
    }
    provider.remove();
    backend.close();
    await dropDatabase(dbName);
    log('render measured');

    return {
      notes: [
        `${BOOKINGS} bookings (up to ${perDay} a day, hourly hall), ${visible} of them in the ${cells} days shown; anonymous visitor, lang=de`,
        'render = list → month with the occupancy already read (includes the occupancy per day and the rule check per day)',
      ],
      series: { [RENDER]: render, [RELOAD]: reload, [CONNECT]: connect },
      budgets: (m) => [{ label: 'month view render (median)', value: m[RENDER]!, max: 30, unit: 'ms' }],
    };
  },
});

export { median };
