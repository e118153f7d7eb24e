// Lazy domains: the helper itself, and that a backend loads a domain's code only when it is used.
// Imports nothing that pulls in a domain or a schema, so the module loads below are the adapter's.
import { expect } from '@open-wc/testing';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { lazyApi, lazyBackend } from '../src/data/lazy.js';
import { BackendError, type Backend } from '../src/data/backend.js';
import type { Change } from '../src/data/schema/common.js';

// Every module load is a resource entry; keep them all (the default buffer holds 250).
performance.setResourceTimingBufferSize(100_000);
const loaded = (path: string) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.endsWith(path));

interface Echo {
  echo(value: string, suffix?: string): Promise<string>;
  fail(): Promise<never>;
}

class EchoImpl implements Echo {
  constructor(private readonly prefix: string) {}
  async echo(value: string, suffix = '') {
    return `${this.prefix}${value}${suffix}`;
  }
  async fail(): Promise<never> {
    throw new BackendError('conflict', 'nope');
  }
}

describe('local adapter: lazy domains', () => {
  it('loads once for concurrent first calls, keeps call order and forwards arguments and this', async () => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const api = lazyApi<Echo>('echo', async () => {
      loads++;
      await gate;
      return new EchoImpl('>');
    });
    const order: string[] = [];
    const calls = ['a', 'b', 'c'].map((v) => api.echo(v, '!').then((r) => order.push(r)));
    release();
    await Promise.all(calls);
    expect(order).to.deep.equal(['>a!', '>b!', '>c!']);
    expect(await api.echo('d')).to.equal('>d');
    expect(loads).to.equal(1);
    expect((await failureOf(api.fail())).code).to.equal('conflict');
  });

  it('turns a failed load into `unavailable` and tries again on the next call', async () => {
    let attempts = 0;
    const api = lazyApi<Echo>('echo', async () => {
      if (++attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return new EchoImpl('');
    });
    const error = await failureOf(api.echo('x'));
    expect(error).to.be.instanceOf(BackendError);
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.contain('echo').and.contain('Failed to fetch');
    expect(await api.echo('x')).to.equal('x');
    expect(attempts).to.equal(2);
  });

  it('hands out stable method references that work before and after loading', async () => {
    const api = lazyApi<Echo>('echo', async () => new EchoImpl('#'));
    const early = api.echo;
    expect(api.echo).to.equal(early);
    expect(early.name).to.equal('echo');
    expect(await early('1')).to.equal('#1');
    expect(await api.echo('2')).to.equal('#2');
    expect(await early('3')).to.equal('#3');
    const missing = await (api as unknown as { nope(): Promise<void> }).nope().then(() => null, (e: unknown) => e);
    expect(missing).to.be.instanceOf(TypeError);
  });

  it('is not a thenable and stays an ordinary object to inspect', async () => {
    const api = lazyApi<Echo>('echo', async () => new EchoImpl(''));
    expect(await Promise.resolve(api)).to.equal(api);
    expect((api as unknown as { then?: unknown }).then).to.equal(undefined);
    expect(JSON.stringify({ api })).to.equal('{"api":{}}');
    expect(String(api)).to.equal('[object Object]');
  });

  it('loads no domain and no schema for the session, then only the domain that is called', async () => {
    const dbName = `dorf-test-${crypto.randomUUID()}`;
    const backend = createLocalBackend({ community: 'testdorf', dbName, identity: { member: null } });
    try {
      expect(await backend.session.current()).to.deep.equal({ community: 'testdorf', member: null });
      await backend.ready();
      const domains = ['feed', 'bookings', 'lost-found', 'learning', 'badges', 'files', 'seed', 'session-writes']
        .map((name) => `/adapters/local/${name}.ts`);
      expect(domains.filter(loaded)).to.deep.equal([]);
      expect(performance.getEntriesByType('resource').filter((e) => /\/zod\/|\/data\/schema\//.test(e.name))).to.deep.equal([]);

      expect(await backend.bookings.listResources()).to.deep.equal([]);
      expect(domains.filter(loaded)).to.deep.equal(['/adapters/local/bookings.ts']);
    } finally {
      backend.close();
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
    }
  });
});

async function failureOf(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('lazyBackend: a whole backend loaded on first use', () => {
  const fakeBackend = () => {
    const listeners = new Set<(c: Change) => void>();
    const backend = {
      community: 'c',
      closed: false,
      session: { current: async () => ({ community: 'c', member: null }) },
      subscribe: (_topic: string, listener: (c: Change) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {
        backend.closed = true;
      },
      emit(change: Change) {
        for (const l of listeners) l(change);
      },
    };
    return backend;
  };

  it('loads on the first call, not before, and forwards to the loaded backend', async () => {
    let loads = 0;
    const real = fakeBackend();
    const lazy = lazyBackend('test backend', 'c', async () => (loads++, real as unknown as Backend));
    expect(lazy.community).to.equal('c');
    expect(loads).to.equal(0);
    expect(await lazy.session.current()).to.deep.equal({ community: 'c', member: null });
    await lazy.session.current();
    expect(loads).to.equal(1);
  });

  it('attaches a subscription made before the load, and ends it when asked', async () => {
    const real = fakeBackend();
    const lazy = lazyBackend('test backend', 'c', async () => real as unknown as Backend);
    const seen: string[] = [];
    const stop = lazy.subscribe('feed/x', (change) => seen.push(change.id));
    await lazy.session.current();
    const change: Change = { topic: 'feed/x', kind: 'created', entity: 'post', id: 'p1', at: new Date().toISOString() };
    real.emit(change);
    stop();
    real.emit({ ...change, id: 'p2' });
    expect(seen).to.deep.equal(['p1']);
  });

  it('closes a backend that finishes loading after close()', async () => {
    const real = fakeBackend();
    let release!: () => void;
    const lazy = lazyBackend('test backend', 'c', () => new Promise((resolve) => (release = () => resolve(real as unknown as Backend))));
    const pending = lazy.session.current();
    lazy.close();
    release();
    await pending.catch(() => undefined);
    expect(real.closed).to.equal(true);
  });

  it('reports a failed load as unavailable and tries again on the next call', async () => {
    let attempt = 0;
    const lazy = lazyBackend('test backend', 'c', async () => {
      attempt++;
      if (attempt === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return fakeBackend() as unknown as Backend;
    });
    const error = await lazy.session.current().catch((e: unknown) => e);
    expect(BackendError.is(error, 'unavailable')).to.equal(true);
    expect(await lazy.session.current()).to.deep.equal({ community: 'c', member: null });
  });

  it('makes <dorf-provider backend="https://…"> load the HTTP adapter on first use only', async () => {
    await import('../src/core/provider.js');
    const provider = document.createElement('dorf-provider');
    provider.setAttribute('backend', 'http://127.0.0.1:9');
    provider.setAttribute('community', 'nowhere');
    document.body.append(provider);
    await provider.updateComplete;
    const backend = provider.activeBackend!;
    expect(backend.community).to.equal('nowhere');
    // Port 9 (discard) refuses connections: the adapter loaded and answered as an unreachable server does.
    const error = await backend.feed.listGroups().catch((e: unknown) => e);
    expect(BackendError.is(error, 'unavailable'), String(error)).to.equal(true);
    expect(loaded('/src/data/adapters/http/index.ts')).to.equal(true);
    provider.remove();
  });
});
