// A real reference server for browser tests that need one (the outbox fault runs): started on
// the first `dorf-server` command (never for test files that do not ask), in its own process
// (`test/outbox/serve.ts` through tsx, PGlite in memory), stopped with the test runner.
//
// Commands (from the browser: `executeServerCommand('dorf-server', { action, … })`):
//   { action: 'start' }                 → { url }, or { pending: true } while it starts (ask again:
//                                          a command must answer within the runner's 20 s)
//   { action: 'community', id }         → { community, secret } (any origin allowed)
//   { action: 'token', community, secret, kind, memberId, displayName } → { token }
//   { action: 'posts', community }      → [{ id, title }]: every post row as stored
//   { action: 'staff', community, username, password, displayName?, roles?, totp? }
//                                       → { memberId, secret }: a password account (with `totp`, its code secret)
//   { action: 'totp', secret, offset? } → { code }: the one-time code of now (`offset` steps away)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function outboxServerPlugin(rootUrl) {
  const root = fileURLToPath(rootUrl);
  let child = null;
  let ready = null;

  const start = () =>
    new Promise((resolve, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', 'test/outbox/serve.ts'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk.toString('utf8');
        const match = /READY (\S+) (\S+)/.exec(out);
        if (match) resolve({ url: match[1], control: match[2] });
      });
      child.on('exit', (code) => {
        ready = null;
        child = null;
        reject(new Error(`the test server exited (${code}) before it was ready`));
      });
    });

  return {
    name: 'dorf-outbox-server',
    async executeCommand({ command, payload }) {
      if (command !== 'dorf-server') return undefined;
      const p = payload ?? {};
      ready ??= start();
      if (p.action === 'start') {
        const server = await Promise.race([ready, new Promise((resolve) => setTimeout(() => resolve(null), 10_000))]);
        return server ? { url: server.url } : { pending: true };
      }
      const { control } = await ready;
      const response = await fetch(control, { method: 'POST', body: JSON.stringify(p) });
      if (!response.ok) throw new Error(`dorf-server ${p.action}: ${await response.text()}`);
      return response.json();
    },
    async serverStop() {
      if (!child) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      child?.kill();
    },
  };
}
