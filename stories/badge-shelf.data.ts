/**
 * The badge shelf's story and test data: Marie's shelf with a valid badge, one valid until a
 * date, an expired and a revoked one, and other members' badges on the recognition wall. Shared
 * by stories/badge-shelf.stories.ts and test/widgets/badge-shelf*.test.ts.
 */
import { badgeImage } from '../src/data/sample/build.js';
import type { Dataset, Member } from '../src/data/schema/index.js';

const TZ = 'Europe/Berlin';
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const ahead = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export const marie: Member = { id: 'marie-schaefer', displayName: 'Marie Schäfer', roles: ['member'] };
export const moderator: Member = { id: 'sabine-krueger', displayName: 'Sabine Krüger', roles: ['member', 'moderator'] };
const others: Member[] = [
  { id: 'jonas-becker', displayName: 'Jonas Becker', roles: ['member'] },
  { id: 'elif-yilmaz', displayName: 'Elif Yılmaz', roles: ['member'] },
  { id: 'luca-meyer', displayName: 'Luca Meyer', roles: ['member'] },
];

const issuer = { id: 'leerdorf', name: 'Gemeinde Leerdorf', url: 'https://www.leerdorf.example/' };

/** Marie's shelf: a valid badge, one valid until a date, an expired and a revoked one; others on the wall. */
export function badgeDataset(): Dataset {
  return {
    community: { id: 'leerdorf', name: 'Leerdorf', timeZone: TZ, locale: 'de' },
    members: [marie, moderator, ...others],
    groups: [], posts: [], resources: [], bookings: [], items: [], paths: [], checkIns: [],
    achievements: [
      {
        id: 'dorfputz-held', name: 'Dorfputz-Held:in', description: 'Hat beim Dorfputz mit angepackt.',
        criteria: 'Teilnahme am Dorfputz, bestätigt von der Ehrenamtskoordination.', image: badgeImage('#2e7d32', 'Putz'),
        imageAlt: 'Grünes Abzeichen mit der Aufschrift Putz', issuer, tags: ['Ehrenamt', 'Umwelt'],
      },
      {
        id: 'brandschutzhelfer', name: 'Brandschutzhelfer:in', description: 'Ausgebildet im Umgang mit Feuerlöschern.',
        criteria: 'Ausbildung bei der Freiwilligen Feuerwehr; gültig drei Jahre.', image: badgeImage('#ef6c00', 'BSH'),
        imageAlt: 'Orangefarbenes Abzeichen mit der Aufschrift BSH', issuer: { id: 'feuerwehr-leerdorf', name: 'Freiwillige Feuerwehr Leerdorf', url: null }, tags: ['Feuerwehr'],
      },
      {
        id: 'smartphone-lotse', name: 'Smartphone-Lots:in', description: 'Kommt sicher mit dem Smartphone zurecht.',
        criteria: 'Lernpfad „Smartphone-Sprechstunde“ abgeschlossen.', image: badgeImage('#1565c0', 'App'),
        imageAlt: 'Blaues Abzeichen mit der Aufschrift App', issuer, tags: [],
      },
      {
        id: 'jugendforum-sprecher', name: 'Sprecher:in des Jugendforums', description: 'Vertritt die Jugend gegenüber dem Gemeinderat.',
        criteria: 'Vom Jugendforum für ein Jahr gewählt.', image: badgeImage('#6a1b9a', 'JF'),
        imageAlt: 'Violettes Abzeichen mit der Aufschrift JF', issuer, tags: ['Jugend'],
      },
    ],
    awards: [
      {
        id: 'story-award-active', achievementId: 'dorfputz-held', recipientId: marie.id, issuedOn: ago(20), expires: null,
        revoked: false, revocationReason: null, note: 'Danke für drei Stunden am Bachufer!',
        evidence: [{ narrative: '14 Säcke Müll am Bachufer gesammelt.', url: 'https://www.leerdorf.example/dorfputz' }], onWall: true,
      },
      {
        id: 'story-award-until', achievementId: 'brandschutzhelfer', recipientId: marie.id, issuedOn: ago(60), expires: ahead(3 * 365 - 60),
        revoked: false, revocationReason: null, note: '', evidence: [], onWall: false,
      },
      {
        id: 'story-award-expired', achievementId: 'smartphone-lotse', recipientId: marie.id, issuedOn: ago(400), expires: ago(35),
        revoked: false, revocationReason: null, note: '', evidence: [], onWall: false,
      },
      {
        id: 'story-award-revoked', achievementId: 'jugendforum-sprecher', recipientId: marie.id, issuedOn: ago(100), expires: null,
        revoked: true, revocationReason: 'Versehentlich vergeben.', note: '', evidence: [], onWall: false,
      },
      {
        id: 'story-award-elif', achievementId: 'dorfputz-held', recipientId: 'elif-yilmaz', issuedOn: ago(10), expires: null,
        revoked: false, revocationReason: null, note: '', evidence: [], onWall: true,
      },
      {
        id: 'story-award-luca', achievementId: 'brandschutzhelfer', recipientId: 'luca-meyer', issuedOn: ago(5), expires: ahead(900),
        revoked: false, revocationReason: null, note: '', evidence: [], onWall: true,
      },
    ],
  };
}

