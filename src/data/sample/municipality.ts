/**
 * Gemeinde Musterdorf: the municipality sample (German, Europe/Berlin).
 *
 * A village of a few thousand people: the administration posts news and urgent notices,
 * residents answer "Mach mit!" calls, book the Grillhütte and the Bürgerhaus, look for a lost
 * cat, refresh their first aid and collect badges for it.
 */
import type { Dataset, Resource } from '../schema/index.js';
import {
  award, badgeImage, BookingPlanner, checkIns, comments, group, item, post, reactions,
  type Achievement, type Member, type Path, type Requester,
} from './build.js';
import { addDays, Clock, deDate, lastDayOfMonth, nthWeekdayOfMonth } from './time.js';

export const MUNICIPALITY_ID = 'musterdorf';
const TZ = 'Europe/Berlin';

const members: Member[] = [
  { id: 'gemeindeverwaltung', displayName: 'Gemeindeverwaltung Musterdorf', roles: ['member', 'moderator', 'admin'] },
  { id: 'sabine-krueger', displayName: 'Sabine Krüger', roles: ['member', 'moderator'] },
  { id: 'anja-weber', displayName: 'Bürgermeisterin Anja Weber', roles: ['member', 'moderator'] },
  { id: 'feuerwehr-musterdorf', displayName: 'Freiwillige Feuerwehr Musterdorf', roles: ['member'] },
  { id: 'jonas-becker', displayName: 'Jonas Becker', roles: ['member'] },
  { id: 'elif-yilmaz', displayName: 'Elif Yılmaz', roles: ['member'] },
  { id: 'hans-peter-schmitt', displayName: 'Hans-Peter Schmitt', roles: ['member'] },
  { id: 'marie-schaefer', displayName: 'Marie Schäfer', roles: ['member'] },
  { id: 'luca-meyer', displayName: 'Luca Meyer', roles: ['member'] },
  { id: 'greta-wagner', displayName: 'Greta Wagner', roles: ['member'] },
  { id: 'thomas-klein', displayName: 'Thomas Klein', roles: ['member'] },
  { id: 'ursula-fischer', displayName: 'Ursula Fischer', roles: ['member'] },
];

/** Member ids of the municipality sample, e.g. as authors for `bulkPosts`. */
export const MUNICIPALITY_MEMBER_IDS = members.map((m) => m.id);

const residents = [
  'jonas-becker', 'elif-yilmaz', 'hans-peter-schmitt', 'marie-schaefer',
  'luca-meyer', 'greta-wagner', 'thomas-klein', 'ursula-fischer',
] as const;

const HAUSREGELN_ALLGEMEIN = `Willkommen! Damit sich hier alle wohlfühlen, gelten ein paar einfache Regeln:

1. Wir gehen freundlich und respektvoll miteinander um – auch wenn wir unterschiedlicher Meinung sind.
2. Keine Beleidigungen, keine Hetze, keine Werbung.
3. Keine privaten Daten anderer (Adressen, Telefonnummern, Fotos von Personen) ohne deren Zustimmung.
4. Bleibt beim Thema der Gruppe. Für Gesuchtes und Gefundenes gibt es „Gesucht – Gefunden“.
5. Die Moderation darf Beiträge ausblenden, die gegen diese Regeln verstoßen.

Fragen? Schreibt der Gemeindeverwaltung oder Sabine Krüger (Ehrenamtskoordination).`;

function groups() {
  return [
    group({
      id: 'neuigkeiten',
      name: 'Neuigkeiten',
      description: 'Aktuelles aus dem Rathaus: Bekanntmachungen, Termine, Baustellen und wichtige Hinweise.',
      visibility: 'public',
      joinPolicy: 'open',
      approveBeforePublish: true,
      rules: `${HAUSREGELN_ALLGEMEIN}

In dieser Gruppe veröffentlicht die Gemeindeverwaltung. Beiträge von Mitgliedern erscheinen erst nach Freigabe durch die Moderation.`,
      members: [
        { memberId: 'gemeindeverwaltung', role: 'admin' },
        { memberId: 'sabine-krueger', role: 'moderator' },
        { memberId: 'anja-weber', role: 'moderator' },
        { memberId: 'feuerwehr-musterdorf', role: 'member' },
        ...residents.map((memberId) => ({ memberId, role: 'member' as const })),
      ],
    }),
    group({
      id: 'mach-mit',
      name: 'Mach mit!',
      description: 'Hier sucht das Dorf Hände, Kuchen und gute Ideen: Dorfputz, Feste, Nachbarschaftshilfe.',
      visibility: 'public',
      joinPolicy: 'open',
      rules: `${HAUSREGELN_ALLGEMEIN}

Wer sich für eine Aufgabe einträgt, sagt bitte rechtzeitig ab, falls etwas dazwischenkommt.`,
      members: [
        { memberId: 'gemeindeverwaltung', role: 'admin' },
        { memberId: 'sabine-krueger', role: 'moderator' },
        { memberId: 'anja-weber', role: 'member' },
        { memberId: 'feuerwehr-musterdorf', role: 'member' },
        ...residents.map((memberId) => ({ memberId, role: 'member' as const })),
      ],
    }),
    group({
      id: 'jugendforum',
      name: 'Jugendforum',
      description: 'Der Treffpunkt für junge Musterdörfer:innen von 12 bis 21: Jugendraum, Skateranlage, Ideen für den Ort.',
      visibility: 'members',
      joinPolicy: 'request',
      rules: `Hausregeln im Jugendforum:

1. Respekt first – keine Beleidigungen, kein Mobbing, keine Bilder von anderen ohne Erlaubnis.
2. Keine Werbung und keine Kettenbriefe.
3. Wenn dich etwas stört, melde den Beitrag. Die Moderation (Luca und Sabine) kümmert sich.
4. Beitreten können alle zwischen 12 und 21 Jahren aus Musterdorf; die Moderation bestätigt die Anfrage.`,
      members: [
        { memberId: 'sabine-krueger', role: 'moderator' },
        { memberId: 'luca-meyer', role: 'moderator' },
        { memberId: 'jonas-becker', role: 'member' },
        { memberId: 'greta-wagner', role: 'member' },
        { memberId: 'marie-schaefer', role: 'member' },
      ],
    }),
    group({
      id: 'gemeinderat-intern',
      name: 'Gemeinderat intern',
      description: 'Abstimmung unter den Mitgliedern des Gemeinderats. Nur auf Einladung.',
      visibility: 'private',
      joinPolicy: 'invite',
      rules: `Vertraulichkeit: Inhalte dieser Gruppe werden nicht weitergegeben, solange sie nicht öffentlich beraten wurden.
Beschlüsse werden ausschließlich in den Sitzungen gefasst, nicht in dieser Gruppe.`,
      members: [
        { memberId: 'anja-weber', role: 'admin' },
        { memberId: 'gemeindeverwaltung', role: 'admin' },
        { memberId: 'thomas-klein', role: 'member' },
        { memberId: 'hans-peter-schmitt', role: 'member' },
        { memberId: 'ursula-fischer', role: 'member' },
      ],
    }),
  ];
}

