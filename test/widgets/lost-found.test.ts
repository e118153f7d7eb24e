import { expect, fixture, html } from '@open-wc/testing';
import { openDB } from 'idb';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/lost-found/dorf-lost-found.js';
import type { DorfLostFound } from '../../src/widgets/lost-found/lost-found.element.js';
import type { LostFoundUi } from '../../src/widgets/lost-found/lost-found-ui.js';
import { draftToInput, emptyReport, reportFieldOf } from '../../src/widgets/lost-found/lost-found-ui.js';
import type { DorfProvider } from '../../src/core/provider.element.js';
import { createLocalBackend, type LocalBackend } from '../../src/data/adapters/local/index.js';
import type { Backend, LostFoundApi } from '../../src/data/backend.js';
import { calendarDayOf } from '../../src/data/rules/zoned.js';
import { EXPIRY_DAYS, type Dataset, type Member } from '../../src/data/schema/index.js';
import { municipalitySample } from '../../src/data/sample/index.js';
import { track, until } from '../lib/backends.js';
import { containsAscii, exifGpsJpeg, EXIF_MARKERS, FIXTURE_SIZE, jpegMarkers } from '../fixtures/lost-found/exif-jpeg.js';

const TZ = 'Europe/Berlin';
const COMMUNITY = 'testdorf';
const DAY = 24 * 60 * 60 * 1000;

const admin: Member = { id: 'admin', displayName: 'Rita Rathaus', roles: ['member', 'moderator', 'admin'] };

/** The reporters' contacts in the seeded items: none of it may ever reach a visitor's screen. */
const SECRET = { name: 'Petra Privat', email: 'petra.privat@example.org', phone: '+49 170 5550000', proof: 'Ein kleiner Leuchtturm aus Metall' };

let counter = 0;
/** A clock every test may move: the backend's and the widget's. */
let now = new Date();

function seedItem(spec: { id: string; type: 'lost' | 'found'; category: string; title: string; place: string; daysAgo: number; description?: string; proof?: boolean }) {
  const date = calendarDayOf(now.getTime() - spec.daysAgo * DAY, TZ);
  const createdAt = new Date(now.getTime() - spec.daysAgo * DAY).toISOString();
  return {
    id: spec.id, type: spec.type, category: spec.category, title: spec.title, description: spec.description ?? '', place: spec.place, point: null, date,
    animal: null, photo: null, contact: { name: SECRET.name, email: SECRET.email, phone: SECRET.phone },
    ...(spec.proof && { proofDetail: SECRET.proof }),
    status: 'open', createdAt, expiresAt: new Date(Date.parse(createdAt) + EXPIRY_DAYS[spec.type] * DAY).toISOString(),
    manageToken: `manage-token-${spec.id}`.padEnd(24, '0'),
  };
}

function dataset(): Dataset {
  return {
    community: { id: COMMUNITY, name: 'Testdorf', timeZone: TZ, locale: 'de' },
    members: [admin], groups: [], posts: [], resources: [], bookings: [],
    items: [
      seedItem({ id: 'keys-found', type: 'found', category: 'keys', title: 'Schlüsselbund mit rotem Anhänger', place: 'Bäckerei, Hauptstraße', daysAgo: 1, proof: true }),
      seedItem({ id: 'keys-lost', type: 'lost', category: 'keys', title: 'Schlüsselbund verloren, roter Anhänger', place: 'Hauptstraße', daysAgo: 2 }),
      seedItem({ id: 'wallet-found', type: 'found', category: 'wallet', title: 'Braune Geldbörse', place: 'Bushaltestelle Bahnhof', daysAgo: 3 }),
      seedItem({ id: 'bike-lost', type: 'lost', category: 'bicycle', title: 'Blaues Damenrad', place: 'Sportplatz', daysAgo: 20 }),
      seedItem({ id: 'cap-found', type: 'found', category: 'clothing', title: 'Rote Mütze', place: 'Bahnhof Gleis 2', daysAgo: 5 }),
    ],
    paths: [], checkIns: [], achievements: [], awards: [],
  } as Dataset;
}

async function backendFor(member: Member | null, data: Dataset = dataset(), dbName = `lf-test-${Date.now()}-${++counter}`): Promise<LocalBackend> {
  const backend = createLocalBackend({ community: data.community.id, dbName, identity: { member }, now: () => now, timeZone: TZ });
  track(backend, dbName);
  await backend.seed(data);
  return backend;
}

/** `backend` with some lost & found methods replaced (the adapter's domains are lazy proxies). */
function withLostFound(backend: Backend, methods: Partial<LostFoundApi>): Backend {
  const lostFound = new Proxy(backend.lostFound, { get: (t, k) => (k in methods ? methods[k as keyof LostFoundApi] : Reflect.get(t, k)) });
  return new Proxy(backend, { get: (t, k) => (k === 'lostFound' ? lostFound : Reflect.get(t, k)) });
}

beforeEach(() => {
  now = new Date();
});

afterEach(async () => {
  history.replaceState(null, '', location.pathname + location.search);
  await emulateMedia({ media: 'screen' });
});

interface MountOptions { lang?: string; type?: string; category?: string; item?: string; token?: string; pageSize?: number }

async function mount(backend: Backend, o: MountOptions = {}) {
  const provider = await fixture<DorfProvider>(html`
    <dorf-provider .adapter=${backend} .community=${backend.community} lang=${o.lang ?? 'de'} time-zone=${TZ}>
      <dorf-lost-found type=${o.type ?? ''} category=${o.category ?? ''} item=${o.item ?? ''} manage-token=${o.token ?? ''}
        page-size=${o.pageSize ?? 12} link-base="https://testdorf.example/fundsachen"></dorf-lost-found>
    </dorf-provider>
  `);
  const el = provider.querySelector('dorf-lost-found') as DorfLostFound;
  el.clock = () => now;
  await until(() => el.shadowRoot?.querySelector('[part~="list"], [part~="status-empty"], [part~="detail"], [part~="status-error"]'), 'board loaded');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const titles = (el: Element) => $$(el, '[part~="card-title"]').map((h) => h.textContent!.trim());
const errorOf = (el: Element, id: string) => $(el, `#${id}-error`)?.textContent?.trim() ?? '';
const announcer = (el: Element) => $(el, '[part="announcer"]')!.textContent ?? '';
const ui = (el: DorfLostFound) => (el as unknown as { ui: LostFoundUi }).ui;
const button = (el: Element, label: string | RegExp) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => (typeof label === 'string' ? b.textContent!.trim() === label : label.test(b.textContent!)))!;

function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }));
}

