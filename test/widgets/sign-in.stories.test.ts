// Every story of <dorf-sign-in>, rendered as Storybook renders it and checked with axe (test/lib/stories.ts).
import * as stories from '../../stories/sign-in.stories.js';
import { storySuite } from '../lib/stories.js';

storySuite({
  tag: 'dorf-sign-in',
  stories,
  /** What each story must show once settled. */
  expect: {
    SignedOut: '#si-username',
    TotpStep: '#si-code',
    CodeInvalid: '.code ~ [part~="notice"]:not(:empty)',
    WrongPassword: '[part~="notice"]:not(:empty)',
    MissingFields: '#si-username-error',
    Locked: '[part~="notice"]:not(:empty)',
    SlowDown: '[part~="notice"]:not(:empty)',
    Unreachable: '[part~="notice"]:not(:empty)',
    SignedIn: '[part~="who"]',
    WithCalendar: '[part~="who"]',
    LocalBackend: '[part~="needs-server"]',
    Loading: '[part~="status-loading"]',
    Dark: '[part~="notice"]:not(:empty)',
    English: '#si-code',
    Deutsch: '#si-username',
  },
});
