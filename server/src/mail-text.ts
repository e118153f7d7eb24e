/**
 * The words of the server's e-mails, in the community's language (German and English, like the
 * widgets' catalogues). Plain text only: nothing a mail client could render as markup, and every
 * value a visitor typed stands on its own line or in quotes, never in a header except the subject.
 */
import type { OutgoingMail } from './mail.js';

type Locale = 'de' | 'en';

export interface ContactMailInput {
  locale: Locale;
  communityName: string;
  itemTitle: string;
  fromName: string;
  replyTo: string;
  message: string;
  to: string;
}

export interface DecisionMailInput {
  locale: Locale;
  communityName: string;
  resourceName: string;
  timeZone: string;
  /** `day` resources are booked by calendar days, `hour` resources by times. */
  unit: 'day' | 'hour';
  start: string;
  end: string;
  status: 'confirmed' | 'declined' | 'cancelled';
  reason: string | null;
  requesterName: string;
  to: string;
}

const WORDS = {
  de: {
    contactSubject: (title: string) => `Nachricht zu Ihrer Meldung „${title}“`,
    contactIntro: (name: string, title: string, community: string) =>
      `${name} hat Ihnen über das Fundbüro von ${community} zu Ihrer Meldung „${title}“ geschrieben:`,
    contactReply: (name: string) =>
      `Wenn Sie auf diese E-Mail antworten, geht Ihre Antwort an ${name}. Ihre eigene Adresse erfährt ${name} erst durch Ihre Antwort.`,
    contactWarn: 'Geben Sie Fundsachen nur heraus, wenn die Person sie eindeutig beschreiben kann.',
    decisionSubject: { confirmed: 'Ihre Buchung ist bestätigt', declined: 'Ihre Buchungsanfrage wurde abgelehnt', cancelled: 'Ihre Buchung wurde storniert' },
    decisionBody: {
      confirmed: (what: string, when: string) => `Ihre Buchung von ${what} für ${when} ist bestätigt.`,
      declined: (what: string, when: string) => `Ihre Anfrage für ${what} (${when}) wurde leider abgelehnt.`,
      cancelled: (what: string, when: string) => `Ihre Buchung von ${what} für ${when} wurde storniert.`,
    },
    reason: 'Begründung:',
    greeting: (name: string) => `Guten Tag ${name},`,
    plainGreeting: 'Guten Tag,',
    footer: (community: string) => `Diese E-Mail wurde automatisch von ${community} (Dorfplatz) verschickt.`,
  },
  en: {
    contactSubject: (title: string) => `A message about your report “${title}”`,
    contactIntro: (name: string, title: string, community: string) =>
      `${name} wrote to you through the lost & found board of ${community} about your report “${title}”:`,
    contactReply: (name: string) =>
      `If you reply to this e-mail, your answer goes to ${name}. ${name} learns your address only from your reply.`,
    contactWarn: 'Only hand over a found item when the person can describe it clearly.',
    decisionSubject: { confirmed: 'Your booking is confirmed', declined: 'Your booking request was declined', cancelled: 'Your booking was cancelled' },
    decisionBody: {
      confirmed: (what: string, when: string) => `Your booking of ${what} for ${when} is confirmed.`,
      declined: (what: string, when: string) => `Your request for ${what} (${when}) was declined.`,
      cancelled: (what: string, when: string) => `Your booking of ${what} for ${when} was cancelled.`,
    },
    reason: 'Reason:',
    greeting: (name: string) => `Hello ${name},`,
    plainGreeting: 'Hello,',
    footer: (community: string) => `This e-mail was sent automatically by ${community} (Dorfplatz).`,
  },
} as const;

/** A visitor's words as a quoted block, so they cannot pose as the mail's own text. */
const quoted = (text: string) => text.split(/\r?\n/).map((line) => `> ${line}`).join('\n');

export function contactMail(input: ContactMailInput): OutgoingMail {
  const w = WORDS[input.locale] ?? WORDS.de;
  return {
    kind: 'contact',
    to: input.to,
    replyTo: input.replyTo,
    subject: w.contactSubject(input.itemTitle),
    body: [
      w.plainGreeting,
      '',
      w.contactIntro(input.fromName, input.itemTitle, input.communityName),
      '',
      quoted(input.message),
      '',
      w.contactReply(input.fromName),
      w.contactWarn,
      '',
      '-- ',
      w.footer(input.communityName),
    ].join('\n'),
  };
}

/** The booked range in the resource's time zone: days for `day` resources, times for `hour`. */
export function bookedRange(input: Pick<DecisionMailInput, 'locale' | 'timeZone' | 'unit' | 'start' | 'end'>): string {
  const locale = input.locale === 'en' ? 'en-GB' : 'de-DE';
  const start = new Date(input.start);
  // A day booking ends at midnight after its last day: show that last day.
  const end = new Date(Date.parse(input.end) - (input.unit === 'day' ? 1 : 0));
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: input.timeZone,
    dateStyle: 'full',
    ...(input.unit === 'hour' && { timeStyle: 'short' }),
  });
  return format.formatRange(start, end);
}

export function decisionMail(input: DecisionMailInput): OutgoingMail {
  const w = WORDS[input.locale] ?? WORDS.de;
  const when = bookedRange(input);
  return {
    kind: 'booking-decision',
    to: input.to,
    subject: `${w.decisionSubject[input.status]}: ${input.resourceName}`,
    body: [
      w.greeting(input.requesterName),
      '',
      w.decisionBody[input.status](input.resourceName, when),
      ...(input.reason ? ['', w.reason, quoted(input.reason)] : []),
      '',
      '-- ',
      w.footer(input.communityName),
    ].join('\n'),
  };
}
