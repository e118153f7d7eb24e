import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/widgets/badge-shelf/dorf-badge-shelf.js';
import { withState, type DorfParameters } from '../.storybook/dorf-decorator.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { BackendError, type Backend } from '../src/data/backend.js';
import type { Member } from '../src/data/schema/index.js';
import { badgeDataset, marie, moderator } from './badge-shelf.data.js';

interface Args {
  member: string;
  mode: 'shelf' | 'wall';
}

function loader(member: Member | null, options: { state?: 'offline'; empty?: boolean } = {}) {
  return async () => {
    const dbName = `dorf-story-badges-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
    const backend = createLocalBackend({ community: 'leerdorf', dbName, identity: { member } });
    const data = badgeDataset();
    await backend.seed(options.empty ? { ...data, awards: [] } : data);
    return { dorfBackend: withState(backend, options.state) };
  };
}

/** Every badges call refused: a shelf the visitor may not see. */
const forbiddenLoader = async () => {
  const dbName = `dorf-story-badges-forbidden-${Date.now()}`;
  const backend = createLocalBackend({ community: 'leerdorf', dbName, identity: { member: null } });
  const refuse = () => Promise.reject(new BackendError('forbidden', 'Story: badges are for members only'));
  const badges = new Proxy(backend.badges, { get: () => refuse });
  return { dorfBackend: new Proxy(backend, { get: (target, key) => (key === 'badges' ? badges : Reflect.get(target, key)) }) as Backend };
};

type Canvas = { canvasElement: HTMLElement };

async function shelfIn(canvasElement: HTMLElement, selector: string) {
  const el = canvasElement.querySelector('dorf-badge-shelf')!;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 25));
  return el;
}

const click = async (canvasElement: HTMLElement, selector: string) => {
  const el = await shelfIn(canvasElement, selector);
  el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
  return el;
};

const dorf = (parameters: DorfParameters) => ({ dorf: parameters });

/**
 * `<dorf-badge-shelf>` shows a member's badges as the Open Badges 3.0 displayer rules ask:
 * image, name, description, issuer, date of issue, and whether a badge expired or was revoked.
 * The details show criteria and evidence; the recipient decides about the recognition wall,
 * prints a certificate or downloads the badge as an Open Badges 3.0 credential. Moderators award
 * badges to one or many members. Use the toolbar for language (de/en) and theme.
 */
const meta: Meta<Args> = {
  title: 'Widgets/dorf-badge-shelf',
  component: 'dorf-badge-shelf',
  args: { member: 'me', mode: 'shelf' },
  argTypes: { mode: { control: 'inline-radio', options: ['shelf', 'wall'] } },
  parameters: dorf({ sample: null }),
  render: (args) => html`<dorf-badge-shelf member=${args.member} mode=${args.mode}></dorf-badge-shelf>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Marie's own shelf: valid, valid until a date, expired and revoked badges. */
export const MyShelf: Story = { loaders: [loader(marie)] };

/** The details of a badge: criteria, issuer, evidence, the moderators' note, wall consent, export and print. */
export const Detail: Story = {
  loaders: [loader(marie)],
  play: ({ canvasElement }: Canvas) => click(canvasElement, '#open-story-award-active').then(() => undefined) };

/** A revoked badge: the reason, no export, no wall. */
export const RevokedDetail: Story = {
  loaders: [loader(marie)],
  play: ({ canvasElement }: Canvas) => click(canvasElement, '#open-story-award-revoked').then(() => undefined) };

/** The printable certificate (light, also in dark mode; only it goes on paper). */
export const Certificate: Story = {
  loaders: [loader(marie)],
  play: async ({ canvasElement }: Canvas) => {
    await click(canvasElement, '#open-story-award-active');
    await click(canvasElement, '#detail-print');
  },
};

/** The recognition wall: recent badges of members who agreed to be shown. */
export const Wall: Story = { args: { mode: 'wall' }, loaders: [loader(marie)] };

/** Another member's shelf, as a visitor sees it. */
export const MemberShelf: Story = { args: { member: 'luca-meyer' }, loaders: [loader(null)] };

/** A moderator awards a badge to several members: the form with the member search. */
export const AwardForm: Story = {
  loaders: [loader(moderator)],
  args: { mode: 'wall' },
  play: ({ canvasElement }: Canvas) => click(canvasElement, '#award-open').then(() => undefined),
};

/** The award form sent without a badge or recipients: messages at the fields, nothing typed lost. */
export const AwardValidation: Story = {
  loaders: [loader(moderator)],
  args: { mode: 'wall' },
  play: async ({ canvasElement }: Canvas) => {
    const el = await click(canvasElement, '#award-open');
    await shelfIn(canvasElement, '#award-note');
    const note = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#award-note')!;
    note.value = 'Danke für euren Einsatz beim Sommerfest!';
    note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('#award-submit')!.click();
  },
};

export const Empty: Story = { loaders: [loader(marie, { empty: true })] };

export const Loading: Story = { parameters: dorf({ sample: 'municipality', state: 'loading' }) };

export const Failure: Story = { name: 'Error', parameters: dorf({ sample: 'municipality', state: 'error' }) };

/** Offline: reads work; a consent change is kept on this device and sent later. */
export const OfflineQueued: Story = {
  loaders: [loader(marie, { state: 'offline' })],
  play: async ({ canvasElement }: Canvas) => {
    await click(canvasElement, '#open-story-award-until');
    await click(canvasElement, '#consent');
  },
};

export const NoPermission: Story = { loaders: [forbiddenLoader] };

export const Dark: Story = { loaders: [loader(marie)], globals: { theme: 'dark' } };

/** The club sample in English: the recognition wall. */
export const English: Story = {
  args: { mode: 'wall' },
  parameters: dorf({ sample: 'club' }),
  globals: { locale: 'en' },
};

export const Deutsch: Story = { loaders: [loader(marie)], globals: { locale: 'de' } };