function posts(clock: Clock) {
  const saturday = clock.next(6);
  const callStart = clock.at(saturday, '09:00');

  const willkommenAt = clock.ago({ d: 62, h: 3 });
  const strassensperrungAt = clock.ago({ h: 5, m: 20 });
  const uebungDay = clock.day(-11);
  const uebungAt = clock.past(uebungDay, '09:15');
  const glasfaserAt = clock.ago({ d: 5, h: 7 });
  const sprechzeitenAt = clock.ago({ d: 13, h: 4 });
  const sperrmuellAt = clock.ago({ d: 24, h: 1 });
  const dorfputzAt = clock.ago({ d: 3, h: 6 });
  const bankAt = clock.ago({ d: 1, h: 9 });
  const fahrdienstAt = clock.ago({ d: 8, h: 5 });
  const jugendraumAt = clock.ago({ d: 2, h: 4 });
  const skateAt = clock.ago({ d: 16 });
  const sitzungAt = clock.ago({ d: 4, h: 2 });

  return [
    post({
      id: 'post-willkommen',
      groupId: 'neuigkeiten',
      kind: 'news',
      pinned: true,
      title: 'Willkommen auf dem Dorfplatz!',
      body: `Liebe Musterdörferinnen und Musterdörfer,

hier finden Sie ab sofort alles, was im Ort los ist: Neuigkeiten aus dem Rathaus, Aufrufe zum Mitmachen, den Belegungskalender für Grillhütte und Bürgerhaus und das Brett „Gesucht – Gefunden“.

Lesen kann jede und jeder. Wer mitschreiben möchte, legt einfach einen Namen fest – mehr braucht es nicht. Bitte lesen Sie vor Ihrem ersten Beitrag kurz die Hausregeln.

Viel Freude beim Mitmachen wünscht
Ihre Gemeindeverwaltung`,
      tags: ['Dorfplatz', 'Hinweis'],
      authorId: 'gemeindeverwaltung',
      createdAt: willkommenAt,
      reactions: reactions({
        'anja-weber': ['heart'],
        'jonas-becker': ['like'],
        'elif-yilmaz': ['like', 'thanks'],
        'ursula-fischer': ['thanks'],
        'thomas-klein': ['clap'],
      }),
      comments: comments(clock, 'post-willkommen', willkommenAt, [
        { by: 'ursula-fischer', after: { h: 3 }, body: 'Das ist eine schöne Idee. Dann muss ich nicht mehr jeden Aushang am Rathaus suchen!' },
        { by: 'sabine-krueger', after: { h: 1 }, body: 'Genau so ist es gedacht, Frau Fischer. Bei Fragen einfach melden – wir helfen gern beim Einstieg.' },
      ]),
    }),
    post({
      id: 'post-strassensperrung',
      groupId: 'neuigkeiten',
      kind: 'urgent',
      title: 'Wasserrohrbruch: Hauptstraße zwischen Kirche und Bäckerei gesperrt',
      body: `Wegen eines Wasserrohrbruchs ist die Hauptstraße zwischen der Kirche St. Martin und der Bäckerei voll gesperrt. Die Umleitung führt über den Lindenweg und die Schulstraße.

In der Hauptstraße, im Kirchgässchen und Am Anger kann das Wasser zeitweise ausfallen oder trüb sein. Lassen Sie es in diesem Fall kurz laufen, bis es wieder klar ist. Am Feuerwehrhaus steht ein Wasserwagen bereit.

Die Reparatur dauert voraussichtlich bis übermorgen Abend. Aktuelle Auskünfte gibt der Bereitschaftsdienst der Gemeindewerke.`,
      tags: ['Verkehr', 'Wasser', 'Baustelle'],
      expiresAt: clock.at(clock.day(2), '18:00'),
      authorId: 'gemeindeverwaltung',
      createdAt: strassensperrungAt,
      reactions: reactions({ 'hans-peter-schmitt': ['thanks'], 'greta-wagner': ['thanks'], 'marie-schaefer': ['like'] }),
      comments: comments(clock, 'post-strassensperrung', strassensperrungAt, [
        { by: 'greta-wagner', after: { m: 40 }, body: 'Kommt der Schulbus trotzdem bis zur Haltestelle am Rathaus?' },
        { by: 'gemeindeverwaltung', after: { m: 25 }, body: 'Ja, der Schulbus fährt die Umleitung und hält wie gewohnt am Rathaus. Nur die Haltestelle „Kirche“ entfällt.' },
      ]),
    }),
    post({
      id: 'post-feuerwehruebung',
      groupId: 'neuigkeiten',
      kind: 'urgent',
      title: 'Feuerwehrübung an der Grundschule – Rauch gehört zur Übung',
      body: `Heute ab 18:30 Uhr übt die Freiwillige Feuerwehr Musterdorf gemeinsam mit den Wehren aus den Nachbarorten an der Grundschule. Dabei wird künstlicher Nebel eingesetzt, und es kann laut werden.

Bitte rufen Sie wegen des Rauchs nicht die 112 an – und halten Sie die Schulstraße zwischen 18 und 21 Uhr frei. Vielen Dank für Ihr Verständnis!`,
      tags: ['Feuerwehr', 'Übung'],
      expiresAt: clock.at(uebungDay, '21:00'),
      authorId: 'feuerwehr-musterdorf',
      createdAt: uebungAt,
      reactions: reactions({ 'jonas-becker': ['clap'], 'luca-meyer': ['clap'], 'anja-weber': ['thanks'] }),
    }),
    post({
      id: 'post-glasfaser',
      groupId: 'neuigkeiten',
      kind: 'news',
      title: 'Glasfaser für Musterdorf: Info-Abend im Bürgerhaus',
      body: `Der Glasfaserausbau kommt: Bis Ende nächsten Jahres sollen alle Haushalte im Ort einen Anschluss erhalten können. Beim Info-Abend im Großen Saal des Bürgerhauses erklärt das Planungsbüro, welche Straßen zuerst an der Reihe sind und wie der Hausanschluss beantragt wird.

Wer nicht kommen kann: Die Unterlagen gibt es danach im Rathaus und hier in der Gruppe.`,
      tags: ['Glasfaser', 'Infoabend'],
      authorId: 'gemeindeverwaltung',
      createdAt: glasfaserAt,
      reactions: reactions({
        'thomas-klein': ['like'],
        'jonas-becker': ['like', 'clap'],
        'elif-yilmaz': ['like'],
        'marie-schaefer': ['heart'],
      }),
      comments: comments(clock, 'post-glasfaser', glasfaserAt, [
        { by: 'hans-peter-schmitt', after: { h: 2 }, body: 'Endlich! Wird der Anschluss für die Aussiedlerhöfe auch gefördert?' },
        { by: 'gemeindeverwaltung', after: { h: 18 }, body: 'Ja, die Aussiedlerhöfe sind im geförderten Gebiet enthalten. Details stellt das Planungsbüro beim Info-Abend vor.' },
        { by: 'elif-yilmaz', after: { h: 5 }, body: 'Gibt es die Unterlagen auch auf Türkisch? Meine Eltern würden sich freuen.' },
      ]),
    }),
    post({
      id: 'post-sprechzeiten',
      groupId: 'neuigkeiten',
      kind: 'news',
      title: 'Neue Sprechzeiten im Rathaus',
      body: `Ab sofort hat das Bürgerbüro im Rathaus länger geöffnet:

Montag bis Freitag 8:00 bis 12:00 Uhr
Donnerstag zusätzlich 14:00 bis 18:30 Uhr

Termine außerhalb dieser Zeiten vereinbaren Sie bitte telefonisch.`,
      tags: ['Rathaus'],
      authorId: 'gemeindeverwaltung',
      createdAt: sprechzeitenAt,
      reactions: reactions({ 'ursula-fischer': ['thanks'], 'thomas-klein': ['like'] }),
    }),
    post({
      id: 'post-sperrmuell',
      groupId: 'neuigkeiten',
      kind: 'news',
      title: 'Sperrmüll jetzt auch online anmelden',
      body: `Sperrmüll kann ab sofort auch online beim Abfallwirtschaftsbetrieb des Landkreises angemeldet werden. Pro Haushalt sind zwei Abholungen im Jahr kostenlos.

Bitte stellen Sie den Sperrmüll erst am Vorabend an die Straße – und so, dass Gehweg und Bushaltestellen frei bleiben.`,
      tags: ['Abfall'],
      authorId: 'gemeindeverwaltung',
      createdAt: sperrmuellAt,
      reactions: reactions({ 'marie-schaefer': ['like'] }),
    }),
    post({
      id: 'post-dorfputz',
      groupId: 'mach-mit',
      kind: 'call',
      title: 'Dorfputz am Samstag',
      body: `Unser Dorf soll glänzen! Am ${deDate(saturday)}, räumen wir gemeinsam auf: Bachufer, Spielplätze, Feldwege und der Weg zur Grillhütte.

Handschuhe, Greifzangen und Müllsäcke stellt der Bauhof. Wer eine Schubkarre hat, bringt sie bitte mit. Zum Abschluss gibt es ab 12:30 Uhr Würstchen, Kaffee und Kuchen am Bauhof – für alle, die mitgeholfen haben.

Kinder sind herzlich willkommen (bitte in Begleitung).`,
      tags: ['Dorfputz', 'Umwelt', 'Ehrenamt'],
      authorId: 'sabine-krueger',
      createdAt: dorfputzAt,
      call: {
        start: callStart,
        end: clock.at(saturday, '13:00'),
        place: 'Treffpunkt: Bauhof, Am Sportplatz 2',
        slots: [
          { id: 'slot-helfer', label: 'Helfer:innen', kind: 'people', capacity: 10 },
          { id: 'slot-schubkarren', label: 'Schubkarre mitbringen', kind: 'item', capacity: 3 },
          { id: 'slot-kuchen', label: 'Kuchen backen', kind: 'item', capacity: 2 },
        ],
      },
      commitments: [
        { id: 'commit-dorfputz-jonas', slotId: 'slot-helfer', memberId: 'jonas-becker', count: 2 },
        { id: 'commit-dorfputz-elif', slotId: 'slot-helfer', memberId: 'elif-yilmaz', count: 3 },
        { id: 'commit-dorfputz-hans-peter', slotId: 'slot-helfer', memberId: 'hans-peter-schmitt', count: 1 },
        { id: 'commit-dorfputz-hans-peter-karre', slotId: 'slot-schubkarren', memberId: 'hans-peter-schmitt', count: 1 },
        { id: 'commit-dorfputz-thomas-karre', slotId: 'slot-schubkarren', memberId: 'thomas-klein', count: 1 },
        { id: 'commit-dorfputz-ursula-kuchen', slotId: 'slot-kuchen', memberId: 'ursula-fischer', count: 1 },
      ],
      reactions: reactions({
        'anja-weber': ['clap'],
        'elif-yilmaz': ['heart'],
        'jonas-becker': ['like'],
        'greta-wagner': ['like'],
      }),
      comments: comments(clock, 'post-dorfputz', dorfputzAt, [
        { by: 'elif-yilmaz', after: { h: 2 }, body: 'Wir kommen zu dritt – meine beiden Großen freuen sich schon auf die Greifzangen.' },
        { by: 'ursula-fischer', after: { h: 6 }, body: 'Ich backe einen Zwetschgenkuchen. Kann ihn jemand am Samstagmorgen bei mir abholen?' },
        { by: 'jonas-becker', after: { h: 1 }, body: 'Mache ich gern, Frau Fischer. Ich bin gegen halb neun bei Ihnen.' },
      ]),
    }),
    post({
      id: 'post-bank-spielplatz',
      groupId: 'mach-mit',
      kind: 'note',
      title: 'Wer hilft, die Bänke am Dorfweiher zu streichen?',
      body: `Die drei Bänke am Dorfweiher sind ziemlich verwittert. Der Bauhof stellt Farbe und Pinsel, wenn sich ein paar Leute finden. Zwei Nachmittage sollten reichen. Wer ist dabei?`,
      tags: ['Nachbarschaft'],
      authorId: 'marie-schaefer',
      createdAt: bankAt,
      reactions: reactions({ 'greta-wagner': ['like'], 'sabine-krueger': ['thanks'] }),
      comments: comments(clock, 'post-bank-spielplatz', bankAt, [
        { by: 'greta-wagner', after: { h: 1, m: 30 }, body: 'Bin dabei, aber erst ab 16 Uhr.' },
        { by: 'sabine-krueger', after: { h: 3 }, body: 'Danke, Marie! Ich kläre mit dem Bauhof, wann die Farbe bereitsteht, und melde mich.' },
      ]),
    }),
    post({
      id: 'post-fahrdienst',
      groupId: 'mach-mit',
      kind: 'news',
      title: 'Bürgerbus sucht Fahrerinnen und Fahrer',
      body: `Der Bürgerbus bringt ältere Menschen zum Arzt, zum Einkaufen und zum Friedhof. Für die Dienstags- und Donnerstagsfahrten suchen wir Verstärkung. Ein Pkw-Führerschein genügt; eine Einweisung gibt es vorab.

Interesse? Einfach hier kommentieren oder im Rathaus melden.`,
      tags: ['Bürgerbus', 'Ehrenamt', 'Senioren'],
      authorId: 'sabine-krueger',
      createdAt: fahrdienstAt,
      reactions: reactions({ 'ursula-fischer': ['heart'], 'anja-weber': ['like'] }),
      comments: comments(clock, 'post-fahrdienst', fahrdienstAt, [
        { by: 'thomas-klein', after: { d: 1, h: 2 }, body: 'Donnerstags kann ich übernehmen, seit ich in Rente bin, habe ich Zeit.' },
      ]),
    }),
    post({
      id: 'post-jugendraum',
      groupId: 'jugendforum',
      kind: 'note',
      title: 'Ideen für den Jugendraum',
      body: `Der Gemeinderat hat Geld für die Renovierung des Jugendraums im Bürgerhaus freigegeben. Was wünscht ihr euch? Sofa-Ecke, Tischkicker, Musikanlage, eine Wand zum Bemalen?

Sammelt eure Ideen hier – ich stelle sie beim nächsten Jugendforum vor.`,
      tags: ['Jugendraum', 'Umfrage'],
      authorId: 'luca-meyer',
      createdAt: jugendraumAt,
      reactions: reactions({ 'jonas-becker': ['like'], 'greta-wagner': ['heart'], 'marie-schaefer': ['like'] }),
      comments: comments(clock, 'post-jugendraum', jugendraumAt, [
        { by: 'greta-wagner', after: { h: 1 }, body: 'Eine Graffiti-Wand! Und bitte besseres WLAN.' },
        { by: 'jonas-becker', after: { h: 2 }, body: 'Tischkicker auf jeden Fall. Vielleicht findet sich ein gebrauchter.' },
        { by: 'sabine-krueger', after: { h: 4 }, body: 'Tolle Ideen! Für die Graffiti-Wand könnten wir einen Workshop organisieren.' },
      ]),
    }),
    post({
      id: 'post-skateranlage',
      groupId: 'jugendforum',
      kind: 'news',
      title: 'Skateranlage am Sportplatz: Planung beginnt',
      body: `Gute Nachrichten: Die Gemeinde prüft einen Standort für eine kleine Skateranlage neben dem Sportplatz. Im Jugendforum wollen wir mitreden, welche Elemente sie bekommen soll.`,
      tags: ['Skateranlage'],
      authorId: 'sabine-krueger',
      createdAt: skateAt,
      reactions: reactions({ 'luca-meyer': ['clap'], 'jonas-becker': ['clap'] }),
    }),
    post({
      id: 'post-sitzung',
      groupId: 'gemeinderat-intern',
      kind: 'note',
      title: 'Vorbereitung der nächsten Sitzung',
      body: `Liebe Kolleginnen und Kollegen,

für die nächste Sitzung stehen bisher auf der Tagesordnung: Haushalt, Renovierung des Jugendraums, Standort Skateranlage und die Gebührenordnung für Grillhütte und Bürgerhaus.

Ergänzungen bitte bis Ende der Woche an die Verwaltung.`,
      tags: ['Sitzung'],
      authorId: 'anja-weber',
      createdAt: sitzungAt,
      reactions: reactions({ 'thomas-klein': ['like'], 'hans-peter-schmitt': ['like'] }),
      comments: comments(clock, 'post-sitzung', sitzungAt, [
        { by: 'hans-peter-schmitt', after: { h: 20 }, body: 'Bitte noch den Zustand der Feldwege nach dem Starkregen aufnehmen.' },
      ]),
    }),
  ];
}

