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
    'file.unknown': 'This file is no longer available; please add it again.',
    'cursor.invalid': 'The list has changed; please reload it.',
    'session.profileRequired': 'Please choose the name others see first.',
    'storage.full': 'The storage this browser gives this site is full. Please free some space (for example delete old site data) and try again; what you typed is kept.',
    'storage.outdated': 'A newer version of this page is open in another tab. Please reload this page.',
    'storage.blocked': 'This page is also open in another tab with an older version. Please close or reload that tab.',
    'storage.lost': 'The browser closed this site’s storage. Please try again.',
    'storage.unavailable': 'This browser does not let this site store anything here (for example in a private window), so nothing can be kept on this device.',
  },
};

export type Messages = typeof en;
