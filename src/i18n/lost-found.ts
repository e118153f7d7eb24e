/** Lost & found messages: field issues of reports (shown by the lost & found board). */
import { defineMessages } from '../core/localize.js';

export const lostFoundMessages = defineMessages('lost-found', {
  en: {
    issues: {
      'lostFound.microchip': 'A microchip number has 15 digits (ISO 11784), e.g. 276 098 100 012 345.',
      'lostFound.animalDetails': 'Please describe the animal (at least the species).',
      'lostFound.futureDate': 'The date cannot be in the future.',
      'lostFound.closed': 'This report is closed and can no longer be changed or contacted.',
    },
  },
  de: {
    issues: {
      'lostFound.microchip': 'Eine Chipnummer hat 15 Ziffern (ISO 11784), z. B. 276 098 100 012 345.',
      'lostFound.animalDetails': 'Bitte beschreiben Sie das Tier (mindestens die Tierart).',
      'lostFound.futureDate': 'Das Datum darf nicht in der Zukunft liegen.',
      'lostFound.closed': 'Diese Meldung ist abgeschlossen und kann nicht mehr geändert oder angeschrieben werden.',
    },
  },
});
