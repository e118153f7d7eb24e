/**
 * English catalogue. It defines the shape of every catalogue (`Messages`): a German entry
 * missing or misspelt is a type error, and a locale without a catalogue falls back to this one.
 */
import type { Formatters } from '../core/format.js';

type Params = Record<string, string | number>;
/** A message with parameters; `f` formats numbers, sizes and dates in the active locale. */
export type Message = string | ((params: Params, f: Formatters) => string);

export const en = {
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    send: 'Send',
    delete: 'Delete',
    edit: 'Edit',
    back: 'Back',
    showMore: 'Show more',
    required: 'required',
    optional: 'optional',
    saved: 'Saved.',
  },
  state: {
    empty: 'Nothing here yet.',
    error: 'Something went wrong while loading.',
    offline: 'You are offline. What you see may be out of date.',
    queued: 'Not sent yet. It will be sent automatically when the connection is back.',
    noPermission: 'You are not allowed to see this.',
    noBackend: 'This widget cannot reach its data right now.',
  },
  /** One sentence per `BackendError` code, in words a visitor understands. */
  errors: {
    validation: 'Please check the marked fields.',
    conflict: 'Someone else was quicker: this is no longer free.',
    forbidden: 'You are not allowed to do this.',
    'not-found': 'This no longer exists.',
    'rate-limited': (p: Params, f: Formatters) =>
      p.retryAfter ? `Too many attempts. Please wait ${f.duration(Number(p.retryAfter))} and try again.` : 'Too many attempts. Please wait a moment and try again.',
    unavailable: 'The service is not reachable right now. Your input is kept; please try again later.',
    queued: 'Saved on this device. It will be sent when the connection is back.',
  },
  /** Field messages for `FieldIssue.code`: generic checks first, then domain rules. */
  issues: {
    invalid: 'Please check this entry.',
    required: 'Please fill in this field.',
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
    'feed.urgentNeedsExpiry': 'An urgent notice needs an end date, so it disappears when it is over.',
    'feed.callNeedsDetails': 'A "Get involved!" call needs a date, a place and at least one slot.',
    'feed.callOnlyForCalls': 'Date, place and slots belong to "Get involved!" calls only.',
    'feed.rulesNotAccepted': 'Please accept the group rules before your first post.',
    'feed.capacity': 'Sorry, this slot is already full.',
    'booking.endBeforeStart': 'The end must be after the start.',
    'booking.inPast': 'This time has already passed.',
    'booking.leadTime': (p: Params, f: Formatters) => `Please book at least ${f.duration(Number(p.min) * 60)} in advance.`,
    'booking.maxAdvance': (p: Params) => `Bookings open ${p.max} days in advance at most.`,
    'booking.tooShort': (p: Params, f: Formatters) => `The minimum booking is ${p.unit === 'day' ? f.days(Number(p.min)) : f.duration(Number(p.min) * 60)}.`,
    'booking.tooLong': (p: Params, f: Formatters) => `The maximum booking is ${p.unit === 'day' ? f.days(Number(p.max)) : f.duration(Number(p.max) * 60)}.`,
    'booking.blackout': (p: Params) => (p.reason ? `Not available on these dates: ${p.reason}.` : 'Not available on these dates.'),
    'booking.closed': 'This is outside the opening hours.',
    'booking.dayAlignment': 'This resource is booked in whole days.',
    'booking.stepAlignment': (p: Params) => `Start and end must be on the ${p.step}-minute grid.`,
    'booking.tooManyAttendees': (p: Params, f: Formatters) => `At most ${f.number(Number(p.max))} people are allowed.`,
    'booking.declineNeedsReason': 'Please give a reason for declining.',
    'booking.rangeTooLong': 'Please choose a shorter period.',
    'lostFound.microchip': 'A microchip number has 15 digits (ISO 11784), e.g. 276 098 100 012 345.',
    'lostFound.animalDetails': 'Please describe the animal (at least the species).',
    'lostFound.futureDate': 'The date cannot be in the future.',
    'learning.evidenceRequired': 'This step needs evidence: a note, a link or a photo.',
    'learning.outsideCohort': 'Check-ins are only possible while the challenge runs.',
  },
  provider: {
    sampleLoaded: 'Sample data loaded.',
  },
};

export type Messages = typeof en;
