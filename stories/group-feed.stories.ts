import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/widgets/group-feed/dorf-group-feed.js';
import { withState, type DorfParameters } from '../.storybook/dorf-decorator.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { municipalitySample } from '../src/data/sample/index.js';
import type { Member } from '../src/data/schema/index.js';
import { pendingEntry, withOutbox } from './outbox.data.js';

interface Args {
  group: string;
  groups: string;
  pageSize: number;
}

const resident: Member = { id: 'jonas-becker', displayName: 'Jonas Becker', roles: ['member'] };
const moderator: Member = { id: 'sabine-krueger', displayName: 'Sabine Krüger', roles: ['member', 'moderator'] };
const clubMember: Member = { id: 'story-club-member', displayName: 'Sam Taylor', roles: ['member'] };

const dorf = (parameters: DorfParameters) => ({ dorf: parameters });

/**
 * A fresh local backend with one group and no posts, for the empty state (the samples all have
 * posts). The decorator hands `loaded.dorfBackend` to the provider.
 */
const emptyGroupLoader = async () => {
  const dbName = `dorf-story-empty-${Date.now()}`;
  const backend = createLocalBackend({ community: 'leerdorf', dbName, identity: { member: resident } });
  await backend.seed({
    community: { id: 'leerdorf', name: 'Leerdorf', timeZone: 'Europe/Berlin', locale: 'de' },
    members: [resident],
    groups: [{
      id: 'neuigkeiten', name: 'Neuigkeiten', description: 'Aktuelles aus Leerdorf.', visibility: 'public', joinPolicy: 'open',
      rules: '', approveBeforePublish: false, members: [{ memberId: resident.id, role: 'member' }],
    }],
    posts: [], resources: [], bookings: [], items: [], paths: [], checkIns: [], achievements: [], awards: [],
  });
  return { dorfBackend: backend };
};

/**
 * `<dorf-group-feed>` shows a group's posts with urgent notices on top, "Mach mit!" calls,
 * comments, reactions and moderation. Use the toolbar for language (de/en) and theme.
 */
const meta: Meta<Args> = {
  title: 'Widgets/dorf-group-feed',
  component: 'dorf-group-feed',
  args: { group: 'neuigkeiten', groups: '', pageSize: 6 },
  parameters: dorf({ sample: 'municipality', identity: { member: resident } }),
  render: (args) => html`<dorf-group-feed group=${args.group} groups=${args.groups} page-size=${args.pageSize}></dorf-group-feed>`,
};
export default meta;

type Story = StoryObj<Args>;

/** News of the municipality as a resident sees them: two urgent notices on top, then the latest posts. */
export const Neuigkeiten: Story = {};

/** Calls for help with slots and capacity; commit, withdraw, add to calendar. */
export const MachMit: Story = { args: { group: 'mach-mit' } };

/** Several groups with a switcher. */
export const Switcher: Story = { args: { group: '', groups: 'neuigkeiten mach-mit jugendforum' } };

/** A moderator: approve queue, reports, pin, hide, lock comments, urgent notices in the form. */
export const ModeratorView: Story = { parameters: dorf({ sample: 'municipality', identity: { member: moderator } }) };

/** A moderator invites someone to the invite-only council group: search by name, "Einladen". */
export const InviteMember: Story = {
  args: { group: 'gemeinderat-intern' },
  parameters: dorf({ sample: 'municipality', identity: { member: moderator } }),
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('dorf-group-feed')!;
    for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('#moderation-toggle'); i++) await new Promise((r) => setTimeout(r, 25));
    el.shadowRoot?.querySelector<HTMLElement>('#moderation-toggle')?.click();
  },
};

/** An anonymous visitor is asked for a name before taking part. */
export const AnonymousVisitor: Story = { parameters: dorf({ sample: 'municipality', identity: { member: null } }) };

/** A private group seen by a non-member: its name and how to join, never its posts. */
export const NoPermission: Story = { args: { group: 'gemeinderat-intern' } };

export const Loading: Story = { parameters: dorf({ sample: 'municipality', identity: { member: resident }, state: 'loading' }) };

export const Failure: Story = {
  name: 'Error', parameters: dorf({ sample: 'municipality', identity: { member: resident }, state: 'error' }) };

/** Reads work; posts, comments, reactions and commitments are queued on this device. */
/**
 * Offline: reading works; what the visitor writes waits in the outbox ("Noch nicht gesendet"),
 * listed above the feed until the connection is back. Here a post and a comment wait already.
 */
export const OfflineQueued: Story = {
  args: { group: 'mach-mit' },
  parameters: dorf({ sample: null }),
  loaders: [
    async () => {
      const backend = createLocalBackend({ community: 'musterdorf', dbName: `dorf-story-feed-offline-${Date.now()}`, identity: { member: resident } });
      await backend.seed(municipalitySample());
      return {
        dorfBackend: withOutbox(withState(backend, 'offline'), [
          pendingEntry('feed.createPost', { id: 'story-offline-post', groupId: 'mach-mit', title: 'Wer hilft beim Aufbau am Freitag?' }, 12),
          pendingEntry('feed.addComment', { id: 'story-offline-comment', postId: 'story', body: 'Ich bringe zwei Bierbänke mit.' }, 3),
        ]),
      };
    },
  ],
};

export const Empty: Story = { parameters: dorf({}), loaders: [emptyGroupLoader] };

/** Urgent notices (road works, fire brigade exercise) are visually distinct and announced politely. */
export const UrgentNotice: Story = { args: { group: 'neuigkeiten', pageSize: 1 } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const English: Story = {
  args: { group: 'club-news', groups: 'club-news running-group' },
  parameters: dorf({ sample: 'club', identity: { member: clubMember } }),
  globals: { locale: 'en' },
};

export const Deutsch: Story = { args: { group: 'mach-mit' }, globals: { locale: 'de' } };
