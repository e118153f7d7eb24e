#!/usr/bin/env node
// npm run build: everything `npm publish` ships.
//   1. dist/**.js        npm ESM, unbundled (one module per source module), dependencies external
//   2. dist/cdn/dorfplatz.js   one self-contained minified bundle that registers every element
//   3. dist/types/**.d.ts      declarations (tsc -p tsconfig.build.json)
//   4. custom-elements.json    the manifest (npm run analyze)
//   5. checks: the CDN file imports nothing and contains every element of the manifest; every
//      package.json "exports"/"main"/"types" target exists
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { npmRun, root, run, since } from './lib/run.mjs';
import { bundleConfig, npmConfig, pkg } from './lib/vite.mjs';

const started = performance.now();
const step = (title) => console.log(`\n▸ ${title}`);
const fail = (message) => {
  console.error(`\n✖ build failed: ${message}`);
  process.exit(1);
};

/** Source modules that become dist modules: all of src/ but tests, stories and declarations. */
function sourceModules(dir = 'src') {
  const found = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...sourceModules(path));
    else if (/\.ts$/.test(entry.name) && !/\.(test|spec|stories|d)\.ts$/.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/** Vite has already printed the bundler's error; say which step failed, without a Node stack. */
const bundle = (config, what) => build(config).catch((error) => fail(`${what}: ${error?.message ?? error}`));

rmSync(join(root, 'dist'), { recursive: true, force: true });

// 1. npm ESM -----------------------------------------------------------------------------------
step('npm modules → dist/ (unbundled, dependencies external)');
let t = performance.now();
const modules = sourceModules();
if (!modules.includes('src/index.ts')) fail('src/index.ts (the package entry) does not exist yet.');
const entries = Object.fromEntries(modules.map((path) => [path.slice('src/'.length, -'.ts'.length), path]));
await bundle(npmConfig(entries), 'npm modules');
console.log(`  ${modules.length} source modules in ${since(t)}`);

// 2. CDN bundle --------------------------------------------------------------------------------
step('CDN bundle → dist/cdn/dorfplatz.js (everything inlined, minified, Lit production mode)');
t = performance.now();
const cdn = await bundle(bundleConfig({ entry: { dorfplatz: 'src/index.ts' }, outDir: 'dist/cdn', sourcemap: true, banner: true }), 'CDN bundle');
const chunks = (Array.isArray(cdn) ? cdn : [cdn]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
if (chunks.length !== 1) fail(`the CDN build produced ${chunks.length} files; it must be exactly one.`);
const [cdnFile] = chunks;
// Inlined `import()`s still list the chunk itself as their target.
const leftover = [...cdnFile.imports, ...cdnFile.dynamicImports].filter((name) => name !== cdnFile.fileName);
if (leftover.length) fail(`dist/cdn/dorfplatz.js still imports ${leftover.join(', ')}.`);
if (cdnFile.code.includes('Lit is in dev mode')) fail('the CDN bundle contains the Lit development build.');
console.log(`  ${(cdnFile.code.length / 1024).toFixed(1)} KiB minified in ${since(t)} (npm run size for gzip figures)`);

// 3. Declarations ------------------------------------------------------------------------------
step('type declarations → dist/types/ (tsc -p tsconfig.build.json)');
t = performance.now();
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if ((await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'])) !== 0) fail('tsc reported errors (above).');
console.log(`  done in ${since(t)}`);

// 4. Custom elements manifest ------------------------------------------------------------------
step('custom-elements.json (npm run analyze)');
t = performance.now();
if ((await npmRun('analyze')) !== 0) fail('the custom-elements analyzer failed (above).');
console.log(`  done in ${since(t)}`);

// 5. The CDN file registers every element the manifest knows ------------------------------------
step('CDN bundle registers every element');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const tags = (manifest.modules ?? []).flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
const absent = tags.filter((tag) => !cdnFile.code.includes(`"${tag}"`) && !cdnFile.code.includes(`'${tag}'`) && !cdnFile.code.includes(`\`${tag}\``));
if (absent.length) fail(`src/index.ts does not register ${absent.map((tag) => `<${tag}>`).join(', ')} (missing from the CDN bundle).`);
console.log(`  ${tags.map((tag) => `<${tag}>`).join(' ')}`);

// 6. package.json points at files that exist ---------------------------------------------------
step('package.json entry points');
const targets = new Map();
const collect = (key, value) => {
  if (typeof value === 'string') targets.set(`${key}`, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(`${key} → ${k}`, v);
};
for (const field of ['main', 'module', 'types', 'customElements']) if (pkg[field]) collect(field, pkg[field]);
collect('exports', pkg.exports);
// A subpath pattern (`./widgets/*.js`) must match at least one file the build wrote.
const patternMatches = (pattern) => {
  const [prefix, suffix] = pattern.split('*');
  const walk = (dir) =>
    existsSync(join(root, dir)) &&
    readdirSync(join(root, dir), { withFileTypes: true }).some((entry) => {
      const path = `${dir}/${entry.name}`;
      return entry.isDirectory() ? walk(path) : path.startsWith(prefix) && path.endsWith(suffix);
    });
  return walk(dirname(`${prefix}x`));
};
const exists = (path) => (path.includes('*') ? patternMatches(path) : existsSync(join(root, path)) && statSync(join(root, path)).isFile());
const missing = [...targets].filter(([, path]) => !exists(path));
for (const [key, path] of missing) console.error(`  missing: ${key} = ${path}`);
if (missing.length) fail(`${missing.length} package.json entry point(s) point at files the build did not write.`);
console.log(`  all ${targets.size} targets exist`);

console.log(`\n✔ build finished in ${since(started)}`);
