/**
 * A deterministic generator of many realistic posts, for benchmarks and paging tests.
 *
 * Post `i` depends only on the group, `i` and `now` (an integer hash, no `Math.random`), so
 * `bulkPosts(g, 100)` is the first hundred of `bulkPosts(g, 10_000)`. Cheap per post: string
 * concatenation and one `toISOString` per timestamp, nothing else.
 */
import type { Locale, Reaction, SeedPost } from '../schema/index.js';
import { MUNICIPALITY_MEMBER_IDS } from './municipality.js';
import { MS, toIso } from './time.js';

export interface BulkOptions {
  /**
   * Member ids used as authors, commenters and reactors. Default: the members of
   * `municipalitySample`, so the posts can be seeded alongside it.
   */
  authorIds?: readonly string[];
  /** Language of titles, bodies and tags. Default `de`. */
  locale?: Locale;
}

interface Topic {
  title: string;
  body: string;
  tags: string[];
}

const DE: { topics: Topic[]; places: string[]; closers: string[]; tags: string[]; slots: [string, string] } = {
  topics: [
    { title: 'Flohmarkt', body: 'Wir veranstalten einen Flohmarkt für Kinderkleidung, Spielzeug und Bücher. Standgebühr ist ein Kuchen für das Café.', tags: ['Flohmarkt'] },
    { title: 'Neue Öffnungszeiten', body: 'Ab der kommenden Woche gelten neue Öffnungszeiten. Bitte beachten Sie auch die Aushänge vor Ort.', tags: ['Hinweis'] },
    { title: 'Baustelle', body: 'Wegen Kanalarbeiten ist mit Behinderungen zu rechnen. Fußgänger werden auf der anderen Straßenseite vorbeigeleitet.', tags: ['Baustelle', 'Verkehr'] },
    { title: 'Seniorennachmittag', body: 'Herzliche Einladung zu Kaffee, Kuchen und guten Gesprächen. Ein Fahrdienst kann über das Rathaus bestellt werden.', tags: ['Senioren'] },
    { title: 'Fundsache abgegeben', body: 'Im Rathaus wurde eine Fundsache abgegeben. Einzelheiten stehen unter „Gesucht – Gefunden“.', tags: ['Fundsache'] },
    { title: 'Lauftreff', body: 'Der Lauftreff startet wieder – alle Tempi sind willkommen, niemand wird zurückgelassen.', tags: ['Sport'] },
    { title: 'Müllabfuhr verschoben', body: 'Wegen des Feiertags verschiebt sich die Abholung der Biotonne um einen Tag.', tags: ['Abfall'] },
    { title: 'Spieleabend', body: 'Brettspiele, Kartenspiele, Knobeleien: Bringt eure Lieblingsspiele mit oder probiert neue aus.', tags: ['Freizeit'] },
    { title: 'Blutspende', body: 'Das Rote Kreuz lädt zur Blutspende ein. Bitte den Personalausweis mitbringen und vorher gut essen und trinken.', tags: ['Gesundheit'] },
    { title: 'Bücherflohmarkt', body: 'Die Bücherei sortiert aus: Romane, Kinderbücher und Sachbücher gegen eine kleine Spende.', tags: ['Bücherei'] },
    { title: 'Pflanzentauschbörse', body: 'Ableger, Samen und Jungpflanzen tauschen statt kaufen. Auch wer nichts mitbringt, ist willkommen.', tags: ['Garten', 'Umwelt'] },
    { title: 'Sprechstunde der Bürgermeisterin', body: 'Die Bürgermeisterin nimmt sich Zeit für Ihre Anliegen – ohne Termin und ohne Voranmeldung.', tags: ['Rathaus'] },
    { title: 'Straßenbeleuchtung defekt', body: 'Mehrere Laternen sind ausgefallen. Der Bauhof ist informiert und tauscht die Leuchtmittel in den nächsten Tagen.', tags: ['Hinweis'] },
    { title: 'Kinderturnen', body: 'Für Kinder von drei bis sechs Jahren: Toben, Klettern, Balancieren. Bitte Hallenschuhe mitbringen.', tags: ['Kinder', 'Sport'] },
    { title: 'Repair-Café', body: 'Toaster kaputt, Hose gerissen, Fahrrad quietscht? Gemeinsam reparieren wir, was noch zu retten ist.', tags: ['Nachhaltigkeit'] },
    { title: 'Vortrag: Energie sparen im Altbau', body: 'Ein Energieberater erklärt, welche Maßnahmen sich lohnen und welche Förderungen es gibt.', tags: ['Energie', 'Vortrag'] },
  ],
  places: [
    'im Bürgerhaus', 'am Dorfplatz', 'in der Schulstraße', 'am Sportplatz', 'im Pfarrsaal', 'an der Grundschule',
    'am Dorfweiher', 'in der Hauptstraße', 'im Feuerwehrhaus', 'am Friedhofsweg', 'im Lindenweg', 'an der Grillhütte',
  ],
  closers: [
    'Wir freuen uns auf Sie!', 'Fragen gern in die Kommentare.', 'Bitte weitersagen!', 'Vielen Dank für Ihr Verständnis.',
    'Der Eintritt ist frei.', 'Kinder sind herzlich willkommen.', '',
  ],
  tags: ['Termine', 'Ehrenamt', 'Familie', 'Jugend', 'Kultur', 'Nachbarschaft', 'Verein', 'Wichtig'],
  slots: ['Helfer:innen', 'Kuchen'],
};

