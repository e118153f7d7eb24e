import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/widgets/learning-path/dorf-learning-path.js';
import { withState, type DorfParameters, type StoryState } from '../.storybook/dorf-decorator.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import type { Backend } from '../src/data/backend.js';
import type { Evidence, Member } from '../src/data/schema/index.js';
import { municipalitySample } from '../src/data/sample/index.js';
import { withOutbox } from './outbox.data.js';

interface Args {
  path: string;
}

const PATH = 'erste-hilfe-auffrischen';
/** A resident following the first aid path; in the sample's cohort, without a check-in today. */
const resident: Member = { id: 'elif-yilmaz', displayName: 'Elif Yılmaz', roles: ['member'] };
/** A mentor: the community's moderators confirm steps that need a sign-off. */
const mentor: Member = { id: 'sabine-krueger', displayName: 'Sabine Krüger', roles: ['member', 'moderator'] };
const runner: Member = { id: 'ben-carter', displayName: 'Ben Carter', roles: ['member'] };

const dorf = (parameters: DorfParameters) => ({ dorf: parameters });

type StepSpec = [stepId: string, evidence: Evidence | null];

const note = (text: string): Evidence => ({ note: text });
/** Everything but the course, which a mentor confirms. */
const beforeCourse: StepSpec[] = [
  ['notruf', null],
  ['eigenschutz', note('Warnweste und Warndreieck liegen jetzt im Kofferraum griffbereit.')],
  ['stabile-seitenlage', null],
  ['wiederbelebung', { note: 'Prüfen – Rufen – Drücken. 100 bis 120 Mal pro Minute.', url: 'https://www.einlebenretten.de/' }],
  ['defibrillator', note('Im Foyer des Bürgerhauses, links neben dem Eingang.')],
];

/**
 * The municipality sample with `member`'s progress on the first aid path: `steps` completed (in
 * order), `confirm` signed off by a mentor. The story then looks as `viewer` (default: the member).
 */