function change(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function chooseFile(el: DorfLostFound, file: File) {
  const input = $<HTMLInputElement>(el, '#lf-photo')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await until(() => !ui(el).preparingPhoto && (ui(el).draft.photo || ui(el).errors.has('photo')), 'photo handled');
  await el.updateComplete;
}

async function settle(el: DorfLostFound) {
  await el.updateComplete;
  await until(() => !el.loading, 'list reloaded');
  await el.updateComplete;
}

async function openReport(el: DorfLostFound) {
  $<HTMLButtonElement>(el, '#lf-report-open')!.click();
  await el.updateComplete;
  await until(() => $(el, '#lf-form'), 'form open');
}

async function submitForm(el: DorfLostFound) {
  $<HTMLButtonElement>(el, '#lf-submit')!.click();
  await until(() => !ui(el).sending && (ui(el).receipt || ui(el).formNotice), 'form handled');
  await el.updateComplete;
}

async function openItem(el: DorfLostFound, id: string) {
  $<HTMLButtonElement>(el, `[part~="list"] [data-item="${id}"]`)!.click();
  await until(() => $(el, '#lf-detail-title'), 'item page');
  await until(() => $(el, '[part~="matches"] ul, [part~="matches"] .muted'), 'matches');
  await el.updateComplete;
}

describe('<dorf-lost-found>', () => {
  describe('the board', () => {
    it('shows open reports newest first, in German, and no reporter contact anywhere', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend);
      expect(titles(el)).to.deep.equal([
        'Schlüsselbund mit rotem Anhänger', 'Schlüsselbund verloren, roter Anhänger', 'Braune Geldbörse', 'Rote Mütze', 'Blaues Damenrad',
      ]);
      expect($(el, 'h2')!.textContent).to.equal('Gesucht – Gefunden');
      expect($(el, '[part~="results"]')!.textContent).to.equal('5 Meldungen angezeigt.');
      expect($$(el, '[part~="card-lost"]')).to.have.length(2);
      const dom = el.shadowRoot!.innerHTML;
      for (const secret of Object.values(SECRET)) expect(dom).not.to.contain(secret);
      await expect(el).to.be.accessible();
    });

    it('filters by lost/found, category, date range and place, searches full text, and resets', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend);
      change(el, 'lf-type', 'found');
      await settle(el);
      expect(titles(el)).to.deep.equal(['Schlüsselbund mit rotem Anhänger', 'Braune Geldbörse', 'Rote Mütze']);
      change(el, 'lf-category', 'wallet');
      await settle(el);
      expect(titles(el)).to.deep.equal(['Braune Geldbörse']);
      await until(() => announcer(el) === '1 Meldung angezeigt.', 'result announced');

      $<HTMLButtonElement>(el, '[part~="filter-reset"]')!.click();
      await settle(el);
      expect(titles(el)).to.have.length(5);
      expect($<HTMLSelectElement>(el, '#lf-type')!.value).to.equal('');

      // Date range: the last four days only.
      change(el, 'lf-from', calendarDayOf(now.getTime() - 4 * DAY, TZ));
      await settle(el);
      expect(titles(el)).to.deep.equal(['Schlüsselbund mit rotem Anhänger', 'Schlüsselbund verloren, roter Anhänger', 'Braune Geldbörse']);
      change(el, 'lf-to', calendarDayOf(now.getTime() - 2 * DAY, TZ));
      await settle(el);
      expect(titles(el)).to.deep.equal(['Schlüsselbund verloren, roter Anhänger', 'Braune Geldbörse']);
      $<HTMLButtonElement>(el, '[part~="filter-reset"]')!.click();
      await settle(el);

      // Place text: applied with the search button (Enter in the form).
      type(el, 'lf-place', 'bahnhof');
      $<HTMLButtonElement>(el, '[part~="filter-apply"]')!.click();
      await settle(el);
      expect(titles(el)).to.deep.equal(['Braune Geldbörse', 'Rote Mütze']);
      $<HTMLButtonElement>(el, '[part~="filter-reset"]')!.click();
      await settle(el);

      // Full text over title, description and place; case and umlauts folded.
      type(el, 'lf-q', 'ROTER anhänger');
      $<HTMLButtonElement>(el, '[part~="filter-apply"]')!.click();
      await settle(el);
      expect(titles(el)).to.deep.equal(['Schlüsselbund verloren, roter Anhänger']);
      type(el, 'lf-q', 'Einhorn');
      $<HTMLButtonElement>(el, '[part~="filter-apply"]')!.click();
      await settle(el);
      expect($(el, '[part~="status-empty"]')!.textContent).to.contain('Keine offene Meldung passt dazu');
      expect($<HTMLInputElement>(el, '#lf-q')!.value, 'the search text stays').to.equal('Einhorn');
      await expect(el).to.be.accessible();
    });

    it('pages from the backend: "show more" appends the next page and moves focus to it', async () => {
      const local = await backendFor(null);
      const calls: unknown[] = [];
      const backend = withLostFound(local, { list: (q) => (calls.push(q), local.lostFound.list(q)) });
      const el = await mount(backend, { pageSize: 2 });
      expect(titles(el)).to.have.length(2);
      expect($(el, '[part~="results"]')!.textContent).to.contain('weitere vorhanden');
      $<HTMLButtonElement>(el, '[part~="more"]')!.click();
      await until(() => titles(el).length === 4, 'second page');
      await el.updateComplete;
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset['item']).to.equal('wallet-found');
      $<HTMLButtonElement>(el, '[part~="more"]')!.click();
      await until(() => titles(el).length === 5, 'third page');
      await el.updateComplete;
      expect($(el, '[part~="more"]')).to.equal(null);
      expect(calls.every((q) => (q as { limit: number }).limit === 2), 'the backend pages, 2 at a time').to.equal(true);
      expect(calls.filter((q) => (q as { cursor?: string }).cursor)).to.have.length(2);
    });

    it('shows a report made elsewhere (another tab, another visitor) without a reload', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend);
      await backend.lostFound.report({
        id: 'glasses-found', type: 'found', category: 'other', title: 'Lesebrille im Wartehäuschen', description: '', place: 'Bushaltestelle Schule',
        point: null, date: calendarDayOf(now, TZ), animal: null, photo: null, contact: { name: SECRET.name, email: SECRET.email },
      });
      await until(() => titles(el)[0] === 'Lesebrille im Wartehäuschen', 'live change shown');
      expect(el.shadowRoot!.innerHTML).not.to.contain(SECRET.email);
    });

    it('takes its first filters from the attributes', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend, { type: 'lost', category: 'keys', lang: 'en' });
      expect(titles(el)).to.deep.equal(['Schlüsselbund verloren, roter Anhänger']);
      expect($(el, 'h2')!.textContent).to.equal('Lost and found');
      const unknown = await mount(backend, { category: 'spaceship' });
      expect(titles(unknown), 'an unknown category is ignored').to.have.length(5);
    });
  });

  describe('reporting', () => {
    it('reports a found item with a photo: downscaled, EXIF GPS and every other metadata gone from the stored bytes', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend);
      const reported: unknown[] = [];
      el.addEventListener('dorf-item-reported', (e) => reported.push(e.detail));
      const photo = await exifGpsJpeg();
      // The fixture really carries what must go.
      const original = new Uint8Array(await photo.arrayBuffer());
      expect(jpegMarkers(original)).to.include(0xe1);
      expect(containsAscii(original, 'Exif')).to.equal(true);
      for (const text of Object.values(EXIF_MARKERS)) expect(containsAscii(original, text)).to.equal(true);
      const decoded = await createImageBitmap(photo);
      expect([decoded.width, decoded.height]).to.deep.equal([FIXTURE_SIZE.width, FIXTURE_SIZE.height]);

      await openReport(el);
      $<HTMLInputElement>(el, '#lf-type-found')!.click();
      change(el, 'lf-category-input', 'keys');
      type(el, 'lf-title', 'Autoschlüssel mit rotem Anhänger');
      type(el, 'lf-description', 'VW-Schlüssel, lag im Gras.');
      type(el, 'lf-place-input', 'Spielplatz am Lindenweg');
      type(el, 'lf-date', calendarDayOf(now, TZ));
      await el.updateComplete;
      type(el, 'lf-proof', 'Was hängt außer dem Anhänger noch am Bund?');
      type(el, 'lf-name', 'Frank Finder');
      type(el, 'lf-email', 'frank.finder@example.org');
      await chooseFile(el, photo);
      expect($(el, '[part~="photo-preview"]')).to.exist;
      await submitForm(el);

      const receipt = ui(el).receipt!;
      expect(receipt, ui(el).formNotice?.text).to.exist;
      expect(reported).to.deep.equal([{ itemId: receipt.item.id, type: 'found' }]);
      expect($(el, '[part~="token"]')!.textContent).to.equal(`https://testdorf.example/fundsachen#dorf-lost-found=${receipt.manageToken}`);
      const ref = (await backend.lostFound.get(receipt.item.id)).photo!;
      expect(ref.type).to.equal('image/jpeg');
      expect(Math.max(ref.width!, ref.height!)).to.equal(1280);
      const stored = new Uint8Array(await (await fetch(ref.url)).arrayBuffer());
      expect([stored[0], stored[1]]).to.deep.equal([0xff, 0xd8]);
      expect(jpegMarkers(stored), 'no APP1 (EXIF/XMP) and no comment segment').not.to.include.members([0xe1]);
      expect(jpegMarkers(stored)).not.to.include(0xfe);
      expect(containsAscii(stored, 'Exif')).to.equal(false);
      for (const text of Object.values(EXIF_MARKERS)) expect(containsAscii(stored, text), text).to.equal(false);
      expect(stored.length).to.be.below(original.length);
      const bitmap = await createImageBitmap(new Blob([stored], { type: 'image/jpeg' }));
      expect([bitmap.width, bitmap.height]).to.deep.equal([1280, 960]);

      await until(() => $(el, '[part~="matches"]'), 'suggestions after reporting');
      await until(() => $(el, '[part~="match"]'), 'a matching lost report');
      expect($(el, '[part~="match"]')!.textContent).to.contain('Schlüsselbund verloren, roter Anhänger');
      expect($(el, '#lf-matches-title')!.textContent).to.contain('Wird das hier gesucht?');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part~="receipt"] [part~="back"]')!.click();
      await settle(el);
      expect(titles(el)[0]).to.equal('Autoschlüssel mit rotem Anhänger');
      expect(el.shadowRoot!.innerHTML).not.to.contain('frank.finder@example.org');
    });

    it('reports a lost animal with a valid microchip and suggests found animals: "Könnte das Ihr Fund sein?"', async () => {
      const data = dataset();
      data.items.push({ ...seedItem({ id: 'cat-found', type: 'found', category: 'animal', title: 'Graue Katze zugelaufen', place: 'Lindenweg', daysAgo: 1 }),
        animal: { species: 'Katze', colour: 'grau getigert', marks: 'weiße Pfoten' } } as Dataset['items'][number]);
      const backend = await backendFor(null, data);
      const el = await mount(backend);
      await openReport(el);
      change(el, 'lf-category-input', 'animal');
      await el.updateComplete;
      type(el, 'lf-title', 'Katze Minka vermisst');
      type(el, 'lf-place-input', 'Lindenweg');
      type(el, 'lf-date', calendarDayOf(now.getTime() - DAY, TZ));
      type(el, 'lf-species', 'Katze');
      type(el, 'lf-colour', 'grau getigert');
      type(el, 'lf-marks', 'weiße Pfoten, rotes Halsband');
      type(el, 'lf-microchip', '276 098 106 543 217');
      type(el, 'lf-name', 'Elif Yılmaz');
      type(el, 'lf-email', 'elif@example.org');
      await submitForm(el);
      const receipt = ui(el).receipt!;
      expect(receipt).to.exist;
      const own = await backend.lostFound.getOwn(receipt.manageToken);
      expect(own.item.animal).to.deep.equal({ species: 'Katze', colour: 'grau getigert', marks: 'weiße Pfoten, rotes Halsband', microchip: '276098106543217' });
      await until(() => $(el, '[part~="match"]'), 'suggestion');
      expect($(el, '#lf-matches-title')!.textContent).to.contain('Könnte das Ihr Fund sein?');
      expect($(el, '[part~="match"]')!.textContent).to.contain('Graue Katze zugelaufen');
    });

    it('bad input gets field messages and nothing typed is lost: no category, invalid microchip, date in the future', async () => {
      const local = await backendFor(null);
      let sent = 0;
      const backend = withLostFound(local, { report: (input) => (sent++, local.lostFound.report(input)) });
      const el = await mount(backend);
      await openReport(el);
      type(el, 'lf-title', 'Hund entlaufen');
      type(el, 'lf-description', 'Kleiner brauner Mischling.');
      type(el, 'lf-place-input', 'Waldweg');
      type(el, 'lf-date', calendarDayOf(now.getTime() + 2 * DAY, TZ));
      type(el, 'lf-name', 'Lena Läufer');
      type(el, 'lf-email', 'lena@example.org');
      await submitForm(el);
      expect(errorOf(el, 'lf-category-input')).to.equal('Bitte wählen Sie eine Kategorie.');
      expect(errorOf(el, 'lf-date')).to.equal('Das Datum darf nicht in der Zukunft liegen.');
      expect($(el, '[part~="notice"]')!.textContent).to.equal('Bitte prüfen Sie die markierten Felder.');
      expect(el.shadowRoot!.activeElement?.id, 'focus on the first invalid field').to.equal('lf-category-input');
      expect(sent).to.equal(0);

      change(el, 'lf-category-input', 'animal');
      await el.updateComplete;
      type(el, 'lf-date', calendarDayOf(now, TZ));
      type(el, 'lf-species', 'Hund');
      type(el, 'lf-microchip', '12345');
      await submitForm(el);
      expect(errorOf(el, 'lf-microchip')).to.contain('15 Ziffern');
      expect(errorOf(el, 'lf-category-input')).to.equal('');
      expect(el.shadowRoot!.activeElement?.id).to.equal('lf-microchip');
      // Everything typed is still there.
      const values = Object.fromEntries(['lf-title', 'lf-description', 'lf-place-input', 'lf-name', 'lf-email', 'lf-species', 'lf-microchip']
        .map((id) => [id, $<HTMLInputElement>(el, `#${id}`)!.value]));
      expect(values).to.deep.equal({
        'lf-title': 'Hund entlaufen', 'lf-description': 'Kleiner brauner Mischling.', 'lf-place-input': 'Waldweg', 'lf-name': 'Lena Läufer',
        'lf-email': 'lena@example.org', 'lf-species': 'Hund', 'lf-microchip': '12345',
      });
      await expect(el).to.be.accessible();
      type(el, 'lf-microchip', '999000000000001');
      await submitForm(el);
      expect(errorOf(el, 'lf-microchip'), 'prefix 999 is reserved').to.contain('15 Ziffern');
      type(el, 'lf-microchip', '276098100012345');
      await submitForm(el);
      expect(ui(el).receipt).to.exist;
      expect(sent).to.equal(1);
    });

    it('a photo that is not an image or too large gets a message at the photo field; the rest stays', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend, { lang: 'en' });
      await openReport(el);
      type(el, 'lf-title', 'Blue umbrella');
      await chooseFile(el, new File(['just some notes'], 'notes.txt', { type: 'text/plain' }));
      expect(errorOf(el, 'lf-photo')).to.equal('This file type is not supported.');
      expect(el.shadowRoot!.activeElement?.id).to.equal('lf-photo');
      await chooseFile(el, new File([new Uint8Array(21 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' }));
      expect(errorOf(el, 'lf-photo')).to.match(/^The file is too large \(at most 2\d(\.\d)? MB\)\.$/);
      await chooseFile(el, new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'broken.jpg', { type: 'image/jpeg' }));
      expect(errorOf(el, 'lf-photo')).to.contain('cannot be read');
      expect(ui(el).draft.photo).to.equal(null);
      expect($<HTMLInputElement>(el, '#lf-title')!.value).to.equal('Blue umbrella');
      await expect(el).to.be.accessible();
    });

    it('keeps a report written offline in the outbox and says so', async () => {
      const { BackendError } = await import('../../src/data/backend.js');
      const backend = withLostFound(await backendFor(null), { report: () => Promise.reject(new BackendError('queued', 'offline', { queuedId: 'q1' })) });
      const el = await mount(backend);
      await openReport(el);
      change(el, 'lf-category-input', 'bag');
      type(el, 'lf-title', 'Sporttasche');
      type(el, 'lf-place-input', 'Turnhalle');
      type(el, 'lf-date', calendarDayOf(now, TZ));
      type(el, 'lf-name', 'Ole');
      type(el, 'lf-email', 'ole@example.org');
      await submitForm(el);
      expect($(el, '.notice--queued')!.textContent).to.contain('Auf diesem Gerät gespeichert');
      expect($<HTMLInputElement>(el, '#lf-title')!.value).to.equal('Sporttasche');
    });
  });

  describe('an item and the contact relay', () => {
    it('relays a message without any contact in the DOM or in public reads; the reporter reads it with the private link', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend);
      const contacted: unknown[] = [];
      el.addEventListener('dorf-item-contacted', (e) => contacted.push(e.detail));
      await openItem(el, 'keys-found');
      expect($(el, '#lf-detail-title')!.textContent).to.equal('Schlüsselbund mit rotem Anhänger');
      expect($(el, '[part~="detail"]')!.textContent).to.contain('Frage');
      $<HTMLButtonElement>(el, '#lf-contact-send')!.click();
      await until(() => errorOf(el, 'lf-contact-message'), 'field messages');
      expect(errorOf(el, 'lf-contact-message')).to.equal('Bitte füllen Sie dieses Feld aus.');
      expect(errorOf(el, 'lf-contact-replyTo')).to.contain('E-Mail-Adresse');
      expect(el.shadowRoot!.activeElement?.id, 'focus on the first invalid field').to.equal('lf-contact-name');
      type(el, 'lf-contact-name', 'Olga Owner');
      type(el, 'lf-contact-replyTo', 'olga.owner@example.org');
      type(el, 'lf-contact-message', 'Das ist meiner! Am Bund hängt ein Leuchtturm.');
      $<HTMLButtonElement>(el, '#lf-contact-send')!.click();
      await until(() => $(el, '[part~="contact"] .notice--status'), 'sent');
      expect($(el, '[part~="contact"] .notice--status')!.textContent).to.equal('Ihre Nachricht wurde weitergeleitet.');
      expect($<HTMLTextAreaElement>(el, '#lf-contact-message')!.value).to.equal('');
      expect(contacted).to.deep.equal([{ itemId: 'keys-found' }]);
      await expect(el).to.be.accessible();

      const dom = el.shadowRoot!.innerHTML;
      for (const secret of Object.values(SECRET)) expect(dom).not.to.contain(secret);
      const publicReads = JSON.stringify([
        await backend.lostFound.list({}), await backend.lostFound.get('keys-found'), await backend.lostFound.matches('keys-lost'),
      ]);
      for (const secret of Object.values(SECRET)) expect(publicReads).not.to.contain(secret);
      expect(publicReads).not.to.contain('olga.owner@example.org');

      // The reporter's private link shows the relayed message with the reply address.
      const reporter = await mount(backend, { token: 'manage-token-keys-found'.padEnd(24, '0') });
      await until(() => $(reporter, '[part~="message"]'), 'message shown');
      expect($(reporter, '[part~="message"]')!.textContent).to.contain('olga.owner@example.org');
      expect($(reporter, '[part~="message"]')!.textContent).to.contain('Leuchtturm');
      expect($(reporter, '[part~="manage"]')!.textContent).to.contain(SECRET.proof);
      await expect(reporter).to.be.accessible();
    });

    it('opens an item from its short link (#dorf-item=…) and goes back to the board by keyboard', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend);
      // Keyboard: to the card's button, Enter opens the page, focus lands on its heading.
      const opener = $<HTMLButtonElement>(el, '[part~="list"] [data-item="wallet-found"]')!;
      opener.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.activeElement?.id === 'lf-detail-title', 'focus on the item heading');
      expect(el.item).to.equal('wallet-found');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('back');
      await sendKeys({ press: 'Enter' });
      await until(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['item'] === 'wallet-found', 'focus back on the card');
      expect(el.item).to.equal('');

      location.hash = '#dorf-item=bike-lost';
      await until(() => $(el, '#lf-detail-title')?.textContent === 'Blaues Damenrad', 'short link opened');
    });

    it('prints a flyer: photo, tear-off strips with the short link, no personal data, and a print stylesheet', async () => {
      const backend = await backendFor(null);
      const photo = await exifGpsJpeg();
      const { prepareImage } = await import('../../src/core/media/image.js');
      const image = await prepareImage(photo, { maxEdge: 800 });
      await backend.files.upload({ id: 'photo-cap', name: 'cap.jpg', blob: image.blob, width: image.width, height: image.height });
      const receipt = await backend.lostFound.report({
        id: 'cap-lost', type: 'lost', category: 'clothing', title: 'Grüne Strickmütze verloren', description: 'Selbst gestrickt.', place: 'Schulhof',
        point: null, date: calendarDayOf(now, TZ), animal: null, photo: 'photo-cap', contact: { name: SECRET.name, email: SECRET.email },
      });
      const el = await mount(backend, { item: receipt.item.id });
      await until(() => $(el, '[part~="detail"] [part~="print"]'), 'detail');
      let printed = 0;
      ui(el).print = () => printed++;
      $<HTMLButtonElement>(el, '[part~="detail"] [part~="print"]')!.click();
      await until(() => $(el, '[part~="flyer"]'), 'flyer');
      await el.updateComplete;
      const flyer = $(el, '[part~="flyer"]')!;
      const link = 'https://testdorf.example/fundsachen#dorf-item=cap-lost';
      expect(flyer.textContent).to.contain('Vermisst');
      expect(flyer.textContent).to.contain('Grüne Strickmütze verloren');
      expect($(el, '[part~="flyer-photo"]')).to.exist;
      const strips = $$(el, '[part~="strip"]');
      expect(strips).to.have.length(8);
      for (const strip of strips) expect(strip.textContent).to.contain(link);
      for (const secret of [SECRET.name, SECRET.email]) expect(el.shadowRoot!.innerHTML).not.to.contain(secret);
      expect(el.shadowRoot!.activeElement?.id).to.equal('lf-print');
      await sendKeys({ press: 'Enter' });
      expect(printed).to.equal(1);
      await expect(el).to.be.accessible();

      el.theme = 'dark';
      await el.updateComplete;
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle($(el, '.no-print')!).display).to.equal('none');
      expect(getComputedStyle(el).colorScheme, 'paper is light').to.equal('light');
      expect(getComputedStyle(flyer).display).not.to.equal('none');
      expect(getComputedStyle($(el, '[part="announcer"]')!).display).to.equal('none');
      await emulateMedia({ media: 'screen' });
      expect(getComputedStyle($(el, '.no-print')!).display).not.to.equal('none');
    });
  });

  describe('the reporter and the lifecycle', () => {
    it('edits and marks as returned ("Zurückgegeben") with the private link from the address; the item leaves the board', async () => {
      const backend = await backendFor(null);
      location.hash = `#dorf-lost-found=${'manage-token-wallet-found'.padEnd(24, '0')}`;
      const el = await mount(backend);
      const closed: unknown[] = [];
      el.addEventListener('dorf-item-closed', (e) => closed.push(e.detail));
      await until(() => $(el, '#lf-manage-title'), 'manage view');
      expect($(el, '[part~="manage-status"]')!.textContent).to.equal('Status: Offen');
      ($(el, '[part~="edit"]') as HTMLDetailsElement).open = true;
      type(el, 'lf-edit-date', calendarDayOf(now.getTime() + 3 * DAY, TZ));
      type(el, 'lf-edit-title', '');
      $<HTMLButtonElement>(el, '[part~="save"]')!.click();
      await until(() => errorOf(el, 'lf-edit-date'), 'edit errors');
      expect(errorOf(el, 'lf-edit-date')).to.equal('Das Datum darf nicht in der Zukunft liegen.');
      expect(errorOf(el, 'lf-edit-title')).not.to.equal('');
      type(el, 'lf-edit-title', 'Braune Lederbörse');
      type(el, 'lf-edit-date', calendarDayOf(now.getTime() - 3 * DAY, TZ));
      $<HTMLButtonElement>(el, '[part~="save"]')!.click();
      await until(() => titles(el).includes('Braune Lederbörse'), 'edited on the board');

      button(el, 'Zurückgegeben').click();
      await until(() => $(el, '[part~="manage-status"]')!.textContent === 'Status: Zurückgegeben', 'resolved');
      await until(() => !titles(el).includes('Braune Lederbörse'), 'gone from the board');
      expect(closed).to.deep.equal([{ itemId: 'wallet-found', status: 'resolved' }]);
      expect($(el, '[part~="resolve"]')).to.equal(null);
      await expect(el).to.be.accessible();
      button(el, 'Schließen').click();
      await el.updateComplete;
      expect($(el, '[part~="manage"]')).to.equal(null);
      expect(location.hash).to.equal('');
    });

    it('withdraws a report; an unknown private link says so', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend, { token: 'manage-token-bike-lost'.padEnd(24, '0') });
      await until(() => $(el, '[part~="withdraw"]'), 'manage view');
      $<HTMLButtonElement>(el, '[part~="withdraw"]')!.click();
      await until(() => $(el, '[part~="manage-status"]')!.textContent === 'Status: Zurückgezogen', 'withdrawn');
      await until(() => !titles(el).includes('Blaues Damenrad'), 'gone from the board');

      const other = await mount(backend, { token: 'no-such-token-000000000000' });
      await until(() => $(other, '[part~="manage"] [part~="status-error"]'), 'error');
      expect($(other, '[part~="manage"]')!.textContent).to.contain('nicht (mehr) gültig');
    });

    it('expires items: lost after 3 months, found after 6 months, off the board and shown as expired to the reporter', async () => {
      const backend = await backendFor(null);
      const el = await mount(backend);
      expect(titles(el)).to.have.length(5);
      now = new Date(now.getTime() + (EXPIRY_DAYS.lost + 1) * DAY);
      el.reloadData();
      await settle(el);
      expect(titles(el), 'lost reports expired').to.deep.equal(['Schlüsselbund mit rotem Anhänger', 'Braune Geldbörse', 'Rote Mütze']);
      now = new Date(now.getTime() + (EXPIRY_DAYS.found - EXPIRY_DAYS.lost) * DAY);
      el.reloadData();
      await settle(el);
      expect($(el, '[part~="status-empty"]')).to.exist;
      const reporter = await mount(backend, { token: 'manage-token-keys-lost'.padEnd(24, '0') });
      await until(() => $(reporter, '[part~="manage-status"]'), 'manage');
      expect($(reporter, '[part~="manage-status"]')!.textContent).to.equal('Status: Abgelaufen');
      expect($(reporter, '[part~="resolve"]')).to.equal(null);
    });
  });

  describe('configured expiry', () => {
    it('keeps items on the board as long as the backend is configured to, defaults for the rest', async () => {
      const backend = await backendFor(null);
      const { Core } = await import('../../src/data/adapters/local/core.js');
      const { LocalLostFound } = await import('../../src/data/adapters/local/lost-found.js');
      const core = new Core({ community: COMMUNITY, dbName: backend.dbName, identity: { member: null }, now: () => now, timeZone: TZ });
      try {
        const api = new LocalLostFound(core, { lost: 14 });
        const base = { category: 'bag', description: '', place: 'Turnhalle', point: null, date: calendarDayOf(now, TZ), animal: null, photo: null,
          contact: { name: 'Ole', email: 'ole@example.org' } } as const;
        const lost = await api.report({ ...base, id: 'bag-lost-14', type: 'lost', title: 'Sporttasche' });
        expect(Date.parse(lost.item.expiresAt) - now.getTime()).to.equal(14 * DAY);
        const found = await api.report({ ...base, id: 'bag-found', type: 'found', title: 'Sporttasche gefunden' });
        expect(Date.parse(found.item.expiresAt) - now.getTime()).to.equal(EXPIRY_DAYS.found * DAY);
        now = new Date(now.getTime() + 15 * DAY);
        const ids = (await backend.lostFound.list({ category: 'bag' })).items.map((i) => i.id);
        expect(ids).to.deep.equal(['bag-found']);
        expect(() => new LocalLostFound(core, { lost: 0 })).to.throw();
      } finally {
        core.close();
      }
    });
  });

  describe('moderation', () => {
    it('anyone reports abuse; a moderator hides a report and it leaves the public board', async () => {
      const dbName = `lf-test-mod-${Date.now()}`;
      const visitorBackend = await backendFor(null, dataset(), dbName);
      const visitor = await mount(visitorBackend);
      await openItem(visitor, 'cap-found');
      expect($(visitor, '[part~="hide"]'), 'no moderation for visitors').to.equal(null);
      $<HTMLButtonElement>(visitor, '#lf-abuse-open')!.click();
      await until(() => visitor.shadowRoot!.activeElement?.id === 'lf-abuse-note', 'note focused');
      await sendKeys({ press: 'Escape' });
      await until(() => visitor.shadowRoot!.activeElement?.id === 'lf-abuse-open', 'Escape closes the form, focus back on its button');
      $<HTMLButtonElement>(visitor, '#lf-abuse-open')!.click();
      await until(() => visitor.shadowRoot!.activeElement?.id === 'lf-abuse-note', 'note focused again');
      $<HTMLButtonElement>(visitor, '[part~="abuse"] [part~="submit"]')!.click();
      await until(() => errorOf(visitor, 'lf-abuse-note'), 'note required');
      type(visitor, 'lf-abuse-note', 'Werbung, kein Fund.');
      $<HTMLButtonElement>(visitor, '[part~="abuse"] [part~="submit"]')!.click();
      await until(() => $(visitor, '[part~="abuse"] .notice'), 'abuse sent');
      expect($(visitor, '[part~="abuse"] .notice')!.textContent).to.contain('Danke');
      await expect(visitor).to.be.accessible();

      const adminBackend = createLocalBackend({ community: COMMUNITY, dbName, identity: { member: admin }, now: () => now, timeZone: TZ });
      track(adminBackend, dbName);
      const mod = await mount(adminBackend, { item: 'cap-found' });
      await until(() => $(mod, '[part~="hide"]'), 'moderation');
      const hidden: unknown[] = [];
      mod.addEventListener('dorf-item-hidden', (e) => hidden.push(e.detail));
      $<HTMLButtonElement>(mod, '[part~="hide"]')!.click();
      await until(() => hidden.length === 1, 'hidden');
      expect(hidden).to.deep.equal([{ itemId: 'cap-found', hidden: true }]);
      await until(() => $(mod, '[part~="hide"]')!.textContent!.trim() === 'Meldung wieder anzeigen', 'show again offered');
      await expect(mod).to.be.accessible();
      const list = await visitorBackend.lostFound.list({});
      expect(list.items.map((i) => i.id)).not.to.include('cap-found');
    });
  });

  describe('the coarse map point ("Ungefähre Lage")', () => {
    /** A phone's precise position: none of these digits may be kept, shown or sent. */
    const PRECISE = { latitude: 49.87654321, longitude: 8.65432198 };
    /** The precise digits: four decimals after 49 or 8 come from nothing else in a record (ISO times have three). */
    const PRECISE_TEXT = /49[.,]8765|8[.,]6543/;
    const ROUNDED = { lat: 49.88, lon: 8.65 };
    const geolocation = navigator.geolocation;
    let restore: (() => void) | null = null;

    /** Replaces `getCurrentPosition` on the browser's object for this test (restored after it). */
    function stubPosition(impl: Geolocation['getCurrentPosition']): void {
      const own = Object.getOwnPropertyDescriptor(geolocation, 'getCurrentPosition');
      Object.defineProperty(geolocation, 'getCurrentPosition', { value: impl, configurable: true, writable: true });
      restore = () => {
        if (own) Object.defineProperty(geolocation, 'getCurrentPosition', own);
        else delete (geolocation as Partial<Geolocation>).getCurrentPosition;
      };
    }

    /** The browser answers with `PRECISE`; every call's options are kept. */
    function grant(calls: (PositionOptions | undefined)[] = []) {
      stubPosition((ok, _fail, options) => {
        calls.push(options);
        setTimeout(() => ok({
          coords: { ...PRECISE, accuracy: 6, altitude: null, altitudeAccuracy: null, heading: null, speed: null, toJSON: () => ({}) },
          timestamp: Date.now(), toJSON: () => ({}),
        } as GeolocationPosition), 10);
      });
      return calls;
    }

    /** The browser fails with `code()` (1 denied, 2 unavailable, 3 timeout). */
    function refuse(code: () => number) {
      stubPosition((_ok, fail) => {
        setTimeout(() => fail?.({ code: code(), message: 'stub', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError), 10);
      });
    }

    afterEach(() => {
      restore?.();
      restore = null;
      expect(Object.getOwnPropertyDescriptor(geolocation, 'getCurrentPosition'), 'the browser object is restored').to.equal(undefined);
    });

    it('asks for the position only on the click, keeps it rounded to about 1 km, and sends and stores nothing finer – by keyboard', async () => {
      const calls = grant();
      const local = await backendFor(null);
      const sent: unknown[] = [];
      const backend = withLostFound(local, { report: (input) => (sent.push(input), local.lostFound.report(input)) });
      const el = await mount(backend);
      await openReport(el);
      expect(calls, 'never asked on load or when the form opens').to.have.length(0);
      change(el, 'lf-category-input', 'bicycle');
      type(el, 'lf-title', 'Kinderrad mit Klingel');
      type(el, 'lf-place-input', 'Feldweg hinter dem Sportplatz');
      type(el, 'lf-date', calendarDayOf(now, TZ));
      type(el, 'lf-name', 'Paula Punkt');
      type(el, 'lf-email', 'paula@example.org');
      await el.updateComplete;
      const add = $<HTMLButtonElement>(el, '#lf-point')!;
      expect(add.textContent!.trim()).to.equal('Ungefähre Lage hinzufügen');
      expect($(el, '#lf-point-help')!.textContent).to.equal('Auf etwa 1 km gerundet – Ihre Adresse bleibt privat.');
      expect(add.getAttribute('aria-describedby')).to.equal('lf-point-help');
      expect(calls).to.have.length(0);

      add.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.activeElement?.id === 'lf-point-remove', 'focus on "Entfernen"');
      expect(calls).to.have.length(1);
      expect(calls[0]?.enableHighAccuracy, 'no GPS fix needed for 1 km').to.equal(false);
      expect($(el, '#lf-point-value')!.textContent).to.equal('Ungefähre Lage: 49,88 N, 8,65 O');
      expect($(el, '#lf-point-remove')!.textContent!.trim()).to.equal('Entfernen');
      await until(() => announcer(el) === 'Ungefähre Lage: 49,88 N, 8,65 O', 'the point announced');
      expect(ui(el).draft.point).to.deep.equal(ROUNDED);
      await expect(el).to.be.accessible();

      // "Entfernen", then add it again: by keyboard, focus follows.
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.activeElement?.id === 'lf-point', 'focus back on the add button');
      expect(ui(el).draft.point).to.equal(null);
      expect($(el, '#lf-point-value')).to.equal(null);
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.activeElement?.id === 'lf-point-remove', 'added again');
      expect(calls).to.have.length(2);
      expect($<HTMLInputElement>(el, '#lf-title')!.value, 'nothing typed is touched').to.equal('Kinderrad mit Klingel');
      expect(el.shadowRoot!.innerHTML).not.to.match(PRECISE_TEXT);
      expect(el.shadowRoot!.innerHTML).not.to.match(/49[.,]87\b/);

      await submitForm(el);
      const receipt = ui(el).receipt!;
      expect(receipt, ui(el).formNotice?.text).to.exist;
      expect((sent[0] as { point: unknown }).point, 'rounded on the device, before it is sent').to.deep.equal(ROUNDED);
      expect(JSON.stringify(sent)).not.to.match(PRECISE_TEXT);
      expect((await local.lostFound.get(receipt.item.id)).point).to.deep.equal(ROUNDED);
      expect(JSON.stringify(await local.lostFound.getOwn(receipt.manageToken))).not.to.match(PRECISE_TEXT);
      const db = await openDB(local.dbName);
      const stored = await db.get('items', receipt.item.id);
      db.close();
      expect(stored.point).to.deep.equal(ROUNDED);
      expect(JSON.stringify(stored)).not.to.match(PRECISE_TEXT);
      expect(el.shadowRoot!.innerHTML).not.to.match(PRECISE_TEXT);
      expect(calls, 'asked twice, on the two clicks only').to.have.length(2);
    });

    it('a refused, unavailable, slow or missing position gets a message at the field; everything typed stays and the report still goes out', async () => {
      let code = 1;
      refuse(() => code);
      const backend = await backendFor(null);
      const el = await mount(backend);
      await openReport(el);
      change(el, 'lf-category-input', 'other');
      type(el, 'lf-title', 'Blauer Regenschirm');
      type(el, 'lf-place-input', 'Bahnhof');
      $<HTMLButtonElement>(el, '#lf-point')!.click();
      await until(() => errorOf(el, 'lf-point'), 'denied');
      expect(errorOf(el, 'lf-point')).to.equal(
        'Ihr Browser hat den Zugriff auf Ihren Standort nicht erlaubt. Sie können ihn in den Browser-Einstellungen freigeben oder den Ort einfach in Worten beschreiben.');
      expect($(el, '#lf-point')!.getAttribute('aria-describedby')).to.equal('lf-point-help lf-point-error');
      await until(() => announcer(el) === errorOf(el, 'lf-point'), 'the message announced');
      expect($<HTMLInputElement>(el, '#lf-title')!.value).to.equal('Blauer Regenschirm');
      expect($<HTMLInputElement>(el, '#lf-place-input')!.value).to.equal('Bahnhof');
      expect($<HTMLSelectElement>(el, '#lf-category-input')!.value).to.equal('other');
      expect(ui(el).draft.point).to.equal(null);
      await expect(el).to.be.accessible();

      code = 3;
      $<HTMLButtonElement>(el, '#lf-point')!.click();
      await until(() => errorOf(el, 'lf-point').includes('zu lange'), 'timeout');
      code = 2;
      $<HTMLButtonElement>(el, '#lf-point')!.click();
      await until(() => errorOf(el, 'lf-point').includes('ließ sich nicht bestimmen'), 'unavailable');

      // A browser without geolocation at all.
      Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
      try {
        $<HTMLButtonElement>(el, '#lf-point')!.click();
        await until(() => errorOf(el, 'lf-point').includes('kann keinen Standort bestimmen'), 'unsupported');
      } finally {
        delete (navigator as { geolocation?: Geolocation }).geolocation;
      }
      expect(navigator.geolocation).to.equal(geolocation);

      type(el, 'lf-date', calendarDayOf(now, TZ));
      type(el, 'lf-name', 'Ole');
      type(el, 'lf-email', 'ole@example.org');
      await submitForm(el);
      const receipt = ui(el).receipt!;
      expect(receipt, ui(el).formNotice?.text).to.exist;
      expect((await backend.lostFound.get(receipt.item.id)).point).to.equal(null);
    });

    it("an item's page shows the point with a plain link to OpenStreetMap, no map loaded; the flyer and items without a point show none", async () => {
      const data = dataset();
      data.items = data.items.map((i) => (i.id === 'wallet-found' ? { ...i, point: { lat: 49.61, lon: 8.36 } } : i));
      const backend = await backendFor(null, data);
      const el = await mount(backend);
      await openItem(el, 'wallet-found');
      const facts = $(el, '[part~="facts"]')!;
      expect([...facts.querySelectorAll('dt')].map((dt) => dt.textContent)).to.include('Ungefähre Lage');
      expect($(el, '[part~="point"]')!.textContent).to.contain('49,61 N, 8,36 O');
      const link = $<HTMLAnchorElement>(el, '[part~="point-link"]')!;
      expect(link.href).to.equal('https://www.openstreetmap.org/?mlat=49.61&mlon=8.36#map=14/49.61/8.36');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(link.target).to.equal('_blank');
      expect(link.textContent!.trim()).to.equal('In OpenStreetMap öffnen (neues Fenster)');
      expect($$(el, 'img, iframe').some((e) => /openstreetmap|tile/.test((e as HTMLImageElement).src ?? '')), 'no map tiles').to.equal(false);
      expect(performance.getEntriesByType('resource').some((r) => r.name.includes('openstreetmap')), 'no request to a third party').to.equal(false);
      link.focus();
      expect(el.shadowRoot!.activeElement, 'the link is in the tab order').to.equal(link);
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, '[part~="detail"] [part~="print"]')!.click();
      await until(() => $(el, '[part~="flyer"]'), 'flyer');
      expect($(el, '[part~="flyer"]')!.textContent).not.to.contain('49,61');
      expect($(el, '[part~="point-link"]')).to.equal(null);

      const other = await mount(backend, { item: 'keys-lost' });
      await until(() => $(other, '#lf-detail-title'), 'an item without a point');
      expect($(other, '[part~="point"]')).to.equal(null);
      expect($(other, '[part~="facts"]')!.textContent).not.to.contain('Ungefähre Lage');
    });

    it('the reporter adds the point in the edit form and removes it again (English)', async () => {
      const calls = grant();
      const local = await backendFor(null);
      const patches: unknown[] = [];
      const backend = withLostFound(local, { updateOwn: (token, patch) => (patches.push(patch), local.lostFound.updateOwn(token, patch)) });
      const el = await mount(backend, { lang: 'en', token: 'manage-token-bike-lost'.padEnd(24, '0') });
      await until(() => $(el, '#lf-manage-title'), 'manage view');
      ($(el, '[part~="edit"]') as HTMLDetailsElement).open = true;
      await el.updateComplete;
      expect(calls).to.have.length(0);
      expect($(el, '#lf-edit-point')!.textContent!.trim()).to.equal('Add approximate location');
      expect($(el, '#lf-edit-point-help')!.textContent).to.equal('Rounded to about 1 km – your address stays private.');
      $<HTMLButtonElement>(el, '#lf-edit-point')!.click();
      await until(() => el.shadowRoot!.activeElement?.id === 'lf-edit-point-remove', 'point added');
      expect($(el, '#lf-edit-point-value')!.textContent).to.equal('Approximate location: 49.88 N, 8.65 E');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part~="save"]')!.click();
      await until(() => patches.length === 1 && ui(el).manage?.busy === false, 'saved');
      expect((patches[0] as { point: unknown }).point).to.deep.equal(ROUNDED);
      expect((await local.lostFound.get('bike-lost')).point).to.deep.equal(ROUNDED);
      await el.updateComplete;
      expect($(el, '[part~="manage"] [part~="point"]')!.textContent).to.contain('49.88 N, 8.65 E');
      expect($(el, '[part~="manage"] [part~="point-link"]')!.textContent!.trim()).to.equal('Open in OpenStreetMap (new window)');
      expect(el.shadowRoot!.innerHTML).not.to.match(PRECISE_TEXT);

      ($(el, '[part~="edit"]') as HTMLDetailsElement).open = true;
      await el.updateComplete;
      $<HTMLButtonElement>(el, '#lf-edit-point-remove')!.click();
      await until(() => el.shadowRoot!.activeElement?.id === 'lf-edit-point', 'focus back on the add button');
      $<HTMLButtonElement>(el, '[part~="save"]')!.click();
      await until(() => patches.length === 2 && ui(el).manage?.busy === false, 'saved again');
      expect((await local.lostFound.get('bike-lost')).point).to.equal(null);
      expect(calls).to.have.length(1);
    });
  });

  describe('helpers', () => {
    it('maps issue paths to form fields and drafts to inputs', () => {
      expect(reportFieldOf('contact.email')).to.equal('email');
      expect(reportFieldOf('animal.microchip')).to.equal('microchip');
      expect(reportFieldOf('animal')).to.equal('species');
      expect(reportFieldOf('proofDetail')).to.equal('proof');
      const draft = { ...emptyReport('lost', 'keys'), title: ' Keys ', proofDetail: 'secret', phone: ' ' };
      const input = draftToInput(draft);
      expect(input.title).to.equal('Keys');
      expect(input.animal).to.equal(null);
      expect(input).not.to.have.property('proofDetail');
      expect(input.contact).to.deep.equal({ name: '', email: '' });
    });
  });
});

/** The municipality sample's board renders (the demo's data). */
describe('<dorf-lost-found> with the municipality sample', () => {
  it('shows the sample reports, but not resolved or expired ones', async () => {
    const dbName = `lf-test-sample-${Date.now()}`;
    const backend = createLocalBackend({ community: 'musterdorf', dbName, identity: { member: null } });
    track(backend, dbName);
    await backend.seed(municipalitySample());
    const el = await mount(backend);
    expect(titles(el)).to.include('Katze Minka vermisst');
    expect(titles(el)).not.to.include('Handy am Spielplatz gefunden');
    expect(titles(el)).not.to.include('Regenschirm im Bürgerhaus liegen geblieben');
    expect(el.shadowRoot!.innerHTML).not.to.contain('elif.yilmaz@example.org');
  });
});
