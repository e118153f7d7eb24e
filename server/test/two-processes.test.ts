/**
 * Scale-out: two server processes on one PostgreSQL. A post made through one appears on an
 * event stream of the other (LISTEN/NOTIFY), both ways. Needs PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createHttpBackend } from '../../src/data/adapters/http/index.js';
import { fixtures } from '../../src/data/contract/index.js';
import type { Change } from '../../src/data/schema/index.js';
import { createCommunity, memberToken, openTestDatabase, POSTGRES_URL, startServer, type Running } from './support.js';

const BIN = fileURLToPath(new URL('../bin/dorfplatz-server.mjs', import.meta.url));

/** Starts `dorfplatz-server start` as a child process on `PORT=0`; resolves with its URL. */
function startProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server process did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`the server process exited with ${code}: ${out}`)));
  });
}

const waitFor = async (events: Change[], id: string, ms = 5000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (events.some((e) => e.id === id)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
};

describe('two server processes on one PostgreSQL', { skip: POSTGRES_URL ? false : 'set TEST_DATABASE_URL (or DATABASE_URL) to run it' }, () => {
  let a: Running;
  let b: { url: string; child: ChildProcess };
  let community: string;
  let secret: string;
  before(async () => {
    a = await startServer(await openTestDatabase('postgres'), { ownsDb: true });
    b = await startProcess(POSTGRES_URL);
    community = `scale-${randomUUID().slice(0, 8)}`;
    secret = await createCommunity(a.db, community);
  });
  after(async () => {
    b?.child.kill('SIGTERM');
    await a?.close();
  });

  const backend = (url: string, kind: 'anonymous' | 'member' | 'admin', memberId = randomUUID()) =>
    createHttpBackend({ baseUrl: url, community, token: kind === 'anonymous' ? null : memberToken(community, secret, { kind, memberId, displayName: `Kit ${kind}` }) });

  it('a post made through one process reaches an event stream of the other, both ways', async () => {
    const admin = backend(a.url, 'admin');
    const group = await admin.feed.saveGroup(fixtures.groupInput());
    const onB = backend(b.url, 'anonymous');
    const onA = backend(a.url, 'anonymous');
    const seenOnB: Change[] = [];
    const seenOnA: Change[] = [];
    onB.subscribe(`feed/${group.id}`, (c) => seenOnB.push(c));
    onA.subscribe(`feed/${group.id}`, (c) => seenOnA.push(c));
    const writerA = backend(a.url, 'member');
    await writerA.feed.acceptRules(group.id);
    const post = await writerA.feed.createPost(fixtures.postInput(group.id));
    assert.ok(await waitFor(seenOnB, post.id), `process B's stream got no change for the post made on A: ${JSON.stringify(seenOnB)}`);
    const writerB = backend(b.url, 'member');
    await writerB.feed.acceptRules(group.id);
    const second = await writerB.feed.createPost(fixtures.postInput(group.id));
    assert.ok(await waitFor(seenOnA, second.id), `process A's stream got no change for the post made on B: ${JSON.stringify(seenOnA)}`);
    assert.equal((await onB.feed.getPost(post.id)).id, post.id, 'and B reads what A wrote');
    for (const x of [admin, onA, onB, writerA, writerB]) x.close();
  });
});