function grillhuette(clock: Clock): Resource {
  const year = Number(clock.today.slice(0, 4));
  const blackouts: Resource['rules']['blackouts'] = [];
  // Winter break: the water is turned off from December to the end of February.
  for (const y of [year - 1, year]) {
    blackouts.push({
      start: `${y}-12-01`,
      end: lastDayOfMonth(y + 1, 2),
      reason: 'Winterpause – Wasser abgestellt',
    });
  }
  // Kerwe: the third weekend of September (Saturday to Monday), this year's and next year's.
  for (const y of [year, year + 1]) {
    const saturday = nthWeekdayOfMonth(y, 9, 6, 3);
    blackouts.push({ start: saturday, end: addDays(saturday, 2), reason: 'Kerwe-Wochenende' });
  }
  // A short repair in the coming weeks, so the calendar shows a blackout right away.
  const repair = clock.next(2, 16);
  blackouts.push({ start: repair, end: addDays(repair, 2), reason: 'Reparatur am Dach' });

  return {
    id: 'grillhuette',
    name: 'Grillhütte am Waldrand',
    description: `Die Grillhütte liegt am Ende des Waldwegs oberhalb des Sportplatzes. Drinnen: 40 Sitzplätze, Theke, Kühlschrank, Spüle und WC. Draußen: großer Schwenkgrill, Feuerstelle und eine Wiese für Kinder.

Die Schlüsselübergabe erfolgt am Vortag im Rathaus.`,
    location: 'Waldweg 1, 12345 Musterdorf (Zufahrt über den Sportplatz)',
    timeZone: TZ,
    houseRules: `1. Nachtruhe ab 22 Uhr: Musik danach nur in der Hütte und in Zimmerlautstärke.
2. Feuer nur im Grill und in der Feuerstelle, nie im Wald. Bei Waldbrandwarnstufe 4 oder 5 ist offenes Feuer verboten.
3. Müll wird vollständig mitgenommen.
4. Die Hütte wird besenrein übergeben; die Endreinigung übernimmt die Gemeinde.
5. Schäden bitte sofort im Rathaus melden.
6. Die Zufahrt ist nur zum Be- und Entladen erlaubt.`,
    rules: {
      unit: 'day',
      step: 60,
      minDuration: 1,
      maxDuration: 3,
      leadTime: 3 * 24 * 60,
      maxAdvance: 365,
      buffer: 24 * 60,
      approval: 'manual',
      blackouts,
      openingHours: [],
      maxAttendees: 60,
      price: { amount: 8000, currency: 'EUR', per: 'day', note: 'zzgl. 100 € Kaution; Musterdorfer Vereine zahlen die Hälfte' },
    },
  };
}

