import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/badge-shelf/dorf-badge-shelf.js';
import type { DorfBadgeShelf } from '../../src/widgets/badge-shelf/badge-shelf.element.js';
import type { DorfProvider } from '../../src/core/provider.element.js';
import { createLocalBackend } from '../../src/data/adapters/local/index.js';
import { BackendError, type Backend } from '../../src/data/backend.js';
import type { Member } from '../../src/data/schema/index.js';
import { toOpenBadgeCredential } from '../../src/widgets/badge-shelf/credential.js';
import { awardState } from '../../src/widgets/badge-shelf/shelf-ui.js';
import { badgeDataset } from '../../stories/badge-shelf.data.js';
import { track, until } from '../lib/backends.js';

const marie: Member = { id: 'marie-schaefer', displayName: 'Marie Schäfer', roles: ['member'] };
const sabine: Member = { id: 'sabine-krueger', displayName: 'Sabine Krüger', roles: ['member', 'moderator'] };
const jonas: Member = { id: 'jonas-becker', displayName: 'Jonas Becker', roles: ['member'] };

let counter = 0;
async function backendFor(member: Member | null) {
  const dbName = `bs-test-${Date.now()}-${++counter}`;
  const backend = createLocalBackend({ community: 'leerdorf', dbName, identity: { member } });
  track(backend, dbName);
  await backend.seed(badgeDataset());
  return backend;
}

async function mount(backend: Backend, o: { member?: string; mode?: string; lang?: string; theme?: string } = {}) {
  const provider = await fixture<DorfProvider>(html`
    <dorf-provider .adapter=${backend} .community=${backend.community} lang=${o.lang ?? 'en'} theme=${o.theme ?? 'light'}>
      <dorf-badge-shelf member=${o.member ?? 'me'} mode=${o.mode ?? 'shelf'}></dorf-badge-shelf>
    </dorf-provider>
  `);
  const el = provider.querySelector('dorf-badge-shelf') as DorfBadgeShelf;
  await until(() => el.shadowRoot?.querySelector('[part~="shelf"], [part~="wall"], [part~="status-empty"], [part~="status-error"], [part~="status-forbidden"]'), 'shelf loaded');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (el: Element, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const card = (el: Element, awardId: string) => $(el, `#open-${awardId}`)!.closest('li')!;
const announcer = (el: Element) => $(el, '[part="announcer"]')!.textContent ?? '';
const errorOf = (el: Element, id: string) => $(el, `#${id}-error`)?.textContent?.trim() ?? '';
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }));
}

async function openDetail(el: DorfBadgeShelf, awardId: string) {
  $(el, `#open-${awardId}`)!.click();
  await until(() => $<HTMLDialogElement>(el, 'dialog.detail')?.open, 'dialog open');
  await el.updateComplete;
  return $<HTMLDialogElement>(el, 'dialog.detail')!;
}

