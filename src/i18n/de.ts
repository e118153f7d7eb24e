/** Deutscher Katalog. Sie-Form, kurz und freundlich; Typ aus dem englischen Katalog. */
import type { Formatters } from '../core/format.js';
import type { Messages } from './en.js';

type Params = Record<string, string | number>;

export const de: Messages = {
  common: {
    loading: 'Wird geladen …',
    retry: 'Erneut versuchen',
    cancel: 'Abbrechen',
    close: 'Schließen',
    save: 'Speichern',
    send: 'Senden',
    delete: 'Löschen',
    edit: 'Bearbeiten',
    back: 'Zurück',
    showMore: 'Mehr anzeigen',
    required: 'Pflichtfeld',
    optional: 'optional',
    saved: 'Gespeichert.',
  },
  state: {
    empty: 'Hier gibt es noch nichts.',
    error: 'Beim Laden ist etwas schiefgegangen.',
    offline: 'Sie sind offline. Die Anzeige ist eventuell nicht aktuell.',
    queued: 'Noch nicht gesendet. Wird automatisch gesendet, sobald die Verbindung wieder da ist.',
    noPermission: 'Dafür fehlt Ihnen die Berechtigung.',
    noBackend: 'Dieses Element kann seine Daten gerade nicht erreichen.',
  },
  errors: {
    validation: 'Bitte prüfen Sie die markierten Felder.',
    conflict: 'Jemand war schneller: Das ist nicht mehr frei.',
    forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
    'not-found': 'Das gibt es nicht mehr.',
    'rate-limited': (p: Params, f: Formatters) =>
      p.retryAfter ? `Zu viele Versuche. Bitte warten Sie ${f.duration(Number(p.retryAfter))} und versuchen Sie es dann erneut.` : 'Zu viele Versuche. Bitte warten Sie einen Moment.',
    unavailable: 'Der Dienst ist gerade nicht erreichbar. Ihre Eingaben bleiben erhalten; bitte versuchen Sie es später erneut.',
    queued: 'Auf diesem Gerät gespeichert. Wird gesendet, sobald die Verbindung wieder da ist.',
  },
  issues: {
    invalid: 'Bitte prüfen Sie diese Angabe.',
    required: 'Bitte füllen Sie dieses Feld aus.',
    'file.unknown': 'Diese Datei ist nicht mehr verfügbar; bitte fügen Sie sie erneut hinzu.',
    'cursor.invalid': 'Die Liste hat sich geändert; bitte laden Sie sie neu.',
    'session.profileRequired': 'Bitte wählen Sie zuerst den Namen, den andere sehen.',
    'storage.full': 'Der Speicher, den Ihr Browser dieser Seite gibt, ist voll. Bitte geben Sie Platz frei (zum Beispiel alte Websitedaten löschen) und versuchen Sie es erneut; Ihre Eingaben bleiben erhalten.',
    'storage.outdated': 'In einem anderen Tab ist eine neuere Version dieser Seite geöffnet. Bitte laden Sie diese Seite neu.',
    'storage.blocked': 'Diese Seite ist noch in einem anderen Tab mit einer älteren Version geöffnet. Bitte schließen Sie diesen Tab oder laden Sie ihn neu.',
    'storage.lost': 'Der Browser hat den Speicher dieser Seite geschlossen. Bitte versuchen Sie es erneut.',
    'storage.unavailable': 'Ihr Browser erlaubt dieser Seite hier keinen Speicher (zum Beispiel in einem privaten Fenster); auf diesem Gerät kann nichts aufbewahrt werden.',
  },
};
