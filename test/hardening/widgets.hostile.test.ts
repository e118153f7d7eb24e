/**
 * The hostile corpus (./corpus.ts) typed into every text field of every widget and submitted,
 * then rendered: nothing executes, no markup or handler appears in any shadow root, links stay
 * http(s). Data-driven: `WIDGETS` below is a table of tag → forms → fields → how to submit; a new
 * widget is covered by adding one entry (see the README of this folder in the report).
 *
 * Detectors, all active during every cycle:
 * - a trap on `window.__pwned` (every executable corpus payload writes it);
 * - a Content Security Policy (`script-src 'self'; object-src 'none'; base-uri 'none';
 *   require-trusted-types-for 'script'`) with a `securitypolicyviolation` listener: an inline
 *   handler, a `javascript:` navigation or a string reaching an HTML sink is reported;
 * - a MutationObserver on every shadow root: any `<script>`, `<iframe>`, `<object>`, `<embed>`,
 *   `<base>`, `<meta>`, `on*` attribute or `javascript:`/`data:`/`vbscript:` URL attribute;
 * - after each form and after a fresh render from storage: every link is http(s) (or a blob:
 *   download, an in-page #fragment, or an admin's mailto:/tel: link to a validated address);
 *   a form's `review` then opens the views showing what was stored (an item's page, the
 *   reporter's view, a badge's dialog), each scanned the same way;
 * - a submission refused at a field leaves that field holding exactly what was typed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/core/provider.js';
import '../../src/widgets/group-feed/dorf-group-feed.js';
import '../../src/widgets/booking-calendar/dorf-booking-calendar.js';
import '../../src/widgets/lost-found/dorf-lost-found.js';
import '../../src/widgets/learning-path/dorf-learning-path.js';
import '../../src/widgets/badge-shelf/dorf-badge-shelf.js';
import { badgeDataset, moderator as badgeModerator } from '../../stories/badge-shelf.data.js';
import { createLocalBackend } from '../../src/data/adapters/local/index.js';
import type { Backend } from '../../src/data/backend.js';
import { EXPIRY_DAYS, type Booking, type Dataset, type Member, type Path, type Resource, type SeedPost } from '../../src/data/schema/index.js';
import { addDays, calendarDayOf, startOfZonedDay } from '../../src/data/rules/zoned.js';
import { HOSTILE_STRINGS, HOSTILE_STRINGS_SHORT, PWNED, type HostileString } from './corpus.js';

// ---------------------------------------------------------------------------------------------
// The table

/** A field: its selector, or a function finding it now (with a `label` for test titles, see `dyn`). */
type Sel = string | (((el: HTMLElement) => string) & { label?: string });

/** A selector found at the time of each cycle (the first open step, the first pending request). */
const dyn = (label: string, find: (el: HTMLElement) => string): Sel => Object.assign(find, { label });

interface FormSpec {
  /** Shown in test titles. */
  name: string;
  /** Who is acting (null: an anonymous visitor who cannot give a name; `visitor`: this browser's visitor, who can). */
  member: Member | null | 'visitor';
  /** What the backend holds before the form is used. */
  dataset: () => Dataset;
  /** Attributes of the widget element. */
  attrs: Record<string, string>;
  /** Makes the form visible (called before every cycle; must be idempotent). */
  open?: (el: HTMLElement) => Promise<void> | void;
  /** Valid text for the form's fields (selector → value), typed before the hostile value. */
  valid: Record<string, string>;
  /** Non-text input a valid submission needs (dates, checkboxes, selects); `cycle` counts up. */
  fill?: (el: HTMLElement, cycle: number) => Promise<void> | void;
  /** The attacked text fields (each gets every corpus entry). */
  fields: Sel[];
  /** The submit button, or a function that submits. */
  submit: Sel | ((el: HTMLElement) => void);
  /** True once the submission has visibly succeeded. */
  done: (el: HTMLElement) => boolean;
  /** After a success: `open` again (default), remount on the same storage, or start on fresh storage. */
  after?: 'open' | 'remount' | 'fresh';
  /** After the fresh render as `member`: opens the views showing what was stored (an item's page, a dialog), scanning each. */
  review?: (el: HTMLElement) => Promise<void>;
}

interface WidgetSpec {
  tag: string;
  forms: FormSpec[];
}

// ---------------------------------------------------------------------------------------------
// Worlds for the two finished widgets

const TZ = 'Europe/Berlin';
const COMMUNITY = 'hostiledorf';
const HOUR = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const people: Record<'anna' | 'ben' | 'carl' | 'mod' | 'admin', Member> = {
  anna: { id: 'anna', displayName: 'Anna Anwohnerin', roles: ['member'] },
  ben: { id: 'ben', displayName: 'Ben Nachbar', roles: ['member'] },
  carl: { id: 'carl', displayName: 'Carl Neu', roles: ['member'] },
  mod: { id: 'mod', displayName: 'Mona Moderator', roles: ['member', 'moderator'] },
  admin: { id: 'admin', displayName: 'Rita Rathaus', roles: ['member', 'moderator', 'admin'] },
};

