import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/group-feed/dorf-group-feed.js';
import type { DorfGroupFeed } from '../../src/widgets/group-feed/group-feed.element.js';
import type { DorfProvider } from '../../src/core/provider.element.js';
import { createLocalBackend } from '../../src/data/adapters/local/index.js';
import { BackendError, type Backend } from '../../src/data/backend.js';
import { callToICalendar } from '../../src/widgets/group-feed/ics.js';
import { tokenize } from '../../src/widgets/group-feed/rich-text.js';
import type { Dataset, Member, SeedPost } from '../../src/data/schema/index.js';
import { bulkPosts } from '../../src/data/sample/index.js';
import { track, until } from '../lib/backends.js';

// Layout observers may report a harmless "ResizeObserver loop" while the feed grows.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) event.stopImmediatePropagation();
});

const COMMUNITY = 'testdorf';
const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

const people: Record<string, Member> = {
  mod: { id: 'mod', displayName: 'Mona Moderator', roles: ['member', 'moderator'] },
  anna: { id: 'anna', displayName: 'Anna Anwohnerin', roles: ['member'] },
  ben: { id: 'ben', displayName: 'Ben Nachbar', roles: ['member'] },
  carl: { id: 'carl', displayName: 'Carl Neu', roles: ['member'] },
};

function post(spec: Partial<SeedPost> & Pick<SeedPost, 'id' | 'title'>): SeedPost {
  return {
    groupId: 'dorf', kind: 'note', body: `Text of ${spec.title}`, tags: [], expiresAt: null, attachments: [], call: null,
    authorId: 'mod', createdAt: iso(-HOUR), pinned: false, reactions: [], comments: [], commitments: [], ...spec,
  };
}

function dataset(posts: SeedPost[] = [], extra: Partial<Dataset> = {}): Dataset {
  return {
    community: { id: COMMUNITY, name: 'Testdorf', timeZone: 'Europe/Berlin', locale: 'en' },
    members: Object.values(people),
    groups: [
      {
        id: 'dorf', name: 'Dorf news', description: 'Everything about the village.', visibility: 'public', joinPolicy: 'open',
        rules: 'Be kind.', approveBeforePublish: false,
        members: [{ memberId: 'mod', role: 'moderator' }, { memberId: 'anna', role: 'member' }, { memberId: 'ben', role: 'member' }],
      },
      {
        id: 'geheim', name: 'Secret circle', description: 'Closed.', visibility: 'private', joinPolicy: 'invite',
        rules: '', approveBeforePublish: false, members: [{ memberId: 'mod', role: 'admin' }],
      },
      {
        id: 'mitglieder', name: 'Members only', description: '', visibility: 'members', joinPolicy: 'open',
        rules: '', approveBeforePublish: false, members: [{ memberId: 'mod', role: 'moderator' }],
      },
      {
        id: 'freigabe', name: 'Approved posts', description: '', visibility: 'public', joinPolicy: 'open',
        rules: '', approveBeforePublish: true, members: [{ memberId: 'mod', role: 'moderator' }, { memberId: 'anna', role: 'member' }],
      },
    ],
    posts,
    resources: [], bookings: [], items: [], paths: [], checkIns: [], achievements: [], awards: [],
    ...extra,
  };
}

let counter = 0;

function backendFor(member: Member | null, dbName = `gf-test-${Date.now()}-${++counter}`, community = COMMUNITY) {
  const backend = createLocalBackend({ community, dbName, identity: { member } });
  track(backend, dbName);
  return backend;
}



async function mount(backend: Backend, attrs: { group?: string; groups?: string; lang?: string } = {}) {
  const provider = await fixture<DorfProvider>(html`
    <dorf-provider .adapter=${backend} .community=${backend.community} lang=${attrs.lang ?? 'en'}>
      <dorf-group-feed group=${attrs.group ?? ''} groups=${attrs.groups ?? ''}></dorf-group-feed>
    </dorf-provider>
  `);
  const el = provider.querySelector('dorf-group-feed') as DorfGroupFeed;
  // Loaded: the header and the (lazily loaded) participation area, or an error.
  await until(() => el.shadowRoot?.querySelector('.participation > *, [part~="status-error"]'), 'feed loaded');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: DorfGroupFeed, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: DorfGroupFeed, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (el: DorfGroupFeed) => el.shadowRoot!.textContent ?? '';
const postEl = (el: DorfGroupFeed, id: string) => $(el, `[data-post="${id}"]`)!;
const buttonIn = (root: ParentNode, label: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) => (typeof label === 'string' ? b.textContent?.trim() === label : label.test(b.textContent ?? '')))!;

