// Small process helpers for the scripts in this folder.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts run from anywhere, e.g. `node ../scripts/build.mjs`). */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs a command with inherited stdio from the repo root and resolves with its exit code
 * (128 + signal number when it was killed). Ctrl-C reaches the child through the process group;
 * SIGTERM sent to us is forwarded.
 */
export function run(command, args = [], options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = () => child.kill('SIGTERM');
    process.once('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      resolve(code ?? 128 + (signal === 'SIGINT' ? 2 : 15));
    });
  });
}

/** `npm run <script>` with the same npm that runs us. */
export function npmRun(script, args = []) {
  const npm = process.env.npm_execpath;
  return npm
    ? run(process.execPath, [npm, 'run', '--silent', script, ...(args.length ? ['--', ...args] : [])])
    : run('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])]);
}

/** Formats milliseconds since `start` as seconds. */
export const since = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