const EN: typeof DE = {
  topics: [
    { title: 'Car boot sale', body: 'Our car boot sale is back. Pitches are free for members; refreshments from the tea hut.', tags: ['fundraising'] },
    { title: 'New opening hours', body: 'From next week new opening hours apply. Please check the notice board as well.', tags: ['notice'] },
    { title: 'Road works', body: 'Expect delays because of road works. Pedestrians are diverted to the other side of the road.', tags: ['roads'] },
    { title: 'Quiz night', body: 'Teams of up to six, prizes for the winners and the wooden spoon for last place.', tags: ['social'] },
    { title: 'Lost property', body: 'Some lost property has been handed in. Details are on the lost and found page.', tags: ['lost property'] },
    { title: 'Group run', body: 'The group run is on again. All paces welcome; nobody gets left behind.', tags: ['running'] },
    { title: 'Bin collection moved', body: 'Because of the bank holiday, bin collection moves by one day.', tags: ['notice'] },
    { title: 'Games evening', body: 'Board games, card games and puzzles: bring your favourites or try something new.', tags: ['social'] },
    { title: 'Junior training', body: 'Training for under-8s and under-10s. Please bring shin pads and a water bottle.', tags: ['juniors'] },
    { title: 'Kit swap', body: 'Outgrown boots and shirts? Swap them for the next size up, free of charge.', tags: ['kit'] },
    { title: 'Floodlights repaired', body: 'The floodlights have been repaired, so evening sessions are back to normal.', tags: ['facilities'] },
    { title: 'First aid refresher', body: 'A two-hour refresher for coaches and parents, including CPR and the defibrillator.', tags: ['first aid'] },
  ],
  places: ['at the clubhouse', 'on pitch 2', 'on the 3G pitch', 'at the tennis courts', 'by the boathouse', 'in the car park', 'on the river path', 'in the pavilion'],
  closers: ['See you there!', 'Questions in the comments, please.', 'Please spread the word!', 'Thanks for your patience.', 'Free entry.', ''],
  tags: ['fixtures', 'volunteering', 'family', 'youth', 'club', 'community', 'important'],
  slots: ['Volunteers', 'Cakes'],
};

const REACTIONS: readonly Reaction[] = ['like', 'heart', 'thanks', 'clap'];

