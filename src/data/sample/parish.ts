/**
 * Pfarrei St. Martin: the parish sample (German, Europe/Berlin). Smaller than the municipality:
 * parish life, a youth choir, a visiting service, the parish hall, a few lost things and a
 * smartphone course for seniors.
 */
import type { Dataset, Resource } from '../schema/index.js';
import {
  award, badgeImage, BookingPlanner, checkIns, comments, group, item, post, reactions,
  type Achievement, type Member, type Path,
} from './build.js';
import { Clock, deDate } from './time.js';

export const PARISH_ID = 'st-martin';
const TZ = 'Europe/Berlin';

const members: Member[] = [
  { id: 'pfarrbuero', displayName: 'Pfarrbüro St. Martin', roles: ['member', 'moderator', 'admin'] },
  { id: 'pfarrer-berger', displayName: 'Pfarrer Michael Berger', roles: ['member', 'moderator'] },
  { id: 'claudia-roth', displayName: 'Claudia Roth (Gemeindereferentin)', roles: ['member', 'moderator'] },
  { id: 'maria-hofmann', displayName: 'Maria Hofmann', roles: ['member'] },
  { id: 'karl-zimmermann', displayName: 'Karl Zimmermann', roles: ['member'] },
  { id: 'lena-braun', displayName: 'Lena Braun', roles: ['member'] },
  { id: 'paul-neumann', displayName: 'Paul Neumann', roles: ['member'] },
  { id: 'hildegard-lang', displayName: 'Hildegard Lang', roles: ['member'] },
  { id: 'stefan-koch', displayName: 'Stefan Koch', roles: ['member'] },
];

const HAUSREGELN = `Wir sind eine Gemeinde – auch hier:

1. Wir begegnen einander freundlich und mit Respekt.
2. Keine Werbung, keine politischen Kampagnen, keine Beleidigungen.
3. Persönliches über andere (Krankheit, Trauerfälle, Adressen) nur mit deren Einverständnis.
4. Das Pfarrbüro moderiert und darf Beiträge ausblenden.`;

function groups() {
  return [
    group({
      id: 'gemeindeleben',
      name: 'Gemeindeleben',
      description: 'Gottesdienste, Termine, Feste und alles, was in St. Martin los ist.',
      visibility: 'public',
      joinPolicy: 'open',
      rules: HAUSREGELN,
      members: [
        { memberId: 'pfarrbuero', role: 'admin' },
        { memberId: 'pfarrer-berger', role: 'moderator' },
        { memberId: 'claudia-roth', role: 'moderator' },
        ...['maria-hofmann', 'karl-zimmermann', 'lena-braun', 'paul-neumann', 'hildegard-lang', 'stefan-koch'].map(
          (memberId) => ({ memberId, role: 'member' as const }),
        ),
      ],
    }),
    group({
      id: 'jugendchor',
      name: 'Jugendchor',
      description: 'Proben, Auftritte und Noten des Jugendchors „Martinsspatzen“. Wir proben freitags um 17 Uhr im Pfarrsaal.',
      visibility: 'members',
      joinPolicy: 'request',
      rules: `${HAUSREGELN}
5. Fotos von Proben und Auftritten nur mit Zustimmung aller, die darauf zu sehen sind.`,
      members: [
        { memberId: 'lena-braun', role: 'admin' },
        { memberId: 'claudia-roth', role: 'moderator' },
        { memberId: 'paul-neumann', role: 'member' },
        { memberId: 'stefan-koch', role: 'member' },
      ],
    }),
    group({
      id: 'besuchsdienst',
      name: 'Besuchsdienst',
      description: 'Absprachen der Ehrenamtlichen, die ältere und kranke Gemeindemitglieder besuchen.',
      visibility: 'private',
      joinPolicy: 'invite',
      rules: `${HAUSREGELN}
5. Namen und Lebensumstände der Besuchten werden hier nicht genannt. Besuchspläne laufen über das Pfarrbüro.`,
      members: [
        { memberId: 'claudia-roth', role: 'admin' },
        { memberId: 'maria-hofmann', role: 'member' },
        { memberId: 'hildegard-lang', role: 'member' },
        { memberId: 'karl-zimmermann', role: 'member' },
      ],
    }),
  ];
}

