// Every story of <dorf-badge-shelf>, rendered as Storybook renders it and checked with axe (test/lib/stories.ts).
import * as stories from '../../stories/badge-shelf.stories.js';
import { storySuite } from '../lib/stories.js';

storySuite({
  tag: 'dorf-badge-shelf',
  stories,
  /** What each story must show once settled. */
  expect: {
    MyShelf: '[part~="badge-revoked"]',
    Detail: 'dialog[open] [part~="evidence"]',
    RevokedDetail: 'dialog[open] .revoked-note',
    Certificate: '[part~="certificate"]',
    Wall: '[part~="wall"] [part~="badge-recipient"]',
    MemberShelf: '[part~="badge"]',
    AwardForm: '[part~="picker-item"]',
    AwardValidation: '#recipients-error',
    Empty: '[part~="status-empty"]',
    Loading: '[part~="status-loading"]',
    Failure: '[part~="status-error"]',
    OfflineQueued: '.notice--queued',
    NoPermission: '[part~="status-forbidden"]',
    Dark: '[part~="badge"]',
    English: '[part~="wall"] [part~="badge"]',
    Deutsch: '[part~="badge"]',
  },
});
