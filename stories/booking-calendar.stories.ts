import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/widgets/booking-calendar/dorf-booking-calendar.js';
import { withState, type DorfParameters } from '../.storybook/dorf-decorator.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { BackendError, type Backend } from '../src/data/backend.js';
import { addDays, calendarDayOf, startOfZonedDay } from '../src/data/rules/zoned.js';
import type { Booking, Member, Resource } from '../src/data/schema/index.js';
import { withOutbox } from './outbox.data.js';

interface Args {
  resource: string;
  resources: string;
  view: 'month' | 'week' | 'list';
  month: string;
}

const TZ = 'Europe/Berlin';
const resident: Member = { id: 'jonas-becker', displayName: 'Jonas Becker', roles: ['member'] };
const admin: Member = { id: 'gemeindeverwaltung', displayName: 'Gemeindeverwaltung Musterdorf', roles: ['member', 'moderator', 'admin'] };
const clubMember: Member = { id: 'story-club-member', displayName: 'Sam Taylor', roles: ['member'] };

const dorf = (parameters: DorfParameters) => ({ dorf: parameters });
const today = () => calendarDayOf(new Date(), TZ);
/** `YYYY-MM` of the month `months` after the current one. */
const monthAhead = (months: number) => {
  const [y, m] = today().split('-').map(Number);
  const index = y! * 12 + (m! - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** A small hall for the stories that need their own data: every day of next month taken, or none. */
function storyHall(): Resource {
  return {
    id: 'dorfgemeinschaftshaus', name: 'Dorfgemeinschaftshaus', description: 'Saal mit Küche für bis zu 80 Personen.',
    location: 'Lindenweg 3, 12345 Leerdorf', timeZone: TZ, houseRules: 'Bitte besenrein übergeben.',
    rules: {
      unit: 'day', step: 60, minDuration: 1, maxDuration: 3, leadTime: 24 * 60, maxAdvance: 365, buffer: 0, approval: 'manual',
      blackouts: [], openingHours: [], maxAttendees: 80, price: { amount: 12000, currency: 'EUR', per: 'day', note: '' },
    },
  };
}

function loaderWith(fill: 'full' | 'none', member: Member | null = resident, state?: 'offline') {
  return async () => {
    const dbName = `dorf-story-booking-${fill}-${Date.now()}`;
    const backend = createLocalBackend({ community: 'leerdorf', dbName, identity: { member } });
    const hall = storyHall();
    const bookings: (Booking & { manageToken: string })[] = [];
    if (fill === 'full') {
      const first = `${monthAhead(1)}-01`;
      for (let i = 0; i < 31 && addDays(first, i).slice(0, 7) === first.slice(0, 7); i++) {
        const d = addDays(first, i);
        bookings.push({
          id: `story-full-${i}`, resourceId: hall.id, start: startOfZonedDay(d, TZ).toISOString(), end: startOfZonedDay(addDays(d, 1), TZ).toISOString(),
          status: i % 4 === 3 ? 'requested' : 'confirmed', publicLabel: i % 5 === 0 ? 'Vereinsfeier' : '', purpose: 'Feier', attendees: 40,
          requester: { name: 'Story Person', email: 'story@example.org' }, createdAt: new Date().toISOString(), decidedAt: null, reason: null,
          manageToken: `story-full-token-${String(i).padStart(4, '0')}`,
        });
      }
    }
    await backend.seed({
      community: { id: 'leerdorf', name: 'Leerdorf', timeZone: TZ, locale: 'de' },
      members: member ? [member] : [], groups: [], posts: [], resources: [hall], bookings,
      items: [], paths: [], checkIns: [], achievements: [], awards: [],
    });
    // Offline, a request waits in the outbox ("Noch nicht gesendet"), as with the server adapter.
    return { dorfBackend: state === 'offline' ? withOutbox(withState(backend, state)) : withState(backend, state) };
  };
}

/**
 * A backend that publishes each resource's occupancy as a live calendar (the server does; the
 * local adapter has no address and answers `null`): the local backend with `calendarUrl` answered.
 */
function subscribeLoader() {
  const load = loaderWith('none');
  return async () => {
    const { dorfBackend } = await load();
    const base = dorfBackend.bookings;
    const bookings = new Proxy(base, {
      get: (target, key) => (key === 'calendarUrl'
        ? async (id: string) => `https://leerdorf.example/api/bookings/${id}/calendar.ics`
        : Reflect.get(target, key)),
    });
    const wrapped: Backend = {
      community: dorfBackend.community, session: dorfBackend.session, files: dorfBackend.files, feed: dorfBackend.feed, bookings,
      lostFound: dorfBackend.lostFound, learning: dorfBackend.learning, badges: dorfBackend.badges,
      subscribe: (topic, listener) => dorfBackend.subscribe(topic, listener), seed: (d) => dorfBackend.seed(d), close: () => dorfBackend.close(),
    };
    return { dorfBackend: wrapped };
  };
}

/** The municipality sample, with every bookings call refused: a calendar the visitor may not see. */
const forbiddenLoader = async () => {
  const dbName = `dorf-story-booking-forbidden-${Date.now()}`;
  const backend = createLocalBackend({ community: 'leerdorf', dbName, identity: { member: null } });
  const refuse = () => Promise.reject(new BackendError('forbidden', 'Story: bookings are for members only'));
  const bookings = new Proxy(backend.bookings, { get: () => refuse });
  const wrapped = new Proxy(backend, { get: (target, key) => (key === 'bookings' ? bookings : Reflect.get(target, key)) }) as Backend;
  return { dorfBackend: wrapped };
};

type Canvas = { canvasElement: HTMLElement };

async function calendarIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('dorf-booking-calendar')!;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('#bc-start'); i++) await new Promise((r) => setTimeout(r, 25));
  return el;
}

