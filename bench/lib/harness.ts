/**
 * The in-page side of `npm run bench`. A benchmark is a module `bench/<name>.bench.ts` whose
 * default export is `defineBench({ title, run })`: `run` does its setup, measures with
 * `measure()`, and returns named sample series plus budgets computed from their medians.
 * `bench/run.mjs` bundles each benchmark (production mode), opens it in Chromium and prints the
 * report; budgets are printed as OK/OVER, never asserted.
 */

export interface Budget {
  label: string;
  value: number;
  /** The budget: OK when `value <= max`. */
  max: number;
  unit: 'ms' | '×' | 'elements';
}

export interface BenchOutcome {
  /** Series name → samples in milliseconds. */
  series: Record<string, number[]>;
  /** Budgets, given the median of every series. */
  budgets?: (medians: Record<string, number>) => Budget[];
  /** Extra lines for the report, e.g. what was seeded. */
  notes?: string[];
}

export interface BenchContext {
  /** Progress line, shown by the runner while the benchmark runs. */
  log(message: string): void;
}

export interface BenchDefinition {
  title: string;
  run(context: BenchContext): Promise<BenchOutcome>;
}

/** What crosses from the page to the runner (plain JSON). */
export interface BenchReport {
  title: string;
  series: Array<{ name: string; n: number; median: number; min: number; p90: number; max: number }>;
  budgets: Array<Budget & { ok: boolean }>;
  notes: string[];
  setupAndRunMs: number;
}

export const defineBench = (definition: BenchDefinition): BenchDefinition => definition;

export function quantile(samples: readonly number[], q: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

/**
 * Times `fn` `runs` times after `warmup` untimed runs (JIT, IndexedDB caches), one run at a time,
 * yielding to the event loop between runs so no run pays for the previous one's garbage.
 */
export async function measure(
  fn: () => unknown | Promise<unknown>,
  { warmup = 5, runs = 30 }: { warmup?: number; runs?: number } = {},
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Resolves after the browser has painted the current DOM (a frame, then a task): the end mark
 * for "first paint" benchmarks of widgets. Pair with `el.updateComplete` for Lit elements.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Runs one benchmark in this page and summarizes it for the runner. */
export async function runBench(definition: BenchDefinition): Promise<BenchReport> {
  const start = performance.now();
  const outcome = await definition.run({ log: (message) => console.info(`[bench] ${message}`) });
  const medians = Object.fromEntries(Object.entries(outcome.series).map(([name, s]) => [name, median(s)]));
  return {
    title: definition.title,
    series: Object.entries(outcome.series).map(([name, s]) => ({
      name,
      n: s.length,
      median: median(s),
      min: Math.min(...s),
      p90: quantile(s, 0.9),
      max: Math.max(...s),
    })),
    budgets: (outcome.budgets?.(medians) ?? []).map((b) => ({ ...b, ok: b.value <= b.max })),
    notes: [
      ...(outcome.notes ?? []),
      ...(globalThis.crossOriginIsolated ? [] : ['timer: 100 µs resolution (page not cross-origin isolated)']),
    ],
    setupAndRunMs: performance.now() - start,
  };
}

declare global {
  interface Window {
    /** Set by the page entry that bench/run.mjs generates. */
    __dorfBench?: Promise<BenchReport>;
  }
}
