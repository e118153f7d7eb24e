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
    tooShort: (p: Params) => `Bitte geben Sie mindestens ${p.min} Zeichen ein.`,
    tooLong: (p: Params, f: Formatters) => `Bitte kürzen Sie auf höchstens ${f.number(Number(p.max))} Zeichen.`,
    tooSmall: (p: Params, f: Formatters) => `Bitte geben Sie mindestens ${f.number(Number(p.min))} ein.`,
    tooBig: (p: Params, f: Formatters) => `Bitte geben Sie höchstens ${f.number(Number(p.max))} ein.`,
    tooFew: (p: Params) => `Bitte fügen Sie mindestens ${p.min} hinzu.`,
    tooMany: (p: Params) => `Höchstens ${p.max} sind erlaubt.`,
    invalidChoice: 'Bitte wählen Sie eine der Möglichkeiten.',
    invalidType: 'Bitte prüfen Sie diese Angabe.',
    mustAccept: 'Bitte bestätigen Sie dies, um fortzufahren.',
    timeZone: 'Unbekannte Zeitzone.',
    'format.email': 'Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
    'format.url': 'Bitte geben Sie eine Webadresse ein, die mit https:// beginnt.',
    'format.pattern': 'Dieses Format ist hier nicht gültig.',
    'format.datetime': 'Bitte geben Sie Datum und Uhrzeit ein.',
    'format.date': 'Bitte geben Sie ein Datum ein.',
    'file.type': 'Dieser Dateityp wird nicht unterstützt.',
    'file.tooLarge': (p: Params, f: Formatters) => `Die Datei ist zu groß (höchstens ${f.bytes(Number(p.max))}).`,
    'file.empty': 'Diese Datei ist leer.',
    'file.unknown': 'Diese Datei ist nicht mehr verfügbar; bitte fügen Sie sie erneut hinzu.',
    'file.tooMany': (p: Params) => `Höchstens ${p.max} Dateien sind erlaubt.`,
    'image.unreadable': 'Dieses Bild lässt sich nicht lesen. Bitte versuchen Sie ein JPEG-, PNG- oder WebP-Foto.',
    'cursor.invalid': 'Die Liste hat sich geändert; bitte laden Sie sie neu.',
    'session.profileRequired': 'Bitte wählen Sie zuerst den Namen, den andere sehen.',
  },
};
