import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/group-feed/dorf-group-feed.js';
import type { DorfGroupFeed } from '../../src/widgets/group-feed/group-feed.element.js';
import type { DorfProvider } from '../../src/core/provider.element.js';
import { createLocalBackend } from '../../src/data/adapters/local/index.js';
import { forbidden, type Backend, type FeedApi } from '../../src/data/backend.js';
import type { Dataset, Member, SeedPost } from '../../src/data/schema/index.js';
import { track, until } from '../lib/backends.js';

// Layout observers may report a harmless "ResizeObserver loop" while the feed grows.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) event.stopImmediatePropagation();
});

const COMMUNITY = 'testdorf';

const people: Record<string, Member> = {
  mod: { id: 'mod', displayName: 'Mona Moderator', roles: ['member', 'moderator'] },
  anna: { id: 'anna', displayName: 'Anna Anwohnerin', roles: ['member'] },
  juergen: { id: 'juergen', displayName: 'Jürgen Müller', roles: ['member'] },
  ben: { id: 'ben', displayName: 'Ben Nachbar', roles: ['member'] },
};

/** Plain members for paging: "Person 01" … */
const crowd = (n: number): Member[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${String(i + 1).padStart(2, '0')}`, displayName: `Person ${String(i + 1).padStart(2, '0')}`, roles: ['member'] }));

function dataset(extraMembers: Member[] = []): Dataset {
  const posts: SeedPost[] = [{
    id: 's1', groupId: 'geheim', kind: 'note', title: 'Agenda of the circle', body: 'Confidential.', tags: [], expiresAt: null, attachments: [],
    call: null, authorId: 'mod', createdAt: new Date(Date.now() - 3_600_000).toISOString(), pinned: false, reactions: [], comments: [], commitments: [],
  }];
  return {
    community: { id: COMMUNITY, name: 'Testdorf', timeZone: 'Europe/Berlin', locale: 'en' },
    members: [...Object.values(people), ...extraMembers],
    groups: [
      {
        id: 'dorf', name: 'Dorf news', description: '', visibility: 'public', joinPolicy: 'open', rules: '', approveBeforePublish: false,
        members: [{ memberId: 'mod', role: 'moderator' }, { memberId: 'anna', role: 'member' }],
      },
      {
        id: 'geheim', name: 'Secret circle', description: 'Closed.', visibility: 'private', joinPolicy: 'invite', rules: '', approveBeforePublish: false,
        members: [{ memberId: 'mod', role: 'admin' }, { memberId: 'ben', role: 'member' }],
      },
    ],
    posts,
    resources: [], bookings: [], items: [], paths: [], checkIns: [], achievements: [], awards: [],
  };
}

const FEED_METHODS: (keyof FeedApi)[] = [
  'listGroups', 'getGroup', 'saveGroup', 'join', 'leave', 'acceptRules', 'listMembers', 'inviteCandidates', 'listPosts', 'highlights',
  'getPost', 'createPost', 'updatePost', 'deletePost', 'react', 'listComments', 'addComment', 'deleteComment', 'commit', 'withdraw',
  'report', 'listReports', 'listPending', 'moderate',
];

let counter = 0;

function backendFor(member: Member | null, dbName = `gf-invite-${Date.now()}-${++counter}`) {
  const backend = createLocalBackend({ community: COMMUNITY, dbName, identity: { member } });
  track(backend, dbName);
  return backend;
}



async function mount(backend: Backend, group: string, lang = 'en') {
  const provider = await fixture<DorfProvider>(html`
    <dorf-provider .adapter=${backend} .community=${backend.community} lang=${lang}>
      <dorf-group-feed group=${group}></dorf-group-feed>
    </dorf-provider>
  `);
  const el = provider.querySelector('dorf-group-feed') as DorfGroupFeed;
  await until(() => el.shadowRoot?.querySelector('.participation > *, [part~="status-error"]'), 'feed loaded');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: DorfGroupFeed, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: DorfGroupFeed, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (el: DorfGroupFeed) => el.shadowRoot!.textContent ?? '';
const names = (el: DorfGroupFeed) => $$(el, '[part~="invite-item"] span').map((s) => s.textContent!.trim());
const itemOf = (el: DorfGroupFeed, name: string) => $$(el, '[part~="invite-item"]').find((li) => li.textContent!.includes(name));
const announcer = (el: DorfGroupFeed) => $(el, '[part="announcer"]')!.textContent ?? '';
const buttonIn = (root: ParentNode, label: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) => (typeof label === 'string' ? b.textContent?.trim() === label : label.test(b.textContent ?? '')))!;

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function openPicker(el: DorfGroupFeed) {
  $(el, '#moderation-toggle')!.click();
  await until(() => $(el, '#invite-search') && $$(el, '[part~="invite-item"]').length, 'invite picker with candidates');
}

describe('<dorf-group-feed>: inviting members', () => {
  it('a moderator finds a member by a folded name, invites them, and they join the invite-only group', async () => {
    const dbName = `gf-invite-flow-${Date.now()}`;
    const mod = backendFor(people.mod!, dbName);
    await mod.seed(dataset());
    const el = await mount(mod, 'geheim');
    await openPicker(el);
    // Not yet in the group: Anna and Jürgen; Ben is a member, Mona moderates.
    expect(names(el)).to.deep.equal(['Anna Anwohnerin', 'Jürgen Müller']);
    const search = $<HTMLInputElement>(el, '#invite-search')!;
    expect($(el, 'label[for="invite-search"]')!.textContent).to.contain('Search by name');
    await expect(el).to.be.accessible();

    // "jurgen" finds "Jürgen" (case- and accent-insensitive, debounced).
    type(search, 'jurgen');
    await until(() => names(el).length === 1 && names(el)[0] === 'Jürgen Müller', 'folded search');
    const button = buttonIn(itemOf(el, 'Jürgen Müller')!, 'Invite');
    expect(button.getAttribute('aria-describedby')).to.equal('invite-name-juergen');
    button.click();
    await until(() => announcer(el).includes('Jürgen Müller is invited and can now join the group.'), 'invitation announced');
    expect(itemOf(el, 'Jürgen Müller')).to.equal(undefined);
    await until(() => text(el).includes('Nobody found who could be invited.'), 'list empty for the query');
    await expect(el).to.be.accessible();
    expect((await mod.feed.listMembers('geheim', { limit: 50 })).items.find((m) => m.member.id === 'juergen')?.status).to.equal('invited');

    // Invited ones are no candidates any more.
    type(search, '');
    await until(() => names(el).join() === 'Anna Anwohnerin', 'only Anna left');

    // Jürgen sees the invitation and joins with the existing flow.
    const juergen = backendFor(people.juergen!, dbName);
    const mine = await mount(juergen, 'geheim');
    await until(() => text(mine).includes('You are invited to this group.'), 'invited notice');
    expect(text(mine)).to.not.contain('Agenda of the circle');
    await expect(mine).to.be.accessible();
    buttonIn(mine.shadowRoot!, 'Join group').click();
    await until(() => text(mine).includes('Agenda of the circle'), 'posts readable after joining');
    expect((await juergen.feed.getGroup('geheim')).membership?.status).to.equal('active');
  });

  it('is keyboard-operable: type, Enter searches at once, Space invites, focus stays in the list; "more" pages', async () => {
    const mod = backendFor(people.mod!);
    await mod.seed(dataset(crowd(12)));
    const el = await mount(mod, 'geheim');
    await openPicker(el);
    // Ten per page, then "more".
    expect(names(el)).to.have.length(10);
    buttonIn(el.shadowRoot!, 'Show more people').click();
    await until(() => names(el).length === 14, 'second page appended');
    expect(names(el)).to.include('Person 12');
    expect(buttonIn(el.shadowRoot!, 'Show more people')).to.equal(undefined);

    $<HTMLInputElement>(el, '#invite-search')!.focus();
    await sendKeys({ type: 'person 1' });
    await sendKeys({ press: 'Enter' });
    await until(() => names(el).join() === 'Person 10,Person 11,Person 12', 'Enter searched');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-describedby')).to.equal('invite-name-p10');
    await sendKeys({ press: 'Space' });
    await until(() => announcer(el).includes('Person 10 is invited'), 'invited by keyboard');
    await until(() => el.shadowRoot!.activeElement?.getAttribute('aria-describedby') === 'invite-name-p11', 'focus on the next person');
    // Escape clears the search first, and closes the panel only then.
    $<HTMLInputElement>(el, '#invite-search')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => names(el).length === 10, 'search cleared');
    expect($(el, '#moderation-panel')).to.not.equal(null);
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, '#moderation-panel'), 'panel closed');
  });

  it('says what went wrong in words: at the field for a too long name, at the list when the search fails', async () => {
    const mod = backendFor(people.mod!);
    await mod.seed(dataset());
    let fail = false;
    // A plain test double around the local backend: every call passes through, the search can fail.
    const base = mod.feed as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const feed = Object.fromEntries(FEED_METHODS.map((name) => [name, (...args: unknown[]) =>
      (name === 'inviteCandidates' && fail ? Promise.reject(forbidden('feed.moderatorsOnly')) : base[name]!(...args))])) as unknown as FeedApi;
    const wrapped: Backend = {
      community: mod.community, session: mod.session, files: mod.files, feed, bookings: mod.bookings,
      lostFound: mod.lostFound, learning: mod.learning, badges: mod.badges,
      subscribe: (topic, listener) => mod.subscribe(topic, listener), seed: (d) => mod.seed(d), close: () => mod.close(),
    };
    const el = await mount(wrapped, 'geheim');
    await openPicker(el);
    type($<HTMLInputElement>(el, '#invite-search')!, 'x'.repeat(61));
    await until(() => $(el, '#invite-search-error'), 'field error');
    expect($(el, '#invite-search')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#invite-search')!.getAttribute('aria-describedby')).to.contain('invite-search-error');
    expect($(el, '#invite-search-error')!.textContent).to.match(/60/);
    await expect(el).to.be.accessible();
    fail = true;
    type($<HTMLInputElement>(el, '#invite-search')!, 'anna');
    await until(() => $(el, '[part~="invite-error"]'), 'list error');
    expect(!$(el, '#invite-search-error'), 'no field error').to.equal(true);
    expect($(el, '[part~="invite-error"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part~="invite-error"]')!.textContent).to.contain('Only moderators may do this.');
    await expect(el).to.be.accessible();
  });

  it('never shows the picker to non-moderators', async () => {
    const anna = backendFor(people.anna!);
    await anna.seed(dataset());
    const el = await mount(anna, 'dorf');
    expect($(el, '#moderation-toggle')).to.equal(null);
    expect($(el, '[part~="invite"]')).to.equal(null);
    const ben = backendFor(people.ben!);
    await ben.seed(dataset());
    const inGroup = await mount(ben, 'geheim');
    await until(() => text(inGroup).includes('Agenda of the circle'), 'member reads');
    expect($(inGroup, '#moderation-toggle')).to.equal(null);
    expect($(inGroup, '[part~="invite"]')).to.equal(null);
  });

  it('speaks German', async () => {
    const mod = backendFor(people.mod!);
    await mod.seed(dataset());
    const el = await mount(mod, 'geheim', 'de');
    await openPicker(el);
    expect($(el, '#invite-title')!.textContent).to.equal('Mitglied einladen');
    expect($(el, 'label[for="invite-search"]')!.textContent).to.contain('Nach Namen suchen');
    buttonIn(itemOf(el, 'Anna Anwohnerin')!, 'Einladen').click();
    await until(() => announcer(el).includes('Anna Anwohnerin ist eingeladen und kann der Gruppe jetzt beitreten.'), 'announced in German');
    await expect(el).to.be.accessible();
  });
});