const feedPost = (spec: Partial<SeedPost> & Pick<SeedPost, 'id' | 'title'>): SeedPost => ({
  groupId: 'dorf', kind: 'note', body: `Text of ${spec.title}`, tags: [], expiresAt: null, attachments: [], call: null,
  authorId: 'anna', createdAt: iso(-HOUR), pinned: false, reactions: [], comments: [], commitments: [], ...spec,
});

const empty = { resources: [], bookings: [], items: [], paths: [], checkIns: [], achievements: [], awards: [] };

function feedWorld(): Dataset {
  return {
    community: { id: COMMUNITY, name: 'Hostiledorf', timeZone: TZ, locale: 'en' },
    members: Object.values(people),
    groups: [
      {
        id: 'dorf', name: 'Dorf news', description: 'Village news.', visibility: 'public', joinPolicy: 'open', rules: '', approveBeforePublish: false,
        members: [{ memberId: 'mod', role: 'moderator' }, { memberId: 'anna', role: 'member' }, { memberId: 'ben', role: 'member' }],
      },
      { id: 'chor', name: 'Choir', description: '', visibility: 'public', joinPolicy: 'request', rules: '', approveBeforePublish: false, members: [{ memberId: 'mod', role: 'moderator' }] },
    ],
    posts: [feedPost({ id: 'p1', title: 'A post to comment on' })],
    ...empty,
  };
}

const today = calendarDayOf(new Date(), TZ);
const midnight = (d: string) => startOfZonedDay(d, TZ).toISOString();
const grill: Resource = {
  id: 'grill', name: 'Grillhütte', description: 'Hut at the forest.', location: 'Waldweg 1', timeZone: TZ, houseRules: 'Quiet after 10 pm.',
  rules: {
    unit: 'day', step: 60, minDuration: 1, maxDuration: 3, leadTime: 24 * 60, maxAdvance: 365, buffer: 0, approval: 'manual',
    blackouts: [], openingHours: [], maxAttendees: 60, price: null,
  },
};

function bookingWorld(requests = 0): Dataset {
  const bookings: (Booking & { manageToken: string })[] = Array.from({ length: requests }, (_, i) => ({
    id: `req-${i}`, resourceId: 'grill', status: 'requested', publicLabel: '', purpose: `Party ${i}`, attendees: 10,
    requester: { name: `Requester ${i}`, email: `r${i}@example.org` }, createdAt: iso(-HOUR), decidedAt: null, reason: null,
    start: midnight(addDays(today, 5 + i)), end: midnight(addDays(today, 6 + i)), manageToken: `req-${i}-manage-token-000000`,
  }));
  return {
    community: { id: COMMUNITY, name: 'Hostiledorf', timeZone: TZ, locale: 'en' },
    members: Object.values(people), groups: [], posts: [], ...empty, resources: [grill], bookings,
  };
}

