/**
 * Test APIs for the kit: the mocha globals (the default), and a recording `TestApi` that
 * collects the suite instead of registering it, then runs it on demand and reports each
 * test's outcome. The recorder is how the kit proves it can fail (run a suite against a
 * deliberately broken adapter and assert the right tests fail); it also suits runners
 * without `describe`/`it`.
 */
import type { TestApi } from './harness.js';

/** The runner's globals (`describe`, `it`, `beforeEach`, `afterEach`), e.g. mocha or node:test's globals. */
export function globalTestApi(): TestApi {
  const g = globalThis as unknown as Partial<TestApi>;
  const missing = (['describe', 'it', 'beforeEach', 'afterEach'] as const).filter((k) => typeof g[k] !== 'function');
  if (missing.length) {
    throw new Error(
      `dorfplatz/contract: no global ${missing.join(', ')}; pass a TestApi to runContractSuite(harness, test) ` +
        `(e.g. { describe, it, beforeEach, afterEach } from 'node:test')`,
    );
  }
  return {
    describe: (name, body) => g.describe!(name, body),
    it: (name, body) => g.it!(name, body),
    beforeEach: (body) => g.beforeEach!(body),
    afterEach: (body) => g.afterEach!(body),
  };
}

export interface TestOutcome {
  /** Titles from the outermost `describe` to the test, joined with ` › `. */
  fullName: string;
  titles: string[];
  passed: boolean;
  error?: unknown;
  ms: number;
}

interface SuiteNode {
  name: string;
  parent: SuiteNode | null;
  before: (() => Promise<void> | void)[];
  after: (() => Promise<void> | void)[];
  children: (SuiteNode | TestNode)[];
}
interface TestNode {
  test: true;
  name: string;
  parent: SuiteNode;
  body: () => Promise<void> | void;
}

export interface RecordingTestApi {
  /** Hand this to a suite instead of the runner's globals. */
  readonly api: TestApi;
  /** Every recorded test's full name, in declaration order. */
  names(): string[];
  /**
   * Runs the recorded tests sequentially (those whose full name `filter` accepts), each
   * with the `beforeEach` hooks of its suites from the outside in and the `afterEach` hooks
   * from the inside out, the latter even when the test failed.
   */
  run(options?: { filter?: (fullName: string) => boolean; timeout?: number }): Promise<TestOutcome[]>;
}

const SEP = ' › ';

function titlesOf(node: TestNode | SuiteNode): string[] {
  const titles: string[] = [];
  for (let n: TestNode | SuiteNode | null = node; n && n.parent !== null; n = n.parent) titles.unshift(n.name);
  return titles;
}

function withTimeout(body: () => Promise<void> | void, ms: number, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    Promise.resolve().then(body),
    new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function recordingTestApi(): RecordingTestApi {
  const root: SuiteNode = { name: '', parent: null, before: [], after: [], children: [] };
  let current = root;

  const api: TestApi = {
    describe(name, body) {
      const suite: SuiteNode = { name, parent: current, before: [], after: [], children: [] };
      current.children.push(suite);
      const outer = current;
      current = suite;
      try {
        body();
      } finally {
        current = outer;
      }
    },
    it(name, body) {
      current.children.push({ test: true, name, parent: current, body });
    },
    beforeEach(body) {
      current.before.push(body);
    },
    afterEach(body) {
      current.after.push(body);
    },
  };

  const tests = (): TestNode[] => {
    const out: TestNode[] = [];
    const visit = (s: SuiteNode) => {
      for (const c of s.children) ('test' in c ? out.push(c) : visit(c));
    };
    visit(root);
    return out;
  };

  return {
    api,
    names: () => tests().map((t) => titlesOf(t).join(SEP)),
    async run({ filter, timeout = 20_000 } = {}) {
      const outcomes: TestOutcome[] = [];
      for (const t of tests()) {
        const titles = titlesOf(t);
        const fullName = titles.join(SEP);
        if (filter && !filter(fullName)) continue;
        const chain: SuiteNode[] = [];
        for (let s: SuiteNode | null = t.parent; s; s = s.parent) chain.unshift(s);
        const started = Date.now();
        let error: unknown;
        let failed = false;
        try {
          for (const s of chain) for (const h of s.before) await withTimeout(h, timeout, `beforeEach of "${fullName}"`);
          await withTimeout(t.body, timeout, `"${fullName}"`);
        } catch (e) {
          failed = true;
          error = e;
        }
        for (const s of [...chain].reverse()) {
          for (const h of s.after) {
            try {
              await withTimeout(h, timeout, `afterEach of "${fullName}"`);
            } catch (e) {
              if (!failed) {
                failed = true;
                error = e;
              }
            }
          }
        }
        outcomes.push({ fullName, titles, passed: !failed, ms: Date.now() - started, ...(failed ? { error } : {}) });
      }
      return outcomes;
    },
  };
}