describe('<dorf-badge-shelf>: the shelf', () => {
  it('shows each badge as OB 3.0 displayers must: image with alt, name, description, issuer, date, valid/expired/revoked', async () => {
    const el = await mount(await backendFor(marie));
    expect(text(el, '#shelf-title')).to.equal('My badges');
    const cards = $$(el, '[part~="badge"]');
    expect(cards.length).to.equal(4);
    const active = card(el, 'story-award-active');
    expect(active.getAttribute('part')).to.equal('badge badge-active');
    expect(active.querySelector('img')!.getAttribute('alt')).to.equal('Grünes Abzeichen mit der Aufschrift Putz');
    expect(active.querySelector('img')!.getAttribute('src')).to.match(/^data:image\/svg\+xml,/);
    expect(active.querySelector('h3')!.textContent).to.equal('Dorfputz-Held:in');
    expect(active.textContent).to.contain('Hat beim Dorfputz mit angepackt.');
    expect(active.textContent).to.contain('Issued by Gemeinde Leerdorf');
    expect(active.querySelector('[part~="badge-date"]')!.textContent).to.match(/^Issued on \w+ \d{1,2}, \d{4}$/);
    expect(active.querySelector('[part~="badge-status"]')!.textContent!.trim()).to.equal('Valid');
    expect(card(el, 'story-award-until').querySelector('[part~="badge-status"]')!.textContent).to.match(/^Valid until \w+ \d{1,2}, \d{4}$/);
    expect(card(el, 'story-award-until').textContent).to.contain('Issued by Freiwillige Feuerwehr Leerdorf');
    const expired = card(el, 'story-award-expired');
    expect(expired.getAttribute('part')).to.equal('badge badge-expired');
    expect(expired.querySelector('[part~="badge-status"]')!.textContent).to.match(/^Expired on \w+ \d{1,2}, \d{4}$/);
    const revoked = card(el, 'story-award-revoked');
    expect(revoked.getAttribute('part')).to.equal('badge badge-revoked');
    expect(revoked.querySelector('[part~="badge-status"]')!.textContent!.trim()).to.equal('Revoked');
    expect(text(el, '[part~="header"] .muted')).to.equal('4 badges');
    // Each "Details" button is described by its badge's name.
    expect($(el, '#open-story-award-active')!.getAttribute('aria-describedby')).to.equal('name-story-award-active');
    expect($(el, '#name-story-award-active')!.textContent).to.equal('Dorfputz-Held:in');
    await expect(el).to.be.accessible();
  });

  it('decides expired at the widget clock, and revoked before expired', () => {
    const [award] = badgeDataset().awards;
    const base = { ...award!, id: 'x', achievement: badgeDataset().achievements[0]!, recipient: marie } as never as Parameters<typeof awardState>[0];
    const now = new Date('2026-06-01T00:00:00Z');
    expect(awardState({ ...base, expires: '2026-05-31T23:59:59Z', revoked: false }, now)).to.equal('expired');
    expect(awardState({ ...base, expires: '2026-06-01T00:00:01Z', revoked: false }, now)).to.equal('active');
    expect(awardState({ ...base, expires: '2026-05-01T00:00:00Z', revoked: true }, now)).to.equal('revoked');
    expect(awardState({ ...base, expires: null, revoked: false }, now)).to.equal('active');
  });

  it('speaks German', async () => {
    const el = await mount(await backendFor(marie), { lang: 'de' });
    expect(text(el, '#shelf-title')).to.equal('Meine Abzeichen');
    expect(card(el, 'story-award-expired').querySelector('[part~="badge-status"]')!.textContent).to.match(/^Abgelaufen am \d{1,2}\. \S+ \d{4}$/);
    expect(card(el, 'story-award-revoked').querySelector('[part~="badge-status"]')!.textContent!.trim()).to.equal('Widerrufen');
    expect(card(el, 'story-award-active').textContent).to.contain('Vergeben von Gemeinde Leerdorf');
    expect($(el, '#open-story-award-active')!.textContent!.trim()).to.equal('Details');
    await expect(el).to.be.accessible();
  });

  it("shows another member's shelf to a visitor, titled with their name, without the award form", async () => {
    const el = await mount(await backendFor(null), { member: 'luca-meyer' });
    expect(text(el, '#shelf-title')).to.equal('Badges of Luca Meyer');
    expect($$(el, '[part~="badge"]').length).to.equal(1);
    expect($(el, '#award-open')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks an anonymous visitor to sign in for "me", and says when a shelf is empty', async () => {
    const anon = await mount(await backendFor(null));
    expect(text(anon, '[part~="status-empty"]')).to.equal('Sign in to see your badges.');
    const empty = await mount(await backendFor(jonas));
    expect(text(empty, '[part~="status-empty"]')).to.contain('You have no badges yet.');
    await expect(empty).to.be.accessible();
  });

  it('shows a failed load with a retry, and a refusal as no permission', async () => {
    const backend = await backendFor(marie);
    let fail = true;
    const badges = new Proxy(backend.badges, {
      get: (target, key) => (key === 'listAwards' && fail
        ? () => Promise.reject(new BackendError('unavailable', 'down'))
        : Reflect.get(target, key)),
    });
    const flaky = new Proxy(backend, { get: (t, k) => (k === 'badges' ? badges : Reflect.get(t, k)) }) as Backend;
    const el = await mount(flaky);
    expect(text(el, '[part~="status-error"]')).to.contain('The service is not reachable right now');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part~="status-retry"]')!.click();
    await until(() => $$(el, '[part~="badge"]').length === 4, 'loaded after retry');

    const refusing = new Proxy(backend, {
      get: (t, k) => (k === 'badges' ? new Proxy(backend.badges, { get: () => () => Promise.reject(new BackendError('forbidden', 'no')) }) : Reflect.get(t, k)),
    }) as Backend;
    const denied = await mount(refusing);
    expect($(denied, '[part~="status-forbidden"]')).to.not.equal(null);
  });

  it('pages with "show more", keeping what is shown', async () => {
    const members = Array.from({ length: 130 }, (_, i) => ({ id: `m-${i}`, displayName: `Mitglied ${i}`, roles: ['member' as const] }));
    // 130 awards, all on the wall by their recipients' consent.
    const dbName = `bs-test-wall-${Date.now()}`;
    const wallBackend = track(createLocalBackend({ community: 'leerdorf', dbName, identity: { member: sabine } }), dbName);
    await wallBackend.seed({
      ...badgeDataset(), members: [...badgeDataset().members, ...members],
      awards: members.map((m, i) => ({
        id: `wall-${i}`, achievementId: 'dorfputz-held', recipientId: m.id, issuedOn: new Date(Date.now() - i * 60_000).toISOString(), expires: null,
        revoked: false, revocationReason: null, evidence: [], note: '', onWall: true,
      })),
    });
    const el = await mount(wallBackend, { mode: 'wall' });
    expect($$(el, '[part~="wall"] [part~="badge"]').length).to.equal(100);
    expect($(el, '[part~="header"] .muted'), 'no total while more pages wait').to.equal(null);
    $(el, '[part~="more"]')!.click();
    await until(() => $$(el, '[part~="badge"]').length > 100, 'second page');
    expect($$(el, '[part~="badge"]').length).to.equal(130);
    expect(new Set($$(el, '[part~="badge-recipient"]').map((p) => p.textContent)).size, 'nobody twice').to.equal(130);
    expect(text(el, '[part~="header"] .muted')).to.equal('130 badges');
    expect($(el, '[part~="more"]')).to.equal(null);
  });
});

