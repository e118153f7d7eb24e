/**
 * Lost & found, first page: how long `lostFound.list` takes for the board's first page (12
 * reports, the widget's default) over 5,000 open items in the local adapter, with the board's
 * filters and full-text search as a visitor combines them. Budget: every query ≤ 50 ms median.
 * The items are generated deterministically (seeded PRNG): ten categories, lost and found, 80
 * days of reports, places and words drawn from small village vocabularies.
 */
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { addDays, calendarDayOf } from '../src/data/rules/zoned.js';
import type { Category, Dataset, ItemQuery } from '../src/data/schema/index.js';
import { dropDatabase } from './lib/datasets.js';
import { defineBench, measure } from './lib/harness.js';

const ITEMS = 5_000;
const PAGE = 12;
const TZ = 'Europe/Berlin';
const DAY = 86_400_000;

const CATEGORIES: Category[] = ['animal', 'keys', 'wallet', 'phone', 'bag', 'bicycle', 'clothing', 'document', 'jewellery', 'other'];
const PLACES = ['Bahnhof Gleis 2', 'Hauptstraße', 'Bäckerei am Markt', 'Sportplatz', 'Rathaus', 'Lindenweg', 'Spielplatz Wiesengrund', 'Freibad', 'Kirchplatz', 'Bushaltestelle Schule'];
const THINGS: Record<Category, string[]> = {
  animal: ['Katze', 'Hund', 'Wellensittich', 'Kaninchen'],
  keys: ['Schlüsselbund', 'Autoschlüssel', 'Fahrradschlüssel', 'Haustürschlüssel'],
  wallet: ['Geldbörse', 'Portemonnaie', 'Brieftasche'],
  phone: ['Handy', 'Smartphone'],
  bag: ['Rucksack', 'Sporttasche', 'Handtasche'],
  bicycle: ['Fahrrad', 'Damenrad', 'Kinderfahrrad'],
  clothing: ['Jacke', 'Mütze', 'Schal', 'Turnschuhe'],
  document: ['Ausweis', 'Führerschein', 'Bibliotheksausweis'],
  jewellery: ['Ring', 'Armband', 'Halskette'],
  other: ['Regenschirm', 'Brille', 'Kuscheltier', 'Trinkflasche'],
};
const COLOURS = ['rot', 'blau', 'grün', 'schwarz', 'grau', 'braun', 'weiß', 'gelb'];
const DETAILS = ['mit Anhänger', 'mit Aufkleber', 'ziemlich neu', 'etwas abgenutzt', 'mit Namensschild', 'in einer Hülle', 'mit Glöckchen', 'ohne Besonderheiten'];

/** Mulberry32: the same items on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function itemsDataset(count: number, now: Date): Dataset {
  const next = random(5);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const today = calendarDayOf(now, TZ);
  const items: Dataset['items'] = [];
  for (let i = 0; i < count; i++) {
    const category = pick(CATEGORIES);
    const type = next() < 0.5 ? 'lost' : 'found';
    const daysAgo = Math.floor(next() * 80);
    const thing = pick(THINGS[category]);
    const colour = pick(COLOURS);
    const place = pick(PLACES);
    const createdAt = new Date(now.getTime() - daysAgo * DAY - Math.floor(next() * DAY / 2)).toISOString();
    items.push({
      id: `bench-item-${String(i).padStart(5, '0')}`, type, category,
      title: `${thing} ${colour} ${type === 'lost' ? 'verloren' : 'gefunden'}`,
      description: `${thing}, ${colour}, ${pick(DETAILS)}. ${type === 'lost' ? 'Bitte melden, falls gesehen.' : 'Liegt im Rathaus.'}`,
      place, point: null, date: addDays(today, -daysAgo),
      animal: category === 'animal' ? { species: thing, colour, marks: pick(DETAILS) } : null,
      photo: null, contact: { name: `Person ${i}`, email: `person${i}@example.org` },
      status: 'open', createdAt, expiresAt: new Date(Date.parse(createdAt) + (type === 'lost' ? 92 : 183) * DAY).toISOString(),
      manageToken: `bench-manage-token-${String(i).padStart(5, '0')}`,
    });
  }
  return {
    community: { id: 'benchdorf', name: 'Benchdorf', timeZone: TZ, locale: 'de' },
    members: [], groups: [], posts: [], resources: [], bookings: [], items, paths: [], checkIns: [], achievements: [], awards: [],
  };
}

export default defineBench({
  title: `Lost & found: first page (${PAGE}) of ${ITEMS.toLocaleString('en')} open items, filtered and searched (local adapter)`,
  async run({ log }) {
    const now = new Date();
    const today = calendarDayOf(now, TZ);
    const dataset = itemsDataset(ITEMS, now);
    const dbName = `dorf-bench-lost-found-${Date.now()}`;
    const backend = createLocalBackend({ community: dataset.community.id, dbName, identity: { member: null }, storage: { durability: 'relaxed' } });
    const start = performance.now();
    await backend.seed(dataset);
    const seedMs = performance.now() - start;
    log(`seeded ${ITEMS.toLocaleString('en')} items in ${(seedMs / 1000).toFixed(1)} s`);

    /** The board's queries: what a visitor sets in the filter form. */
    const queries: Record<string, ItemQuery> = {
      'no filter (newest first)': { limit: PAGE },
      'type + category + date range': { type: 'found', category: 'wallet', from: addDays(today, -30), to: today, limit: PAGE },
      'search "fahrrad rot"': { q: 'fahrrad rot', limit: PAGE },
      'place text "bahnhof"': { place: 'bahnhof', limit: PAGE },
      'all filters + search': { type: 'lost', category: 'animal', from: addDays(today, -60), to: today, place: 'linden', q: 'katze', limit: PAGE },
    };
    const series: Record<string, number[]> = {};
    const notes = [`seed: ${ITEMS.toLocaleString('en')} items (lost and found, 10 categories, 80 days), ${(seedMs / 1000).toFixed(1)} s`];
    for (const [name, query] of Object.entries(queries)) {
      const first = await backend.lostFound.list(query);
      if (first.items.length === 0) throw new Error(`"${name}" found nothing; the dataset no longer fits the query`);
      notes.push(`${name}: ${first.items.length} items on the first page${first.nextCursor ? ', more behind the cursor' : ''}`);
      series[`lostFound.list: ${name}`] = await measure(() => backend.lostFound.list(query));
      log(`${name} measured`);
    }
    backend.close();
    await dropDatabase(dbName);

    return {
      notes,
      series,
      budgets: (m) => Object.entries(m).map(([label, value]) => ({ label: `${label} (median)`, value, max: 50, unit: 'ms' as const })),
    };
  },
});