function posts(clock: Clock) {
  const festSunday = clock.next(7, 10);
  const gottesdiensteAt = clock.ago({ d: 40 });
  const portalAt = clock.ago({ h: 3, m: 10 });
  const pfarrfestAt = clock.ago({ d: 6, h: 2 });
  const buechereiAt = clock.ago({ d: 9 });
  const probeAt = clock.ago({ d: 1, h: 4 });
  const besuchAt = clock.ago({ d: 3 });

  return [
    post({
      id: 'post-gottesdienste',
      groupId: 'gemeindeleben',
      kind: 'news',
      pinned: true,
      title: 'Gottesdienste und Öffnungszeiten des Pfarrbüros',
      body: `Sonntag 10:00 Uhr Eucharistiefeier in St. Martin
Mittwoch 18:30 Uhr Abendmesse
Freitag 9:00 Uhr Frauenmesse mit anschließendem Frühstück

Das Pfarrbüro ist dienstags und donnerstags von 9 bis 12 Uhr geöffnet.`,
      tags: ['Gottesdienste', 'Pfarrbüro'],
      authorId: 'pfarrbuero',
      createdAt: gottesdiensteAt,
      reactions: reactions({ 'hildegard-lang': ['thanks'], 'maria-hofmann': ['like'] }),
    }),
    post({
      id: 'post-hauptportal',
      groupId: 'gemeindeleben',
      kind: 'urgent',
      title: 'Hauptportal geschlossen – bitte den Seiteneingang nutzen',
      body: `Wegen Arbeiten an der Treppe ist das Hauptportal der Kirche bis übermorgen geschlossen. Bitte nutzen Sie den Seiteneingang am Pfarrgarten; er ist stufenlos erreichbar.`,
      tags: ['Kirche', 'Baustelle'],
      expiresAt: clock.at(clock.day(2), '20:00'),
      authorId: 'pfarrbuero',
      createdAt: portalAt,
      reactions: reactions({ 'karl-zimmermann': ['thanks'] }),
    }),
    post({
      id: 'post-pfarrfest',
      groupId: 'gemeindeleben',
      kind: 'call',
      title: 'Pfarrfest: Wer hilft mit?',
      body: `Am ${deDate(festSunday)}, feiern wir nach dem Gottesdienst unser Pfarrfest rund um den Pfarrsaal – mit Mittagessen, Kuchenbuffet, Hüpfburg und dem Jugendchor.

Dafür brauchen wir viele Hände: beim Aufbau, am Spülmobil und natürlich Kuchen. Tragen Sie sich einfach ein. Vergelt's Gott!`,
      tags: ['Pfarrfest', 'Ehrenamt'],
      authorId: 'claudia-roth',
      createdAt: pfarrfestAt,
      call: {
        start: clock.at(festSunday, '11:30'),
        end: clock.at(festSunday, '17:00'),
        place: 'Pfarrsaal und Pfarrgarten, Kirchplatz 3',
        slots: [
          { id: 'slot-aufbau', label: 'Aufbau ab 8 Uhr', kind: 'people', capacity: 8 },
          { id: 'slot-spuelen', label: 'Spüldienst', kind: 'people', capacity: 4 },
          { id: 'slot-kuchen', label: 'Kuchen', kind: 'item', capacity: 12 },
        ],
      },
      commitments: [
        { id: 'commit-pfarrfest-karl', slotId: 'slot-aufbau', memberId: 'karl-zimmermann', count: 2 },
        { id: 'commit-pfarrfest-stefan', slotId: 'slot-aufbau', memberId: 'stefan-koch', count: 1 },
        { id: 'commit-pfarrfest-maria', slotId: 'slot-spuelen', memberId: 'maria-hofmann', count: 1 },
        { id: 'commit-pfarrfest-hildegard', slotId: 'slot-kuchen', memberId: 'hildegard-lang', count: 2 },
        { id: 'commit-pfarrfest-maria-kuchen', slotId: 'slot-kuchen', memberId: 'maria-hofmann', count: 1 },
        { id: 'commit-pfarrfest-lena', slotId: 'slot-kuchen', memberId: 'lena-braun', count: 1 },
      ],
      reactions: reactions({ 'pfarrer-berger': ['heart'], 'lena-braun': ['like'], 'paul-neumann': ['like'] }),
      comments: comments(clock, 'post-pfarrfest', pfarrfestAt, [
        { by: 'hildegard-lang', after: { h: 4 }, body: 'Ich backe wie jedes Jahr meinen Käsekuchen – diesmal zwei.' },
        { by: 'karl-zimmermann', after: { d: 1 }, body: 'Ich bringe meinen Sohn zum Aufbau mit, wir holen die Bierbänke beim Sportverein.' },
      ]),
    }),
    post({
      id: 'post-buecherei',
      groupId: 'gemeindeleben',
      kind: 'news',
      title: 'Neue Bücher in der Pfarrbücherei',
      body: 'Die Pfarrbücherei hat über 40 neue Bücher, Hörbücher und Spiele, darunter viele Großdruck-Ausgaben. Ausleihe sonntags nach dem Gottesdienst und mittwochs von 16 bis 18 Uhr.',
      tags: ['Bücherei'],
      authorId: 'maria-hofmann',
      createdAt: buechereiAt,
      reactions: reactions({ 'hildegard-lang': ['heart'], 'claudia-roth': ['like'] }),
    }),
    post({
      id: 'post-chorprobe',
      groupId: 'jugendchor',
      kind: 'note',
      title: 'Zusatzprobe für das Pfarrfest',
      body: 'Für das Pfarrfest proben wir zusätzlich am Freitag davor bis 18:30 Uhr. Bitte bringt die Mappe mit den neuen Liedern mit. Wer nicht kann, gibt mir bitte kurz Bescheid.',
      tags: ['Probe'],
      authorId: 'lena-braun',
      createdAt: probeAt,
      reactions: reactions({ 'paul-neumann': ['like'], 'stefan-koch': ['like'] }),
      comments: comments(clock, 'post-chorprobe', probeAt, [
        { by: 'paul-neumann', after: { h: 2 }, body: 'Ich komme etwas später, Fußballtraining geht bis 17:15 Uhr.' },
      ]),
    }),
    post({
      id: 'post-besuchsplan',
      groupId: 'besuchsdienst',
      kind: 'note',
      title: 'Treffen des Besuchsdienstes',
      body: 'Unser nächstes Treffen ist am Dienstag nach dem Pfarrfest um 15 Uhr im kleinen Raum neben dem Pfarrbüro. Wir besprechen den Besuchsplan für die nächsten Wochen und die Geburtstagsbesuche.',
      tags: [],
      authorId: 'claudia-roth',
      createdAt: besuchAt,
      reactions: reactions({ 'maria-hofmann': ['like'], 'hildegard-lang': ['like'] }),
    }),
  ];
}

