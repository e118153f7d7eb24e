#!/usr/bin/env node
// npm test: every test suite, in order. Extra arguments go to web-test-runner:
//   npm test -- --files test/feed.test.ts
//   npm test -- --watch
// Exit code: 0 when every step passed, otherwise the first failing step's code.
import { join } from 'node:path';
import { ensureBrowser } from './lib/browser.mjs';
import { root, run } from './lib/run.mjs';

const wtrBin = join(root, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js');
const passThrough = process.argv.slice(2);

const env = { ...process.env, CHROME_PATH: await ensureBrowser() };

/**
 * One line per suite. The server suite runs on PGlite, and also on PostgreSQL when
 * TEST_DATABASE_URL is set (`.ci/run` sets it); extra arguments only go to web-test-runner, so
 * `npm test -- --files …` runs just those browser tests.
 */
const steps = [
  ['browser tests (web-test-runner, Chromium)', process.execPath, [wtrBin, ...passThrough]],
  ...(passThrough.length ? [] : [
    ['Open Badges 3.0 export (node:test, ajv)', process.execPath, ['--import', 'tsx', '--test', 'test/widgets/badge-shelf.ob3.test.mts']],
    ['server tests (node:test, PGlite and PostgreSQL)', 'npm', ['test', '--workspace', 'server']],
    ['end-to-end tests (strict CSP page, privacy; Chromium)', process.execPath, [join(root, 'scripts', 'e2e.mjs')]],
  ]),
];

let exitCode = 0;
for (const [title, command, args] of steps) {
  if (steps.length > 1) console.log(`\n== ${title}`);
  const code = await run(command, args, { env });
  if (code !== 0 && exitCode === 0) exitCode = code;
}
process.exit(exitCode);
