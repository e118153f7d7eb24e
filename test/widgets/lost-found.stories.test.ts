// Every story of <dorf-lost-found>, rendered as Storybook renders it and checked with axe (test/lib/stories.ts).
import * as stories from '../../stories/lost-found.stories.js';
import { storySuite } from '../lib/stories.js';

storySuite({
  tag: 'dorf-lost-found',
  stories,
  /** What each story must show once settled. */
  expect: {
    Board: '[part~="card-lost"]',
    LostAnimals: '[part~="card-lost"]',
    Search: '[part~="results"]',
    Item: '[part~="match"]',
    ReportForm: '#lf-form',
    InvalidInput: '#lf-category-input-error',
    Receipt: '[part~="token"]',
    ContactSent: '[part~="contact"] .notice--status',
    Manage: '[part~="message"]',
    Returned: '[part~="manage-status"]',
    Flyer: '[part~="strip"]',
    Moderator: '[part~="hide"]',
    Empty: '[part~="status-empty"]',
    Loading: '[part~="status-loading"]',
    Failure: '[part~="status-error"]',
    OfflineQueued: '.notice--queued',
    NoPermission: '[part~="status-forbidden"]',
    Dark: '[part~="list"]',
    English: '[part~="card-found"]',
    Deutsch: '[part~="list"]',
  },
});