function pfarrsaal(clock: Clock): Resource {
  const year = Number(clock.today.slice(0, 4));
  return {
    id: 'pfarrsaal',
    name: 'Pfarrsaal St. Martin',
    description: 'Heller Saal neben der Kirche für bis zu 80 Personen, mit Küche, Beamer und Klavier. Ideal für Tauffeiern, Seniorennachmittage und Vereinstreffen.',
    location: 'Kirchplatz 3, 12345 Musterdorf',
    timeZone: TZ,
    houseRules: `1. Der Saal wird aufgeräumt und besenrein übergeben.
2. Rauchen ist im ganzen Haus verboten.
3. Ab 22 Uhr Rücksicht auf die Nachbarschaft nehmen.
4. Während der Gottesdienste keine laute Musik.`,
    rules: {
      unit: 'hour',
      step: 30,
      minDuration: 60,
      maxDuration: 8 * 60,
      leadTime: 3 * 24 * 60,
      maxAdvance: 180,
      buffer: 30,
      approval: 'manual',
      blackouts: [
        { start: `${year}-12-24`, end: `${year}-12-26`, reason: 'Weihnachten' },
        { start: `${year + 1}-12-24`, end: `${year + 1}-12-26`, reason: 'Weihnachten' },
      ],
      openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '22:00' }))
        .concat([{ weekday: 7, open: '12:00', close: '20:00' }]),
      maxAttendees: 80,
      price: { amount: 2000, currency: 'EUR', per: 'hour', note: 'Für Gruppen der Pfarrei kostenlos' },
    },
  };
}

function bookings(clock: Clock, saal: Resource) {
  const p = new BookingPlanner(saal, clock);
  p.add(p.hours(4, [3], '14:30', 180), {
    id: 'booking-pfarrsaal-senioren', status: 'confirmed', purpose: 'Seniorennachmittag mit Kaffee und Kuchen',
    publicLabel: 'Seniorennachmittag', attendees: 35, requester: { name: 'Claudia Roth', email: 'claudia.roth@example.org' },
    requested: { d: 20 }, decidedAfter: { h: 2 },
  });
  p.add(p.hours(6, [7], '13:00', 240), {
    id: 'booking-pfarrsaal-taufe', status: 'requested', purpose: 'Tauffeier im Familienkreis',
    publicLabel: 'Tauffeier', attendees: 30, requester: { name: 'Stefan Koch', email: 'stefan.koch@example.org', phone: '0171 5552233' },
    requested: { d: 1, h: 6 },
  });
  p.add(p.hours(8, [4], '19:30', 90), {
    id: 'booking-pfarrsaal-bibelkreis', status: 'confirmed', purpose: 'Bibelkreis',
    publicLabel: 'Bibelkreis', attendees: 12, requester: { name: 'Maria Hofmann', email: 'maria.hofmann@example.org' },
    requested: { d: 14 }, decidedAfter: { d: 1 },
  });
  p.add(p.hours(11, [6], '18:00', 240), {
    id: 'booking-pfarrsaal-geburtstag', status: 'declined', purpose: 'Geburtstagsfeier mit DJ',
    attendees: 70, requester: { name: 'Kevin Maurer', email: 'k.maurer@example.net' },
    requested: { d: 3 }, decidedAfter: { d: 1 },
    reason: 'Am Wunschtermin probt der Kirchenchor im Saal. Ein anderer Samstag ist gern möglich.',
  });
  return p.bookings;
}

