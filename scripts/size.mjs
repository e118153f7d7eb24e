#!/usr/bin/env node
// npm run size: what a page pays for Dorfplatz, bundled and minified exactly like the CDN file
// (every dependency inlined, Lit production mode), gzip level 9. Budgets are min+gzip of the
// initial load (entry + static imports); chunks behind `import()` are listed as "lazy".
//   base      Lit + zod/mini + idb + core + <dorf-provider> + local adapter    ≤ 20 kB
//   widgets   each src/widgets/*/dorf-*.ts with everything it imports           ≤ 25 kB each
//   cdn       src/index.ts (all elements)                                       printed only
// Exits 1 when anything is over budget.   kB = 1000 bytes.
// `npm run size -- --why` also lists what fills each budgeted bundle.
// `npm run size -- --total` applies the budgets to initial + lazy chunks (everything reachable).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { root } from './lib/run.mjs';
import { bundleConfig } from './lib/vite.mjs';

const KB = 1000;
const TOTAL = process.argv.includes('--total');
const BASE_ID = join(root, '__dorf-size-base__.ts');

/** The base entry exists only in memory: the provider's define module plus the local adapter. */
const baseEntry = {
  name: 'dorf-size-base',
  enforce: 'pre',
  resolveId: (id) => (id === BASE_ID ? BASE_ID : null),
  load: (id) =>
    id === BASE_ID
      ? `import './src/core/provider.ts';\nexport * from './src/data/adapters/local/index.ts';\n`
      : null,
};

const widgetModules = () => {
  const dir = join(root, 'src', 'widgets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((f) => /^dorf-.*\.ts$/.test(f) && !/\.(test|stories|d)\.ts$/.test(f))
        .map((f) => `src/widgets/${d.name}/${f}`),
    )
    .sort();
};

const targets = [
  { name: 'cdn: src/index.ts (every element)', entry: 'src/index.ts', budget: null },
  { name: 'base: provider + local adapter', entry: BASE_ID, budget: 20 * KB, plugins: [baseEntry] },
  ...widgetModules().map((path) => ({ name: path.split('/').pop().replace(/\.ts$/, ''), entry: path, budget: 25 * KB })),
];

/**
 * Initial load = the entry file plus everything it imports statically (what the page pays before
 * anything renders); chunks reached only through `import()` are reported as "lazy". Each file is
 * gzipped on its own, as a server sends it. The CDN figure is one file by construction.
 */
function measureOutput(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (chunk) => {
    if (!chunk || initial.has(chunk)) return;
    initial.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(chunks.find((c) => c.isEntry));
  const sum = (list, f) => list.reduce((total, c) => total + f(c), 0);
  const gz = (c) => gzipSync(c.code, { level: 9 }).length;
  const lazy = chunks.filter((c) => !initial.has(c));
  // Contributors (rendered length after tree-shaking, before minification) by package or folder.
  const parts = new Map();
  for (const chunk of initial) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      const at = id.lastIndexOf('node_modules/');
      const key =
        at >= 0
          ? id.slice(at + 13).split('/').slice(0, id.slice(at + 13).startsWith('@') ? 2 : 1).join('/')
          : id.startsWith(root) ? id.slice(root.length).split('/').slice(0, -1).join('/') || id.slice(root.length) : 'compiler helpers';
      parts.set(key, (parts.get(key) ?? 0) + info.renderedLength);
    }
  }
  return {
    parts: [...parts].sort((a, b) => b[1] - a[1]),
    min: sum([...initial], (c) => Buffer.byteLength(c.code)),
    gz: sum([...initial], gz),
    lazyGz: lazy.length ? sum(lazy, gz) : null,
  };
}

const rows = [];
let failed = false;
for (const target of targets) {
  try {
    const splitting = target.budget !== null;
    const result = await build(
      bundleConfig({ entry: { size: target.entry }, write: false, splitting, plugins: target.plugins ?? [] }),
    );
    const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
    const { min, gz, lazyGz, parts } = measureOutput(chunks);
    const counted = TOTAL ? gz + (lazyGz ?? 0) : gz;
    rows.push({ ...target, min, gz, lazyGz, parts, status: target.budget === null ? '' : counted <= target.budget ? 'OK' : 'OVER' });
  } catch (error) {
    failed = true;
    rows.push({ ...target, min: NaN, gz: NaN, lazyGz: null, status: 'ERROR' });
    console.error(`${target.name}: ${error?.message ?? error}`);
  }
}

// "vs base": how much more than the base a bundle costs (gzip sizes, so only roughly additive).
const base = rows[1];
const fmtBytes = (n) => (Number.isFinite(n) ? n.toLocaleString('en-US') : '–');
const fmtKb = (n) => (Number.isFinite(n) ? `${(n / KB).toFixed(2)} kB` : '–');
const table = [
  ['bundle', 'min (bytes)', 'min+gzip (bytes)', 'min+gzip', 'budget', 'status', 'lazy (gzip)', 'vs base'],
  ...rows.map((r) => [
    r.name, fmtBytes(r.min), fmtBytes(r.gz), fmtKb(r.gz), r.budget ? fmtKb(r.budget) : '–', r.status,
    r.lazyGz === null ? '–' : fmtKb(r.lazyGz),
    r === base || !Number.isFinite(r.gz - base.gz) ? '–' : `${r.gz >= base.gz ? '+' : '−'}${fmtKb(Math.abs(r.gz - base.gz))}`,
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
console.log('\nBundle size: initial load (entry + static imports), ES modules, minified, dependencies inlined,');
console.log(
  `Lit production mode; each file gzip -9; kB = 1000 bytes. Budgets apply to ${TOTAL ? 'min+gzip + lazy (--total)' : 'min+gzip of the initial load'}.\n`,
);
console.log(line(table[0]));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const row of table.slice(1)) console.log(line(row));
if (targets.length === 2) console.log('\n(no widget define modules src/widgets/*/dorf-*.ts yet)');

const over = rows.filter((r) => r.status === 'OVER');
if (process.argv.includes('--why')) {
  for (const r of rows.filter((row) => row.parts && row.budget !== null)) {
    const total = r.parts.reduce((t, [, n]) => t + n, 0);
    console.log(`\n${r.name}: where the bytes come from (before minification)`);
    for (const [name, n] of r.parts.slice(0, 15)) {
      console.log(`  ${String(Math.round((n / total) * 100)).padStart(3)} %  ${(n / KB).toFixed(1).padStart(6)} kB  ${name}`);
    }
  }
} else if (over.length) {
  console.log('\n(`npm run size -- --why` shows which packages and folders fill a bundle)');
}
if (over.length) console.error(`\n✖ over budget: ${over.map((r) => r.name).join(', ')}`);
if (failed) console.error('\n✖ some bundles could not be built (errors above)');
process.exit(over.length || failed ? 1 : 0);
