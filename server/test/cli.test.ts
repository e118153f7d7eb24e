/**
 * The CLI and the embedded database: `community add` creates a community with its origins,
 * secret and first admin in a PGlite data folder that survives a restart; `token` signs a
 * member token the server accepts.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { openPglite } from '../src/db.js';
import { startServer, call } from './support.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/dorfplatz-server.mjs', import.meta.url));

describe('dorfplatz-server CLI (PGlite data folder)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dorf-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', DORFPLATZ_DATA_DIR: dir }, timeout: 60_000 });

  it('community add prints the secret; the data survives a restart; token signs what the server accepts', async () => {
    const added = await cli('community', 'add', 'musterdorf', '--name', 'Musterdorf', '--origin', 'https://www.musterdorf.de', '--admin-user', 'gemeinde', '--admin-password', 'lange geheime Phrase');
    assert.match(added.stdout, /created community musterdorf/);
    const secret = /secret \(for signing member tokens on the host site\): (\S+)/.exec(added.stdout)?.[1];
    assert.ok(secret && secret.length >= 32, added.stdout);
    const token = (await cli('token', 'musterdorf', '--member', 'm-7', '--name', 'Greta', '--role', 'member', '--role', 'moderator')).stdout.trim();
    const again = await cli('community', 'add', 'musterdorf', '--name', 'Musterdorf am See', '--origin', 'https://musterdorf.de');
    assert.match(again.stdout, /updated community musterdorf/);
    assert.match(again.stdout, new RegExp(`: ${secret}`), 'the secret stays');
    await assert.rejects(cli('community', 'add', 'x'), /needs --name/);

    const db = await openPglite(dir);
    const running = await startServer(db, { ownsDb: true });
    try {
      const rows = await db.query<{ name: string; origins: string[] }>("SELECT name, origins FROM communities WHERE id = 'musterdorf'");
      assert.deepEqual(rows[0], { name: 'Musterdorf am See', origins: ['https://musterdorf.de'] });
      const base = `${running.url}/c/musterdorf`;
      const session = await call(base, 'GET', '/session', { token });
      assert.deepEqual(session.json.member, { id: 'm-7', displayName: 'Greta', roles: ['member', 'moderator'] });
      const signIn = await call(base, 'POST', '/session/sign-in', { body: { username: 'gemeinde', password: 'lange geheime Phrase' } });
      assert.equal(signIn.status, 200);
      assert.ok(signIn.json.session.member.roles.includes('admin'), 'the first admin');
    } finally {
      await running.close();
    }
  });
});
