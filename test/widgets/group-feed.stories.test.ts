/**
 * Every story of `<dorf-group-feed>` rendered the way Storybook renders it (the story's loaders,
 * the project's `dorfLoader` and `withDorfProvider` decorator, the story's globals), then checked
 * with axe: every state of the widget is accessible in both languages and both themes.
 */
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { dorfLoader, withDorfProvider } from '../../.storybook/dorf-decorator.js';
import * as stories from '../../stories/group-feed.stories.js';
import type { DorfGroupFeed } from '../../src/widgets/group-feed/group-feed.element.js';

window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) event.stopImmediatePropagation();
});

type AnyStory = {
  name?: string;
  args?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  loaders?: Array<() => Promise<Record<string, unknown>>>;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
};
const meta = stories.default as unknown as AnyStory & { render: (args: Record<string, unknown>) => TemplateResult };
const named = Object.entries(stories).filter(([key]) => key !== 'default') as [string, AnyStory][];

/** What each story must show once settled. */
const EXPECT: Record<string, string> = {
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
};

describe('<dorf-group-feed> stories', () => {
  it('covers every story', () => {
    expect(named.map(([key]) => key).sort()).to.deep.equal(Object.keys(EXPECT).sort());
  });

  for (const [key, story] of named) {
    it(`${story.name ?? key} renders and is accessible`, async () => {
      const args = { ...meta.args, ...story.args };
      const parameters = { ...meta.parameters, ...story.parameters };
      const globals = { locale: 'de', theme: 'auto', ...story.globals };
      const context = { id: `group-feed--${key.toLowerCase()}`, viewMode: 'story', parameters, globals, args, loaded: {} as Record<string, unknown> };
      for (const loader of story.loaders ?? []) Object.assign(context.loaded, await loader());
      Object.assign(context.loaded, await (dorfLoader as unknown as (c: unknown) => Promise<Record<string, unknown>>)(context));
      const frame = await fixture<HTMLElement>(
        (withDorfProvider as unknown as (s: () => TemplateResult, c: unknown) => TemplateResult)(() => meta.render(args), context),
      );
      await story.play?.({ canvasElement: frame });
      const el = frame.querySelector('dorf-group-feed') as DorfGroupFeed;
      const start = performance.now();
      while (!el.shadowRoot?.querySelector(EXPECT[key]!)) {
        if (performance.now() - start > 8000) throw new Error(`${key}: ${EXPECT[key]} not shown`);
        await new Promise((r) => setTimeout(r, 25));
      }
      await el.updateComplete;
      if (globals.theme === 'dark') expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(frame).to.be.accessible();
    });
  }
});
