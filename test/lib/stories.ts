/**
 * Runs every story of a widget the way Storybook renders it (the story's loaders, the project's
 * `dorfLoader` and `withDorfProvider` decorator, the story's globals and `play`), waits until it
 * shows what it is about, and checks it with axe. Each widget's `*.stories.test.ts` names, per
 * story, the selector that proves the story settled; a story without one fails the suite.
 */
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { dorfLoader, withDorfProvider } from '../../.storybook/dorf-decorator.js';

type AnyStory = {
  name?: string;
  args?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  loaders?: Array<() => Promise<Record<string, unknown>>>;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
};

export function storySuite(options: {
  /** The element, e.g. `dorf-group-feed`. */
  tag: string;
  /** The stories module (`import * as stories from '…stories.js'`). */
  stories: Record<string, unknown>;
  /** Story export name → a selector in the element's shadow root that shows it settled. */
  expect: Record<string, string>;
}): void {
  const meta = options.stories.default as AnyStory & { render: (args: Record<string, unknown>) => TemplateResult };
  const named = Object.entries(options.stories).filter(([key]) => key !== 'default') as [string, AnyStory][];
  const idPrefix = options.tag.replace(/^dorf-/, '');

  describe(`<${options.tag}> stories`, () => {
    it('covers every story', () => {
      expect(named.map(([key]) => key).sort()).to.deep.equal(Object.keys(options.expect).sort());
    });

    for (const [key, story] of named) {
      it(`${story.name ?? key} renders and is accessible`, async () => {
        const args = { ...meta.args, ...story.args };
        const parameters = { ...meta.parameters, ...story.parameters };
        const globals = { locale: 'de', theme: 'auto', ...story.globals };
        const context = { id: `${idPrefix}--${key.toLowerCase()}`, viewMode: 'story', parameters, globals, args, loaded: {} as Record<string, unknown> };
        for (const loader of story.loaders ?? []) Object.assign(context.loaded, await loader());
        Object.assign(context.loaded, await (dorfLoader as unknown as (c: unknown) => Promise<Record<string, unknown>>)(context));
        const frame = await fixture<HTMLElement>(
          (withDorfProvider as unknown as (s: () => TemplateResult, c: unknown) => TemplateResult)(() => meta.render(args), context),
        );
        await story.play?.({ canvasElement: frame });
        const el = frame.querySelector(options.tag) as HTMLElement & { updateComplete: Promise<unknown> };
        const selector = options.expect[key]!;
        const start = performance.now();
        while (!el.shadowRoot?.querySelector(selector)) {
          if (performance.now() - start > 8000) throw new Error(`${key}: ${selector} not shown`);
          await new Promise((r) => setTimeout(r, 25));
        }
        await el.updateComplete;
        if (globals.theme === 'dark') expect(getComputedStyle(el).colorScheme).to.equal('dark');
        await expect(frame).to.be.accessible();
      });
    }
  });
}