function buergerhaus(clock: Clock): Resource {
  const year = Number(clock.today.slice(0, 4));
  const blackouts: Resource['rules']['blackouts'] = [];
  // Two weeks of deep cleaning in the summer holidays.
  for (const y of [year, year + 1]) blackouts.push({ start: `${y}-08-01`, end: `${y}-08-14`, reason: 'Grundreinigung in den Sommerferien' });
  // Closed over Christmas and New Year.
  for (const y of [year - 1, year]) {
    blackouts.push({ start: `${y}-12-24`, end: `${y}-12-26`, reason: 'Weihnachten' });
    blackouts.push({ start: `${y}-12-31`, end: `${y + 1}-01-01`, reason: 'Silvester und Neujahr' });
  }
  // Polling station on a Sunday in a few weeks.
  const election = clock.next(7, 30);
  blackouts.push({ start: election, end: election, reason: 'Wahllokal' });

  return {
    id: 'buergerhaus-saal',
    name: 'Bürgerhaus – Großer Saal',
    description: `Der Große Saal im Bürgerhaus bietet Platz für bis zu 199 Personen (Reihenbestuhlung) oder 120 Personen an Tischen. Mit Bühne, Beamer, Tonanlage und Küche mit Geschirr für 120 Personen. Barrierefrei zugänglich, mit Aufzug und barrierefreiem WC.`,
    location: 'Bürgerhaus, Schulstraße 5, 12345 Musterdorf',
    timeZone: TZ,
    houseRules: `1. Der Saal wird so verlassen, wie er vorgefunden wurde: Tische und Stühle zurück ins Lager, Küche gereinigt.
2. In allen Räumen gilt Rauchverbot.
3. Fluchtwege und Notausgänge bleiben jederzeit frei.
4. Ab 22 Uhr Fenster und Türen geschlossen halten.
5. Dekoration nur mit den vorhandenen Schienen befestigen – keine Nägel, kein Klebeband an den Wänden.`,
    rules: {
      unit: 'hour',
      step: 30,
      minDuration: 120,
      maxDuration: 12 * 60,
      leadTime: 2 * 24 * 60,
      maxAdvance: 270,
      buffer: 30,
      approval: 'manual',
      blackouts,
      openingHours: [
        { weekday: 1, open: '08:00', close: '22:00' },
        { weekday: 2, open: '08:00', close: '22:00' },
        { weekday: 3, open: '08:00', close: '22:00' },
        { weekday: 4, open: '08:00', close: '22:00' },
        { weekday: 5, open: '08:00', close: '23:30' },
        { weekday: 6, open: '09:00', close: '23:30' },
        { weekday: 7, open: '10:00', close: '20:00' },
      ],
      maxAttendees: 199,
      price: { amount: 3500, currency: 'EUR', per: 'hour', note: 'Musterdorfer Vereine: 15 € pro Stunde; Küche pauschal 40 €' },
    },
  };
}

