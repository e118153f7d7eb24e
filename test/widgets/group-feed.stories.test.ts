// Every story of <dorf-group-feed>, rendered as Storybook renders it and checked with axe (test/lib/stories.ts).
import * as stories from '../../stories/group-feed.stories.js';
import { storySuite } from '../lib/stories.js';

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) event.stopImmediatePropagation();
});

storySuite({
  tag: 'dorf-group-feed',
  stories,
  /** What each story must show once settled. */
  expect: {
    Neuigkeiten: '[part~="urgent"]',
    MachMit: '[part~="call"]',
    Switcher: '[part~="switcher"]',
    ModeratorView: '#moderation-toggle',
    InviteMember: '[part~="invite-item"]',
    AnonymousVisitor: '#profile-name',
    NoPermission: '[part~="status-forbidden"]',
    Loading: '[part~="status-loading"]',
    Failure: '[part~="status-error"]',
    OfflineQueued: '[part~="call"]',
    Empty: '[part~="status-empty"]',
    UrgentNotice: '[part~="urgent"]',
    Dark: '[part~="urgent"]',
    English: '[part~="header"]',
    Deutsch: '[part~="call"]',
  },
});
