/**
 * A reference server for browser tests, in its own process (`node --import tsx test/outbox/serve.ts`,
 * started by `server-plugin.mjs`): PGlite in memory, plus a small control endpoint for what a
 * browser test may not do over the public API (create a community, sign a token, count rows).
 * Prints `READY <server url> <control url>`; exits when its parent closes stdin.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCommunity, memberToken, openTestDatabase, startServer } from '../../server/test/support.js';
import { addStaff } from '../../server/src/communities.js';
import { generateTotpSecret, totpCode, totpStep } from '../../server/src/totp.js';

const running = await startServer(await openTestDatabase('pglite'), { ownsDb: true });

type Command = { action: string; [key: string]: unknown };

async function handle(p: Command): Promise<unknown> {
  switch (p.action) {
    case 'community':
      return { community: p.id, secret: await createCommunity(running.db, String(p.id)) };
    case 'token':
      return {
        token: memberToken(String(p.community), String(p.secret), {
          kind: p.kind as 'member' | 'moderator' | 'admin', memberId: String(p.memberId), displayName: String(p.displayName),
        }),
      };
    case 'staff': {
      // A moderator or admin with a password, and with `totp: true` a one-time code secret.
      const { memberId } = await addStaff(running.db, String(p.community), {
        username: String(p.username), password: String(p.password), displayName: String(p.displayName ?? p.username),
        roles: (p.roles as ('member' | 'moderator' | 'admin')[] | undefined) ?? ['admin'],
      });
      const secret = p.totp ? generateTotpSecret() : null;
      await running.db.query('UPDATE staff SET totp_secret = $3, totp_last_step = NULL WHERE community = $1 AND username = $2', [p.community, p.username, secret]);
      return { memberId, secret };
    }
    case 'totp':
      // The code an authenticator app shows now (`offset` steps away, for a wrong one).
      return { code: totpCode(String(p.secret), totpStep(Date.now()) + Number(p.offset ?? 0)) };
    case 'posts':
      return running.db.query('SELECT id, title FROM posts WHERE community = $1 ORDER BY id', [p.community]);
    default:
      throw new Error(`unknown action ${p.action}`);
  }
}

const control = createHttpServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    handle(JSON.parse(body) as Command).then(
      (result) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(result ?? null));
      },
      (error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      },
    );
  });
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
const { port } = control.address() as AddressInfo;
process.stdout.write(`READY ${running.url} http://127.0.0.1:${port}\n`);

const stop = async () => {
  control.close();
  await running.close().catch(() => undefined);
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