function fill(el: Element, values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  const accept = el.shadowRoot!.querySelector<HTMLInputElement>('#bc-accept')!;
  accept.checked = true;
  accept.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Fills the form with a request for `first`…`last` and sends it (conflict and offline stories). */
async function requestDays(canvasElement: HTMLElement, first: string, last: string) {
  const el = await calendarIn(canvasElement);
  fill(el, {
    'bc-start': first, 'bc-end': last, 'bc-purpose': 'Geburtstagsfeier', 'bc-attendees': '30',
    'bc-name': 'Erika Mustermann', 'bc-email': 'erika@example.org',
  });
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('#bc-submit')!.click();
}

/**
 * `<dorf-booking-calendar>` shows when a resource is taken ("belegt" / "angefragt", never who),
 * takes booking requests with the resource's rules explained up front, offers alternatives on a
 * conflict, and lets admins decide. Use the toolbar for language (de/en) and theme.
 */
const meta: Meta<Args> = {
  title: 'Widgets/dorf-booking-calendar',
  component: 'dorf-booking-calendar',
  args: { resource: 'grillhuette', resources: '', view: 'month', month: '' },
  argTypes: { view: { control: 'inline-radio', options: ['month', 'week', 'list'] } },
  parameters: dorf({ sample: 'municipality', identity: { member: resident } }),
  render: (args) => html`<dorf-booking-calendar resource=${args.resource} resources=${args.resources} view=${args.view} month=${args.month}></dorf-booking-calendar>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The Grillhütte, booked per day with manual approval: confirmed and requested days, a blackout. */
export const Grillhuette: Story = {};

/** The Bürgerhaus, booked by the hour on a 30-minute grid within opening hours. */
export const Buergerhaus: Story = { args: { resource: 'buergerhaus-saal' } };

/** Several resources with a switcher. */
export const Switcher: Story = { args: { resource: '', resources: 'grillhuette buergerhaus-saal' } };

/** The week view of the hall booked by the hour: each day with its bookings and times. */
export const WeekView: Story = { args: { resource: 'buergerhaus-saal', view: 'week' } };

/** The agenda list: best on phones and with screen readers. */
export const ListView: Story = { args: { view: 'list' } };

/** An admin sees the pending requests with the requesters' contact and decides there. */
export const AdminView: Story = { parameters: dorf({ sample: 'municipality', identity: { member: admin } }) };

/** Every day of a month taken. */
export const FullyBooked: Story = {
  args: { resource: 'dorfgemeinschaftshaus', month: monthAhead(1) },
  parameters: dorf({ sample: null }),
  loaders: [loaderWith('full')],
};

/** The Grillhütte's winter break: the whole month is a blackout. */
export const Blackout: Story = { args: { month: `${Number(today().slice(0, 4))}-12` } };

/** A request for days someone else has: the message and the nearest free alternatives. */
export const Conflict: Story = {
  args: { resource: 'dorfgemeinschaftshaus', month: monthAhead(1) },
  parameters: dorf({ sample: null }),
  loaders: [loaderWith('full')],
  play: ({ canvasElement }: Canvas) => requestDays(canvasElement, `${monthAhead(1)}-10`, `${monthAhead(1)}-10`),
};

export const Empty: Story = {
  args: { resource: 'dorfgemeinschaftshaus', view: 'list', month: monthAhead(1) },
  parameters: dorf({ sample: null }),
  loaders: [loaderWith('none')],
};

export const Loading: Story = { parameters: dorf({ sample: 'municipality', identity: { member: resident }, state: 'loading' }) };

export const Failure: Story = {
  name: 'Error', parameters: dorf({ sample: 'municipality', identity: { member: resident }, state: 'error' }) };

/** Reads work; the request is kept on this device and sent when the connection is back. */
export const OfflineQueued: Story = {
  args: { resource: 'dorfgemeinschaftshaus', month: monthAhead(2) },
  parameters: dorf({ sample: null }),
  loaders: [loaderWith('none', resident, 'offline')],
  play: ({ canvasElement }: Canvas) => requestDays(canvasElement, `${monthAhead(2)}-10`, `${monthAhead(2)}-11`),
};

/** "Kalender abonnieren": where the backend has a calendar address, a `webcal:` link and the address to copy. */
export const Subscribe: Story = {
  args: { resource: 'dorfgemeinschaftshaus' },
  parameters: dorf({ sample: null }),
  loaders: [subscribeLoader()],
};

export const NoPermission: Story = { parameters: dorf({ sample: null }), loaders: [forbiddenLoader] };

export const Dark: Story = { globals: { theme: 'dark' } };

/** The club's tennis court, in English, with prices in pounds. */
export const English: Story = {
  args: { resource: 'tennis-court-1' },
  parameters: dorf({ sample: 'club', identity: { member: clubMember } }),
  globals: { locale: 'en' },
};

export const Deutsch: Story = { globals: { locale: 'de' } };