const requesters = {
  becker: { name: 'Jonas Becker', email: 'jonas.becker@example.org', phone: '+49 6234 555 0123' },
  angelverein: { name: 'Angelsportverein Musterdorf e. V.', email: 'vorstand@angelverein-musterdorf.example' },
  jahrgang: { name: 'Ursula Fischer', email: 'ursula.fischer@example.org' },
  kita: { name: 'Elif Yılmaz', email: 'elif.yilmaz@example.org', phone: '0170 5550199' },
  forst: { name: 'Bernd Holzer', email: 'b.holzer@example.net' },
  liederkranz: { name: 'MGV Liederkranz 1881 Musterdorf', email: 'info@liederkranz-musterdorf.example' },
  hochzeit: { name: 'Marie Schäfer', email: 'marie.schaefer@example.org', phone: '+49 151 5550 8812' },
  gemeinde: { name: 'Gemeindeverwaltung Musterdorf', email: 'rathaus@musterdorf.example' },
  sportverein: { name: 'SV Musterdorf 1920 e. V.', email: 'vorstand@sv-musterdorf.example' },
  flohmarkt: { name: 'Greta Wagner', email: 'greta.wagner@example.org' },
  senioren: { name: 'Hans-Peter Schmitt', email: 'hp.schmitt@example.org' },
} satisfies Record<string, Requester>;

function bookings(clock: Clock, grill: Resource, saal: Resource) {
  const g = new BookingPlanner(grill, clock);
  g.add(g.days(4, [6], 1), {
    id: 'booking-grill-geburtstag', status: 'confirmed', purpose: '40. Geburtstag mit Familie und Freunden',
    publicLabel: 'Privatfeier', attendees: 35, requester: requesters.becker, requested: { d: 12 },
  });
  g.add(g.days(9, [5], 2), {
    id: 'booking-grill-angelverein', status: 'requested', purpose: 'Sommerfest des Angelsportvereins mit Fischbrötchen',
    publicLabel: 'Angelverein', attendees: 60, requester: requesters.angelverein, requested: { d: 2, h: 3 },
  });
  g.add(g.days(20, [7], 1), {
    id: 'booking-grill-jahrgang', status: 'confirmed', purpose: 'Jahrgangstreffen 1958',
    publicLabel: 'Jahrgangstreffen', attendees: 25, requester: requesters.jahrgang, requested: { d: 20 }, decidedAfter: { d: 1 },
  });
  g.add(g.days(26, [6], 1), {
    id: 'booking-grill-kita', status: 'requested', purpose: 'Abschlussfest der Kita-Vorschulkinder',
    publicLabel: 'Kita Regenbogen', attendees: 45, requester: requesters.kita, requested: { h: 20 },
  });
  g.add(g.days(12, [3], 1), {
    id: 'booking-grill-forst', status: 'declined', purpose: 'Grillabend mit Arbeitskollegen',
    attendees: 30, requester: requesters.forst, requested: { d: 6 }, decidedAfter: { d: 1, h: 2 },
    reason: 'Die Grillhütte wird nur an Musterdorfer Bürgerinnen, Bürger und Vereine vergeben.',
  });

  const s = new BookingPlanner(saal, clock);
  s.add(s.hours(3, [2], '19:00', 150), {
    id: 'booking-saal-liederkranz', status: 'confirmed', purpose: 'Chorprobe mit Klavierbegleitung',
    publicLabel: 'Liederkranz', attendees: 30, requester: requesters.liederkranz, requested: { d: 30 }, decidedAfter: { d: 2 },
  });
  s.add(s.hours(4, [4], '18:30', 150), {
    id: 'booking-saal-glasfaser', status: 'confirmed', purpose: 'Info-Abend Glasfaserausbau',
    publicLabel: 'Info-Abend Glasfaser', attendees: 150, requester: requesters.gemeinde, requested: { d: 9 }, decidedAfter: { h: 1 },
  });
  s.add(s.hours(8, [6], '14:00', 540), {
    id: 'booking-saal-hochzeit', status: 'confirmed', purpose: 'Hochzeitsfeier mit Abendessen',
    publicLabel: 'Hochzeit', attendees: 110, requester: requesters.hochzeit, requested: { d: 40 }, decidedAfter: { d: 3 },
  });
  s.add(s.hours(10, [5], '19:00', 240), {
    id: 'booking-saal-sportverein', status: 'requested', purpose: 'Jahreshauptversammlung des Sportvereins',
    publicLabel: 'SV Musterdorf', attendees: 80, requester: requesters.sportverein, requested: { d: 1, h: 5 },
  });
  s.add(s.hours(12, [3], '09:00', 180), {
    id: 'booking-saal-senioren', status: 'requested', purpose: 'Seniorengymnastik mit anschließendem Kaffee',
    attendees: 20, requester: requesters.senioren, requested: { h: 7 },
  });
  s.add(s.hours(15, [7], '11:00', 360), {
    id: 'booking-saal-flohmarkt', status: 'declined', purpose: 'Kinderkleider-Flohmarkt',
    attendees: 150, requester: requesters.flohmarkt, requested: { d: 4 }, decidedAfter: { d: 1 },
    reason: 'Sonntags sind Verkaufsveranstaltungen im Bürgerhaus nicht erlaubt. Ein Samstag ist gern möglich.',
  });
  s.add(s.hours(17, [6], '10:00', 300), {
    id: 'booking-saal-flohmarkt-samstag', status: 'confirmed', purpose: 'Kinderkleider-Flohmarkt',
    publicLabel: 'Flohmarkt', attendees: 150, requester: requesters.flohmarkt, requested: { d: 2 }, decidedAfter: { h: 3 },
  });
  s.add(s.hours(6, [1], '17:00', 120), {
    id: 'booking-saal-tanzkurs', status: 'cancelled', purpose: 'Probestunde Tanzkurs',
    attendees: 16, requester: requesters.becker, requested: { d: 10 }, decidedAfter: { d: 1 },
    reason: 'Vom Antragsteller storniert.',
  });

  return [...g.bookings, ...s.bookings];
}

