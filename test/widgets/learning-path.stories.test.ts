// Every story of <dorf-learning-path>, rendered as Storybook renders it and checked with axe (test/lib/stories.ts).
import * as stories from '../../stories/learning-path.stories.js';
import { storySuite } from '../lib/stories.js';

storySuite({
  tag: 'dorf-learning-path',
  stories,
  /** What each story must show once settled. */
  expect: {
    InProgress: '[data-step="eigenschutz"][part~="step-done"] [part~="evidence"]',
    Milestone: '[part~="celebration"]',
    AwaitingSignOff: '[data-step="kurs"][part~="step-awaiting"]',
    MentorView: '[part~="sign-off"] [part~="confirm"]',
    Cohort: '[part~="streak"]',
    CompletedWithBadge: '[part~="badge"]',
    Visitor: '[part~="profile-form"]',
    Catalogue: '[part~="path-card"]',
    Empty: '[part~="status-empty"]',
    Loading: '[part~="status-loading"]',
    Failure: '[part~="status-error"]',
    OfflineQueued: '.notice--queued',
    Dark: '[part~="step-done"]',
    English: '[part~="cohort-stats"]',
    Deutsch: '[part~="steps"]',
  },
});
