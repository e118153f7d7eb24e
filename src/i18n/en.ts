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
    'file.empty': 'This file is empty.',
    'file.unknown': 'This file is no longer available; please add it again.',
    'file.tooMany': (p: Params) => `At most ${p.max} files are allowed.`,
    'image.unreadable': 'This image cannot be read. Please try a JPEG, PNG or WebP photo.',
    'cursor.invalid': 'The list has changed; please reload it.',
    'session.profileRequired': 'Please choose the name others see first.',
  },
};

export type Messages = typeof en;