function items(clock: Clock) {
  return [
    item(clock, {
      id: 'item-katze-minka',
      type: 'lost',
      category: 'animal',
      title: 'Katze Minka vermisst',
      description: `Unsere Katze Minka ist seit vorgestern Abend nicht nach Hause gekommen. Sie ist sehr zutraulich, aber ängstlich bei Hunden. Bitte schaut auch in Garagen, Gartenhäuschen und Scheunen nach – sie versteckt sich gern.

Minka ist gechippt und bei TASSO registriert. Für jeden Hinweis sind wir dankbar!`,
      place: 'Lindenweg / Streuobstwiesen am Ortsrand',
      point: { lat: 49.61, lon: 8.36 },
      date: clock.day(-2),
      reportedAt: '21:15',
      animal: {
        species: 'Katze (Europäisch Kurzhaar)',
        colour: 'grau getigert, weiße Pfoten',
        marks: 'Weißer Fleck auf der Brust, linkes Ohr leicht eingekerbt, rotes Halsband mit Glöckchen',
        microchip: '276098106543217',
      },
      contact: { name: 'Familie Yılmaz', email: 'elif.yilmaz@example.org', phone: '0170 5550199' },
    }),
    item(clock, {
      id: 'item-schluesselbund-baeckerei',
      type: 'found',
      category: 'keys',
      title: 'Schlüsselbund vor der Bäckerei gefunden',
      description: 'Schlüsselbund mit drei Schlüsseln und einem Anhänger, lag auf dem Fenstersims vor der Bäckerei. Er liegt jetzt an der Theke der Bäckerei – bitte beschreiben Sie den Anhänger.',
      place: 'Bäckerei Brotzeit, Hauptstraße 12',
      point: { lat: 49.61, lon: 8.37 },
      date: clock.day(-1),
      reportedAt: '07:45',
      contact: { name: 'Bäckerei Brotzeit', email: 'laden@baeckerei-brotzeit.example', phone: '06234 555 0177' },
      proofDetail: 'Am Bund hängt ein kleiner Leuchtturm aus Metall und ein roter Einkaufswagenchip.',
    }),
    item(clock, {
      id: 'item-schluessel-verloren',
      type: 'lost',
      category: 'keys',
      title: 'Schlüsselbund verloren, wahrscheinlich Hauptstraße',
      description: 'Beim Einkaufen verloren, irgendwo zwischen Apotheke und Bäckerei. Haus-, Keller- und Briefkastenschlüssel mit Anhänger.',
      place: 'Hauptstraße zwischen Apotheke und Bäckerei',
      date: clock.day(-1),
      reportedAt: '12:10',
      contact: { name: 'Greta Wagner', email: 'greta.wagner@example.org' },
    }),
    item(clock, {
      id: 'item-geldboerse',
      type: 'found',
      category: 'wallet',
      title: 'Geldbörse an der Bushaltestelle gefunden',
      description: 'Braune Geldbörse auf der Bank an der Haltestelle „Rathaus“ gefunden. Sie wurde im Fundbüro im Rathaus abgegeben und kann dort zu den Öffnungszeiten abgeholt werden.',
      place: 'Bushaltestelle Rathaus',
      point: { lat: 49.61, lon: 8.36 },
      date: clock.day(-3),
      reportedAt: '16:40',
      contact: { name: 'Fundbüro Musterdorf', email: 'fundbuero@musterdorf.example', phone: '06234 555 0100' },
      proofDetail: 'Im Münzfach steckt ein kleiner Fahrradschlüssel, im Kartenfach ein Foto eines Dackels.',
    }),
    item(clock, {
      id: 'item-fahrrad',
      type: 'lost',
      category: 'bicycle',
      title: 'Blaues Damenrad am Sportplatz abhandengekommen',
      description: 'Blaues Damenrad (28 Zoll) mit Korb am Lenker und Kindersitz hinten. Stand abgeschlossen am Fahrradständer am Sportplatz. Anzeige bei der Polizei ist erstattet.',
      place: 'Fahrradständer am Sportplatz',
      point: { lat: 49.62, lon: 8.36 },
      date: clock.day(-5),
      reportedAt: '20:00',
      contact: { name: 'Marie Schäfer', email: 'marie.schaefer@example.org' },
    }),
    item(clock, {
      id: 'item-handy-spielplatz',
      type: 'found',
      category: 'phone',
      status: 'resolved',
      title: 'Handy am Spielplatz gefunden',
      description: 'Smartphone mit grüner Hülle im Sandkasten am Spielplatz Dorfweiher gefunden. Akku leer.',
      place: 'Spielplatz am Dorfweiher',
      date: clock.day(-4),
      reportedAt: '17:20',
      contact: { name: 'Thomas Klein', email: 'thomas.klein@example.org' },
      proofDetail: 'Auf der Rückseite der Hülle klebt ein Dinosaurier-Sticker.',
    }),
    item(clock, {
      id: 'item-regenschirm',
      type: 'found',
      category: 'other',
      status: 'expired',
      title: 'Regenschirm im Bürgerhaus liegen geblieben',
      description: 'Großer schwarzer Stockschirm mit Holzgriff, nach dem Seniorennachmittag im Großen Saal gefunden.',
      place: 'Bürgerhaus, Garderobe',
      date: clock.day(-200),
      reportedAt: '18:00',
      contact: { name: 'Hausmeister Bürgerhaus', email: 'hausmeister@musterdorf.example' },
    }),
  ];
}