describe('<dorf-badge-shelf>: detail', () => {
  it('opens an accessible dialog with criteria, issuer, evidence and note; Escape closes it and focus returns', async () => {
    const el = await mount(await backendFor(marie));
    const opened: string[] = [];
    el.addEventListener('dorf-badge-open', (e) => opened.push(e.detail.awardId));
    // Keyboard: focus the button and press Enter.
    $(el, '#open-story-award-active')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $<HTMLDialogElement>(el, 'dialog.detail')?.open, 'dialog open');
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog.detail')!;
    expect(opened).to.deep.equal(['story-award-active']);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('detail-title');
    expect(dialog.querySelector('#detail-title')!.textContent).to.equal('Dorfputz-Held:in');
    const facts = Object.fromEntries([...dialog.querySelectorAll('dt')].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.trim()]));
    expect(facts['How it is earned']).to.equal('Teilnahme am Dorfputz, bestätigt von der Ehrenamtskoordination.');
    expect(facts['Description']).to.equal('Hat beim Dorfputz mit angepackt.');
    expect(facts['Issuer']).to.equal('Gemeinde Leerdorf');
    expect(facts['Recipient']).to.equal('Marie Schäfer');
    expect(facts['Issued on']).to.match(/^\w+ \d{1,2}, \d{4}$/);
    expect(facts['Keywords']).to.equal('Ehrenamt and Umwelt');
    expect(dialog.querySelector<HTMLAnchorElement>('.detail__facts a')!.href).to.equal('https://www.leerdorf.example/');
    expect(dialog.querySelector('[part~="evidence"]')!.textContent).to.contain('14 Säcke Müll am Bachufer gesammelt.');
    expect(dialog.querySelector<HTMLAnchorElement>('[part~="evidence"] a')!.href).to.equal('https://www.leerdorf.example/dorfputz');
    expect(dialog.textContent).to.contain('Danke für drei Stunden am Bachufer!');
    expect(focused(el)?.id).to.equal('detail-close');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, 'dialog.detail'), 'dialog closed');
    await until(() => focused(el)?.id === 'open-story-award-active', 'focus back on the opener');
  });

  it('a revoked badge shows the reason, and can be neither exported, printed nor put on the wall', async () => {
    const el = await mount(await backendFor(marie));
    const dialog = await openDetail(el, 'story-award-revoked');
    expect(dialog.querySelector('.revoked-note')!.textContent).to.equal('Revoked: Versehentlich vergeben.');
    expect(dialog.querySelector('#detail-export')).to.equal(null);
    expect(dialog.querySelector('#detail-print')).to.equal(null);
    expect(dialog.querySelector('#consent')).to.equal(null);
    expect(dialog.textContent).to.contain('Revoked badges cannot be exported.');
    expect(dialog.textContent).to.contain('A revoked badge cannot be shown on the wall.');
    await expect(el).to.be.accessible();
    $(el, '#detail-close')!.click();
    await until(() => !$(el, 'dialog.detail'), 'closed');
    expect(focused(el)?.id).to.equal('open-story-award-revoked');
  });
});