function progressLoader(o: { member: Member; steps: StepSpec[]; confirm?: string[]; viewer?: Member; state?: StoryState }) {
  return async () => {
    const dbName = `dorf-story-learning-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const dataset = municipalitySample();
    const as = (member: Member) => createLocalBackend({ community: dataset.community.id, dbName, identity: { member } });
    const member = as(o.member);
    await member.seed(dataset);
    for (const [stepId, evidence] of o.steps) {
      await member.learning.completeStep({ id: `story-${stepId}`, pathId: PATH, stepId, evidence });
    }
    let backend: Backend = member;
    if (o.confirm?.length || o.viewer) {
      const other = as(o.viewer ?? mentor);
      for (const stepId of o.confirm ?? []) await other.learning.signOff({ pathId: PATH, stepId, memberId: o.member.id, approve: true });
      if (o.viewer) {
        member.close();
        backend = other;
      } else {
        other.close();
      }
    }
    // Offline, a completed step waits in the outbox ("Noch nicht gesendet"), as with the server adapter.
    return { dorfBackend: o.state === 'offline' ? withOutbox(withState(backend, o.state)) : withState(backend, o.state) };
  };
}

type Canvas = { canvasElement: HTMLElement };

async function pathIn(canvasElement: HTMLElement, selector = '[part~="steps"]') {
  const el = canvasElement.querySelector('dorf-learning-path')!;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 25));
  return el;
}

const click = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!.click();

/**
 * `<dorf-learning-path>` leads through a path step by step: material, evidence (a note, a link or
 * a photo), mentor sign-off, milestones and the badge at the end, with a cohort challenge of daily
 * check-ins. Use the toolbar for language (de/en) and theme.
 */
const meta: Meta<Args> = {
  title: 'Widgets/dorf-learning-path',
  component: 'dorf-learning-path',
  args: { path: PATH },
  parameters: dorf({ sample: 'municipality', identity: { member: resident } }),
  argTypes: { path: { control: 'select', options: ['', PATH, 'smartphone-sprechstunde', 'gibt-es-nicht'] } },
  render: (args) => html`<dorf-learning-path path=${args.path}></dorf-learning-path>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Two steps done: the progress bar, done steps with their evidence, and the next ones open. */
export const InProgress: Story = {
  parameters: dorf({ sample: null }),
  loaders: [progressLoader({ member: resident, steps: beforeCourse.slice(0, 2) })],
};

/** A milestone reached: completing "Herzdruckmassage" with a note celebrates it (still, with reduced motion). */
export const Milestone: Story = {
  parameters: dorf({ sample: null }),
  loaders: [progressLoader({ member: resident, steps: beforeCourse.slice(0, 3) })],
  play: async ({ canvasElement }: Canvas) => {
    const el = await pathIn(canvasElement);
    click(el, '[data-step="wiederbelebung"] [part~="complete"]');
    const field = (await pathIn(canvasElement, '#lp-note-wiederbelebung')).shadowRoot!.querySelector<HTMLTextAreaElement>('#lp-note-wiederbelebung')!;
    field.value = 'Prüfen – Rufen – Drücken. Video angesehen.';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    click(el, '[data-step="wiederbelebung"] [part~="submit"]');
  },
};

/** Every step done except the course, which waits "zur Bestätigung" for a mentor. */
export const AwaitingSignOff: Story = {
  parameters: dorf({ sample: null }),
  loaders: [progressLoader({ member: resident, steps: [...beforeCourse, ['kurs', note('Kurs am Samstag beim DRK-Ortsverein besucht.')]] })],
};

/** A mentor (moderator) sees the steps waiting for confirmation, with their evidence, and decides. */
export const MentorView: Story = {
  parameters: dorf({ sample: null }),
  loaders: [progressLoader({ member: resident, steps: [...beforeCourse, ['kurs', note('Kurs am Samstag beim DRK-Ortsverein besucht.')]], viewer: mentor })],
};

/** The cohort challenge: counts only ("12 von 18 haben heute eingecheckt"), the own streak and days, the check-in. */
export const Cohort: Story = {};

/** Every step done and confirmed: the path is complete and its badge earned. */
export const CompletedWithBadge: Story = {
  parameters: dorf({ sample: null }),
  loaders: [progressLoader({ member: resident, steps: [...beforeCourse, ['kurs', null]], confirm: ['kurs'] })],
};

/** A visitor without a profile: before the first step is saved in this browser, a name is asked for. */
export const Visitor: Story = {
  parameters: dorf({ sample: 'municipality', identity: { member: null } }),
  play: async ({ canvasElement }: Canvas) => {
    const el = await pathIn(canvasElement);
    click(el, '[data-step="notruf"] [part~="complete"]');
  },
};

/** Without `path`: the community's paths to choose from, filtered by level. */
export const Catalogue: Story = { args: { path: '' } };

/** A path the backend does not know. */
export const Empty: Story = { args: { path: 'gibt-es-nicht' } };

export const Loading: Story = { parameters: dorf({ sample: 'municipality', identity: { member: resident }, state: 'loading' }) };

export const Failure: Story = {
  name: 'Error', parameters: dorf({ sample: 'municipality', identity: { member: resident }, state: 'error' }) };

/** Reads work; completing a step is kept on this device and sent when the connection is back. */
export const OfflineQueued: Story = {
  parameters: dorf({ sample: null }),
  loaders: [progressLoader({ member: resident, steps: [], state: 'offline' })],
  play: async ({ canvasElement }: Canvas) => {
    const el = await pathIn(canvasElement);
    click(el, '[data-step="notruf"] [part~="complete"]');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: dorf({ sample: null }),
  loaders: [progressLoader({ member: resident, steps: beforeCourse.slice(0, 4) })],
};

/** The club's 30-day running challenge, in English. */
export const English: Story = {
  args: { path: 'running-challenge' },
  parameters: dorf({ sample: 'club', identity: { member: runner } }),
  globals: { locale: 'en' },
};

export const Deutsch: Story = { globals: { locale: 'de' } };

