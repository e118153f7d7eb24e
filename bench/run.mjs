#!/usr/bin/env node
// npm run bench                 every bench/*.bench.ts
// npm run bench -- feed         only benchmarks whose file name contains "feed"
// npm run bench -- --serve      build and serve the pages, print their URLs, wait for Ctrl-C
//
// Adding a benchmark = dropping `bench/<name>.bench.ts` with `export default defineBench(…)`
// (see bench/lib/harness.ts). Each one is bundled like production (minified, Lit production
// mode, via the same settings as the CDN bundle), served by `vite preview` on 127.0.0.1 and run
// in its own fresh browser context (empty IndexedDB) in headless Chromium via playwright-core.
// Budgets are printed with OK/OVER and never fail the run; exit 1 only when a benchmark breaks.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/lib/browser.mjs';
import { root, since } from '../scripts/lib/run.mjs';
import { bundleConfig } from '../scripts/lib/vite.mjs';

const PER_BENCH_TIMEOUT_MS = 10 * 60_000;
const args = process.argv.slice(2);
const serveOnly = args.includes('--serve');
const filters = args.filter((a) => !a.startsWith('--'));

const benchDir = join(root, 'bench');
const outDir = join(root, 'node_modules', '.cache', 'dorf-bench');
const names = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .filter((name) => !filters.length || filters.some((f) => name.includes(f)))
  .sort();
if (!names.length) {
  console.error(filters.length ? `No bench/*.bench.ts matches ${filters.join(', ')}.` : 'No bench/*.bench.ts files.');
  process.exit(1);
}

// 1. Bundle: one page entry per benchmark, generated in memory -----------------------------------
const entryId = (name) => join(benchDir, `__page-${name}__.ts`);
const pageEntries = {
  name: 'dorf-bench-pages',
  enforce: 'pre',
  resolveId: (id) => (names.some((n) => entryId(n) === id) ? id : null),
  load(id) {
    const name = names.find((n) => entryId(n) === id);
    return name === undefined
      ? null
      : `import { runBench } from './lib/harness.ts';\nimport bench from './${name}.bench.ts';\nwindow.__dorfBench = runBench(bench);\n`;
  },
};

let t = performance.now();
console.log(`Bundling ${names.length} benchmark page(s) in production mode…`);
rmSync(outDir, { recursive: true, force: true });
await build(
  bundleConfig({
    entry: Object.fromEntries(names.map((n) => [n, entryId(n)])),
    outDir,
    splitting: true,
    sourcemap: true,
    plugins: [pageEntries],
  }),
).catch((error) => {
  console.error(`Bundling failed: ${error?.message ?? error}`);
  process.exit(1);
});
mkdirSync(outDir, { recursive: true });
for (const name of names) {
  writeFileSync(
    join(outDir, `${name}.html`),
    `<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>bench: ${name}</title>\n` +
      `<body>\n<script type="module" src="./${name}.js"></script>\n</body>\n</html>\n`,
  );
}
console.log(`  done in ${since(t)}`);

// 2. Serve ---------------------------------------------------------------------------------------
const server = await preview({
  configFile: false,
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: {
    host: '127.0.0.1',
    port: 4180,
    strictPort: false,
    open: false,
    // Cross-origin isolation: performance.now() gets fine-grained (5 µs instead of 100 µs).
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
});
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4180/';
const urlOf = (name) => new URL(`${name}.html`, base).href;

if (serveOnly) {
  console.log('\nServing (Ctrl-C to stop); open a page and read `await window.__dorfBench` in the console:');
  for (const name of names) console.log(`  ${urlOf(name)}`);
  await new Promise(() => {});
}

// 3. Run in Chromium -----------------------------------------------------------------------------
const executablePath = await findBrowser();
if (!executablePath) {
  console.error('No Chromium or Chrome found: run `sudo apt-get install chromium` or set CHROME_PATH.');
  await server.close();
  process.exit(1);
}
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
const version = browser.version();

const reports = [];
let broken = 0;
for (const name of names) {
  console.log(`\n▸ ${name} (${urlOf(name)})`);
  t = performance.now();
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(PER_BENCH_TIMEOUT_MS);
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[bench] ')) console.log(`  · ${text.slice(8)}`);
    else if (message.type() === 'error' || message.type() === 'warning') console.log(`  ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  try {
    await page.goto(urlOf(name));
    const report = await page.evaluate(() => window.__dorfBench);
    if (!report) throw new Error('the page did not start a benchmark (window.__dorfBench is missing)');
    reports.push({ name, ...report });
    printReport(report);
  } catch (error) {
    broken++;
    console.error(`  ✖ ${name} failed: ${error?.message ?? error}`);
  } finally {
    await context.close();
  }
  console.log(`  (${since(t)})`);
}
await browser.close();
await server.close();

// 4. Summary -------------------------------------------------------------------------------------
const allBudgets = reports.flatMap((r) => r.budgets.map((b) => ({ bench: r.name, ...b })));
if (allBudgets.length) {
  console.log(`\nBudgets (Chromium ${version}, ${process.env.CI ? 'CI' : 'local'}; printed, not asserted)`);
  printTable(
    ['benchmark', 'budget', 'value', 'max', 'status'],
    allBudgets.map((b) => [b.bench, b.label, fmt(b.value, b.unit), `≤ ${fmt(b.max, b.unit)}`, b.ok ? 'OK' : 'OVER']),
    2,
  );
}
process.exit(broken ? 1 : 0);

// -------------------------------------------------------------------------------------------------
function fmt(value, unit) {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'elements') return `${Math.round(value)} elements`;
  return unit === '×' ? `${value.toFixed(2)}×` : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

function printTable(header, rows, leftColumns = 1) {
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
  const line = (row) =>
    '  ' + row.map((cell, i) => (i < leftColumns ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  console.log('  ' + widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function printReport(report) {
  console.log(`  ${report.title}`);
  for (const note of report.notes) console.log(`  ${note}`);
  printTable(
    ['series', 'n', 'median', 'min', 'p90', 'max'],
    report.series.map((s) => [s.name, String(s.n), fmt(s.median, 'ms'), fmt(s.min, 'ms'), fmt(s.p90, 'ms'), fmt(s.max, 'ms')]),
  );
  if (report.budgets.length) {
    printTable(
      ['budget', 'value', 'max', 'status'],
      report.budgets.map((b) => [b.label, fmt(b.value, b.unit), `≤ ${fmt(b.max, b.unit)}`, b.ok ? 'OK' : 'OVER']),
    );
  }
}