function paths(clock: Clock): Path[] {
  return [
    {
      id: 'erste-hilfe-auffrischen',
      title: 'Erste Hilfe auffrischen',
      description: 'Der Führerschein-Kurs ist lange her? In sechs Schritten frischen Sie Ihr Wissen auf – vom Notruf bis zur Herzdruckmassage. Am Ende steht ein Kurs bei einer Hilfsorganisation.',
      level: 'beginner',
      prerequisites: [],
      badgeId: 'erste-hilfe-aufgefrischt',
      steps: [
        {
          id: 'notruf',
          title: 'Den Notruf richtig absetzen',
          description: 'Wo ist es passiert? Was ist passiert? Wie viele Verletzte? Warten auf Rückfragen. Üben Sie den Notruf 112 einmal laut mit einer anderen Person.',
          resources: [{ label: 'Deutsches Rotes Kreuz: Erste Hilfe', url: 'https://www.drk.de/' }],
          milestone: false,
          evidence: 'none',
          signOff: false,
        },
        {
          id: 'eigenschutz',
          title: 'Eigenschutz und Unfallstelle sichern',
          description: 'Warnweste, Warnblinker, Warndreieck: Wer hilft, muss sich zuerst selbst schützen. Prüfen Sie, ob in Ihrem Auto alles griffbereit ist.',
          resources: [{ label: 'Johanniter: Erste Hilfe am Unfallort', url: 'https://www.johanniter.de/' }],
          milestone: false,
          evidence: 'optional',
          signOff: false,
        },
        {
          id: 'stabile-seitenlage',
          title: 'Stabile Seitenlage',
          description: 'Wer bewusstlos ist, aber normal atmet, kommt in die stabile Seitenlage. Üben Sie sie mit einer Person aus Ihrer Familie.',
          resources: [{ label: 'Malteser: Erste-Hilfe-Tipps', url: 'https://www.malteser.de/' }],
          milestone: false,
          evidence: 'optional',
          signOff: false,
        },
        {
          id: 'wiederbelebung',
          title: 'Herzdruckmassage: Prüfen – Rufen – Drücken',
          description: 'Keine normale Atmung? Dann 112 rufen und fest und schnell in der Mitte des Brustkorbs drücken, 100- bis 120-mal pro Minute. Schauen Sie sich das Erklärvideo an und notieren Sie die drei Schritte.',
          resources: [
            { label: 'Ein Leben retten – Wiederbelebung einfach erklärt', url: 'https://www.einlebenretten.de/' },
            { label: 'German Resuscitation Council', url: 'https://www.grc-org.de/' },
          ],
          milestone: true,
          evidence: 'required',
          signOff: false,
        },
        {
          id: 'defibrillator',
          title: 'Den Defibrillator im Ort finden',
          description: 'Ein AED hängt im Foyer des Bürgerhauses, ein zweiter am Sportheim. Gehen Sie hin, schauen Sie ihn sich an und notieren Sie, wo er hängt.',
          resources: [{ label: 'Arbeiter-Samariter-Bund', url: 'https://www.asb.de/' }],
          milestone: false,
          evidence: 'required',
          signOff: false,
        },
        {
          id: 'kurs',
          title: 'Erste-Hilfe-Kurs besuchen',
          description: 'Besuchen Sie einen Erste-Hilfe-Kurs (9 Unterrichtseinheiten) bei einer Hilfsorganisation. Die Ortsgruppe des DRK bestätigt Ihre Teilnahme hier.',
          resources: [{ label: 'DRK: Kurs in der Nähe finden', url: 'https://www.drk.de/' }],
          milestone: true,
          evidence: 'optional',
          signOff: true,
        },
      ],
      cohort: {
        id: 'erste-hilfe-gemeinsam',
        pathId: 'erste-hilfe-auffrischen',
        title: 'Gemeinsam auffrischen: vier Wochen Erste Hilfe',
        start: clock.day(-10),
        days: 28,
        timeZone: TZ,
      },
    },
    {
      id: 'smartphone-sprechstunde',
      title: 'Smartphone-Sprechstunde',
      description: 'Schritt für Schritt sicher mit dem Smartphone: von den ersten Einstellungen bis zur Videosprechstunde beim Hausarzt. Jeden Donnerstag helfen Jugendliche im Bürgerhaus.',
      level: 'beginner',
      prerequisites: [],
      badgeId: 'smartphone-lotse',
      steps: [
        {
          id: 'grundlagen',
          title: 'Schrift größer, Ton lauter',
          description: 'Stellen Sie Schriftgröße, Lautstärke und Bildschirmhelligkeit so ein, dass es für Sie angenehm ist.',
          resources: [{ label: 'Digital-Kompass: Materialien für Einsteiger', url: 'https://www.digital-kompass.de/' }],
          milestone: false,
          evidence: 'none',
          signOff: false,
        },
        {
          id: 'nachrichten',
          title: 'Nachrichten und Fotos verschicken',
          description: 'Schicken Sie Ihrer Familie ein Foto vom Dorfplatz.',
          resources: [],
          milestone: false,
          evidence: 'optional',
          signOff: false,
        },
        {
          id: 'sicherheit',
          title: 'Sicher unterwegs: Betrug erkennen',
          description: 'Falsche Paketnachrichten, angebliche Enkel, dringende Bankmails: Lernen Sie die typischen Maschen kennen.',
          resources: [{ label: 'Verbraucherzentrale', url: 'https://www.verbraucherzentrale.de/' }],
          milestone: true,
          evidence: 'none',
          signOff: false,
        },
        {
          id: 'videoanruf',
          title: 'Ein Videoanruf mit Begleitung',
          description: 'Führen Sie in der Sprechstunde einen Videoanruf. Ihre Begleitung bestätigt den Schritt.',
          resources: [],
          milestone: true,
          evidence: 'none',
          signOff: true,
        },
      ],
      cohort: null,
    },
  ];
}

function cohortCheckIns(clock: Clock) {
  const start = clock.day(-10);
  const id = 'erste-hilfe-gemeinsam';
  return [
    ...checkIns(clock, id, start, 'ursula-fischer', 'xxxxxxxxxxx'),
    ...checkIns(clock, id, start, 'jonas-becker', 'xxxx.xxxxxx'),
    ...checkIns(clock, id, start, 'elif-yilmaz', 'xx.xx.xxxx.'),
    ...checkIns(clock, id, start, 'thomas-klein', 'xxx.....x.x'),
  ];
}

const issuer = { id: MUNICIPALITY_ID, name: 'Gemeinde Musterdorf', url: 'https://www.musterdorf.example/' };