describe('<dorf-badge-shelf>: the wall and its consent', () => {
  it('the wall shows only consented badges with the recipients; the recipient toggles consent in the detail', async () => {
    const backend = await backendFor(marie);
    const wall = await mount(backend, { mode: 'wall' });
    expect(text(wall, '#shelf-title')).to.equal('Recognition wall');
    const names = () => $$(wall, '[part~="badge-recipient"]').map((p) => p.textContent);
    expect(names()).to.deep.equal(['Awarded to Luca Meyer', 'Awarded to Elif Yılmaz', 'Awarded to Marie Schäfer']);
    await expect(wall).to.be.accessible();

    const shelf = await mount(backend);
    const consents: [string, boolean][] = [];
    shelf.addEventListener('dorf-badge-consent', (e) => consents.push([e.detail.awardId, e.detail.onWall]));
    const dialog = await openDetail(shelf, 'story-award-until');
    const box = dialog.querySelector<HTMLInputElement>('#consent')!;
    expect(box.checked).to.equal(false);
    expect(dialog.querySelector('label[for="consent"]')!.textContent).to.contain('Show this badge on the recognition wall');
    // Keyboard: Space toggles the checkbox.
    box.focus();
    await sendKeys({ press: 'Space' });
    await until(() => consents.length === 1, 'consent saved');
    expect(consents).to.deep.equal([['story-award-until', true]]);
    expect((await backend.badges.wall({})).items.map((a) => a.id)).to.include('story-award-until');
    await until(() => dialog.querySelector('[part~="notice"]')?.textContent?.includes('is now shown on the recognition wall'), 'notice');
    await until(() => names().includes('Awarded to Marie Schäfer') && names().filter((n) => n === 'Awarded to Marie Schäfer').length === 2, 'wall updated live');
    await expect(shelf).to.be.accessible();
    // And off again.
    dialog.querySelector<HTMLInputElement>('#consent')!.click();
    await until(() => consents.length === 2, 'consent withdrawn');
    expect(consents[1]).to.deep.equal(['story-award-until', false]);
    expect((await backend.badges.wall({})).items.map((a) => a.id)).to.not.include('story-award-until');
  });

  it('nobody else gets the consent switch', async () => {
    const el = await mount(await backendFor(sabine), { mode: 'wall' });
    const dialog = await openDetail(el, 'story-award-elif');
    expect(dialog.querySelector('#consent')).to.equal(null);
  });

  it('a consent change made offline is kept and announced as queued; the checkbox shows what is stored', async () => {
    const backend = await backendFor(marie);
    const badges = new Proxy(backend.badges, {
      get: (target, key) => (key === 'setWallConsent'
        ? () => Promise.reject(new BackendError('queued', 'offline', { queuedId: 'q1' }))
        : Reflect.get(target, key)),
    });
    const el = await mount(new Proxy(backend, { get: (t, k) => (k === 'badges' ? badges : Reflect.get(t, k)) }) as Backend);
    const dialog = await openDetail(el, 'story-award-until');
    dialog.querySelector<HTMLInputElement>('#consent')!.click();
    await until(() => dialog.querySelector('.notice--queued'), 'queued notice');
    expect(dialog.querySelector('.notice--queued')!.textContent).to.contain('Saved on this device');
    expect(dialog.querySelector<HTMLInputElement>('#consent')!.checked).to.equal(false);
    await expect(el).to.be.accessible();
  });
});