/** A 32-bit integer hash (lowbias32), good enough to vary sample content. */
function hash(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Minutes between consecutive posts: 10,000 posts span about ten months. */
const SPACING_MIN = 44;

/**
 * `count` varied, valid posts for `groupId`, newest first, spread back in time from `now`:
 * notes and news with tags, reactions and some comments; a few pinned posts, an urgent notice
 * every 1,250 posts (the newest one still active) and a "Mach mit!" call every 400.
 */
export function bulkPosts(groupId: string, count: number, now: Date = new Date(), options: BulkOptions = {}): SeedPost[] {
  const authors = options.authorIds?.length ? options.authorIds : MUNICIPALITY_MEMBER_IDS;
  const lang = options.locale === 'en' ? EN : DE;
  const base = Math.floor(now.getTime() / MS.minute) * MS.minute;
  if (!Number.isFinite(base)) throw new RangeError('bulkPosts needs a valid `now`.');
  const seed = hashString(groupId);
  // Ids stay within 64 characters: prefix (≤ 45) + `-999999` + `-c3`.
  const prefix = groupId.length <= 40 ? `bulk-${groupId}` : `bulk-${groupId.slice(0, 31)}${seed.toString(16).padStart(8, '0')}`;
  const n = authors.length;
  const posts: SeedPost[] = new Array(Math.max(0, count));

  for (let i = 0; i < count; i++) {
    const h = hash(seed ^ hash(i + 1));
    const h2 = hash(h);
    const id = `${prefix}-${i}`;
    const createdMs = base - (i * SPACING_MIN + (h % SPACING_MIN)) * MS.minute;
    const createdAt = toIso(createdMs);
    const topic = lang.topics[h % lang.topics.length]!;
    const place = lang.places[(h >>> 8) % lang.places.length]!;
    const closer = lang.closers[(h >>> 16) % lang.closers.length]!;
    const authorIndex = h2 % n;

    const urgent = i % 1250 === 3;
    const call = !urgent && i % 400 === 7;
    const pinned = !urgent && !call && i % 2500 === 11;
    const kind: SeedPost['kind'] = urgent ? 'urgent' : call ? 'call' : h2 % 3 === 0 ? 'news' : 'note';

    const tags = [...topic.tags];
    const extra = (h2 >>> 4) % 3;
    for (let t = 0; t < extra; t++) {
      const tag = lang.tags[(h2 >>> (8 + t * 4)) % lang.tags.length]!;
      if (!tags.includes(tag)) tags.push(tag);
    }

    const reactionCount = (h2 >>> 12) % Math.min(6, n + 1);
    const reactions: SeedPost['reactions'] = [];
    for (let r = 0; r < reactionCount; r++) {
      reactions.push({ memberId: authors[(authorIndex + 1 + r) % n]!, reaction: REACTIONS[(h2 >>> (r * 2)) % 4]! });
    }

    const comments: SeedPost['comments'] = [];
    if (h % 5 === 0) {
      const commentCount = 1 + ((h2 >>> 20) % 3);
      for (let c = 0; c < commentCount; c++) {
        comments.push({
          id: `${id}-c${c + 1}`,
          authorId: authors[(authorIndex + 2 + c) % n]!,
          body: lang === DE ? ['Danke für die Info!', 'Wir sind dabei.', 'Gibt es dafür eine Anmeldung?', 'Super, bitte weiter so!'][(h2 + c) % 4]!
            : ['Thanks for the heads-up!', 'Count us in.', 'Do we need to sign up?', 'Great, keep it up!'][(h2 + c) % 4]!,
          createdAt: toIso(Math.min(base, createdMs + (c + 1) * 23 * MS.minute)),
        });
      }
    }

    const startMs = Math.floor((createdMs + 5 * MS.day) / MS.hour) * MS.hour;
    posts[i] = {
      id,
      groupId,
      kind,
      title: urgent ? `${lang === DE ? 'Achtung' : 'Notice'}: ${topic.title} ${place}` : `${topic.title} ${place}`,
      body: closer ? `${topic.body}\n\n${closer}` : topic.body,
      tags,
      expiresAt: urgent ? toIso(createdMs + 2 * MS.day) : null,
      attachments: [],
      call: call
        ? {
            start: toIso(startMs),
            end: toIso(startMs + 3 * MS.hour),
            place: place.replace(/^(im|am|an der|in der|at the|on the|in the|by the|on)\s+/, ''),
            slots: [
              { id: `${id}-s1`, label: lang.slots[0], kind: 'people', capacity: 5 + (h % 10) },
              { id: `${id}-s2`, label: lang.slots[1], kind: 'item', capacity: 2 + (h2 % 4) },
            ],
          }
        : null,
      authorId: authors[authorIndex]!,
      createdAt,
      pinned,
      reactions,
      comments,
      commitments: call ? [{ id: `${id}-k1`, slotId: `${id}-s1`, memberId: authors[(authorIndex + 1) % n]!, count: 1 }] : [],
    };
  }
  return posts;
}