const q = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const buttonWithText = (root: ParentNode | null | undefined, label: string) =>
  [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
const firstPending = (el: HTMLElement) => q(el, '[part~="admin-item"][data-booking]')?.getAttribute('data-booking') ?? 'none';

// ---------------------------------------------------------------------------------------------
// Worlds for the lost & found board, the learning path and the badge shelf

type Updating = HTMLElement & { updateComplete: Promise<unknown> };
const updated = (el: HTMLElement) => (el as Updating).updateComplete;
const DAY = 24 * HOUR;

/** Lost & found: one open found item (with a proof question) whose reporter holds `LF_TOKEN`. */
const LF_ITEM = 'keys-found';
const LF_TOKEN = 'hostile-manage-token-keys-found';

function lostFoundWorld(): Dataset {
  lfTokens.clear();
  const createdAt = iso(-DAY);
  return {
    community: { id: COMMUNITY, name: 'Hostiledorf', timeZone: TZ, locale: 'en' },
    members: Object.values(people), groups: [], posts: [], ...empty,
    items: [{
      id: LF_ITEM, type: 'found', category: 'keys', title: 'Keys with a red tag', description: 'Found by the bakery.', place: 'Main street',
      point: null, date: addDays(today, -1), animal: null, photo: null, contact: { name: 'Petra Privat', email: 'petra@example.org' },
      proofDetail: 'What else hangs on the ring?', status: 'open', createdAt,
      expiresAt: new Date(Date.parse(createdAt) + EXPIRY_DAYS.found * DAY).toISOString(), manageToken: LF_TOKEN,
    }],
  } as Dataset;
}

/** The private codes of the reports made through the form (read from their receipts): the reporter's view shows the proof detail. */
const lfTokens = new Set<string>();

/** Opens every report on the board (all on one page) and the reporter's view of each report made here. */
async function reviewLostFound(el: HTMLElement): Promise<void> {
  const host = el as Updating & { item: string; manageToken: string; pageSize: number; loading: boolean };
  host.pageSize = 100;
  await updated(el);
  await until(() => !host.loading && el.shadowRoot!.querySelectorAll('[part~="list"] [data-item]').length >= 1, 'every report listed');
  for (const id of [...el.shadowRoot!.querySelectorAll('[part~="list"] [data-item]')].map((b) => b.getAttribute('data-item')!)) {
    host.item = id;
    await until(() => q(el, '#lf-detail-title') && q(el, '[part~="matches"] ul, [part~="matches"] .muted'), `item ${id} shown`);
    scan(el, `item page ${id}`);
    host.item = '';
    await until(() => q(el, '[part~="list"]'), 'back on the board');
  }
  for (const token of lfTokens) {
    host.manageToken = token;
    await updated(el);
    await until(() => q(el, '#lf-manage-title') || q(el, '[part~="manage"] [part~="status-error"]'), 'reporter view shown');
    scan(el, 'reporter view');
  }
  host.manageToken = '';
  await updated(el);
}

/** The report form, as a visitor who found an animal; after a receipt, back to the board first. */
const lfReportOpen = async (el: HTMLElement) => {
  if (q(el, '#lf-receipt-title')) {
    q(el, '[part~="receipt"] [part~="back"]')!.click();
    await updated(el);
  }
  if (!q(el, '#lf-form')) q(el, '#lf-report-open')?.click();
  await updated(el);
  // The last report is still "sending" while its matches load.
  await until(() => q<HTMLButtonElement>(el, '#lf-submit') && !q<HTMLButtonElement>(el, '#lf-submit')!.disabled, 'report form ready');
  const found = q<HTMLInputElement>(el, '#lf-type-found');
  if (found && !found.checked) found.click();
  if (q<HTMLSelectElement>(el, '#lf-category-input')?.value !== 'animal') type(el, '#lf-category-input', 'animal');
  await updated(el);
};

/** A search runs once the filters reach the element and its data task settles. */
let searchSettled = true;
function lfSearch(el: HTMLElement): void {
  searchSettled = false;
  q(el, '[part~="filter-apply"]')!.click();
  void (async () => {
    await updated(el);
    await until(() => !(el as HTMLElement & { loading: boolean }).loading, 'search done');
    await updated(el);
    searchSettled = true;
  })();
}

/** Learning path: 60 steps needing evidence and a mentor's sign-off, and a cohort running today. */
const LP_STEPS = 60;
function learningWorld(): Dataset {
  const path: Path = {
    id: 'hostile-path', title: 'Village helper', description: 'Step by step.', level: 'beginner', prerequisites: [], badgeId: null,
    cohort: { id: 'hostile-cohort', pathId: 'hostile-path', title: 'Ten days together', start: addDays(today, -2), days: 10, timeZone: TZ },
    steps: Array.from({ length: LP_STEPS }, (_, i) => ({
      id: `s${i}`, title: `Step ${i + 1}`, description: '', resources: [], milestone: false, evidence: 'required' as const, signOff: true,
    })),
  };
  return {
    community: { id: COMMUNITY, name: 'Hostiledorf', timeZone: TZ, locale: 'en' },
    members: Object.values(people), groups: [], posts: [], ...empty, paths: [path],
  };
}

const firstOpenStep = (el: HTMLElement) => q(el, '[part~="step-open"]')?.getAttribute('data-step') ?? 'none';

/** Opens the evidence form of the first open step (after the last completion has been read back). */
async function lpOpenEvidence(el: HTMLElement): Promise<void> {
  await (el as HTMLElement & { settled(): Promise<void> }).settled();
  const step = firstOpenStep(el);
  if (!q(el, `#lp-note-${step}`)) q(el, `#lp-open-${step}`)?.click();
  await updated(el);
}

/** Badge shelf: the stories' world; the moderator awards badges to herself, so her shelf shows them. */
function badgeWorld(): Dataset {
  const data = badgeDataset();
  return { ...data, community: { ...data.community, id: COMMUNITY, locale: 'en' }, members: [...data.members, people.admin] };
}

/** Opens the award form; `withRecipient`: once the moderator is in the member list to be picked. */
async function awardOpen(el: HTMLElement, withRecipient = true): Promise<void> {
  if (!q(el, '#award-form')) q(el, '#award-open')?.click();
  await until(() => el.shadowRoot!.querySelectorAll('#award-achievement option').length > 1 && q(el, '#picker-list')?.getAttribute('aria-busy') === 'false'
    && (!withRecipient || q(el, `#pick-${badgeModerator.id}`)), 'award form ready');
}

/** A member search (Enter in the field) settles once the list is no longer busy. */
let pickerSettled = true;
function awardSearch(el: HTMLElement): void {
  pickerSettled = false;
  q(el, '#award-search')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  void (async () => {
    await updated(el);
    await until(() => q(el, '#picker-list')?.getAttribute('aria-busy') === 'false', 'member search done');
    pickerSettled = true;
  })();
}

/** Opens every badge on the shelf (all pages) in its dialog: note, evidence text and link. */
async function reviewShelf(el: HTMLElement): Promise<void> {
  while (q(el, '[part~="more"]')) {
    const before = el.shadowRoot!.querySelectorAll('[part~="badge-open"]').length;
    q(el, '[part~="more"]')!.click();
    await until(() => el.shadowRoot!.querySelectorAll('[part~="badge-open"]').length > before || !q(el, '[part~="more"]'), 'next page');
  }
  for (const id of [...el.shadowRoot!.querySelectorAll('[part~="badge-open"]')].map((b) => b.id)) {
    q(el, `#${CSS.escape(id)}`)!.click();
    await until(() => q<HTMLDialogElement>(el, 'dialog.detail')?.open, `dialog ${id}`);
    await updated(el);
    scan(el, `badge dialog ${id}`);
    q(el, '#detail-close')!.click();
    // Gone once its `close` event has run (opening the next one before that would be closed by it).
    await until(() => !q(el, 'dialog.detail'), `dialog ${id} closed`);
  }
}

export const WIDGETS: WidgetSpec[] = [
  {
    tag: 'dorf-group-feed',
    forms: [
      {
        name: 'composer', member: people.anna, dataset: feedWorld, attrs: { group: 'dorf' },
        open: (el) => void (q(el, '#post-title') || q(el, '#composer-toggle')?.click()),
        valid: { '#post-title': 'Title', '#post-body': 'Body text' },
        fields: ['#post-title', '#post-body', '#post-tags'],
        submit: '#composer [part~="submit"]',
        done: (el) => !q(el, '#post-title'),
      },
      {
        name: '"Mach mit!" call', member: people.mod, dataset: feedWorld, attrs: { group: 'dorf' },
        open: async (el) => {
          if (!q(el, '#post-title')) q(el, '#composer-toggle')?.click();
          await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          const kind = q<HTMLSelectElement>(el, '#post-kind');
          if (kind && kind.value !== 'call') {
            kind.value = 'call';
            kind.dispatchEvent(new Event('change'));
          }
        },
        valid: { '#post-title': 'Village clean-up', '#post-body': 'We tidy up.', '#call-place': 'Village square', 'input[id^="slot-label-"]': 'Helpers' },
        fill: (el) => {
          type(el, '#call-start', `${new Date(Date.now() + 72 * HOUR).toISOString().slice(0, 10)}T10:00`);
          type(el, 'input[id^="slot-capacity-"]', '10');
        },
        fields: ['#call-place', 'input[id^="slot-label-"]'],
        submit: '#composer [part~="submit"]',
        done: (el) => !q(el, '#post-title'),
      },
      {
        name: 'comment', member: people.anna, dataset: feedWorld, attrs: { group: 'dorf' },
        open: (el) => void (q(el, '#comment-p1') || q(el, '#comments-toggle-p1')?.click()),
        valid: { '#comment-p1': 'Thanks' },
        fields: ['#comment-p1'],
        submit: '[part~="comment-form"] [part~="submit"]',
        done: (el) => q<HTMLTextAreaElement>(el, '#comment-p1')?.value === '',
      },
      {
        name: 'edit a post', member: people.anna, dataset: feedWorld, attrs: { group: 'dorf' },
        open: (el) => void (q(el, '#edit-title-p1') || q(el, '#edit-p1')?.click()),
        valid: { '#edit-title-p1': 'Edited title', '#edit-body-p1': 'Edited body' },
        fields: ['#edit-title-p1', '#edit-body-p1', '#edit-tags-p1'],
        submit: '[part~="edit-form"] [part~="submit"]',
        done: (el) => !q(el, '#edit-title-p1'),
      },
      {
        name: 'report a post', member: people.ben, dataset: feedWorld, attrs: { group: 'dorf' },
        open: (el) => void (q(el, '#report-note-post-p1') || q(el, '#report-post-p1')?.click()),
        valid: {},
        fill: (el) => type(el, '#report-reason-post-p1', 'spam'),
        fields: ['#report-note-post-p1'],
        submit: '[part~="report-form"] [part~="submit"]',
        done: (el) => !q(el, '#report-note-post-p1') && !!q(el, '[part~="notice"]'),
        after: 'remount',
      },
      {
        name: 'visitor name', member: 'visitor', dataset: feedWorld, attrs: { group: 'dorf' },
        valid: {},
        fields: ['#profile-name'],
        submit: '[part~="profile-form"] [part~="submit"]',
        done: (el) => !q(el, '#profile-name') && !!q(el, '#composer-toggle'),
        after: 'fresh',
      },
      {
        name: 'request to join', member: people.carl, dataset: feedWorld, attrs: { group: 'chor' },
        valid: {},
        fields: ['#join-message'],
        submit: (el) => buttonWithText(el.shadowRoot, 'Ask to join')?.click(),
        done: (el) => !q(el, '#join-message'),
        after: 'fresh',
      },
    ],
  },
  {
    tag: 'dorf-booking-calendar',
    forms: [
      {
        name: 'booking request', member: null, dataset: () => bookingWorld(), attrs: { resource: 'grill' },
        valid: { '#bc-purpose': 'Summer party', '#bc-attendees': '30', '#bc-publicLabel': 'Party', '#bc-name': 'Clara Chor', '#bc-email': 'clara@example.org' },
        fill: async (el, cycle) => {
          type(el, '#bc-start', addDays(today, 10 + 2 * cycle));
          await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          if (q(el, '#bc-end')) type(el, '#bc-end', addDays(today, 10 + 2 * cycle));
          const accept = q<HTMLInputElement>(el, '#bc-accept')!;
          accept.checked = true;
          accept.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        },
        fields: ['#bc-purpose', '#bc-publicLabel', '#bc-name', '#bc-email', '#bc-phone', '#bc-attendees'],
        submit: '#bc-submit',
        done: (el) => !!q(el, '#receipt-title'),
        after: 'remount',
      },
      {
        name: 'decline with a reason', member: people.admin, dataset: () => bookingWorld(HOSTILE_STRINGS.length + 5), attrs: { resource: 'grill' },
        valid: {},
        fields: [(el) => `#bc-reason-${firstPending(el)}`],
        submit: (el) => buttonWithText(q(el, `[data-booking="${firstPending(el)}"]`), 'Decline')?.click(),
        done: () => false,
        after: 'open',
      },
    ],
  },
  {
    tag: 'dorf-lost-found',
    forms: [
      {
        name: 'report a found animal', member: null, dataset: lostFoundWorld, attrs: {},
        open: lfReportOpen,
        valid: { '#lf-title': 'Grey cat', '#lf-place-input': 'Linden lane', '#lf-species': 'Cat', '#lf-name': 'Frank Finder', '#lf-email': 'frank@example.org' },
        fill: (el) => type(el, '#lf-date', addDays(today, -1)),
        fields: ['#lf-title', '#lf-description', '#lf-place-input', '#lf-species', '#lf-colour', '#lf-marks', '#lf-microchip', '#lf-proof', '#lf-name', '#lf-email', '#lf-phone'],
        submit: '#lf-submit',
        done: (el) => {
          const link = q(el, '#lf-receipt-title') && q(el, '[part~="receipt"] [part~="manage-link"]')?.getAttribute('href');
          const token = link && /#dorf-lost-found=(.+)$/.exec(link)?.[1];
          if (token) lfTokens.add(token);
          return !!token;
        },
        review: reviewLostFound,
      },
      {
        name: 'search the board', member: null, dataset: lostFoundWorld, attrs: {},
        valid: {},
        fields: ['#lf-q', '#lf-place'],
        submit: lfSearch,
        done: () => searchSettled,
      },
      {
        name: 'contact relay', member: null, dataset: lostFoundWorld, attrs: { item: LF_ITEM },
        valid: { '#lf-contact-name': 'Olga Owner', '#lf-contact-replyTo': 'olga@example.org', '#lf-contact-message': 'That is mine!' },
        fields: ['#lf-contact-name', '#lf-contact-replyTo', '#lf-contact-message'],
        submit: '#lf-contact-send',
        done: (el) => !!q(el, '[part~="contact"] .notice--status') && q<HTMLTextAreaElement>(el, '#lf-contact-message')?.value === '',
        // The reporter's view shows every message: name, reply address and text.
        review: async (el) => {
          (el as HTMLElement & { manageToken: string }).manageToken = LF_TOKEN;
          await until(() => q(el, '#lf-manage-title'), 'messages shown to the reporter');
        },
      },
      {
        name: 'report abuse', member: null, dataset: lostFoundWorld, attrs: { item: LF_ITEM },
        open: async (el) => {
          await until(() => q(el, '#lf-abuse-note') || q(el, '#lf-abuse-open'), 'abuse form or its button');
          if (!q(el, '#lf-abuse-note')) q(el, '#lf-abuse-open')!.click();
        },
        valid: {},
        fields: ['#lf-abuse-note'],
        submit: '[part~="abuse"] [part~="submit"]',
        done: (el) => !q(el, '#lf-abuse-note') && !!q(el, '[part~="abuse"] .notice--status'),
      },
      {
        name: "the reporter's edit (private link)", member: null, dataset: lostFoundWorld, attrs: { 'manage-token': LF_TOKEN },
        open: (el) => void q<HTMLDetailsElement>(el, '[part~="edit"]')?.setAttribute('open', ''),
        valid: { '#lf-edit-title': 'Keys with a blue tag', '#lf-edit-place': 'Bakery' },
        fields: ['#lf-edit-title', '#lf-edit-description', '#lf-edit-place'],
        submit: '#lf-edit [part~="save"]',
        done: (el) => !!q(el, '[part~="manage"] > .notice--status'),
        after: 'remount',
      },
    ],
  },
  {
    tag: 'dorf-learning-path',
    forms: [
      {
        name: 'evidence for a step', member: people.anna, dataset: learningWorld, attrs: { path: 'hostile-path' },
        open: lpOpenEvidence,
        valid: {},
        fill: (el) => {
          const step = firstOpenStep(el);
          type(el, `#lp-note-${step}`, 'Practised it.');
          type(el, `#lp-url-${step}`, 'https://example.org/proof');
        },
        fields: [dyn('#lp-note-<first open step>', (el) => `#lp-note-${firstOpenStep(el)}`), dyn('#lp-url-<first open step>', (el) => `#lp-url-${firstOpenStep(el)}`)],
        submit: (el) => q(el, `#lp-form-${firstOpenStep(el)} [part~="submit"]`)!.click(),
        done: () => false,
      },
      {
        name: 'check-in note', member: people.anna, dataset: learningWorld, attrs: { path: 'hostile-path' },
        valid: {},
        fields: ['#lp-checkin-note'],
        submit: '[part~="check-in"]',
        done: (el) => !q(el, '#lp-checkin-note') && !!q(el, '[part~="streak"]'),
        after: 'fresh',
      },
      {
        name: 'visitor name', member: 'visitor', dataset: learningWorld, attrs: { path: 'hostile-path' },
        open: async (el) => {
          if (q(el, '#lp-profile-name')) return;
          await lpOpenEvidence(el);
          const step = firstOpenStep(el);
          type(el, `#lp-note-${step}`, 'Done by a visitor.');
          await updated(el);
          q(el, `#lp-form-${step} [part~="submit"]`)!.click();
          await until(() => q(el, '#lp-profile-name'), 'asked for a name');
        },
        valid: {},
        fields: ['#lp-profile-name'],
        submit: '[part~="profile-form"] [part~="submit"]',
        done: (el) => !q(el, '#lp-profile-name'),
        after: 'fresh',
      },
    ],
  },
  {
    tag: 'dorf-badge-shelf',
    forms: [
      {
        name: 'award a badge', member: badgeModerator, dataset: badgeWorld, attrs: { member: 'me' },
        open: awardOpen,
        valid: { '#award-note': 'Thank you!', '#award-evidence': 'Helped at the clean-up.', '#award-evidence-url': 'https://www.leerdorf.example/dorfputz' },
        fill: async (el) => {
          type(el, '#award-achievement', 'dorfputz-held');
          type(el, '#award-expires', addDays(today, 400));
          const pick = q<HTMLButtonElement>(el, `#pick-${badgeModerator.id}`);
          if (pick && !pick.disabled) pick.click();
          await updated(el);
        },
        fields: ['#award-note', '#award-evidence', '#award-evidence-url', '#award-expires'],
        submit: '#award-submit',
        done: (el) => !!q(el, '[part~="award-form"] .notice--status')
          && ['#award-note', '#award-evidence', '#award-evidence-url'].every((f) => q<HTMLInputElement>(el, f)?.value === ''),
        review: reviewShelf,
      },
      {
        name: 'member search', member: badgeModerator, dataset: badgeWorld, attrs: { member: 'me' },
        open: (el) => awardOpen(el, false),
        valid: {},
        fields: ['#award-search'],
        submit: awardSearch,
        done: () => pickerSettled,
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Detectors

const findings: string[] = [];
let observed = new WeakSet<Node>();
const observer = new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes' && r.target instanceof Element) checkElement(r.target, 'mutation');
    for (const node of r.addedNodes) if (node instanceof Element) scan(node, 'mutation');
  }
});

const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'FOREIGNOBJECT', 'PORTAL']);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster', 'background'];