describe('<dorf-badge-shelf>: export and certificate', () => {
  let downloads: { name: string; blob: Blob }[] = [];
  const original = URL.createObjectURL;
  const blobs = new Map<string, Blob>();
  const onClick = (e: Event) => {
    const link = e.target as HTMLAnchorElement;
    if (link instanceof HTMLAnchorElement && link.download) {
      e.preventDefault();
      downloads.push({ name: link.download, blob: blobs.get(link.href)! });
    }
  };
  beforeEach(() => {
    downloads = [];
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    };
    document.addEventListener('click', onClick, true);
  });
  afterEach(async () => {
    URL.createObjectURL = original;
    document.removeEventListener('click', onClick, true);
    await emulateMedia({ media: 'screen' });
  });

  it('downloads the award as exactly the Open Badges 3.0 credential of toOpenBadgeCredential', async () => {
    const backend = await backendFor(marie);
    const el = await mount(backend);
    const exported: string[] = [];
    el.addEventListener('dorf-badge-exported', (e) => exported.push(e.detail.awardId));
    const dialog = await openDetail(el, 'story-award-active');
    expect(dialog.querySelector('#detail-export')!.getAttribute('aria-describedby')).to.equal('export-help');
    dialog.querySelector<HTMLButtonElement>('#detail-export')!.click();
    await until(() => downloads.length === 1, 'downloaded');
    expect(downloads[0]!.name).to.match(/^dorfputz-held-in-\d{4}-\d{2}-\d{2}\.json$/);
    expect(downloads[0]!.blob.type).to.equal('application/ld+json');
    const json = JSON.parse(await downloads[0]!.blob.text());
    const award = await backend.badges.getAward('story-award-active');
    expect(json).to.deep.equal(JSON.parse(JSON.stringify(await toOpenBadgeCredential(award, { community: 'leerdorf', noteTitle: 'Note from the moderators' }))));
    expect(json.type).to.deep.equal(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(json.credentialSubject.achievement.name).to.equal('Dorfputz-Held:in');
    expect(exported).to.deep.equal(['story-award-active']);
    await until(() => dialog.querySelector('[part~="notice"]')?.textContent?.includes('was downloaded as an Open Badge'), 'notice');
  });

  it('an expired badge is exported with its validUntil in the past', async () => {
    const backend = await backendFor(marie);
    const el = await mount(backend);
    const dialog = await openDetail(el, 'story-award-expired');
    dialog.querySelector<HTMLButtonElement>('#detail-export')!.click();
    await until(() => downloads.length === 1, 'downloaded');
    const json = JSON.parse(await downloads[0]!.blob.text());
    expect(Date.parse(json.validUntil)).to.be.below(Date.now());
  });

  it('shows a light, printable certificate; on paper only the certificate is printed', async () => {
    const el = await mount(await backendFor(marie), { theme: 'dark' });
    const dialog = await openDetail(el, 'story-award-until');
    dialog.querySelector<HTMLButtonElement>('#detail-print')!.click();
    await until(() => $(el, '[part~="certificate"]'), 'certificate shown');
    await until(() => focused(el)?.id === 'certificate-title', 'focus on the certificate');
    const cert = $(el, '[part~="certificate"]')!;
    const words = cert.textContent!.replace(/\s+/g, ' ');
    expect(words).to.contain('This is to certify that Marie Schäfer has earned the badge Brandschutzhelfer:in');
    expect(words).to.contain('Criteria: Ausbildung bei der Freiwilligen Feuerwehr; gültig drei Jahre.');
    expect(words).to.match(/Issued on \w+ \d{1,2}, \d{4} by Freiwillige Feuerwehr Leerdorf/);
    expect(words).to.match(/Valid until \w+ \d{1,2}, \d{4}/);
    // Light even in the dark theme (axe for this state runs in the Certificate story and below).
    expect(getComputedStyle(cert).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(cert).color).to.equal('rgb(27, 27, 31)');
    // Screen: the shelf is there too. Print: only the certificate.
    expect(getComputedStyle($(el, '[part~="header"]')!).display).to.not.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '[part~="header"]')!).display).to.equal('none');
    expect(getComputedStyle($(el, '[part~="shelf"]')!).display).to.equal('none');
    expect(getComputedStyle($(el, '.certificate-tools')!).display).to.equal('none');
    expect(getComputedStyle(cert).display).to.not.equal('none');
    await emulateMedia({ media: 'screen' });
    $(el, '#certificate-close')!.click();
    await until(() => !$(el, '[part~="certificate"]'), 'certificate closed');
    expect(focused(el)?.id).to.equal('open-story-award-until');
  });

  it('prints nothing special without a certificate: the shelf stays as it is', async () => {
    const el = await mount(await backendFor(marie));
    (await openDetail(el, 'story-award-active')).querySelector<HTMLButtonElement>('#detail-print')!.click();
    await until(() => $(el, '[part~="certificate"]'), 'certificate shown');
    await expect(el).to.be.accessible();
    $(el, '#certificate-close')!.click();
    await until(() => !$(el, '[part~="certificate"]'), 'closed');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '[part~="shelf"]')!).display).to.not.equal('none');
  });
});