function items(clock: Clock) {
  return [
    item(clock, {
      id: 'item-rosenkranz',
      type: 'found',
      category: 'jewellery',
      title: 'Rosenkranz in der Kirchenbank gefunden',
      description: 'Nach der Abendmesse in einer der vorderen Bänke gefunden. Er liegt im Pfarrbüro.',
      place: 'Kirche St. Martin, vordere Bänke links',
      date: clock.day(-4),
      reportedAt: '19:45',
      contact: { name: 'Pfarrbüro St. Martin', email: 'pfarrbuero@st-martin.example' },
      proofDetail: 'Perlen aus hellem Holz, am Kreuz ist eine kleine Medaille befestigt.',
    }),
    item(clock, {
      id: 'item-lesebrille',
      type: 'found',
      category: 'other',
      title: 'Lesebrille im Pfarrsaal',
      description: 'Lesebrille mit rotem Gestell in einem Etui, nach dem Seniorennachmittag liegen geblieben.',
      place: 'Pfarrsaal, Garderobe',
      date: clock.day(-7),
      reportedAt: '18:00',
      contact: { name: 'Claudia Roth', email: 'claudia.roth@example.org' },
      proofDetail: 'Auf dem Etui steht der Name eines Optikers aus der Kreisstadt.',
    }),
    item(clock, {
      id: 'item-handschuh',
      type: 'lost',
      category: 'clothing',
      title: 'Gestrickter Handschuh verloren',
      description: 'Dunkelgrüner, selbst gestrickter Handschuh mit Zopfmuster. Vermutlich auf dem Weg von der Kirche zum Friedhof verloren.',
      place: 'Weg zwischen Kirche und Friedhof',
      date: clock.day(-6),
      reportedAt: '12:30',
      contact: { name: 'Hildegard Lang', email: 'hildegard.lang@example.org', phone: '06234 5550142' },
    }),
    item(clock, {
      id: 'item-gotteslob',
      type: 'lost',
      category: 'other',
      status: 'resolved',
      title: 'Gotteslob mit Widmung vermisst',
      description: 'Gotteslob in braunem Ledereinband, innen eine Widmung zur Erstkommunion.',
      place: 'Kirche St. Martin',
      date: clock.day(-15),
      reportedAt: '11:30',
      contact: { name: 'Karl Zimmermann', email: 'karl.zimmermann@example.org' },
    }),
  ];
}

function paths(clock: Clock): Path[] {
  return [
    {
      id: 'smartphone-fuer-senioren',
      title: 'Smartphone für Senioren',
      description: 'In fünf Schritten zum sicheren Umgang mit dem Smartphone. Jugendliche aus dem Jugendchor begleiten Sie jeden Dienstag um 15 Uhr im Pfarrsaal.',
      level: 'beginner',
      prerequisites: [],
      badgeId: 'smartphone-senioren',
      steps: [
        {
          id: 'einschalten',
          title: 'Einschalten, entsperren, laut stellen',
          description: 'Wir üben das Einschalten, die Bildschirmsperre und stellen Schriftgröße und Lautstärke passend ein.',
          resources: [{ label: 'Digital-Kompass', url: 'https://www.digital-kompass.de/' }],
          milestone: false,
          evidence: 'none',
          signOff: false,
        },
        {
          id: 'telefonieren',
          title: 'Telefonieren und Kontakte speichern',
          description: 'Speichern Sie drei wichtige Nummern – Familie, Hausarzt und das Pfarrbüro.',
          resources: [],
          milestone: false,
          evidence: 'optional',
          signOff: false,
        },
        {
          id: 'fotos',
          title: 'Fotos machen und verschicken',
          description: 'Fotografieren Sie die Kirche und schicken Sie das Foto an Ihre Begleitung.',
          resources: [],
          milestone: true,
          evidence: 'required',
          signOff: false,
        },
        {
          id: 'sicherheit',
          title: 'Betrug erkennen',
          description: 'Falsche Enkel, falsche Polizisten, falsche Paketnachrichten: So erkennen Sie die Maschen.',
          resources: [
            { label: 'Verbraucherzentrale', url: 'https://www.verbraucherzentrale.de/' },
            { label: 'BAGSO – Lebenslagen', url: 'https://www.bagso.de/' },
          ],
          milestone: false,
          evidence: 'none',
          signOff: false,
        },
        {
          id: 'gottesdienst-online',
          title: 'Einen Gottesdienst im Livestream ansehen',
          description: 'Gemeinsam mit Ihrer Begleitung finden Sie den Livestream des Sonntagsgottesdienstes. Die Begleitung bestätigt den Schritt.',
          resources: [],
          milestone: true,
          evidence: 'none',
          signOff: true,
        },
      ],
      cohort: {
        id: 'smartphone-kurs',
        pathId: 'smartphone-fuer-senioren',
        title: 'Smartphone-Kurs: sechs Wochen gemeinsam',
        start: clock.day(-10),
        days: 42,
        timeZone: TZ,
      },
    },
  ];
}

