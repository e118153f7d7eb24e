import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/widgets/lost-found/dorf-lost-found.js';
import { withState, type DorfParameters } from '../.storybook/dorf-decorator.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { BackendError, type Backend } from '../src/data/backend.js';
import { calendarDayOf } from '../src/data/rules/zoned.js';
import { municipalitySample } from '../src/data/sample/index.js';
import type { Member } from '../src/data/schema/index.js';
import { withOutbox } from './outbox.data.js';

interface Args {
  type: '' | 'lost' | 'found';
  category: string;
  item: string;
  manageToken: string;
  pageSize: number;
}

const TZ = 'Europe/Berlin';
const moderator: Member = { id: 'gemeindeverwaltung', displayName: 'Gemeindeverwaltung Musterdorf', roles: ['member', 'moderator', 'admin'] };
/** The sample's private link for Minka the cat (sample data has known manage tokens). */
const MINKA_TOKEN = 'sample-manage-item-katze-minka';

const dorf = (parameters: DorfParameters) => ({ dorf: parameters });

type Canvas = { canvasElement: HTMLElement };
type Board = HTMLElement & { updateComplete: Promise<unknown> };

async function boardIn(canvasElement: HTMLElement, selector: string): Promise<Board> {
  const el = canvasElement.querySelector('dorf-lost-found') as Board;
  for (let i = 0; i < 320 && !el.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 25));
  return el;
}

function fill(el: Element, values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }));
  }
}

function click(el: Element, selector: string) {
  el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
}

/** Opens the report form. */
async function openForm({ canvasElement }: Canvas): Promise<Board> {
  const el = await boardIn(canvasElement, '#lf-report-open');
  click(el, '#lf-report-open');
  await el.updateComplete;
  return boardIn(canvasElement, '#lf-form');
}

/** Fills the report form with a found key ring and publishes it. */
async function reportKeys(context: Canvas) {
  const el = await openForm(context);
  el.shadowRoot!.querySelector<HTMLInputElement>('#lf-type-found')!.click();
  fill(el, { 'lf-category-input': 'keys' });
  await el.updateComplete;
  fill(el, {
    'lf-title': 'Fahrradschlüssel mit blauem Band', 'lf-description': 'Kleiner Schlüssel an einem blauen Schlüsselband.',
    'lf-place-input': 'Bushaltestelle Rathaus', 'lf-date': calendarDayOf(new Date(), TZ), 'lf-name': 'Erika Mustermann', 'lf-email': 'erika@example.org',
  });
  await el.updateComplete;
  click(el, '#lf-submit');
}

/** The municipality sample with one message relayed to the owner of Minka. */
const withMessageLoader = async () => {
  const dbName = `dorf-story-lostfound-manage-${Date.now()}`;
  const backend = createLocalBackend({ community: 'musterdorf', dbName, identity: { member: null } });
  await backend.seed(municipalitySample());
  await backend.lostFound.contact({
    id: 'story-contact-1', itemId: 'item-katze-minka', name: 'Jonas Becker', replyTo: 'jonas.becker@example.org',
    message: 'Ich habe heute Morgen eine graue Katze mit rotem Halsband bei den Streuobstwiesen gesehen.',
  });
  return { dorfBackend: backend };
};

/** An empty community: nothing reported yet. */
const emptyLoader = async () => {
  const dbName = `dorf-story-lostfound-empty-${Date.now()}`;
  const backend = createLocalBackend({ community: 'leerdorf', dbName, identity: { member: null } });
  await backend.seed({
    community: { id: 'leerdorf', name: 'Leerdorf', timeZone: TZ, locale: 'de' },
    members: [], groups: [], posts: [], resources: [], bookings: [], items: [], paths: [], checkIns: [], achievements: [], awards: [],
  });
  return { dorfBackend: backend };
};

/** The municipality sample, offline: reading works, a report waits in the outbox ("Noch nicht gesendet"). */
const offlineLoader = async () => {
  const dbName = `dorf-story-lostfound-offline-${Date.now()}`;
  const backend = createLocalBackend({ community: 'musterdorf', dbName, identity: { member: null } });
  await backend.seed(municipalitySample());
  return { dorfBackend: withOutbox(withState(backend, 'offline')) };
};

/** Every lost & found call refused: a board only members may see. */
const forbiddenLoader = async () => {
  const dbName = `dorf-story-lostfound-forbidden-${Date.now()}`;
  const backend = createLocalBackend({ community: 'musterdorf', dbName, identity: { member: null } });
  const refuse = () => Promise.reject(new BackendError('forbidden', 'Story: lost & found is for members only'));
  const lostFound = new Proxy(backend.lostFound, { get: () => refuse });
  const wrapped = new Proxy(backend, { get: (target, key) => (key === 'lostFound' ? lostFound : Reflect.get(target, key)) }) as Backend;
  return { dorfBackend: wrapped };
};

/**
 * `<dorf-lost-found>` is the "Gesucht – Gefunden" board: residents browse lost and found items
 * and animals, report one with a photo (made smaller and stripped of its location on the device),
 * and get in touch through a relay that never shows anyone's address. Use the toolbar for
 * language (de/en) and theme.
 */
