/**
 * `<dorf-sign-in>` against the reference server (PGlite, started by the test runner's
 * `dorf-server` plugin): a staff password sign-in that every widget under the same provider
 * follows (the booking calendar's admin list), kept for a reload of the tab in sessionStorage and
 * gone on sign-out; wrong password, one-time code step, locked account, offline, keyboard only,
 * axe on every state, no cookie. Plus the local backend, which has no passwords.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/sign-in/dorf-sign-in.js';
import '../../src/widgets/booking-calendar/dorf-booking-calendar.js';
import type { DorfSignIn } from '../../src/widgets/sign-in/sign-in.element.js';
import { staffToken, type DorfProvider } from '../../src/core/provider.element.js';
import type { TokenChange } from '../../src/core/backends.js';
import { createHttpBackend, type HttpBackend } from '../../src/data/adapters/http/index.js';
import { addDays, calendarDayOf, startOfZonedDay } from '../../src/data/rules/zoned.js';
import type { Resource } from '../../src/data/schema/index.js';
import { until } from '../lib/backends.js';

const server = <T>(payload: Record<string, unknown>) => executeServerCommand<T, Record<string, unknown>>('dorf-server', payload);
const TZ = 'Europe/Berlin';
const PASSWORD = 'Grillhütte-am-Waldrand-2030';
const TOKEN_KEY = /^dorfplatz:staff-token:/;

let url = '';
const opened: HttpBackend[] = [];
const staffKeys = () => Object.keys(sessionStorage).filter((k) => TOKEN_KEY.test(k));

before(async function () {
  this.timeout(60_000);
  for (let i = 0; i < 12 && !url; i++) url = (await server<{ url?: string }>({ action: 'start' }))?.url ?? '';
  expect(url, 'the test server started').to.match(/^http:/);
});

afterEach(() => {
  for (const backend of opened.splice(0)) backend.close();
  for (const key of staffKeys()) sessionStorage.removeItem(key);
  delete (navigator as unknown as Record<string, unknown>).onLine;
});

/** A fresh community (the sign-in guard counts per community and client) with one staff account. */
async function community(prefix: string, staff: { username: string; displayName: string; roles?: string[]; totp?: boolean }) {
  const id = `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const { secret } = await server<{ secret: string }>({ action: 'community', id });
  const { secret: totp } = await server<{ secret: string | null }>({ action: 'staff', community: id, password: PASSWORD, ...staff });
  return { id, secret, totp };
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const focused = (el: Element) => el.shadowRoot!.activeElement?.id ?? '';

function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function submit(el: DorfSignIn) {
  await el.updateComplete;
  $<HTMLButtonElement>(el, '#si-submit')!.click();
}

async function mount(id: string, lang = 'de', extra = html``) {
  const provider = await fixture<DorfProvider>(html`
    <dorf-provider backend=${url} community=${id} lang=${lang}>
      <dorf-sign-in></dorf-sign-in>
      ${extra}
    </dorf-provider>
  `);
  const el = provider.querySelector('dorf-sign-in')!;
  await until(() => $(el, '#si-username, [part~="who"]'), 'sign-in shown', 10_000);
  return { provider, el };
}

const grill: Resource = {
  id: 'grill', name: 'Grillhütte', description: '', location: 'Waldweg 1', timeZone: TZ, houseRules: 'Bitte aufräumen.',
  rules: {
    unit: 'day', step: 60, minDuration: 1, maxDuration: 3, leadTime: 24 * 60, maxAdvance: 365, buffer: 0, approval: 'manual',
    blackouts: [], openingHours: [], maxAttendees: 60, price: null,
  },
};

describe('<dorf-sign-in> with the reference server', () => {
  it('signs in for the whole provider (the calendar shows its admin list), survives a reload in sessionStorage, signs out, sets no cookie', async function () {
    this.timeout(60_000);
    const c = await community('anmeldung', { username: 'verwaltung', displayName: 'Rita Rathaus', roles: ['member', 'admin'] });
    // A resource and a pending request, made through the API by an admin and a member.
    const tokenFor = async (kind: string, memberId: string, displayName: string) =>
      (await server<{ token: string }>({ action: 'token', community: c.id, secret: c.secret, kind, memberId, displayName })).token;
    const admin = createHttpBackend({ baseUrl: url, community: c.id, token: await tokenFor('admin', 'api-admin', 'API'), outbox: { name: `si-a-${c.id}` } });
    const member = createHttpBackend({ baseUrl: url, community: c.id, token: await tokenFor('member', 'anna', 'Anna'), outbox: { name: `si-m-${c.id}` } });
    opened.push(admin, member);
    await admin.bookings.saveResource(grill);
    const first = addDays(calendarDayOf(new Date(), TZ), 3);
    await member.bookings.request({
      id: `b-${c.id}`, resourceId: 'grill', start: startOfZonedDay(first, TZ).toISOString(), end: startOfZonedDay(addDays(first, 1), TZ).toISOString(),
      purpose: 'Sommerfest', attendees: 30, publicLabel: '', requester: { name: 'Anna Anwohnerin', email: 'anna@example.org' }, acceptRules: true,
    });

    const calendar = html`<dorf-booking-calendar resource="grill"></dorf-booking-calendar>`;
    const { provider, el } = await mount(c.id, 'de', calendar);
    const cal = provider.querySelector('dorf-booking-calendar')!;
    await until(() => $(cal, '[role="grid"]'), 'calendar shown', 10_000);
    expect($(cal, '[part~="admin"]'), 'no admin view for a visitor').to.equal(null);
    expect(staffKeys(), 'nothing stored for an anonymous visitor').to.deep.equal([]);
    expect(text($(el, '[part~="title"]'))).to.equal('Anmeldung für die Verwaltung');
    await expect(el).to.be.accessible();

    const signedIn: unknown[] = [];
    el.addEventListener('dorf-signed-in', (e) => signedIn.push(e.detail.member.displayName));
    type(el, 'si-username', 'verwaltung');
    type(el, 'si-password', PASSWORD);
    await submit(el);
    await until(() => $(el, '[part~="who"]'), 'signed in', 10_000);
    expect(text($(el, '[part~="who"]'))).to.equal('Angemeldet als Rita Rathaus (Verwaltung)');
    expect(signedIn).to.deep.equal(['Rita Rathaus']);
    expect(focused(el) === '' && el.shadowRoot!.activeElement?.matches('[part~="signed-in"]'), 'focus on the signed-in box').to.equal(true);
    // Every widget under the provider follows, without a reload.
    await until(() => $(cal, '[part~="admin-item"]'), 'the calendar shows the pending request', 10_000);
    expect(text($(cal, '[part~="admin-item"]'))).to.contain('Anna Anwohnerin');
    expect(staffKeys(), 'the staff token is kept for this tab').to.have.length(1);
    expect(sessionStorage.getItem(staffKeys()[0]!)).to.match(/^[\w-]+\.[\w-]+$/);
    expect(document.cookie, 'no cookie').to.equal('');
    await expect(el).to.be.accessible();

    // A reload of the tab: a new provider and new widgets find the token in sessionStorage.
    provider.remove();
    const again = await mount(c.id, 'de', calendar);
    await until(() => $(again.el, '[part~="who"]'), 'still signed in after the reload', 10_000);
    const cal2 = again.provider.querySelector('dorf-booking-calendar')!;
    await until(() => $(cal2, '[part~="admin-item"]'), 'admin list after the reload', 10_000);

    // Sign-out: the token is gone from memory and from sessionStorage; the calendar is public again.
    const signedOut: unknown[] = [];
    again.el.addEventListener('dorf-signed-out', () => signedOut.push(true));
    $<HTMLButtonElement>(again.el, '[part~="sign-out"]')!.click();
    await until(() => $(again.el, '#si-username'), 'the form again', 10_000);
    await until(() => !$(cal2, '[part~="admin"]'), 'the calendar drops its admin view', 10_000);
    expect(signedOut).to.have.length(1);
    expect(staffKeys()).to.deep.equal([]);
    expect($<HTMLInputElement>(again.el, '#si-password')!.value, 'no password left in the form').to.equal('');
    expect((await again.provider.activeBackend!.session.current()).member).to.equal(null);
    expect(document.cookie).to.equal('');
    again.provider.remove();
  });

  it('a wrong password: says so, keeps the username, empties the password and focuses it', async function () {
    this.timeout(30_000);
    const c = await community('falsch', { username: 'verwaltung', displayName: 'Rita Rathaus' });
    const { provider, el } = await mount(c.id, 'en');
    type(el, 'si-username', 'verwaltung');
    type(el, 'si-password', 'not-the-password');
    await submit(el);
    await until(() => text($(el, '[part~="notice"]')), 'refusal shown', 10_000);
    expect(text($(el, '[part~="notice"]'))).to.equal('The username or password is wrong. Please try again.');
    expect($<HTMLInputElement>(el, '#si-username')!.value).to.equal('verwaltung');
    expect($<HTMLInputElement>(el, '#si-password')!.value).to.equal('');
    expect(focused(el)).to.equal('si-password');
    expect(staffKeys()).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Empty fields are caught before anything is sent, at the field.
    type(el, 'si-username', '');
    await submit(el);
    await until(() => $(el, '#si-username-error'), 'field messages');
    expect(text($(el, '#si-username-error'))).to.equal('Please enter your username.');
    expect(text($(el, '#si-password-error'))).to.equal('Please enter your password.');
    expect(focused(el)).to.equal('si-username');
    await expect(el).to.be.accessible();

    type(el, 'si-username', 'verwaltung');
    type(el, 'si-password', PASSWORD);
    await submit(el);
    await until(() => $(el, '[part~="who"]'), 'signed in', 10_000);
    expect(text($(el, '[part~="who"]'))).to.equal('Signed in as Rita Rathaus (administrator)');
    provider.remove();
  });

  it('an account with a one-time code: asks for it, refuses a wrong one (kept to correct), signs in with the right one', async function () {
    this.timeout(30_000);
    const c = await community('totp', { username: 'moderation', displayName: 'Mia Moderatorin', roles: ['member', 'moderator'], totp: true });
    const { provider, el } = await mount(c.id);
    type(el, 'si-username', 'moderation');
    type(el, 'si-password', PASSWORD);
    await submit(el);
    await until(() => $(el, '#si-code'), 'the code step', 10_000);
    expect(el.step).to.equal('code');
    expect(text($(el, '[part~="code-intro"]'))).to.contain('„moderation“');
    await until(() => focused(el) === 'si-code', 'focus on the code');
    expect(staffKeys(), 'not signed in yet').to.deep.equal([]);
    await expect(el).to.be.accessible();

    await submit(el);
    await until(() => $(el, '#si-code-error'), 'code missing');
    expect(text($(el, '#si-code-error'))).to.equal('Bitte geben Sie den sechsstelligen Code ein.');
    type(el, 'si-code', '12ab');
    await submit(el);
    await until(() => text($(el, '#si-code-error')).includes('sechs Ziffern'), 'code format');

    const { code: wrong } = await server<{ code: string }>({ action: 'totp', secret: c.totp, offset: -10 });
    type(el, 'si-code', wrong);
    await submit(el);
    await until(() => text($(el, '[part~="notice"]')), 'wrong code refused', 10_000);
    expect(text($(el, '[part~="notice"]'))).to.equal('Dieser Code stimmt nicht oder wurde schon verwendet. Bitte geben Sie den aktuellen Code aus Ihrer App ein.');
    expect($<HTMLInputElement>(el, '#si-code')!.value, 'kept to correct').to.equal(wrong);
    expect(el.step, 'the password was right: still the code step').to.equal('code');
    await expect(el).to.be.accessible();

    const { code } = await server<{ code: string }>({ action: 'totp', secret: c.totp });
    type(el, 'si-code', code);
    await submit(el);
    await until(() => $(el, '[part~="who"]'), 'signed in', 10_000);
    expect(text($(el, '[part~="who"]'))).to.equal('Angemeldet als Mia Moderatorin (Moderation)');
    expect(staffKeys()).to.have.length(1);
    provider.remove();
  });

  it('keyboard only: Tab, type, Enter through password and code, then sign out', async function () {
    this.timeout(30_000);
    const c = await community('tastatur', { username: 'moderation', displayName: 'Mia Moderatorin', roles: ['moderator'], totp: true });
    const { provider, el } = await mount(c.id, 'en');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(focused(el), 'the first stop is the username').to.equal('si-username');
    await sendKeys({ type: 'moderation' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('si-password');
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === 'si-code', 'the code step has focus', 10_000);
    const { code } = await server<{ code: string }>({ action: 'totp', secret: c.totp });
    await sendKeys({ type: code });
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part~="who"]'), 'signed in', 10_000);
    expect(text($(el, '[part~="who"]'))).to.equal('Signed in as Mia Moderatorin (moderator)');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.matches('[part~="sign-out"]'), 'sign-out is the next stop').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === 'si-username', 'back in the form', 10_000);
    expect(staffKeys()).to.deep.equal([]);
    provider.remove();
  });

  it('a locked account says how long to wait (Intl), and the password is not kept', async function () {
    this.timeout(60_000);
    const c = await community('gesperrt', { username: 'verwaltung', displayName: 'Rita Rathaus' });
    const { provider, el } = await mount(c.id);
    let refusals = 0;
    el.addEventListener('dorf-error', () => refusals++);
    // The account locks after five failures in a row; the sixth attempt hears how long.
    for (let i = 0; i < 6; i++) {
      type(el, 'si-username', 'verwaltung');
      type(el, 'si-password', `falsch-${i}`);
      await submit(el);
      await until(() => refusals === i + 1, `attempt ${i + 1} answered`, 10_000);
      await el.updateComplete;
    }
    expect(text($(el, '[part~="notice"]'))).to.match(/^Zu viele Fehlversuche: Dieses Konto ist für (1 Minute|\d+ Sekunden) gesperrt\. Bitte versuchen Sie es danach erneut\.$/);
    expect($<HTMLInputElement>(el, '#si-password')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#si-username')!.value).to.equal('verwaltung');
    // Even the right password waits now.
    type(el, 'si-password', PASSWORD);
    await submit(el);
    await until(() => refusals === 7, 'answered', 10_000);
    await el.updateComplete;
    expect(text($(el, '[part~="notice"]'))).to.contain('gesperrt');
    expect($(el, '[part~="who"]')).to.equal(null);
    await expect(el).to.be.accessible();
    provider.remove();
  });

  it('offline: says that signing in needs a connection and keeps everything typed', async function () {
    this.timeout(30_000);
    const c = await community('offline', { username: 'verwaltung', displayName: 'Rita Rathaus' });
    const backend = createHttpBackend({
      baseUrl: url, community: c.id, outbox: { name: `si-o-${c.id}` },
      fetch: (input, init) => (String(input instanceof Request ? input.url : input).includes('/session/sign-in') ? Promise.reject(new TypeError('Failed to fetch')) : globalThis.fetch(input, init)),
    });
    opened.push(backend);
    const provider = await fixture<DorfProvider>(html`<dorf-provider .adapter=${backend} community=${c.id} lang="de"><dorf-sign-in></dorf-sign-in></dorf-provider>`);
    const el = provider.querySelector('dorf-sign-in')!;
    await until(() => $(el, '#si-username'), 'form');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    window.dispatchEvent(new Event('offline'));
    await until(() => $(el, '[part~="status-offline"]'), 'offline shown');
    type(el, 'si-username', 'verwaltung');
    type(el, 'si-password', PASSWORD);
    await submit(el);
    await until(() => text($(el, '[part~="notice"]')), 'refusal shown', 10_000);
    expect(text($(el, '[part~="notice"]'))).to.equal('Sie sind offline. Für die Anmeldung braucht es eine Verbindung zum Server; Ihre Eingaben bleiben erhalten.');
    expect($<HTMLInputElement>(el, '#si-username')!.value).to.equal('verwaltung');
    expect($<HTMLInputElement>(el, '#si-password')!.value, 'nothing was checked: the password stays').to.equal(PASSWORD);
    await expect(el).to.be.accessible();
    provider.remove();
  });

  it('the HTTP adapter drops a token the server no longer accepts and tells onTokenChange', async () => {
    const c = await community('abgelaufen', { username: 'verwaltung', displayName: 'Rita Rathaus' });
    const changes: [string | null, TokenChange][] = [];
    const forged = (await server<{ token: string }>({ action: 'token', community: c.id, secret: 'x'.repeat(64), kind: 'admin', memberId: 'fake', displayName: 'Fake' })).token;
    const backend = createHttpBackend({ baseUrl: url, community: c.id, token: forged, outbox: { name: `si-x-${c.id}` }, onTokenChange: (t, why) => changes.push([t, why]) });
    opened.push(backend);
    expect((await backend.session.current()).member).to.equal(null);
    expect(changes).to.deep.equal([[null, 'expired']]);
    const session = await backend.session.signIn({ username: 'verwaltung', password: PASSWORD });
    expect(session.member?.displayName).to.equal('Rita Rathaus');
    expect(changes[1]?.[1]).to.equal('sign-in');
    // A malformed code is refused by the shared schema on the server, at its field.
    const error = await backend.session.signIn({ username: 'verwaltung', password: PASSWORD, code: 'abc' }).then(() => null, (e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('validation');
    expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).to.deep.equal(['code']);
  });
});

describe('the staff token store', () => {
  afterEach(() => {
    for (const key of staffKeys()) sessionStorage.removeItem(key);
  });

  it('stores only after a sign-in, and forgets on sign-out, a host member token or expiry', () => {
    const store = staffToken('https://dorf.example.org', 'musterdorf');
    expect(staffToken('https://dorf.example.org', 'anderswo').read(), 'per community').to.equal(null);
    store.write('member-token', 'use-token');
    expect(staffKeys(), 'a member token is not stored').to.deep.equal([]);
    store.write('staff-token', 'sign-in');
    expect(store.read()).to.equal('staff-token');
    expect(staffKeys()).to.deep.equal(['dorfplatz:staff-token:musterdorf@https://dorf.example.org']);
    expect(staffToken('https://dorf.example.org', 'anderswo').read(), 'per community').to.equal(null);
    for (const change of ['sign-out', 'use-token', 'expired'] as const) {
      store.write('staff-token', 'sign-in');
      store.write(change === 'use-token' ? 'member-token' : null, change);
      expect(store.read(), change).to.equal(null);
    }
    expect(staffKeys()).to.deep.equal([]);
  });
});

describe('<dorf-sign-in> with the local backend', () => {
  it('explains that signing in needs a server', async () => {
    const community = `lokal-${Date.now().toString(36)}`;
    const provider = await fixture<DorfProvider>(html`<dorf-provider community=${community} lang="de"><dorf-sign-in></dorf-sign-in></dorf-provider>`);
    const el = provider.querySelector('dorf-sign-in')!;
    await until(() => $(el, '#si-username'), 'form');
    type(el, 'si-username', 'verwaltung');
    type(el, 'si-password', 'geheim');
    await submit(el);
    await until(() => $(el, '[part~="needs-server"]'), 'explanation', 10_000);
    expect(text($(el, '[part~="needs-server"]'))).to.contain('Diese Seite speichert ihre Daten nur in diesem Browser.');
    expect(staffKeys()).to.deep.equal([]);
    await expect(el).to.be.accessible();
    provider.activeBackend?.close();
    provider.remove();
    indexedDB.deleteDatabase(`dorfplatz-${community}`);
  });
});