function checkElement(node: Element, when: string): void {
  if (FORBIDDEN.has(node.tagName.toUpperCase())) findings.push(`${when}: <${node.tagName.toLowerCase()}> in a shadow root`);
  for (const name of node.getAttributeNames()) {
    if (name.toLowerCase().startsWith('on')) findings.push(`${when}: attribute ${name}="${node.getAttribute(name)}" on <${node.tagName.toLowerCase()}>`);
    if (URL_ATTRS.includes(name.toLowerCase())) {
      const value = (node.getAttribute(name) ?? '').replace(/[\u0000-\u0020]/g, '');
      const imageData = node.tagName === 'IMG' && /^data:image\/(png|jpeg|webp|svg\+xml)/i.test(value);
      if (/^(javascript|vbscript|data):/i.test(value) && !imageData) findings.push(`${when}: ${name}="${value.slice(0, 80)}" on <${node.tagName.toLowerCase()}>`);
    }
  }
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    const raw = node.getAttribute('href')!;
    const protocol = new URL((node as HTMLAnchorElement).href).protocol;
    // Widgets link http(s) only; an admin sees a requester's validated address as mailto:/tel:.
    const contact = /^mailto:[^\s<>"'():;]+@[^\s<>"'():;]+$/.test(raw) || /^tel:\+?[0-9 ()/-]+$/.test(raw);
    if (!raw.startsWith('#') && !contact && !['http:', 'https:', 'blob:'].includes(protocol)) findings.push(`${when}: a link to ${raw.slice(0, 80)}`);
  }
}

