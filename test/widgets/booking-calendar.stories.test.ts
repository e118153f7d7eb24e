// Every story of <dorf-booking-calendar>, rendered as Storybook renders it and checked with axe (test/lib/stories.ts).
import * as stories from '../../stories/booking-calendar.stories.js';
import { storySuite } from '../lib/stories.js';

storySuite({
  tag: 'dorf-booking-calendar',
  stories,
  /** What each story must show once settled. */
  expect: {
    Grillhuette: '[part~="day-confirmed"], [part~="day-requested"]',
    Buergerhaus: '#bc-from',
    Switcher: '[part~="switcher"]',
    WeekView: '[part~="week-day"]',
    ListView: '[part~="list"]',
    AdminView: '[part~="admin-item"]',
    FullyBooked: '[part~="day-confirmed"]',
    Blackout: '[part~="day-blackout"]',
    Conflict: '[part~="alternative"]',
    Empty: '[part~="status-empty"]',
    Loading: '[part~="status-loading"]',
    Failure: '[part~="status-error"]',
    OfflineQueued: '.notice--queued',
    NoPermission: '[part~="status-forbidden"]',
    Subscribe: '[part~="subscribe-link"]',
    Dark: '[role="grid"]',
    English: '[role="grid"]',
    Deutsch: '[role="grid"]',
  },
});