/** Picks files in the composer's file field, as the browser's file chooser would. */
function chooseFiles(el: DorfGroupFeed, files: File[]) {
  const input = $<HTMLInputElement>(el, '#post-files')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<dorf-group-feed>', () => {
  it('shows pinned posts as titles that open into the full post, by mouse or keyboard', async () => {
    const backend = backendFor(people.anna!);
    await backend.seed(dataset([post({ id: 'p-pin', title: 'Pinned rules', body: 'Be kind to each other.', pinned: true })]));
    const el = await mount(backend, { group: 'dorf' });
    const item = $(el, '[part~="pinned"] details[data-post="p-pin"]') as HTMLDetailsElement;
    expect(item.open).to.equal(false);
    expect(item.textContent).to.contain('Pinned rules');
    expect(item.textContent).not.to.contain('Be kind to each other.');
    await expect(el).to.be.accessible();
    // A <summary> is a native disclosure: focusable, Enter and Space toggle it.
    (item.querySelector('summary') as HTMLElement).click();
    await until(() => item.querySelector('article[data-post="p-pin"]'), 'pinned post opened');
    expect(item.textContent).to.contain('Be kind to each other.');
    await expect(el).to.be.accessible();
    (item.querySelector('summary') as HTMLElement).click();
    await until(() => !item.querySelector('article'), 'pinned post closed');
  });

  it('shows a group with urgent notices on top, pinned posts and the latest posts', async () => {
    const backend = backendFor(people.anna!);
    await backend.seed(dataset([
      post({ id: 'p-old', title: 'Old note', createdAt: iso(-3 * HOUR) }),
      post({ id: 'p-pin', title: 'Pinned rules', pinned: true, createdAt: iso(-5 * HOUR) }),
      post({ id: 'p-urgent', title: 'Water outage', kind: 'urgent', expiresAt: iso(24 * HOUR), createdAt: iso(-2 * HOUR) }),
    ]));
    const el = await mount(backend, { group: 'dorf' });
    const urgent = $(el, '[part~="urgent"]')!;
    expect(urgent.textContent).to.contain('Water outage');
    expect($(el, '[part~="pinned"]')!.textContent).to.contain('Pinned rules');
    expect($(el, '[part~="list"]')!.textContent).to.contain('Old note');
    // Urgent first in document order.
    const order = $$(el, 'article').map((a) => a.dataset['post']);
    expect(order[0]).to.equal('p-urgent');
    // Visually distinct: the view's styles are in place and set urgent notices apart.
    const urgentStyle = getComputedStyle(postEl(el, 'p-urgent'));
    const regularStyle = getComputedStyle(postEl(el, 'p-old'));
    expect(urgentStyle.backgroundColor).to.not.equal(regularStyle.backgroundColor);
    expect(urgentStyle.borderLeftColor).to.not.equal(regularStyle.borderLeftColor);
    expect(parseFloat(urgentStyle.borderLeftWidth)).to.be.greaterThan(parseFloat(regularStyle.borderLeftWidth));
    await until(() => $(el, '[part="announcer"]')!.textContent!.includes('Urgent notice: Water outage'), 'urgent announced');
    expect($(el, '[part="announcer"]')!.getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  it('publishes a post from the composer, by keyboard, and keeps a draft when closed with Escape', async () => {
    const backend = backendFor(people.anna!);
    await backend.seed(dataset([post({ id: 'p1', title: 'First' })]));
    const el = await mount(backend, { group: 'dorf' });
    $(el, '#composer-toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement?.id === 'post-kind', 'focus in the form');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('post-title');
    await sendKeys({ type: 'Bench at the pond' });
    await sendKeys({ press: 'Escape' });
    await until(() => el.shadowRoot!.activeElement?.id === 'composer-toggle', 'focus back on the toggle');
    $(el, '#composer-toggle')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#post-title')!.value).to.equal('Bench at the pond');
    type($<HTMLTextAreaElement>(el, '#post-body')!, 'The new bench is here: https://example.org/bank.');
    const created = oneEvent(el, 'dorf-post-created');
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    const event = await created;
    expect(event.detail.status).to.equal('published');
    await until(() => $(el, '[part~="list"]')!.textContent!.includes('Bench at the pond'), 'post listed');
    const link = postEl(el, event.detail.postId).querySelector('a[part="link"]') as HTMLAnchorElement;
    expect(link.href).to.equal('https://example.org/bank');
    expect(link.rel).to.contain('noopener');
    await until(() => $(el, '[part="announcer"]')!.textContent!.includes('Your post is published'), 'announced');
    await expect(el).to.be.accessible();
  });

  it('asks a newcomer to accept the house rules once, at the field, and keeps what they typed', async () => {
    const backend = backendFor(people.carl!);
    await backend.seed(dataset());
    const el = await mount(backend, { group: 'dorf' });
    $(el, '#composer-toggle')!.click();
    await el.updateComplete;
    expect($(el, '[part~="rules"]')!.textContent).to.contain('Be kind.');
    type($<HTMLInputElement>(el, '#post-title')!, 'Hello');
    type($<HTMLTextAreaElement>(el, '#post-body')!, 'I am new here.');
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await until(() => $(el, '#post-rules-error'), 'rules error');
    expect($(el, '#post-rules-error')!.textContent).to.contain('accept the group rules');
    expect($(el, '#post-rules')!.getAttribute('aria-describedby')).to.contain('post-rules-error');
    expect(el.shadowRoot!.activeElement?.id).to.equal('post-rules');
    expect($<HTMLInputElement>(el, '#post-title')!.value).to.equal('Hello');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#post-rules')!.click();
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await until(() => $(el, '[part~="list"]')!.textContent!.includes('I am new here.'), 'post listed');
    const group = await backend.feed.getGroup('dorf');
    expect(group.membership?.status).to.equal('active');
    expect(group.membership?.rulesAccepted).to.equal(group.rulesVersion);
    // Accepted once: the next post needs no confirmation.
    $(el, '#composer-toggle')!.click();
    await el.updateComplete;
    expect($(el, '[part~="rules"]')).to.equal(null);
  });

  it('shows field-level messages for an empty post, a 21st tag and an oversized image, and loses nothing typed', async () => {
    const backend = backendFor(people.anna!);
    await backend.seed(dataset());
    const el = await mount(backend, { group: 'dorf' });
    $(el, '#composer-toggle')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await until(() => $(el, '#post-title-error'), 'title error');
    expect($(el, '#post-title-error')!.textContent).to.equal('Please fill in this field.');
    expect($(el, '#post-body-error')).to.not.equal(null);
    expect($(el, '#post-title')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('post-title');
    await expect(el).to.be.accessible();

    const tags = Array.from({ length: 21 }, (_, i) => `tag${i + 1}`).join(', ');
    type($<HTMLInputElement>(el, '#post-title')!, 'Many tags');
    type($<HTMLTextAreaElement>(el, '#post-body')!, 'Body text stays.');
    type($<HTMLInputElement>(el, '#post-tags')!, tags);
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await until(() => $(el, '#post-tags-error'), 'tags error');
    expect($(el, '#post-tags-error')!.textContent).to.equal('At most 20 are allowed.');
    expect($(el, '#post-title-error')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('post-tags');
    expect($<HTMLInputElement>(el, '#post-tags')!.value).to.equal(tags);
    expect($<HTMLTextAreaElement>(el, '#post-body')!.value).to.equal('Body text stays.');

    const huge = new File([new Uint8Array(26 * 1024 * 1024)], 'huge.png', { type: 'image/png' });
    chooseFiles(el, [huge]);
    await until(() => $(el, '#post-files-error'), 'image error');
    expect($(el, '#post-files-error')!.textContent).to.equal('The file is too large (at most 25 MB).');
    await until(() => el.shadowRoot!.activeElement?.id === 'post-files', 'focus on the file field');
    expect($<HTMLInputElement>(el, '#post-title')!.value).to.equal('Many tags');
    const pdf = new File([new Uint8Array(11 * 1024 * 1024)], 'plan.pdf', { type: 'application/pdf' });
    chooseFiles(el, [pdf]);
    await until(() => $(el, '#post-files-error')?.textContent === 'The file is too large (at most 10 MB).', 'pdf error');
    expect($(el, '[part~="file-list"]')).to.equal(null);
    expect((await backend.feed.listPosts({ groupId: 'dorf' })).items).to.have.length(0);
  });

  it('downscales an attached image, strips its metadata and publishes it with the post', async () => {
    const backend = backendFor(people.anna!);
    await backend.seed(dataset());
    const el = await mount(backend, { group: 'dorf' });
    // A 3000×2000 JPEG with an APP1 (EXIF) segment carrying a fake GPS marker.
    const canvas = new OffscreenCanvas(3000, 2000);
    canvas.getContext('2d')!.fillRect(0, 0, 3000, 2000);
    const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer());
    const marker = new TextEncoder().encode('Exif\0\0GPSLatitude=50.1');
    const app1 = new Uint8Array([0xff, 0xe1, 0, marker.length + 2, ...marker]);
    const withExif = new Blob([jpeg.slice(0, 2), app1, jpeg.slice(2)], { type: 'image/jpeg' });
    $(el, '#composer-toggle')!.click();
    await el.updateComplete;
    const original = new TextDecoder('latin1').decode(await withExif.arrayBuffer());
    expect(original).to.contain('GPSLatitude');
    chooseFiles(el, [new File([withExif], 'photo.jpg', { type: 'image/jpeg' })]);
    await until(() => $(el, '[part~="file-list"]'), 'file listed');
    expect($(el, '[part~="file-list"]')!.textContent).to.contain('photo.jpg');
    type($<HTMLInputElement>(el, '#post-title')!, 'Photo');
    type($<HTMLTextAreaElement>(el, '#post-body')!, 'Look.');
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await until(() => $(el, 'img[part="image"]'), 'image shown');
    const img = $<HTMLImageElement>(el, 'img[part="image"]')!;
    expect(img.getAttribute('width')).to.equal('1600');
    expect(img.getAttribute('height')).to.equal('1067');
    // What was stored is the re-encoded image: no EXIF, no location.
    const stored = new TextDecoder('latin1').decode(await (await fetch(img.src)).arrayBuffer());
    expect(stored.startsWith('\xff\xd8')).to.equal(true);
    expect(stored).to.not.contain('GPSLatitude');
    expect(stored).to.not.contain('Exif');
  });

  it('adds comments with paging, by keyboard, and closes them with Escape', async () => {
    const backend = backendFor(people.anna!);
    const comments = Array.from({ length: 12 }, (_, i) => ({
      id: `c${i + 1}`, authorId: 'ben', body: `Comment number ${i + 1}`, createdAt: iso(-HOUR + (i + 1) * 1000),
    }));
    await backend.seed(dataset([post({ id: 'p1', title: 'Discuss', comments })]));
    const el = await mount(backend, { group: 'dorf' });
    const toggle = $(el, '#comments-toggle-p1')!;
    expect(toggle.textContent).to.contain('Comments (12)');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $$(el, '[part~="comment"]').length === 10, 'first page of comments');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('comment-p1');
    buttonIn(postEl(el, 'p1'), 'Show more comments').click();
    await until(() => $$(el, '[part~="comment"]').length === 12, 'all comments');
    $(el, '#comment-p1')!.focus();
    await sendKeys({ type: 'Thanks, <b>great</b>!' });
    buttonIn(postEl(el, 'p1'), 'Comment').click();
    await until(() => text(el).includes('Thanks, <b>great</b>!'), 'comment shown as text');
    await until(() => $(el, '#comments-toggle-p1')!.textContent!.includes('(13)'), 'count updated');
    expect($<HTMLTextAreaElement>(el, '#comment-p1')!.value).to.equal('');
    await expect(el).to.be.accessible();
    $(el, '#comment-p1')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => el.shadowRoot!.activeElement?.id === 'comments-toggle-p1', 'focus back on the toggle');
    expect($(el, '#comments-p1')).to.equal(null);
  });

  it('keeps an empty comment in the form with a message at the field', async () => {
    const backend = backendFor(people.anna!);
    await backend.seed(dataset([post({ id: 'p1', title: 'Discuss' })]));
    const el = await mount(backend, { group: 'dorf' });
    $(el, '#comments-toggle-p1')!.click();
    await until(() => $(el, '#comment-p1'), 'comment form');
    type($<HTMLTextAreaElement>(el, '#comment-p1')!, '   ');
    buttonIn(postEl(el, 'p1'), 'Comment').click();
    await until(() => $(el, '#comment-p1-error'), 'comment error');
    expect($(el, '#comment-p1')!.getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLTextAreaElement>(el, '#comment-p1')!.value).to.equal('   ');
  });

  it('toggles reactions with the mouse and with Space', async () => {
    const backend = backendFor(people.anna!);
    await backend.seed(dataset([post({ id: 'p1', title: 'React to me', reactions: [{ memberId: 'ben', reaction: 'like' }] })]));
    const el = await mount(backend, { group: 'dorf' });
    const like = () => postEl(el, 'p1').querySelector<HTMLButtonElement>('[data-reaction="like"]')!;
    expect(like().getAttribute('aria-pressed')).to.equal('false');
    expect(like().getAttribute('aria-label')).to.equal('Like, 1');
    like().click();
    await until(() => like().getAttribute('aria-pressed') === 'true', 'pressed');
    expect(like().getAttribute('aria-label')).to.equal('Like, 2');
    like().focus();
    await sendKeys({ press: 'Space' });
    await until(() => like().getAttribute('aria-pressed') === 'false', 'released');
    expect(like().getAttribute('aria-label')).to.equal('Like, 1');
    const heart = postEl(el, 'p1').querySelector<HTMLButtonElement>('[data-reaction="heart"]')!;
    heart.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => postEl(el, 'p1').querySelector('[data-reaction="heart"]')!.getAttribute('aria-pressed') === 'true', 'heart');
  });

  it('commits to a "Mach mit!" slot up to its capacity, never past it, and withdraws', async () => {
    const dbName = `gf-test-call-${Date.now()}`;
    const anna = backendFor(people.anna!, dbName);
    const ben = backendFor(people.ben!, dbName);
    await anna.seed(dataset([post({
      id: 'call1', kind: 'call', title: 'Clean-up day', body: 'Bring gloves.',
      call: { start: iso(48 * HOUR), end: iso(51 * HOUR), place: 'Village square', slots: [
        { id: 'helpers', label: 'Helpers', kind: 'people', capacity: 3 },
        { id: 'barrows', label: 'Wheelbarrows', kind: 'item', capacity: 1 },
      ] },
    })]));
    const el = await mount(anna, { group: 'dorf' });
    const slot = (id: string) => postEl(el, 'call1').querySelectorAll('[part~="slot"]')[id === 'helpers' ? 0 : 1] as HTMLElement;
    expect(slot('helpers').textContent).to.contain('0 of 3');
    type($<HTMLInputElement>(el, '#count-call1-helpers')!, '2');
    buttonIn(slot('helpers'), 'I’m in').click();
    await until(() => slot('helpers').textContent!.includes('2 of 3'), 'two committed');
    expect(slot('helpers').textContent).to.contain('You: 2');
    // Someone else takes the last helper place.
    await ben.feed.commit({ id: 'ben-commit', postId: 'call1', slotId: 'helpers', count: 1 });
    await until(() => slot('helpers').textContent!.includes('3 of 3'), 'live update to full');
    expect(slot('helpers').textContent).to.contain('Full');
    // Past capacity: the backend refuses, the message is at the field, the number stays.
    type($<HTMLInputElement>(el, '#count-call1-helpers')!, '3');
    buttonIn(slot('helpers'), 'Change').click();
    await until(() => $(el, '#count-call1-helpers-error'), 'capacity error');
    expect($(el, '#count-call1-helpers-error')!.textContent).to.equal('Only 2 left in this slot.');
    expect($<HTMLInputElement>(el, '#count-call1-helpers')!.value).to.equal('3');
    expect(el.shadowRoot!.activeElement?.id).to.equal('count-call1-helpers');
    const stored = await anna.feed.getPost('call1');
    expect(stored.call!.slots[0]!.committed).to.equal(3);
    await expect(el).to.be.accessible();
    buttonIn(slot('helpers'), 'Withdraw').click();
    await until(() => slot('helpers').textContent!.includes('1 of 3'), 'withdrawn');
    // A full slot offers no commit button to those without a commitment in it.
    await ben.feed.commit({ id: 'ben-barrow', postId: 'call1', slotId: 'barrows', count: 1 });
    await until(() => slot('barrows').textContent!.includes('Full'), 'barrows full');
    expect(slot('barrows').querySelector('[part~="commit"]')).to.equal(null);
  });

  it('writes an .ics file for a call, escaped and folded', () => {
    const long = 'Bring gloves; bags, and a good mood\\ please. '.repeat(4);
    const ics = callToICalendar({
      id: 'call1', groupId: 'dorf', kind: 'call', title: 'Clean-up, day; 2', body: long, tags: [], expiresAt: null,
      author: { id: 'mod', displayName: 'Mona' }, createdAt: '2026-11-20T08:00:00.000Z', editedAt: null, status: 'published',
      pinned: false, commentsLocked: false, commentCount: 0, reactions: { like: 0, heart: 0, thanks: 0, clap: 0 }, myReactions: [],
      attachments: [],
      call: { start: '2026-11-28T08:00:00.000Z', place: 'Dorfplatz, Brunnen', slots: [{ id: 's', label: 'Helfer', kind: 'people', capacity: 10, committed: 4, mine: 0 }] },
    }, 'testdorf');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).to.equal(true);
    expect(ics).to.contain('DTSTART:20261128T080000Z\r\n');
    expect(ics).to.contain('DTEND:20261128T090000Z\r\n');
    expect(ics).to.contain('SUMMARY:Clean-up\\, day\\; 2\r\n');
    expect(ics).to.contain('LOCATION:Dorfplatz\\, Brunnen\r\n');
    expect(ics).to.contain('UID:call1@testdorf.dorfplatz');
    const lines = ics.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).to.contain('DESCRIPTION:Bring gloves\\; bags\\, and a good mood\\\\ please.');
    expect(unfolded).to.contain('Helfer: 4/10');
  });

  it('removes an urgent notice when it expires, without a reload', async () => {
    const backend = backendFor(people.anna!);
    await backend.seed(dataset([
      post({ id: 'u1', kind: 'urgent', title: 'Road closed', expiresAt: iso(1500), createdAt: iso(-HOUR) }),
      post({ id: 'p1', title: 'Regular post' }),
    ]));
    const el = await mount(backend, { group: 'dorf' });
    expect($(el, '[part~="urgent"]')!.textContent).to.contain('Road closed');
    expect(postEl(el, 'u1').className).to.contain('post--urgent');
    await until(() => !$(el, '[part~="urgent"]'), 'urgent notice gone', 4000);
    expect($(el, '[data-post="u1"]')).to.equal(null);
    expect(text(el)).to.not.contain('Road closed');
    expect(text(el)).to.contain('Regular post');
    expect((await backend.feed.highlights('dorf')).urgent).to.have.length(0);
  });

  it('shows a private group to non-members by name only, and never its posts', async () => {
    const posts = [post({ id: 'secret1', groupId: 'geheim', title: 'Budget draft', body: 'Confidential numbers' })];
    const outsider = backendFor(people.carl!);
    await outsider.seed(dataset(posts));
    const el = await mount(outsider, { group: 'geheim' });
    expect($(el, '[part~="header"]')!.textContent).to.contain('Secret circle');
    expect($(el, '[part~="status-forbidden"]')!.textContent).to.contain('This group is private');
    expect(text(el)).to.contain('New members join by invitation only.');
    expect(text(el)).to.not.contain('Budget draft');
    expect(text(el)).to.not.contain('Confidential');
    expect($(el, '#composer-toggle')).to.equal(null);
    await expect(el).to.be.accessible();

    const insider = backendFor(people.mod!);
    await insider.seed(dataset(posts));
    const el2 = await mount(insider, { group: 'geheim' });
    expect(text(el2)).to.contain('Budget draft');
  });

  it('lets a visitor ask to join a request-only group with a message, and a moderator accept it', async () => {
    const dbName = `gf-test-join-${Date.now()}`;
    const backend = backendFor(people.carl!, dbName);
    await backend.seed(dataset([], {
      groups: [{ id: 'chor', name: 'Choir', description: '', visibility: 'public', joinPolicy: 'request', rules: '', approveBeforePublish: false, members: [{ memberId: 'mod', role: 'moderator' }] }],
    }));
    const el = await mount(backend, { group: 'chor' });
    type($<HTMLTextAreaElement>(el, '#join-message')!, 'I sing tenor. <b onclick="window.__pwned=7">bold</b>');
    buttonIn(el.shadowRoot!, 'Ask to join').click();
    await until(() => text(el).includes('Your request to join is waiting for a moderator.'), 'pending');
    const group = await backend.feed.getGroup('chor');
    expect(group.membership?.status).to.equal('pending');
    expect(group.membership?.message).to.equal('I sing tenor. <b onclick="window.__pwned=7">bold</b>');

    // A moderator accepts the request from the queue; the newcomer's page follows live.
    const mod = backendFor(people.mod!, dbName);
    const modView = await mount(mod, { group: 'chor' });
    $(modView, '#moderation-toggle')!.click();
    await until(() => $(modView, '#moderation-panel')?.textContent?.includes('I sing tenor. <b onclick'), 'request in queue, as text');
    expect($(modView, '#moderation-panel b')).to.equal(null);
    await expect(modView).to.be.accessible();
    buttonIn($(modView, '#moderation-panel')!, 'Accept').click();
    await until(() => $(modView, '#moderation-panel')!.textContent!.includes('No open requests to join.'), 'request decided');
    await until(() => $(el, '#composer-toggle'), 'member may post');
    // And may leave again.
    buttonIn(el.shadowRoot!, 'Leave group').click();
    await until(() => $(el, '#join-message'), 'back to the join form');
    expect((await backend.feed.getGroup('chor')).membership).to.equal(null);
  });

  it('lets an invited member of a private group join, live after the invitation', async () => {
    const dbName = `gf-test-invite-${Date.now()}`;
    const carl = backendFor(people.carl!, dbName);
    const mod = backendFor(people.mod!, dbName);
    await carl.seed(dataset([post({ id: 's1', groupId: 'geheim', title: 'Agenda' })]));
    const el = await mount(carl, { group: 'geheim' });
    expect(text(el)).to.contain('New members join by invitation only.');
    await mod.feed.moderate({ action: 'invite', groupId: 'geheim', memberId: 'carl' });
    await until(() => buttonIn(el.shadowRoot!, 'Join group'), 'invitation shown');
    buttonIn(el.shadowRoot!, 'Join group').click();
    await until(() => text(el).includes('Agenda'), 'posts readable after joining');
    expect((await carl.feed.getGroup('geheim')).membership?.status).to.equal('active');
  });

  it('opens a members-only group to an anonymous visitor once they choose a name', async () => {
    const dbName = `gf-visitor-members-${Date.now()}`;
    const backend = createLocalBackend({ community: COMMUNITY, dbName });
    track(backend, dbName);
    await backend.seed(dataset([post({ id: 'm1', groupId: 'mitglieder', title: 'Agenda of the members meeting' })]));
    const el = await mount(backend, { group: 'mitglieder' });
    await until(() => $(el, '[part~="status-forbidden"]') && $(el, '#profile-name'), 'forbidden with a way in');
    expect($(el, '[part~="status-forbidden"]')!.textContent).to.contain('Please choose the name others see first.');
    expect(text(el)).to.not.contain('Agenda of the members meeting');
    // Its name and that it is for members are public, like every group's.
    expect($(el, '[part~="header"]')!.textContent).to.contain('For members');
    await expect(el).to.be.accessible();
    type($<HTMLInputElement>(el, '#profile-name')!, 'Vera Visitor');
    $<HTMLButtonElement>(el, '[part~="profile-form"] [part~="submit"]')!.click();
    await until(() => text(el).includes('Agenda of the members meeting'), 'members-only posts readable');
  });

  it('asks an anonymous visitor for a name before taking part', async () => {
    const dbName = `gf-visitor-${Date.now()}`;
    const backend = track(createLocalBackend({ community: COMMUNITY, dbName }), dbName);
    await backend.seed(dataset([post({ id: 'p1', title: 'Hello' })]));
    const el = await mount(backend, { group: 'dorf' });
    expect($(el, '#profile-name')).to.not.equal(null);
    $<HTMLButtonElement>(el, '[part~="profile-form"] [part~="submit"]')!.click();
    await until(() => $(el, '#profile-name-error'), 'name error');
    type($<HTMLInputElement>(el, '#profile-name')!, 'Vera Visitor');
    $<HTMLButtonElement>(el, '[part~="profile-form"] [part~="submit"]')!.click();
    await until(() => $(el, '#composer-toggle'), 'composer offered');
    await expect(el).to.be.accessible();
  });

  it('holds posts in approve-before-publish groups for the moderation queue', async () => {
    const dbName = `gf-test-mod-${Date.now()}`;
    const anna = backendFor(people.anna!, dbName);
    const mod = backendFor(people.mod!, dbName);
    await anna.seed(dataset());
    const annaView = await mount(anna, { group: 'freigabe' });
    annaView.shadowRoot!.querySelector<HTMLElement>('#composer-toggle')!.click();
    await annaView.updateComplete;
    type($<HTMLInputElement>(annaView, '#post-title')!, 'Flea market');
    type($<HTMLTextAreaElement>(annaView, '#post-body')!, 'Saturday at the school.');
    $<HTMLButtonElement>(annaView, '[part~="submit"]')!.click();
    await until(() => $(annaView, '[part="announcer"]')!.textContent!.includes('as soon as a moderator has approved it'), 'pending announced');
    expect(postEl(annaView, $$(annaView, 'article')[0]!.dataset['post']!).textContent).to.contain('Waiting for approval');

    const modView = await mount(mod, { group: 'freigabe' });
    $(modView, '#moderation-toggle')!.click();
    await until(() => $(modView, '#moderation-panel [part~="queue-item"]'), 'queue item');
    expect($(modView, '#moderation-panel')!.textContent).to.contain('Flea market');
    await expect(modView).to.be.accessible();
    buttonIn($(modView, '#moderation-panel')!, 'Approve').click();
    await until(() => $(modView, '#moderation-panel')!.textContent!.includes('No posts are waiting.'), 'queue empty');
    await until(() => !annaView.shadowRoot!.textContent!.includes('Waiting for approval'), 'approved live for the author');
  });

  it('reports a post with a reason, and moderators resolve it from their queue', async () => {
    const dbName = `gf-test-report-${Date.now()}`;
    const anna = backendFor(people.anna!, dbName);
    const mod = backendFor(people.mod!, dbName);
    await anna.seed(dataset([post({ id: 'p1', title: 'Buy cheap watches', authorId: 'ben' })]));
    const el = await mount(anna, { group: 'dorf' });
    const article = postEl(el, 'p1');
    buttonIn(article, 'Report').click();
    await until(() => el.shadowRoot!.activeElement?.id === 'report-reason-post-p1', 'focus in the report form');
    // Escape cancels and returns focus.
    await sendKeys({ press: 'Escape' });
    await until(() => el.shadowRoot!.activeElement?.id === 'report-post-p1', 'focus back on Report');
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '#report-reason-post-p1'), 'form again');
    type($<HTMLTextAreaElement>(el, '#report-note-post-p1')!, 'Obvious spam.');
    buttonIn(postEl(el, 'p1'), 'Send').click();
    await until(() => $(el, '#report-reason-post-p1-error'), 'reason error');
    expect($<HTMLTextAreaElement>(el, '#report-note-post-p1')!.value).to.equal('Obvious spam.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('report-reason-post-p1');
    await expect(el).to.be.accessible();
    const select = $<HTMLSelectElement>(el, '#report-reason-post-p1')!;
    select.value = 'spam';
    select.dispatchEvent(new Event('change'));
    buttonIn(postEl(el, 'p1'), 'Send').click();
    await until(() => text(el).includes('Thank you. The moderators will take a look.'), 'report sent');

    const modView = await mount(mod, { group: 'dorf' });
    $(modView, '#moderation-toggle')!.click();
    await until(() => $(modView, '#moderation-panel')?.textContent?.includes('Obvious spam.'), 'report in queue');
    expect($(modView, '#moderation-panel')!.textContent).to.contain('Post reported for “Spam or advertising”');
    buttonIn($(modView, '#moderation-panel')!, 'Hide the reported content').click();
    await until(() => postEl(modView, 'p1')?.textContent?.includes('Hidden'), 'hidden for moderators');
    await until(() => !$(el, '[data-post="p1"]'), 'gone for members');
    buttonIn($(modView, '#moderation-panel')!, 'Mark as done').click();
    await until(() => $(modView, '#moderation-panel')!.textContent!.includes('No open reports.'), 'resolved');
    // Unhide, pin and lock from the post itself.
    buttonIn(postEl(modView, 'p1'), 'Show again').click();
    await until(() => $(el, '[data-post="p1"]'), 'visible again');
    buttonIn(postEl(modView, 'p1'), 'Close comments').click();
    await until(() => postEl(modView, 'p1').textContent!.includes('Open comments'), 'locked');
    $(el, '#comments-toggle-p1')!.click();
    await until(() => $(el, '#comments-p1')?.textContent?.includes('Comments are closed.'), 'locked for members');
    expect($(el, '#comment-p1')).to.equal(null);
    buttonIn(postEl(modView, 'p1'), 'Pin').click();
    await until(() => $(el, '[part~="pinned"] [data-post="p1"]'), 'pinned live');
  });

  it('edits and deletes an own post, confirming the delete', async () => {
    const backend = backendFor(people.anna!);
    await backend.seed(dataset([post({ id: 'mine', title: 'Typo in titel', authorId: 'anna' }), post({ id: 'theirs', title: 'Not mine', authorId: 'ben' })]));
    const el = await mount(backend, { group: 'dorf' });
    expect(buttonIn(postEl(el, 'theirs'), 'Edit')).to.equal(undefined);
    buttonIn(postEl(el, 'mine'), 'Edit').click();
    await until(() => el.shadowRoot!.activeElement?.id === 'edit-title-mine', 'edit form focused');
    type($<HTMLInputElement>(el, '#edit-title-mine')!, '');
    buttonIn(postEl(el, 'mine'), 'Save').click();
    await until(() => $(el, '#edit-title-mine-error'), 'edit error');
    type($<HTMLInputElement>(el, '#edit-title-mine')!, 'Typo in title');
    buttonIn(postEl(el, 'mine'), 'Save').click();
    await until(() => postEl(el, 'mine').querySelector('h4')?.textContent === 'Typo in title', 'edited');
    expect(postEl(el, 'mine').textContent).to.contain('edited');
    buttonIn(postEl(el, 'mine'), 'Delete').click();
    await until(() => el.shadowRoot!.activeElement?.id === 'confirm-delete-mine', 'confirm focused');
    await sendKeys({ press: 'Escape' });
    await until(() => el.shadowRoot!.activeElement?.id === 'delete-mine', 'cancelled');
    buttonIn(postEl(el, 'mine'), 'Delete').click();
    await el.updateComplete;
    $(el, '#confirm-delete-mine')!.click();
    await until(() => !$(el, '[data-post="mine"]'), 'deleted');
    const gone = await backend.feed.getPost('mine').then(() => null, (error: unknown) => error);
    expect(BackendError.is(gone, 'not-found')).to.equal(true);
  });

  it('shows new posts from other pages live', async () => {
    const dbName = `gf-test-live-${Date.now()}`;
    const anna = backendFor(people.anna!, dbName);
    const ben = backendFor(people.ben!, dbName);
    await anna.seed(dataset([post({ id: 'p1', title: 'Older' })]));
    const el = await mount(anna, { group: 'dorf' });
    await ben.feed.createPost({ id: 'live1', groupId: 'dorf', kind: 'note', title: 'Fresh from Ben', body: 'Hi!', tags: ['news'], expiresAt: null, attachments: [], call: null });
    await until(() => $(el, '[data-post="live1"]'), 'live post');
    expect($$(el, '[part~="list"] article')[0]!.dataset['post']).to.equal('live1');
    await until(() => $(el, '[part="announcer"]')!.textContent!.includes('New post: Fresh from Ben'), 'announced');
    await ben.feed.addComment({ id: 'livec', postId: 'live1', body: 'First!' });
    await until(() => $(el, '#comments-toggle-live1')!.textContent!.includes('(1)'), 'comment count live');
    // Tags filter the feed through the backend.
    buttonIn(postEl(el, 'live1'), '#news').click();
    await until(() => !$(el, '[data-post="p1"]'), 'filtered');
    expect(text(el)).to.contain('Showing posts tagged “news”.');
    buttonIn(el.shadowRoot!, 'Show all posts').click();
    await until(() => $(el, '[data-post="p1"]'), 'unfiltered');
  });

  it('renders hostile input in every field as inert text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const rtl = 'gpj.\u202Eexe';
    const long = 'W'.repeat(9_000);
    const hostile: Member = { id: 'evil', displayName: `<b onmouseover="window.__pwned=3">Mallory</b>`, roles: ['member'] };
    const backend = backendFor(people.anna!);
    await backend.seed(dataset([
      post({
        id: 'h1', authorId: 'evil', title: `${evil} ${rtl}`.slice(0, 140),
        body: `${evil}\njavascript:window.__pwned=4 JAVASCRIPT:alert(1) data:text/html,<b>x</b> https://ok.example/x?a=<b> ${rtl} ${long}`,
        tags: ['<i>tag</i>', 'javascript:alert(1)'],
        comments: [{ id: 'hc1', authorId: 'evil', body: `${evil} javascript:alert(1)`, createdAt: iso(-1000) }],
        call: null,
      }),
    ], { members: [...Object.values(people), hostile] }));
    // The composer path too: markup typed into a new post.
    const el = await mount(backend, { group: 'dorf' });
    $(el, '#composer-toggle')!.click();
    await el.updateComplete;
    type($<HTMLInputElement>(el, '#post-title')!, '<svg onload="window.__pwned=5">');
    type($<HTMLTextAreaElement>(el, '#post-body')!, `<a href="javascript:window.__pwned=6">click</a> ${'x'.repeat(5000)}`);
    type($<HTMLInputElement>(el, '#post-tags')!, '<u>u</u>');
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await until(() => text(el).includes('<svg onload'), 'hostile post shown as text');
    $(el, '#comments-toggle-h1')!.click();
    await until(() => $(el, '[part~="comment"]'), 'comments');
    await new Promise((r) => setTimeout(r, 100));
    const root = el.shadowRoot!;
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(root.querySelectorAll('script, img:not([part="image"]), svg, iframe, b, i, u').length).to.equal(0);
    for (const a of root.querySelectorAll('a')) expect(new URL(a.href).protocol).to.match(/^https?:$/);
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://ok.example/x?a=']);
    for (const node of root.querySelectorAll('*')) {
      for (const attr of node.getAttributeNames()) expect(attr.startsWith('on')).to.equal(false);
    }
    expect(text(el)).to.contain('<b onmouseover="window.__pwned=3">Mallory</b>');
    expect(text(el)).to.not.contain('\u202E');
    expect(text(el)).to.contain('javascript:window.__pwned=4');
    // Long text wraps inside the widget instead of widening the page.
    expect(postEl(el, 'h1').scrollWidth).to.be.at.most(postEl(el, 'h1').clientWidth + 1);
  });

  it('tokenizes only http(s) addresses into links', () => {
    expect(tokenize('See https://a.example/x. Or (http://b.example/y) and javascript:alert(1) or mailto:a@b.c')).to.deep.equal([
      { type: 'text', value: 'See ' },
      { type: 'link', value: 'https://a.example/x', href: 'https://a.example/x' },
      { type: 'text', value: '. Or (' },
      { type: 'link', value: 'http://b.example/y', href: 'http://b.example/y' },
      { type: 'text', value: ') and javascript:alert(1) or mailto:a@b.c' },
    ]);
    expect(tokenize('https://user:pw@evil.example')).to.deep.equal([{ type: 'text', value: 'https://user:pw@evil.example' }]);
  });

  it('keeps the DOM bounded while paging through a long feed', async () => {
    const backend = backendFor(people.anna!);
    const posts = bulkPosts('dorf', 120, new Date(), { authorIds: ['mod', 'anna', 'ben'], locale: 'en' })
      .map((p) => ({ ...p, kind: p.kind === 'urgent' ? ('note' as const) : p.kind, expiresAt: null, pinned: false, call: p.kind === 'urgent' ? null : p.call }));
    await backend.seed(dataset(posts));
    const el = await mount(backend, { group: 'dorf' });
    const count = () => el.shadowRoot!.querySelectorAll('*').length;
    const seen = new Set<string>();
    let max = 0;
    for (let i = 0; i < 60 && $(el, '[part~="older"]'); i++) {
      for (const a of $$(el, '[part~="list"] article')) seen.add(a.dataset['post']!);
      max = Math.max(max, count());
      const before = $$(el, '[part~="list"] article').at(-1)!.dataset['post'];
      $(el, '[part~="older"]')!.click();
      await until(() => $$(el, '[part~="list"] article').at(-1)!.dataset['post'] !== before, 'older page');
    }
    for (const a of $$(el, '[part~="list"] article')) seen.add(a.dataset['post']!);
    expect(seen.size).to.equal(posts.filter((p) => !p.pinned).length);
    expect(max).to.be.below(300);
    expect(text(el)).to.contain('You have seen all posts.');
    $(el, '[part~="newer"]')!.click();
    await until(() => $$(el, '[part~="list"] article').length > 0 && $(el, '[part~="older"]'), 'newer page');
    expect(count()).to.be.below(300);
  });

  it('loads older posts as the visitor scrolls, from a store of 10,000 posts, with a bounded DOM', async () => {
    const backend = backendFor(people.anna!);
    const posts = bulkPosts('dorf', 10_000, new Date(), { authorIds: ['mod', 'anna', 'ben'], locale: 'en' })
      .map((p) => ({ ...p, kind: p.kind === 'urgent' ? ('note' as const) : p.kind, expiresAt: null, pinned: false, call: p.kind === 'urgent' ? null : p.call }));
    await backend.seed(dataset(posts));
    const el = await mount(backend, { group: 'dorf' });
    const count = () => el.shadowRoot!.querySelectorAll('*').length;
    let max = count();
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const last = $$(el, '[part~="list"] article').at(-1)!.dataset['post'];
      for (const a of $$(el, '[part~="list"] article')) seen.add(a.dataset['post']!);
      // Scroll up first, so reaching the end again is a change the observer reports.
      window.scrollTo(0, 0);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      $(el, '[part~="older"]')!.scrollIntoView();
      await until(() => $$(el, '[part~="list"] article').at(-1)!.dataset['post'] !== last, `scroll page ${i}`);
      max = Math.max(max, count());
    }
    // Every one of the 40 scroll steps brought a new page of `page-size` posts.
    expect(seen.size).to.be.at.least(40 * el.pageSize);
    expect(max).to.be.below(300);
    expect($(el, '[part~="newer"]')).to.not.equal(null);
  }).timeout(60_000);

  describe('states', () => {
    /** The backend as in an outage: reads never answer (`loading`) or fail (`error`); or writes queue offline (`queued`). */
    function inState(backend: Backend, mode: 'loading' | 'error' | 'queued'): Backend {
      const wrap = (domain: object) => new Proxy(domain, {
        get(target, key) {
          const value = Reflect.get(target, key) as unknown;
          if (typeof value !== 'function') return value;
          const read = /^(list|get|highlights)/.test(String(key));
          return (...args: unknown[]) => {
            if (mode === 'loading' && read) return new Promise(() => {});
            if (mode === 'error' && read) return Promise.reject(new BackendError('unavailable', 'down'));
            if (mode === 'queued' && !read) return Promise.reject(new BackendError('queued', 'offline', { queuedId: 'q1' }));
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      const feed = wrap(backend.feed);
      const files = wrap(backend.files);
      return new Proxy(backend, {
        get(target, key) {
          if (key === 'feed') return feed;
          if (key === 'files') return files;
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
    }

    async function mountRaw(backend: Backend, lang = 'en') {
      const provider = await fixture<DorfProvider>(html`<dorf-provider .adapter=${backend} .community=${backend.community} lang=${lang}>
        <dorf-group-feed group="dorf"></dorf-group-feed></dorf-provider>`);
      return provider.querySelector('dorf-group-feed') as DorfGroupFeed;
    }

    it('loading', async () => {
      const backend = backendFor(people.anna!);
      await backend.seed(dataset());
      const el = await mountRaw(inState(backend, 'loading'));
      await until(() => $(el, '[part~="status-loading"]'), 'loading state');
      expect($(el, '[part~="status-loading"]')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
    });

    it('error, with a retry that recovers', async () => {
      const backend = backendFor(people.anna!);
      await backend.seed(dataset([post({ id: 'p1', title: 'Back again' })]));
      let failing = true;
      const flaky = new Proxy(backend, {
        get(target, key) {
          if (key === 'feed' && failing) return inState(backend, 'error').feed;
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
      const el = await mountRaw(flaky);
      await until(() => $(el, '[part~="status-error"]'), 'error state');
      expect($(el, '[part~="status-error"]')!.getAttribute('role')).to.equal('alert');
      expect(text(el)).to.contain('The service is not reachable right now.');
      await expect(el).to.be.accessible();
      failing = false;
      buttonIn(el.shadowRoot!, 'Try again').click();
      await until(() => text(el).includes('Back again'), 'recovered');
    });

    it('empty', async () => {
      const backend = backendFor(people.anna!);
      await backend.seed(dataset());
      const el = await mount(backend, { group: 'dorf' });
      expect($(el, '[part~="status-empty"]')!.textContent).to.contain('No posts yet.');
      await expect(el).to.be.accessible();
    });

    it('offline: a queued post is confirmed as saved on this device', async () => {
      const backend = backendFor(people.anna!);
      await backend.seed(dataset([post({ id: 'p1', title: 'Readable offline' })]));
      const el = await mountRaw(inState(backend, 'queued'));
      await until(() => $(el, '#composer-toggle'), 'feed');
      $(el, '#composer-toggle')!.click();
      await el.updateComplete;
      type($<HTMLInputElement>(el, '#post-title')!, 'Written offline');
      type($<HTMLTextAreaElement>(el, '#post-body')!, 'Will be sent later.');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await until(() => $(el, '[part~="status-queued"]'), 'queued state');
      await expect(el).to.be.accessible();
      // A queued reaction says so at the post.
      postEl(el, 'p1').querySelector<HTMLButtonElement>('[data-reaction="like"]')!.click();
      await until(() => postEl(el, 'p1').textContent!.includes('Saved on this device'), 'queued reaction');
    });

    it('offline: says so while the browser has no connection, and keeps showing the feed', async () => {
      const backend = backendFor(people.anna!);
      await backend.seed(dataset([post({ id: 'p1', title: 'Still here' })]));
      const el = await mount(backend, { group: 'dorf' });
      const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      try {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
        window.dispatchEvent(new Event('offline'));
        await until(() => $(el, '[part~="status-offline"]'), 'offline banner');
        expect(text(el)).to.contain('Still here');
        await expect(el).to.be.accessible();
      } finally {
        delete (navigator as unknown as Record<string, unknown>)['onLine'];
        Object.defineProperty(Navigator.prototype, 'onLine', onLine);
        window.dispatchEvent(new Event('online'));
      }
      await until(() => !$(el, '[part~="status-offline"]'), 'online again');
    });

    it('no backend: an unknown backend reads as an error, accessibly', async () => {
      const provider = await fixture<DorfProvider>(html`<dorf-provider backend="gopher://nowhere"><dorf-group-feed group="dorf"></dorf-group-feed></dorf-provider>`);
      const el = provider.querySelector('dorf-group-feed') as DorfGroupFeed;
      await until(() => $(el, '[part~="status-error"]'), 'no backend');
      await expect(el).to.be.accessible();
    });

    it('German, with a group switcher and the "Mach mit!" wording', async () => {
      const backend = backendFor(people.mod!);
      await backend.seed(dataset([post({ id: 'p1', title: 'Hallo' }), post({ id: 'p2', groupId: 'freigabe', title: 'Zweite Gruppe' })]));
      const el = await mount(backend, { groups: 'dorf freigabe', lang: 'de' });
      expect(text(el)).to.contain('Öffentliche Gruppe');
      const switcher = $(el, '[part~="switcher"]')!;
      await until(() => switcher.textContent!.includes('Approved posts'), 'group names');
      expect(buttonIn(switcher, 'Dorf news').getAttribute('aria-pressed')).to.equal('true');
      $(el, '#composer-toggle')!.click();
      await el.updateComplete;
      const kinds = [...$<HTMLSelectElement>(el, '#post-kind')!.options].map((o) => o.textContent);
      expect(kinds).to.deep.equal(['Notiz', 'Neuigkeit', 'Dringende Meldung', 'Mach mit!']);
      const kind = $<HTMLSelectElement>(el, '#post-kind')!;
      kind.value = 'urgent';
      kind.dispatchEvent(new Event('change'));
      type($<HTMLInputElement>(el, '#post-title')!, 'Wasser abgestellt');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await until(() => $(el, '#post-body-error'), 'German field errors');
      expect($(el, '#post-body-error')!.textContent).to.equal('Bitte füllen Sie dieses Feld aus.');
      expect($(el, '#post-expires-error')!.textContent).to.equal('Eine dringende Meldung braucht ein Ablaufdatum, damit sie danach verschwindet.');
      expect($<HTMLInputElement>(el, '#post-title')!.value).to.equal('Wasser abgestellt');
      await expect(el).to.be.accessible();
      const changed = oneEvent(el, 'dorf-group-change');
      buttonIn(switcher, 'Approved posts').click();
      expect((await changed).detail.groupId).to.equal('freigabe');
      await until(() => text(el).includes('Zweite Gruppe'), 'second group');
      expect(text(el)).to.not.contain('Hallo');
    });

    it('a moderator writes a "Mach mit!" call with slots, validated at each field', async () => {
      const backend = backendFor(people.mod!);
      await backend.seed(dataset());
      const el = await mount(backend, { group: 'dorf' });
      $(el, '#composer-toggle')!.click();
      await el.updateComplete;
      const kind = $<HTMLSelectElement>(el, '#post-kind')!;
      kind.value = 'call';
      kind.dispatchEvent(new Event('change'));
      await el.updateComplete;
      type($<HTMLInputElement>(el, '#post-title')!, 'Dorfputz');
      type($<HTMLTextAreaElement>(el, '#post-body')!, 'Wir räumen auf.');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await until(() => $(el, '#call-start-error'), 'call errors');
      expect($(el, '#call-place-error')).to.not.equal(null);
      expect($$(el, '[id^="slot-label-"][id$="-error"]')).to.have.length(1);
      expect(el.shadowRoot!.activeElement?.id).to.equal('call-start');
      await expect(el).to.be.accessible();
      const start = new Date(Date.now() + 72 * HOUR);
      const local = `${start.toISOString().slice(0, 10)}T10:00`;
      type($<HTMLInputElement>(el, '#call-start')!, local);
      type($<HTMLInputElement>(el, '#call-place')!, 'Dorfplatz');
      type($<HTMLInputElement>(el, '[id^="slot-label-"]')!, 'Helpers');
      type($<HTMLInputElement>(el, '[id^="slot-capacity-"]')!, '10');
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await until(() => $(el, '[part~="call"]'), 'call published');
      expect($(el, '[part~="call"]')!.textContent).to.contain('0 of 10');
      expect($(el, '[part~="call"] time')!.getAttribute('datetime')).to.match(/T(08|09):00:00\.000Z$/);
    });
  });
});