/** Checks `root` and everything below it, through nested shadow roots, and observes every shadow root. */
function scan(root: Element | ShadowRoot, when: string): void {
  if (root instanceof Element) checkElement(root, when);
  const shadow = root instanceof Element ? root.shadowRoot : null;
  if (shadow) scan(shadow, when);
  if (root instanceof ShadowRoot && !observed.has(root)) {
    observed.add(root);
    observer.observe(root, { subtree: true, childList: true, attributes: true });
  }
  for (const child of root.querySelectorAll('*')) {
    checkElement(child, when);
    if (child.shadowRoot) scan(child.shadowRoot, when);
  }
}

before(() => {
  // The policy of the strict-CSP demo, applied to this test page from here on.
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";
  document.head.append(meta);
  document.addEventListener('securitypolicyviolation', (e) => findings.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  Object.defineProperty(window, PWNED, {
    configurable: true,
    get: () => undefined,
    set: (value) => findings.push(`window.${PWNED} = ${value}: a payload executed`),
  });
  window.addEventListener('error', (event) => {
    if (String(event.message).includes('ResizeObserver loop')) event.stopImmediatePropagation();
  });
});

after(() => {
  delete (window as unknown as Record<string, unknown>)[PWNED];
  console.log(`[widgets.hostile] ${stats.fields} fields, ${stats.cycles} submissions (${stats.accepted} accepted, ${stats.refused} refused at a field), ${stats.renders} fresh renders`);
  for (const [name, f] of perForm) console.log(`[widgets.hostile]   ${name}: ${f.accepted} accepted, ${f.refused} refused, ${(f.ms / 1000).toFixed(1)} s`);
});

const stats = { fields: 0, cycles: 0, accepted: 0, refused: 0, renders: 0 };
/** Per widget and form: submissions accepted and refused, and the time taken. */
const perForm = new Map<string, { accepted: number; refused: number; ms: number }>();

// ---------------------------------------------------------------------------------------------
// The driver

const sel = (s: Sel, el: HTMLElement) => (typeof s === 'string' ? s : s(el));

function type(el: HTMLElement, selector: string, value: string): void {
  const input = q<HTMLInputElement>(el, selector);
  if (!input) throw new Error(`no field ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }));
}

async function until(predicate: () => unknown, what: string, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`${what} not met in time`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let dbCounter = 0;

/** `'visitor'`: this browser's visitor, who may give a name (a fixed `null` member stays anonymous). */
const identityOf = (member: FormSpec['member']) => (member === 'visitor' ? 'visitor' : { member });

async function mountWidget(tag: string, backend: Backend, attrs: Record<string, string>): Promise<HTMLElement> {
  const provider = await fixture(html`<dorf-provider .adapter=${backend} .community=${backend.community} lang="en"></dorf-provider>`);
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  provider.append(el);
  await until(() => el.shadowRoot && el.shadowRoot.querySelectorAll('button, input, [part~="status-error"]').length > 0, `${tag} rendered`);
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  scan(el, 'mount');
  return el;
}

async function world(form: FormSpec, dbName = `hostile-${Date.now()}-${++dbCounter}`) {
  const backend = createLocalBackend({ community: COMMUNITY, dbName, identity: identityOf(form.member) });
  await backend.seed(form.dataset());
  return { backend, dbName };
}

const hasFieldError = (el: HTMLElement) => !!el.shadowRoot!.querySelector('[aria-invalid="true"], [part~="form-error"], [part~="status-error"]');

/** Types every corpus entry into `field` (the others valid), submits, and lets the widget render. */
async function attack(widget: WidgetSpec, form: FormSpec, field: Sel, entries: readonly HostileString[]): Promise<void> {
  const started = performance.now();
  const tally = perForm.get(`${widget.tag} ${form.name}`) ?? { accepted: 0, refused: 0, ms: 0 };
  perForm.set(`${widget.tag} ${form.name}`, tally);
  let { backend, dbName } = await world(form);
  const opened: { backend: Backend; dbName: string }[] = [{ backend, dbName }];
  let el = await mountWidget(widget.tag, backend, form.attrs);
  try {
    for (const [cycle, entry] of entries.entries()) {
      await form.open?.(el);
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await until(() => q(el, sel(field, el)), `${form.name}: field ${sel(field, el)} shown`);
      const target = sel(field, el);
      for (const [s, v] of Object.entries(form.valid)) type(el, s, v);
      await form.fill?.(el, cycle);
      type(el, target, entry.value);
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const before = q(el, target);
      // What the field holds now (the browser's own sanitizing, e.g. of type="date" or "email", applied).
      const typed = (before as HTMLInputElement | null)?.value;
      if (typeof form.submit === 'function') form.submit(el);
      else q<HTMLButtonElement>(el, form.submit)!.click();
      // Settled: success shown, or the same field replaced/refused with a message (checked twice, 30 ms apart).
      let refusedTwice = 0;
      await until(() => {
        if (form.done(el) || q(el, target) !== before) return true;
        refusedTwice = hasFieldError(el) ? refusedTwice + 1 : 0;
        return refusedTwice >= 3;
      }, `${form.name}: ${entry.name} settled`);
      await new Promise((r) => setTimeout(r, 20));
      stats.cycles++;
      const accepted = form.done(el) || (q(el, target) !== before && !hasFieldError(el));
      if (accepted) stats.accepted++;
      else stats.refused++;
      tally[accepted ? 'accepted' : 'refused']++;
      // Refused: the field says why and still holds everything typed.
      const kept = (q(el, target) as HTMLInputElement | null)?.value;
      if (!accepted && kept !== typed) findings.push(`${form.name} / ${entry.name}: refused, and ${target} lost what was typed (${typed?.length} → ${kept?.length ?? 'no field'} characters)`);
      scan(el, `${form.name} / ${entry.name}`);
      expect(findings, `${widget.tag} ${form.name} ${target} = ${entry.name}`).to.deep.equal([]);
      if (accepted && form.after === 'remount') el = await mountWidget(widget.tag, backend, form.attrs);
      if (accepted && form.after === 'fresh') {
        ({ backend, dbName } = await world(form));
        opened.push({ backend, dbName });
        el = await mountWidget(widget.tag, backend, form.attrs);
      }
    }
    // Then render what was stored, from storage, in a fresh element (and as a moderator/admin, who sees more).
    for (const member of [form.member, people.admin]) {
      const reader = createLocalBackend({ community: COMMUNITY, dbName, identity: identityOf(member) });
      opened.push({ backend: reader, dbName });
      const fresh = await mountWidget(widget.tag, reader, form.attrs);
      if (member === people.admin) q(fresh, '#moderation-toggle')?.click();
      await new Promise((r) => setTimeout(r, 50));
      scan(fresh, `${form.name}: fresh render`);
      if (member === form.member && form.review) {
        await form.review(fresh);
        scan(fresh, `${form.name}: fresh render, reviewed`);
      }
      stats.renders++;
    }
    expect(findings, `${widget.tag} ${form.name}: after rendering the stored input`).to.deep.equal([]);
  } finally {
    tally.ms += performance.now() - started;
    for (const o of opened) o.backend.close();
    for (const name of new Set(opened.map((o) => o.dbName))) indexedDB.deleteDatabase(name);
  }
}

describe('the detectors (controls)', () => {
  it('see an injected handler, script, iframe and javascript: link, and the CSP reports the handler', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    try {
      scan(host, 'control');
      const tt = (window as unknown as { trustedTypes: { createPolicy(name: string, rules: { createHTML(s: string): string }): { createHTML(s: string): string } } }).trustedTypes;
      const policy = tt.createPolicy('hostile-control', { createHTML: (s: string) => s });
      const box = document.createElement('div');
      box.innerHTML = policy.createHTML(`<img src="data:," onerror="window.${PWNED}=99"><a href="javascript:void 0">x</a><script>1</script><iframe></iframe>`);
      root.append(box);
      await until(() => findings.some((f) => f.startsWith('CSP violation')), 'the CSP reports the inline handler');
      expect(findings.some((f) => f.includes('attribute onerror'))).to.equal(true);
      expect(findings.some((f) => f.includes('a link to javascript:'))).to.equal(true);
      expect(findings.some((f) => f.includes('<script>'))).to.equal(true);
      expect(findings.some((f) => f.includes('<iframe>'))).to.equal(true);
      (window as unknown as Record<string, unknown>)[PWNED] = 1;
      expect(findings.some((f) => f.includes('a payload executed'))).to.equal(true);
    } finally {
      host.remove();
      findings.length = 0;
    }
  });
});

for (const widget of WIDGETS) {
  describe(`<${widget.tag}>: the hostile corpus in every text field`, () => {
    afterEach(() => {
      findings.length = 0;
      observed = new WeakSet();
    });
    for (const form of widget.forms) {
      for (const field of form.fields) {
        const label = typeof field === 'string' ? field : (field.label ?? 'the first pending field');
        it(`${form.name} ${label}: nothing executes, no markup, links only http(s)`, async function () {
          this.timeout(180_000);
          stats.fields++;
          await attack(widget, form, field, HOSTILE_STRINGS_SHORT);
        });
      }
      it(`${form.name}: a 1 MB string in every field at once`, async function () {
        this.timeout(60_000);
        const mega = HOSTILE_STRINGS.filter((s) => !HOSTILE_STRINGS_SHORT.includes(s));
        const all: FormSpec = { ...form, valid: { ...form.valid } };
        await attack(widget, { ...all, fill: async (el, cycle) => {
          await form.fill?.(el, cycle);
          for (const f of form.fields.slice(1)) type(el, sel(f, el), mega[0]!.value);
        } }, form.fields[0]!, mega);
      });
    }
  });
}
