/**
 * The outbox's words: writes that wait for the connection, and the ones the server refused on
 * delivery. Loaded with the outbox's view (`core/ui/outbox.ts`), never on a page's first load.
 */
import type { Formatters } from '../core/format.js';
import { defineMessages } from '../core/localize.js';

type Params = Record<string, string | number>;

export const outboxMessages = defineMessages('outbox', {
  en: {
    title: 'Not sent yet',
    pending: (p: Params, f: Formatters) =>
      Number(p.count) === 1 ? 'One entry waits for the connection and will be sent automatically.' : `${f.number(Number(p.count))} entries wait for the connection and will be sent automatically.`,
    queuedAt: (p: Params, f: Formatters) => `Saved on ${f.dateTime(String(p.at))}`,
    failed: 'The server did not accept this:',
    whatNow: 'Change it and send it again, or discard it.',
    retry: 'Send again',
    discard: 'Discard',
    delivered: 'Sent.',
    storage: {
      session: 'Kept in this tab until it is sent.',
      persistent: 'Kept on this device until it is sent.',
    },
    operations: {
      'session.updateProfile': 'Your name',
      'feed.createPost': 'Post',
      'feed.addComment': 'Comment',
      'feed.react': 'Reaction',
      'feed.commit': 'Commitment',
      'feed.report': 'Report',
      'bookings.request': 'Booking request',
      'lostFound.report': 'Lost & found report',
      'lostFound.contact': 'Message to the reporter',
      'lostFound.reportAbuse': 'Report',
      'learning.completeStep': 'Completed step',
      'learning.checkIn': 'Check-in',
      'badges.award': 'Badge award',
    },
  },
  de: {
    title: 'Noch nicht gesendet',
    pending: (p: Params, f: Formatters) =>
      Number(p.count) === 1 ? 'Ein Eintrag wartet auf die Verbindung und wird automatisch gesendet.' : `${f.number(Number(p.count))} Einträge warten auf die Verbindung und werden automatisch gesendet.`,
    queuedAt: (p: Params, f: Formatters) => `Gespeichert am ${f.dateTime(String(p.at))}`,
    failed: 'Der Server hat das nicht angenommen:',
    whatNow: 'Ändern Sie es und senden Sie es erneut, oder verwerfen Sie es.',
    retry: 'Erneut senden',
    discard: 'Verwerfen',
    delivered: 'Gesendet.',
    storage: {
      session: 'Bleibt in diesem Tab gespeichert, bis es gesendet ist.',
      persistent: 'Bleibt auf diesem Gerät gespeichert, bis es gesendet ist.',
    },
    operations: {
      'session.updateProfile': 'Ihr Name',
      'feed.createPost': 'Beitrag',
      'feed.addComment': 'Kommentar',
      'feed.react': 'Reaktion',
      'feed.commit': 'Zusage',
      'feed.report': 'Meldung',
      'bookings.request': 'Buchungsanfrage',
      'lostFound.report': 'Fundsachen-Meldung',
      'lostFound.contact': 'Nachricht an die meldende Person',
      'lostFound.reportAbuse': 'Meldung',
      'learning.completeStep': 'Erledigter Schritt',
      'learning.checkIn': 'Check-in',
      'badges.award': 'Abzeichen-Vergabe',
    },
  },
});