const achievements: Achievement[] = [
  {
    id: 'erste-hilfe-aufgefrischt',
    name: 'Erste Hilfe aufgefrischt',
    description: 'Hat das Wissen über Erste Hilfe aufgefrischt: Notruf, stabile Seitenlage, Herzdruckmassage und Defibrillator.',
    criteria: 'Alle Schritte des Lernpfads „Erste Hilfe auffrischen“ abgeschlossen, darunter ein Erste-Hilfe-Kurs, den die DRK-Ortsgruppe bestätigt hat.',
    image: badgeImage('#c62828', '112'),
    imageAlt: 'Rotes Abzeichen mit der Zahl 112',
    issuer,
    tags: ['Erste Hilfe', 'Lernpfad'],
  },
  {
    id: 'smartphone-lotse',
    name: 'Smartphone-Lots:in',
    description: 'Kommt sicher mit dem Smartphone zurecht – und kann anderen dabei helfen.',
    criteria: 'Lernpfad „Smartphone-Sprechstunde“ abgeschlossen, inklusive eines begleiteten Videoanrufs.',
    image: badgeImage('#1565c0', 'App'),
    imageAlt: 'Blaues Abzeichen mit der Aufschrift App',
    issuer,
    tags: ['Digitales', 'Lernpfad'],
  },
  {
    id: 'dorfputz-held',
    name: 'Dorfputz-Held:in',
    description: 'Hat beim Dorfputz mit angepackt und Musterdorf ein Stück schöner gemacht.',
    criteria: 'Teilnahme am Dorfputz, bestätigt von der Ehrenamtskoordination.',
    image: badgeImage('#2e7d32', 'Putz'),
    imageAlt: 'Grünes Abzeichen mit der Aufschrift Putz',
    issuer,
    tags: ['Ehrenamt', 'Umwelt'],
  },
  {
    id: 'brandschutzhelfer',
    name: 'Brandschutzhelfer:in',
    description: 'Ausgebildet im Umgang mit Feuerlöschern und in der Räumung von Gebäuden.',
    criteria: 'Ausbildung zur Brandschutzhelferin oder zum Brandschutzhelfer bei der Freiwilligen Feuerwehr. Gültig drei Jahre; danach ist eine Auffrischung nötig.',
    image: badgeImage('#ef6c00', 'BSH'),
    imageAlt: 'Orangefarbenes Abzeichen mit der Aufschrift BSH',
    issuer: { id: 'feuerwehr-musterdorf', name: 'Freiwillige Feuerwehr Musterdorf', url: null },
    tags: ['Feuerwehr', 'Sicherheit'],
  },
  {
    id: 'jugendforum-sprecher',
    name: 'Sprecher:in des Jugendforums',
    description: 'Vertritt die Jugend von Musterdorf gegenüber Gemeinderat und Verwaltung.',
    criteria: 'Vom Jugendforum für ein Jahr gewählt.',
    image: badgeImage('#6a1b9a', 'JF'),
    imageAlt: 'Violettes Abzeichen mit der Aufschrift JF',
    issuer,
    tags: ['Jugend', 'Beteiligung'],
  },
];

function awards(clock: Clock) {
  return [
    award({
      id: 'award-dorfputz-elif',
      achievementId: 'dorfputz-held',
      recipientId: 'elif-yilmaz',
      issuedOn: clock.ago({ d: 180 }),
      note: 'Danke für drei Stunden am Bachufer – mit der ganzen Familie!',
      evidence: [{ narrative: 'Beim Frühjahrs-Dorfputz 14 Säcke Müll am Bachufer gesammelt.' }],
      onWall: true,
    }),
    award({
      id: 'award-dorfputz-hans-peter',
      achievementId: 'dorfputz-held',
      recipientId: 'hans-peter-schmitt',
      issuedOn: clock.ago({ d: 180 }),
      note: 'Danke für den Traktor mit Anhänger!',
      onWall: true,
    }),
    award({
      id: 'award-erste-hilfe-ursula',
      achievementId: 'erste-hilfe-aufgefrischt',
      recipientId: 'ursula-fischer',
      issuedOn: clock.ago({ d: 45 }),
      evidence: [{ narrative: 'Erste-Hilfe-Kurs beim DRK-Ortsverein besucht, Teilnahme bestätigt.', url: 'https://www.drk.de/' }],
      onWall: true,
    }),
    award({
      id: 'award-smartphone-thomas',
      achievementId: 'smartphone-lotse',
      recipientId: 'thomas-klein',
      issuedOn: clock.ago({ d: 21 }),
      note: 'Hat inzwischen selbst zwei Nachbarn geholfen.',
      onWall: false,
    }),
    award({
      id: 'award-brandschutz-jonas',
      achievementId: 'brandschutzhelfer',
      recipientId: 'jonas-becker',
      issuedOn: clock.ago({ d: 3 * 365 + 40 }),
      expires: clock.ago({ d: 40 }),
      evidence: [{ narrative: 'Lehrgang Brandschutzhelfer, 4 Stunden Theorie und Löschübung.' }],
      onWall: true,
    }),
    award({
      id: 'award-brandschutz-luca',
      achievementId: 'brandschutzhelfer',
      recipientId: 'luca-meyer',
      issuedOn: clock.ago({ d: 30 }),
      expires: clock.ahead({ d: 3 * 365 - 30 }),
      onWall: true,
    }),
    award({
      id: 'award-jugendforum-luca',
      achievementId: 'jugendforum-sprecher',
      recipientId: 'luca-meyer',
      issuedOn: clock.ago({ d: 120 }),
      expires: clock.ahead({ d: 245 }),
      onWall: true,
    }),
    award({
      id: 'award-jugendforum-greta',
      achievementId: 'jugendforum-sprecher',
      recipientId: 'greta-wagner',
      issuedOn: clock.ago({ d: 120 }),
      revoked: true,
      revocationReason: 'Versehentlich vergeben: Greta wurde zur Stellvertreterin gewählt, nicht zur Sprecherin.',
      onWall: false,
    }),
  ];
}

/**
 * The municipality sample, relative to `now`: an urgent notice that expires in two days, a
 * "Mach mit!" call next Saturday, bookings over the coming weeks, lost items of the last days,
 * a cohort that started ten days ago.
 */
export function municipalitySample(now: Date = new Date()): Dataset {
  const clock = new Clock(now, TZ);
  const grill = grillhuette(clock);
  const saal = buergerhaus(clock);
  return {
    community: { id: MUNICIPALITY_ID, name: 'Gemeinde Musterdorf', timeZone: TZ, locale: 'de' },
    members: members.map((m) => ({ ...m, roles: [...m.roles] })),
    groups: groups(),
    posts: posts(clock),
    resources: [grill, saal],
    bookings: bookings(clock, grill, saal),
    items: items(clock),
    paths: paths(clock),
    checkIns: cohortCheckIns(clock),
    achievements: structuredClone(achievements),
    awards: awards(clock),
  };
}
