// Browser tests in real Chromium. `npm test` (scripts/test.mjs) finds or installs the browser and
// sets CHROME_PATH; plain `npx web-test-runner` looks for one the same way.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findBrowser } from './scripts/lib/browser.mjs';
import { issueCodesPlugin } from './test/lib/issue-codes-plugin.mjs';
import { outboxServerPlugin } from './test/outbox/server-plugin.mjs';

const executablePath = process.env.CHROME_PATH || (await findBrowser()) || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    // Legacy decorators and useDefineForClassFields:false come from tsconfig.json, as in Vite.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    issueCodesPlugin(fileURLToPath(new URL('.', import.meta.url))),
    // A reference server on PGlite, started only when a test asks for it (test/outbox).
    outboxServerPlugin(new URL('.', import.meta.url).href),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  // Lit's dev build (development export condition) warns once per page; everything else is shown.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  // CI logs: no progress bar redrawn with cursor codes.
  staticLogging: Boolean(process.env.CI),
  // Two cores: one browser page at a time keeps timings and IndexedDB quota predictable.
  concurrency: 1,
  testsFinishTimeout: 5 * 60_000,
  testFramework: { config: { timeout: 20_000 } },
};
