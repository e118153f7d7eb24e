#!/usr/bin/env node
// npm run e2e: end-to-end tests in headless Chromium (playwright-core), test/e2e/*.e2e.mjs.
//   1. builds the strict-CSP demo page (demo/csp/) like production (minified, Lit production mode,
//      the CDN bundle's settings) into node_modules/.cache/dorf-e2e/
//   2. serves it on 127.0.0.1 with
//        Content-Security-Policy: script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'
//   3. starts the reference server (dorfplatz-server --samples) on a fresh embedded database
//   4. runs the tests with node:test; extra arguments go to node --test (e.g. a file name)
// Never downloads anything; exits with the tests' exit code. Budget: well under 3 minutes.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { build } from 'vite';
import { ensureBrowser } from './lib/browser.mjs';
import { root, run, since } from './lib/run.mjs';
import { bundleConfig } from './lib/vite.mjs';

const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";
const started = performance.now();
const outDir = join(root, 'node_modules', '.cache', 'dorf-e2e');
const cleanups = [];
const cleanup = async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
};
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => cleanup().then(() => process.exit(143)));

// 1. Build ---------------------------------------------------------------------------------------
let t = performance.now();
console.log('▸ building demo/csp/ (production bundle)');
rmSync(outDir, { recursive: true, force: true });
await build(bundleConfig({ entry: { main: 'demo/csp/main.ts' }, outDir: join(outDir, 'demo', 'csp') })).catch((error) => {
  console.error(`Bundling demo/csp failed: ${error?.message ?? error}`);
  process.exit(1);
});
const html = readFileSync(join(root, 'demo', 'csp', 'index.html'), 'utf8');
if (!html.includes('src="./main.ts"')) {
  console.error('demo/csp/index.html must load ./main.ts');
  process.exit(1);
}
writeFileSync(join(outDir, 'demo', 'csp', 'index.html'), html.replace('src="./main.ts"', 'src="./main.js"'));
mkdirSync(join(outDir, 'demo', 'shared'), { recursive: true });
copyFileSync(join(root, 'demo', 'shared', 'site.css'), join(outDir, 'demo', 'shared', 'site.css'));
console.log(`  ${readdirSync(join(outDir, 'demo', 'csp')).join(', ')} in ${since(t)}`);

// 2. Serve with the strict policy ----------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };
const site = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(outDir, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(outDir + sep) || !existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': STRICT_CSP });
    return res.end('Not found');
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': STRICT_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(readFileSync(file));
});
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
cleanups.push(() => new Promise((resolve) => site.close(resolve)));
const pageUrl = `http://127.0.0.1:${site.address().port}/demo/csp/`;
console.log(`▸ serving ${pageUrl} with Content-Security-Policy: ${STRICT_CSP}`);

// 3. The reference server on a fresh embedded database -------------------------------------------
t = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), 'dorf-e2e-'));
cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
const port = await new Promise((resolve) => {
  const probe = createServer();
  probe.listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const serverUrl = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(root, 'server', 'bin', 'dorfplatz-server.mjs'), 'start', '--samples'], {
  cwd: join(root, 'server'),
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DORFPLATZ_DATA_DIR: dataDir, DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.stdout.on('data', (chunk) => process.stdout.write(`  [server] ${chunk}`));
cleanups.push(() => new Promise((resolve) => {
  if (server.exitCode !== null) return resolve();
  server.once('exit', resolve);
  server.kill('SIGTERM');
  setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
}));
let ready = false;
for (let i = 0; i < 240 && !ready && server.exitCode === null; i++) {
  try {
    ready = (await fetch(`${serverUrl}/health`)).ok;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
if (!ready) {
  console.error(`dorfplatz-server did not answer at ${serverUrl} within a minute.`);
  await cleanup();
  process.exit(1);
}
console.log(`▸ reference server with the sample communities at ${serverUrl} (${since(t)})`);

// 4. The tests -----------------------------------------------------------------------------------
const files = readdirSync(join(root, 'test', 'e2e')).filter((f) => f.endsWith('.e2e.mjs')).map((f) => join('test', 'e2e', f));
const extra = process.argv.slice(2);
const code = await run(process.execPath, ['--test', '--test-concurrency=1', ...(extra.length ? extra : files)], {
  env: { ...process.env, CHROME_PATH: await ensureBrowser(), E2E_CSP_PAGE: pageUrl, E2E_SERVER_URL: serverUrl },
});
await cleanup();
console.log(`\nend-to-end tests ${code === 0 ? 'passed' : 'FAILED'} in ${since(started)}`);
process.exit(code);
