/**
 * Sign-in messages: the words of `<dorf-sign-in>` (staff sign-in with password and one-time code)
 * and the field issues of the session domain. English defines the shape; German must match.
 */
import type { Formatters } from '../core/format.js';
import { defineMessages } from '../core/localize.js';

type Params = Record<string, string | number>;

export const signInMessages = defineMessages('sign-in', {
  en: {
    title: 'Sign-in for administrators',
    intro: 'For moderators and administrators. Visitors do not need to sign in.',
    username: 'Username',
    password: 'Password',
    showPassword: 'Show password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    keeps: 'You stay signed in in this browser tab until you sign out or close it.',
    codeTitle: 'One-time code',
    codeIntro: (p: Params) => `The password for “${p.username}” is right. Please enter the six-digit code from your authenticator app.`,
    code: 'Six-digit code',
    codeHelp: 'The code changes every 30 seconds; each code works once.',
    confirmCode: 'Confirm code',
    otherAccount: 'Use another account',
    signedInAs: (p: Params) => `Signed in as ${p.name} (${p.role})`,
    roles: { admin: 'administrator', moderator: 'moderator', member: 'member' },
    signedInHelp: 'The widgets on this page now show their tools for administration.',
    signOut: 'Sign out',
    signedIn: (p: Params) => `You are signed in as ${p.name}.`,
    signedOut: 'You are signed out.',
    fields: {
      usernameMissing: 'Please enter your username.',
      passwordMissing: 'Please enter your password.',
      codeMissing: 'Please enter the six-digit code.',
      codeFormat: 'The code has exactly six digits, e.g. 123456.',
    },
    errors: {
      badCredentials: 'The username or password is wrong. Please try again.',
      locked: (p: Params, f: Formatters) =>
        `Too many failed attempts: this account is locked for ${f.duration(Number(p.seconds))}. Please try again after that.`,
      slowDown: (p: Params, f: Formatters) => `Too many failed attempts from this device. Please wait ${f.duration(Number(p.seconds))} before trying again.`,
      totpInvalid: 'This code is wrong or was already used. Please enter the current code from your app.',
      offline: 'You are offline. Signing in needs a connection to the server; what you typed is kept.',
      unavailable: 'The server cannot be reached right now. What you typed is kept; please try again in a moment.',
    },
    needsServerTitle: 'Sign-in needs a server',
    needsServer: 'This page keeps its data in this browser only. Moderators and administrators sign in on a page connected to a Dorfplatz server (the site’s operators set it with backend="https://…" on <dorf-provider>).',
    issues: {
      'session.badCredentials': 'The username or password is wrong. Please try again.',
      'session.signInNeedsServer': 'Signing in with a password needs a Dorfplatz server; this page keeps its data in this browser only.',
      'session.badToken': 'Your sign-in has expired. Please sign in again.',
    },
  },
  de: {
    title: 'Anmeldung für die Verwaltung',
    intro: 'Für Moderation und Verwaltung. Besucherinnen und Besucher brauchen keine Anmeldung.',
    username: 'Benutzername',
    password: 'Passwort',
    showPassword: 'Passwort anzeigen',
    submit: 'Anmelden',
    submitting: 'Wird angemeldet …',
    keeps: 'Sie bleiben in diesem Browser-Tab angemeldet, bis Sie sich abmelden oder ihn schließen.',
    codeTitle: 'Einmalcode',
    codeIntro: (p: Params) => `Das Passwort für „${p.username}“ stimmt. Bitte geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.`,
    code: 'Sechsstelliger Code',
    codeHelp: 'Der Code wechselt alle 30 Sekunden; jeder Code gilt nur einmal.',
    confirmCode: 'Code bestätigen',
    otherAccount: 'Anderes Konto verwenden',
    signedInAs: (p: Params) => `Angemeldet als ${p.name} (${p.role})`,
    roles: { admin: 'Verwaltung', moderator: 'Moderation', member: 'Mitglied' },
    signedInHelp: 'Die Elemente auf dieser Seite zeigen jetzt ihre Werkzeuge für die Verwaltung.',
    signOut: 'Abmelden',
    signedIn: (p: Params) => `Sie sind als ${p.name} angemeldet.`,
    signedOut: 'Sie sind abgemeldet.',
    fields: {
      usernameMissing: 'Bitte geben Sie Ihren Benutzernamen ein.',
      passwordMissing: 'Bitte geben Sie Ihr Passwort ein.',
      codeMissing: 'Bitte geben Sie den sechsstelligen Code ein.',
      codeFormat: 'Der Code besteht aus genau sechs Ziffern, z. B. 123456.',
    },
    errors: {
      badCredentials: 'Benutzername oder Passwort stimmt nicht. Bitte versuchen Sie es erneut.',
      locked: (p: Params, f: Formatters) =>
        `Zu viele Fehlversuche: Dieses Konto ist für ${f.duration(Number(p.seconds))} gesperrt. Bitte versuchen Sie es danach erneut.`,
      slowDown: (p: Params, f: Formatters) => `Zu viele Fehlversuche von diesem Gerät. Bitte warten Sie ${f.duration(Number(p.seconds))}, bevor Sie es erneut versuchen.`,
      totpInvalid: 'Dieser Code stimmt nicht oder wurde schon verwendet. Bitte geben Sie den aktuellen Code aus Ihrer App ein.',
      offline: 'Sie sind offline. Für die Anmeldung braucht es eine Verbindung zum Server; Ihre Eingaben bleiben erhalten.',
      unavailable: 'Der Server ist gerade nicht erreichbar. Ihre Eingaben bleiben erhalten; bitte versuchen Sie es gleich noch einmal.',
    },
    needsServerTitle: 'Anmeldung braucht einen Server',
    needsServer: 'Diese Seite speichert ihre Daten nur in diesem Browser. Moderation und Verwaltung melden sich auf einer Seite an, die mit einem Dorfplatz-Server verbunden ist (die Betreiber der Website stellen ihn mit backend="https://…" an <dorf-provider> ein).',
    issues: {
      'session.badCredentials': 'Benutzername oder Passwort stimmt nicht. Bitte versuchen Sie es erneut.',
      'session.signInNeedsServer': 'Die Anmeldung mit Passwort braucht einen Dorfplatz-Server; diese Seite speichert ihre Daten nur in diesem Browser.',
      'session.badToken': 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
    },
  },
});