const meta: Meta<Args> = {
  title: 'Widgets/dorf-lost-found',
  component: 'dorf-lost-found',
  args: { type: '', category: '', item: '', manageToken: '', pageSize: 12 },
  argTypes: {
    type: { control: 'inline-radio', options: ['', 'lost', 'found'] },
    category: { control: 'select', options: ['', 'animal', 'keys', 'wallet', 'phone', 'bag', 'bicycle', 'clothing', 'document', 'jewellery', 'other'] },
  },
  parameters: dorf({ sample: 'municipality' }),
  render: (args) => html`<dorf-lost-found type=${args.type} category=${args.category} item=${args.item} manage-token=${args.manageToken}
    page-size=${args.pageSize}></dorf-lost-found>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The municipality's board: a missing cat, key rings lost and found, a wallet, a bicycle. */
export const Board: Story = {};

/** Filtered from the start by attributes: missing animals only. */
export const LostAnimals: Story = { args: { type: 'lost', category: 'animal' } };

/** A full-text search: "Schlüssel". */
export const Search: Story = {
  play: async ({ canvasElement }: Canvas) => {
    const el = await boardIn(canvasElement, '#lf-q');
    fill(el, { 'lf-q': 'Schlüssel' });
    click(el, '[part~="filter-apply"]');
  },
};

/**
 * One item's page: its approximate location (rounded to about 1 km) as a plain link to OpenStreetMap,
 * matching suggestions from the opposite list, the relay form and "report abuse".
 */
export const Item: Story = { args: { item: 'item-schluesselbund-baeckerei' } };

export const ReportForm: Story = {
  play: async (context: Canvas) => {
    await openForm(context);
  },
};

/** Sent without a category, with a date in the future and no contact: every field says what is wrong, nothing typed is lost. */
export const InvalidInput: Story = {
  play: async (context: Canvas) => {
    const el = await openForm(context);
    fill(el, { 'lf-title': 'Hund entlaufen', 'lf-place-input': 'Waldweg', 'lf-date': '2099-01-01' });
    click(el, '#lf-submit');
  },
};

/** After publishing: the private link for editing, messages and "Zurückgegeben", and suggestions. */
export const Receipt: Story = { play: reportKeys };

/** A message passed on to the finder; no address is shown to either side. */
export const ContactSent: Story = {
  args: { item: 'item-schluesselbund-baeckerei' },
  play: async ({ canvasElement }: Canvas) => {
    const el = await boardIn(canvasElement, '#lf-contact-send');
    fill(el, { 'lf-contact-name': 'Jonas Becker', 'lf-contact-replyTo': 'jonas.becker@example.org', 'lf-contact-message': 'Am Bund hängt ein kleiner Leuchtturm – das ist meiner!' });
    click(el, '#lf-contact-send');
  },
};

/** The reporter's view through the private link: the relayed message, edit, "Zurückgegeben", withdraw. */
export const Manage: Story = {
  args: { manageToken: MINKA_TOKEN },
  parameters: dorf({ sample: null }),
  loaders: [withMessageLoader],
};

/** Minka is back home: marked as returned, off the board. */
export const Returned: Story = {
  args: { manageToken: MINKA_TOKEN },
  play: async ({ canvasElement }: Canvas) => {
    const el = await boardIn(canvasElement, '[part~="resolve"]');
    click(el, '[part~="resolve"]');
    await boardIn(canvasElement, '[part~="manage"] .notice');
  },
};

/** The printable flyer for a missing cat: tear-off strips with the short link, no personal data. */
export const Flyer: Story = {
  args: { item: 'item-katze-minka' },
  play: async ({ canvasElement }: Canvas) => {
    const el = await boardIn(canvasElement, '[part~="detail"] [part~="print"]');
    click(el, '[part~="detail"] [part~="print"]');
  },
};

/** A moderator sees "hide" on every report. */
export const Moderator: Story = {
  args: { item: 'item-fahrrad' },
  parameters: dorf({ sample: 'municipality', identity: { member: moderator } }),
};

export const Empty: Story = { parameters: dorf({ sample: null }), loaders: [emptyLoader] };

export const Loading: Story = { parameters: dorf({ sample: 'municipality', state: 'loading' }) };

export const Failure: Story = { name: 'Error', parameters: dorf({ sample: 'municipality', state: 'error' }) };

/** Reading works; a new report is kept on this device and sent when the connection is back. */
export const OfflineQueued: Story = { parameters: dorf({ sample: null }), loaders: [offlineLoader], play: reportKeys };

export const NoPermission: Story = { parameters: dorf({ sample: null }), loaders: [forbiddenLoader] };

export const Dark: Story = { globals: { theme: 'dark' } };

/** The sports club's lost kit, in English. */
export const English: Story = { parameters: dorf({ sample: 'club' }), globals: { locale: 'en' } };

export const Deutsch: Story = { globals: { locale: 'de' } };
