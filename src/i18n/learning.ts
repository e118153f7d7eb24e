/** Learning and badge messages: field issues (shown by the learning path and badge shelf). */
import { defineMessages } from '../core/localize.js';

type Params = Record<string, string | number>;

export const learningMessages = defineMessages('learning', {
  en: {
    issues: {
      'learning.evidenceRequired': 'This step needs evidence: a note, a link or a photo.',
      'learning.outsideCohort': (p: Params) => (p.start ? `Check-ins are possible from ${p.start} to ${p.end}.` : 'Check-ins are only possible while the challenge runs.'),
      'learning.cohortEnded': 'This challenge has ended.',
      'learning.cohortTaken': 'This challenge already belongs to another path.',
      'learning.duplicateStep': 'Each step needs its own id.',
      'badges.unknownAchievement': 'This badge does not exist (any more).',
      'badges.unknownRecipient': 'This person is not a member of the community.',
    },
  },
  de: {
    issues: {
      'learning.evidenceRequired': 'Für diesen Schritt braucht es einen Nachweis: Notiz, Link oder Foto.',
      'learning.outsideCohort': (p: Params) => (p.start ? `Einchecken ist vom ${p.start} bis ${p.end} möglich.` : 'Einchecken geht nur, solange die Challenge läuft.'),
      'learning.cohortEnded': 'Diese Challenge ist vorbei.',
      'learning.cohortTaken': 'Diese Challenge gehört schon zu einem anderen Lernpfad.',
      'learning.duplicateStep': 'Jeder Schritt braucht eine eigene Kennung.',
      'badges.unknownAchievement': 'Dieses Abzeichen gibt es nicht (mehr).',
      'badges.unknownRecipient': 'Diese Person ist kein Mitglied der Gemeinschaft.',
    },
  },
});
