/**
 * <dorf-badge-shelf> with a member who holds 200 awards (valid, expiring, expired and revoked,
 * 12 different badges with generated SVG images). Two series:
 * - "view render": the shelf's view (`ShelfUi.render`) turned into DOM for all 200 awards in a fresh
 *   shadow root with the shelf's styles, until painted; the budget, ≤ 30 ms median;
 * - "connect → 200 painted": a new element connected until all 200 cards are painted, including
 *   reading both pages from IndexedDB (reported, no budget of its own).
 */
import { render } from 'lit';
import '../src/core/provider.js';
import '../src/widgets/badge-shelf/dorf-badge-shelf.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { badgeImage } from '../src/data/sample/build.js';
import type { Dataset } from '../src/data/schema/index.js';
import { SHELF_PAGE, type DorfBadgeShelf, type ShelfData } from '../src/widgets/badge-shelf/badge-shelf.element.js';
import type { ShelfUi } from '../src/widgets/badge-shelf/shelf-ui.js';
import { afterNextPaint, defineBench, measure } from './lib/harness.js';
import { dropDatabase } from './lib/datasets.js';

const AWARDS = 200;
const VIEW = 'view render of 200 awards, painted';
const COMMIT = 'view render of 200 awards, DOM only (no paint)';
const CONNECT = 'connect → 200 awards painted (IndexedDB included)';
const DAY = 86_400_000;

function dataset(): Dataset {
  const colours = ['#c62828', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f'];
  const issuer = { id: 'benchdorf', name: 'Gemeinde Benchdorf', url: 'https://www.benchdorf.example/' };
  const achievements = Array.from({ length: 12 }, (_, i) => ({
    id: `badge-${i}`, name: `Abzeichen ${i + 1}`, description: `Für besonderen Einsatz im Bereich ${i + 1} der Dorfgemeinschaft.`,
    criteria: 'Teilnahme bestätigt von der Ehrenamtskoordination.', image: badgeImage(colours[i % colours.length]!, `B${i + 1}`),
    imageAlt: `Abzeichen mit der Aufschrift B${i + 1}`, issuer, tags: ['Ehrenamt'],
  }));
  const now = Date.now();
  return {
    community: { id: 'benchdorf', name: 'Benchdorf', timeZone: 'Europe/Berlin', locale: 'de' },
    members: [{ id: 'vielfach-geehrt', displayName: 'Vielfach Geehrt', roles: ['member'] }],
    groups: [], posts: [], resources: [], bookings: [], items: [], paths: [], checkIns: [], achievements,
    awards: Array.from({ length: AWARDS }, (_, i) => ({
      id: `award-${String(i).padStart(4, '0')}`, achievementId: `badge-${i % 12}`, recipientId: 'vielfach-geehrt',
      issuedOn: new Date(now - (i + 1) * DAY).toISOString(),
      expires: i % 5 === 1 ? new Date(now + 200 * DAY).toISOString() : i % 5 === 2 ? new Date(now - DAY / 2).toISOString() : null,
      revoked: i % 17 === 3, revocationReason: i % 17 === 3 ? 'Irrtum' : null, evidence: [], note: '', onWall: i % 2 === 0,
    })),
  };
}

const cards = (el: Element) => el.shadowRoot?.querySelectorAll('[part~="badge"]').length ?? 0;

export default defineBench({
  title: `<dorf-badge-shelf>: ${AWARDS} awards`,
  async run({ log }) {
    const data = dataset();
    const dbName = `dorf-bench-badge-shelf-${Date.now()}`;
    const backend = createLocalBackend({ community: data.community.id, dbName, identity: { member: data.members[0]! } });
    await backend.seed(data);
    log('seeded');

    const mount = async () => {
      const provider = document.createElement('dorf-provider');
      provider.adapter = backend;
      provider.lang = 'de';
      const shelf = document.createElement('dorf-badge-shelf') as DorfBadgeShelf;
      provider.append(shelf);
      return { provider, shelf };
    };

    // Connect → every card painted (both pages of SHELF_PAGE awards: "show more" once).
    const connect: number[] = [];
    for (let i = 0; i < 5 + 20; i++) {
      const { provider, shelf } = await mount();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const start = performance.now();
      document.body.append(provider);
      while (cards(shelf) < Math.min(SHELF_PAGE, AWARDS)) await new Promise((resolve) => requestAnimationFrame(resolve));
      if (cards(shelf) < AWARDS) {
        shelf.showMore();
        while (cards(shelf) < AWARDS) await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await afterNextPaint();
      if (i >= 5) connect.push(performance.now() - start);
      provider.remove();
    }
    log('connect measured');

    // The view alone: the 200 awards the element loaded, rendered into a fresh shadow root each time.
    const { provider, shelf } = await mount();
    document.body.append(provider);
    while (cards(shelf) < Math.min(SHELF_PAGE, AWARDS)) await new Promise((resolve) => requestAnimationFrame(resolve));
    shelf.showMore();
    while (cards(shelf) < AWARDS) await new Promise((resolve) => requestAnimationFrame(resolve));
    const first = await backend.badges.listAwards({ member: 'me', limit: 100 });
    const second = await backend.badges.listAwards({ member: 'me', limit: 100, cursor: first.nextCursor });
    const shown: ShelfData = { mode: 'shelf', member: 'me', items: [...first.items, ...second.items], nextCursor: null };
    const ui = (shelf as unknown as { ui: ShelfUi }).ui;
    const view = await measure(async () => {
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [...shelf.shadowRoot!.adoptedStyleSheets];
      document.body.append(host);
      render(ui.render(shown), root);
      await afterNextPaint();
      if (root.querySelectorAll('[part~="badge"]').length !== AWARDS) throw new Error('not every award rendered');
      host.remove();
    }, { warmup: 5, runs: 30 });
    // Where the time goes: the same, without waiting for the paint (template, DOM, Lit commit).
    const commit = await measure(() => {
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [...shelf.shadowRoot!.adoptedStyleSheets];
      render(ui.render(shown), root);
      if (root.querySelectorAll('[part~="badge"]').length !== AWARDS) throw new Error('not every award rendered');
    }, { warmup: 5, runs: 30 });
    provider.remove();
    backend.close();
    await dropDatabase(dbName);

    return {
      notes: [
        `${AWARDS} awards of one member (12 badges, SVG data images; every 5th valid until a date, every 5th expired, every 17th revoked), lang=de`,
        `the element loads ${SHELF_PAGE} awards per page; "connect" includes reading ${Math.ceil(AWARDS / SHELF_PAGE)} pages from IndexedDB`,
      ],
      series: { [VIEW]: view, [COMMIT]: commit, [CONNECT]: connect },
      budgets: (m) => [{ label: 'shelf with 200 awards: render (median)', value: m[VIEW]!, max: 30, unit: 'ms' }],
    };
  },
});