const issuer = { id: PARISH_ID, name: 'Pfarrei St. Martin', url: null };

const achievements: Achievement[] = [
  {
    id: 'smartphone-senioren',
    name: 'Smartphone sicher nutzen',
    description: 'Telefoniert, fotografiert und erkennt Betrugsmaschen – sicher unterwegs mit dem Smartphone.',
    criteria: 'Alle Schritte des Lernpfads „Smartphone für Senioren“ abgeschlossen.',
    image: badgeImage('#00838f', 'Handy'),
    imageAlt: 'Türkisfarbenes Abzeichen mit der Aufschrift Handy',
    issuer,
    tags: ['Digitales', 'Senioren'],
  },
  {
    id: 'besuchsdienst',
    name: 'Im Besuchsdienst',
    description: 'Schenkt Zeit: besucht regelmäßig ältere und kranke Gemeindemitglieder.',
    criteria: 'Ein Jahr aktiv im Besuchsdienst der Pfarrei.',
    image: badgeImage('#ad1457', '♥'),
    imageAlt: 'Rosafarbenes Abzeichen mit einem Herz',
    issuer,
    tags: ['Ehrenamt'],
  },
  {
    id: 'martinsspatz',
    name: 'Martinsspatz',
    description: 'Singt im Jugendchor der Pfarrei.',
    criteria: 'Ein erster Auftritt mit dem Jugendchor.',
    image: badgeImage('#f9a825', '♪'),
    imageAlt: 'Gelbes Abzeichen mit einer Musiknote',
    issuer,
    tags: ['Musik', 'Jugend'],
  },
];

function awards(clock: Clock) {
  return [
    award({
      id: 'award-besuchsdienst-maria',
      achievementId: 'besuchsdienst',
      recipientId: 'maria-hofmann',
      issuedOn: clock.ago({ d: 60 }),
      note: 'Danke für ein Jahr voller Besuche und Gespräche!',
      onWall: true,
    }),
    award({
      id: 'award-martinsspatz-paul',
      achievementId: 'martinsspatz',
      recipientId: 'paul-neumann',
      issuedOn: clock.ago({ d: 90 }),
      onWall: true,
    }),
    award({
      id: 'award-smartphone-hildegard',
      achievementId: 'smartphone-senioren',
      recipientId: 'hildegard-lang',
      issuedOn: clock.ago({ d: 12 }),
      evidence: [{ narrative: 'Livestream gemeinsam gefunden und angesehen.' }],
      onWall: false,
    }),
  ];
}

function cohortCheckIns(clock: Clock) {
  const start = clock.day(-10);
  return [
    ...checkIns(clock, 'smartphone-kurs', start, 'hildegard-lang', 'x......x..x'),
    ...checkIns(clock, 'smartphone-kurs', start, 'karl-zimmermann', 'x......x...'),
  ];
}

/** The parish sample, relative to `now`. */
export function parishSample(now: Date = new Date()): Dataset {
  const clock = new Clock(now, TZ);
  const saal = pfarrsaal(clock);
  return {
    community: { id: PARISH_ID, name: 'Pfarrei St. Martin', timeZone: TZ, locale: 'de' },
    members: members.map((m) => ({ ...m, roles: [...m.roles] })),
    groups: groups(),
    posts: posts(clock),
    resources: [saal],
    bookings: bookings(clock, saal),
    items: items(clock),
    paths: paths(clock),
    checkIns: cohortCheckIns(clock),
    achievements: structuredClone(achievements),
    awards: awards(clock),
  };
}