describe('<dorf-badge-shelf>: moderators award badges', () => {
  async function openForm(el: DorfBadgeShelf) {
    $(el, '#award-open')!.click();
    await until(() => $(el, '#award-form') && $$(el, '#award-achievement option').length > 1, 'form with badges');
    await until(() => $$(el, '[part~="picker-item"]').length > 0, 'members listed');
    await el.updateComplete;
  }

  it('awards a badge to several members with a note; each gets it; keyboard opens the form', async () => {
    const backend = await backendFor(sabine);
    const el = await mount(backend, { mode: 'wall' });
    expect($(el, '#award-open')!.getAttribute('aria-expanded')).to.equal('false');
    $(el, '#award-open')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '#award-form') && $$(el, '#award-achievement option').length > 1, 'form open');
    await until(() => focused(el)?.id === 'award-achievement', 'focus on the first field');
    expect($(el, '#award-open')!.getAttribute('aria-expanded')).to.equal('true');
    await until(() => $$(el, '[part~="picker-item"]').length > 0, 'members listed');
    await expect(el).to.be.accessible();

    const awarded: { achievementId: string; awardIds: string[] }[] = [];
    el.addEventListener('dorf-badge-awarded', (e) => awarded.push(e.detail));
    type(el, 'award-achievement', 'smartphone-lotse');
    // Search, then add from the results.
    type(el, 'award-search', 'jonas');
    await until(() => $$(el, '[part~="picker-item"]').length === 1, 'search narrowed');
    $(el, '#pick-jonas-becker')!.click();
    await el.updateComplete;
    await until(() => announcer(el) === 'Jonas Becker added.', 'announced');
    expect($<HTMLButtonElement>(el, '#pick-jonas-becker')!.disabled, 'a chosen member cannot be added twice').to.equal(true);
    type(el, 'award-search', 'elif');
    await until(() => $(el, '#pick-elif-yilmaz'), 'second search');
    $(el, '#pick-elif-yilmaz')!.click();
    await el.updateComplete;
    expect($$(el, '[part~="chip"]').map((c) => c.querySelector('.chip__name')!.textContent)).to.deep.equal(['Jonas Becker', 'Elif Yılmaz']);
    expect(text(el, '#chosen-count')).to.equal('2 people chosen:');
    type(el, 'award-note', 'Danke für die Smartphone-Sprechstunde!');
    type(el, 'award-evidence', 'Zwei Nachmittage im Bürgerhaus geholfen.');
    $(el, '#award-submit')!.click();
    await until(() => awarded.length === 1, 'awarded');
    expect(awarded[0]!.achievementId).to.equal('smartphone-lotse');
    expect(awarded[0]!.awardIds.length).to.equal(2);
    await until(() => $(el, '#award-form-error')?.textContent?.includes('was awarded to 2 people'), 'success notice');
    expect(text(el, '#award-form-error')).to.contain('Jonas Becker and Elif Yılmaz');
    for (const id of ['jonas-becker', 'elif-yilmaz']) {
      const mine = (await backend.badges.listAwards({ member: id })).items.filter((a) => a.achievement.id === 'smartphone-lotse');
      expect(mine.length, id).to.equal(1);
      expect(mine[0]!.note).to.equal('Danke für die Smartphone-Sprechstunde!');
      expect(mine[0]!.evidence).to.deep.equal([{ narrative: 'Zwei Nachmittage im Bürgerhaus geholfen.' }]);
      expect(mine[0]!.onWall, 'not on the wall without the recipient\'s consent').to.equal(false);
    }
    // The form is empty again for the next award.
    expect($<HTMLSelectElement>(el, '#award-achievement')!.value).to.equal('');
    expect($$(el, '[part~="chip"]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says what is wrong at each field and keeps everything typed', async () => {
    const backend = await backendFor(sabine);
    const el = await mount(backend, { mode: 'wall', lang: 'de' });
    await openForm(el);
    type(el, 'award-note', 'Danke für euren Einsatz!');
    type(el, 'award-evidence-url', 'ftp://example.org/fotos');
    type(el, 'award-expires', '2001-01-01');
    $(el, '#award-submit')!.click();
    await until(() => $(el, '#award-achievement-error'), 'errors shown');
    expect(errorOf(el, 'award-achievement')).to.equal('Bitte füllen Sie dieses Feld aus.');
    expect(text(el, '#recipients-error')).to.equal('Bitte wählen Sie mindestens eine Person aus.');
    expect(errorOf(el, 'award-evidence-url')).to.equal('Bitte geben Sie eine Webadresse ein, die mit https:// beginnt.');
    expect(errorOf(el, 'award-expires')).to.equal('Das Datum muss in der Zukunft liegen.');
    expect(text(el, '#award-form-error')).to.equal('Bitte prüfen Sie die markierten Felder.');
    // Focus on the first invalid field; the search field carries the recipients' message.
    await until(() => focused(el)?.id === 'award-achievement', 'focus on the first invalid field');
    expect($(el, '#award-achievement')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#award-search')!.getAttribute('aria-describedby')).to.contain('recipients-error');
    // Nothing typed is lost.
    expect($<HTMLTextAreaElement>(el, '#award-note')!.value).to.equal('Danke für euren Einsatz!');
    expect($<HTMLInputElement>(el, '#award-evidence-url')!.value).to.equal('ftp://example.org/fotos');
    expect($<HTMLInputElement>(el, '#award-expires')!.value).to.equal('2001-01-01');
    expect((await backend.badges.listAwards({ member: 'jonas-becker' })).items.length, 'nothing awarded').to.equal(0);
    await expect(el).to.be.accessible();
    // Fix it: choosing a person clears the recipients' message; then it goes through.
    type(el, 'award-achievement', 'dorfputz-held');
    $(el, '#pick-jonas-becker')!.click();
    await el.updateComplete;
    expect($(el, '#recipients-error')).to.equal(null);
    type(el, 'award-evidence-url', 'https://example.org/fotos');
    type(el, 'award-expires', '');
    $(el, '#award-submit')!.click();
    await until(() => $(el, '#award-form-error')?.textContent?.includes('wurde an Jonas Becker verliehen'), 'awarded');
    const [award] = (await backend.badges.listAwards({ member: 'jonas-becker' })).items;
    expect(award!.note).to.equal('Danke für euren Einsatz!');
    expect(award!.evidence).to.deep.equal([{ url: 'https://example.org/fotos' }]);
  });

  it("shows the backend's field issue at the recipients, and keeps the draft when the service fails", async () => {
    const backend = await backendFor(sabine);
    let mode: 'unknown' | 'down' | 'real' = 'unknown';
    const badges = new Proxy(backend.badges, {
      get: (target, key) => (key === 'award' && mode !== 'real'
        ? () => Promise.reject(mode === 'unknown'
          ? BackendError.invalid([{ path: 'recipientIds.0', code: 'badges.unknownRecipient' }])
          : new BackendError('unavailable', 'down'))
        : Reflect.get(target, key)),
    });
    const el = await mount(new Proxy(backend, { get: (t, k) => (k === 'badges' ? badges : Reflect.get(t, k)) }) as Backend, { mode: 'wall' });
    await openForm(el);
    type(el, 'award-achievement', 'dorfputz-held');
    $(el, '#pick-jonas-becker')!.click();
    type(el, 'award-note', 'Bleibt stehen');
    await el.updateComplete;
    $(el, '#award-submit')!.click();
    await until(() => $(el, '#recipients-error'), 'recipient issue');
    expect(text(el, '#recipients-error')).to.equal('This person is not a member of the community.');
    mode = 'down';
    $(el, '#award-submit')!.click();
    await until(() => text(el, '#award-form-error').includes('not reachable'), 'service error');
    expect($<HTMLTextAreaElement>(el, '#award-note')!.value).to.equal('Bleibt stehen');
    expect($$(el, '[part~="chip"]').length).to.equal(1);
    mode = 'real';
    $(el, '#award-submit')!.click();
    await until(() => text(el, '#award-form-error').includes('was awarded to Jonas Becker'), 'awarded at last');
  });

  it('removing a chosen member by keyboard keeps focus in the list', async () => {
    const el = await mount(await backendFor(sabine), { mode: 'wall' });
    await openForm(el);
    $(el, '#pick-jonas-becker')!.click();
    $(el, '#pick-luca-meyer')!.click();
    await el.updateComplete;
    $(el, '#remove-jonas-becker')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '#remove-jonas-becker'), 'removed');
    await until(() => focused(el)?.id === 'remove-luca-meyer', 'focus on the next chip');
    await until(() => announcer(el) === 'Jonas Becker removed.', 'announced');
  });

  it('plain members see no award form', async () => {
    const el = await mount(await backendFor(marie), { mode: 'wall' });
    expect($(el, '#award-open')).to.equal(null);
  });
});
