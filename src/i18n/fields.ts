/**
 * Words for form field issues (too short, not an e-mail address, file too large…). Loaded with
 * the widgets' forms (their lazily loaded views), never on a page's first load; until then a
 * field issue reads "Please check this entry".
 */
import type { Formatters } from '../core/format.js';
import { defineMessages } from '../core/localize.js';

type Params = Record<string, string | number>;

export const fieldMessages = defineMessages('fields', {
  en: {
    issues: {
      tooShort: (p: Params) => `Please enter at least ${p.min} characters.`,
      tooLong: (p: Params, f: Formatters) => `Please shorten this to ${f.number(Number(p.max))} characters at most.`,
      tooSmall: (p: Params, f: Formatters) => `Please enter at least ${f.number(Number(p.min))}.`,
      tooBig: (p: Params, f: Formatters) => `Please enter at most ${f.number(Number(p.max))}.`,
      tooFew: (p: Params) => `Please add at least ${p.min}.`,
      tooMany: (p: Params) => `At most ${p.max} are allowed.`,
      invalidChoice: 'Please choose one of the options.',
      invalidType: 'Please check this entry.',
      mustAccept: 'Please confirm this to continue.',
      timeZone: 'Unknown time zone.',
      'format.email': 'Please enter an e-mail address like name@example.org.',
      'format.url': 'Please enter a web address starting with https://.',
      'format.pattern': 'This format is not valid here.',
      'format.datetime': 'Please enter a date and time.',
      'format.date': 'Please enter a date.',
      'file.type': 'This file type is not supported.',
      'file.tooLarge': (p: Params, f: Formatters) => `The file is too large (at most ${f.bytes(Number(p.max))}).`,
      'file.empty': 'This file is empty.',
      'file.tooMany': (p: Params) => `At most ${p.max} files are allowed.`,
      'image.unreadable': 'This image cannot be read. Please try a JPEG, PNG or WebP photo.',
    },
  },
  de: {
    issues: {
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
      'file.tooMany': (p: Params) => `Höchstens ${p.max} Dateien sind erlaubt.`,
      'image.unreadable': 'Dieses Bild lässt sich nicht lesen. Bitte versuchen Sie ein JPEG-, PNG- oder WebP-Foto.',
    },
  },
});
