/**
 * Words for the reference server's refusals (abuse protection, sign-in guard, data requests).
 * Loaded with the HTTP adapter (`data/adapters/http/register.ts`): pages on the local backend
 * never download them.
 */
import type { Formatters } from '../core/format.js';
import { defineMessages } from '../core/localize.js';

type Params = Record<string, string | number>;

export const serverMessages = defineMessages('server', {
  en: {
    issues: {
      'origin.forbidden': 'This website may not save anything here. Please contact the site’s operators.',
      'session.locked': (p: Params, f: Formatters) => `Too many failed attempts: the account is locked for now. Please try again in ${f.duration(Number(p.seconds))}.`,
      'session.slowDown': (p: Params, f: Formatters) => `Too many failed attempts from this device. Please wait ${f.duration(Number(p.seconds))}.`,
      'session.totpRequired': 'Please enter the six-digit code from your authenticator app.',
      'session.totpInvalid': 'The code is wrong or was already used. Please use the current code from your app.',
      'pow.required': 'The security check expired. Please send the form again.',
      'pow.invalid': 'The security check expired. Please send the form again.',
      'request.rejected': 'This submission looked automated and was not saved.',
      'member.eraseConfirm': 'Please repeat the member’s id to confirm the erasure.',
    },
  },
  de: {
    issues: {
      'origin.forbidden': 'Diese Website darf hier nichts speichern. Bitte wenden Sie sich an die Betreiber der Seite.',
      'session.locked': (p: Params, f: Formatters) => `Zu viele Fehlversuche: Das Konto ist vorübergehend gesperrt. Bitte versuchen Sie es in ${f.duration(Number(p.seconds))} erneut.`,
      'session.slowDown': (p: Params, f: Formatters) => `Zu viele Fehlversuche von diesem Gerät. Bitte warten Sie ${f.duration(Number(p.seconds))}.`,
      'session.totpRequired': 'Bitte geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.',
      'session.totpInvalid': 'Der Code stimmt nicht oder wurde schon verwendet. Bitte nehmen Sie den aktuellen Code aus Ihrer App.',
      'pow.required': 'Die Sicherheitsprüfung ist abgelaufen. Bitte senden Sie das Formular noch einmal.',
      'pow.invalid': 'Die Sicherheitsprüfung ist abgelaufen. Bitte senden Sie das Formular noch einmal.',
      'request.rejected': 'Diese Eingabe wirkte automatisiert und wurde nicht gespeichert.',
      'member.eraseConfirm': 'Bitte wiederholen Sie zur Bestätigung die Kennung des Mitglieds.',
    },
  },
});
