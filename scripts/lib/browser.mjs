// Finds a Chromium-family browser for the browser tests and the benchmarks.
// Shared by scripts/test.mjs and bench/run.mjs.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Flags every headless Chromium run here needs (containers, CI, no network beyond localhost). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The browser playwright-core would use if someone ran `playwright install` (we never do). */
async function playwrightPaths() {
  try {
    const { chromium } = await import('playwright-core');
    return [chromium.executablePath()];
  } catch {
    return [];
  }
}

/** Path of a usable browser, or undefined. `CHROME_PATH` wins when it points at a file. */
export async function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.warn(`CHROME_PATH=${fromEnv} does not exist; looking elsewhere.`);
  }
  for (const candidate of [...SYSTEM_PATHS, ...(await playwrightPaths())]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function canAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/**
 * A browser path, installing Debian's `chromium` when we are root with apt-get.
 * Exits the process with one line of advice when there is no way to get one.
 */
export async function ensureBrowser() {
  let path = await findBrowser();
  if (path) return path;
  if (canAptInstall()) {
    console.log('No Chromium found: installing Debian package "chromium" with apt-get.');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const ok =
      spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status === 0 &&
      spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env })
        .status === 0;
    path = ok ? await findBrowser() : undefined;
    if (path) return path;
  }
  console.error('No Chromium or Chrome found: run `sudo apt-get install chromium` or set CHROME_PATH to a Chrome/Chromium binary.');
  process.exit(1);
}
