import { expect } from '@open-wc/testing';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { Connection, toBackendError } from '../../src/data/adapters/local/connection.js';
import { DB_VERSION } from '../../src/data/adapters/local/index.js';
import { upgrade, type DorfDB } from '../../src/data/adapters/local/schema.js';
import { BackendError } from '../../src/data/backend.js';
import { deleteDatabase, failure, world, type World } from './world.js';

interface TwoVersions extends DBSchema {
  v2: { key: string; value: string };
}

describe('local adapter: connection and upgrades', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });
  afterEach(() => w.dispose());

  it('creates every store and its indexes in the upgrade to DB_VERSION', async () => {
    const backend = w.as(null);
    await backend.ready();
    const db = await openDB(w.dbName);
    try {
      expect(db.version).to.equal(DB_VERSION);
      for (const store of ['posts', 'bookings', 'items', 'awards', 'checkIns', 'files', 'meta']) {
        expect(db.objectStoreNames.contains(store), store).to.equal(true);
      }
      const tx = db.transaction(['posts', 'items', 'bookings'], 'readonly');
      expect([...tx.objectStore('posts').indexNames]).to.include.members(['feed', 'feedTag', 'highlight', 'pending']);
      expect([...tx.objectStore('items').indexNames]).to.include.members(['byStatus', 'byType', 'byCategory', 'words', 'byMatch']);
      expect(tx.objectStore('items').index('words').multiEntry).to.equal(true);
      expect(tx.objectStore('bookings').index('byToken').unique).to.equal(true);
    } finally {
      db.close();
    }
  });

  it('upgrades a version 1 database: members get their name key and are found as invite candidates', async () => {
    // Version 1 as a browser has it: every store of step 1, members without `nameKey` or `byName`.
    const v1 = await openDB<DorfDB>(w.dbName, 1, {
      upgrade: (db, _old, _new, tx) => {
        upgrade(db, 0, tx);
        tx.objectStore('members').deleteIndex('byName');
      },
    });
    const old = v1.transaction('members', 'readwrite');
    for (const [id, displayName] of [['m-1', 'Jürgen Alt'], ['m-2', 'anna Alt'], ['m-3', 'Zoë Alt']]) {
      await old.store.put({ id, displayName, roles: ['member'] } as DorfDB['members']['value']);
    }
    await old.done;
    v1.close();

    const admin = w.admin();
    await admin.feed.saveGroup({
      id: 'lauftreff', name: 'Lauftreff', description: '', visibility: 'public', joinPolicy: 'open', rules: '', approveBeforePublish: false,
    });
    const all = await admin.feed.inviteCandidates('lauftreff', { q: 'alt' });
    expect(all.items.map((m) => m.displayName)).to.deep.equal(['anna Alt', 'Jürgen Alt', 'Zoë Alt']);
    expect(all.items[0]).to.deep.equal({ id: 'm-2', displayName: 'anna Alt' });
    expect((await admin.feed.inviteCandidates('lauftreff', { q: 'JURGEN' })).items.map((m) => m.id)).to.deep.equal(['m-1']);
    const db = await openDB<DorfDB>(w.dbName);
    try {
      expect(db.version).to.equal(DB_VERSION);
      expect((await db.get('members', 'm-3'))?.nameKey).to.equal('zo alt');
    } finally {
      db.close();
    }
  });

  it('closes its connection when another tab upgrades, then reports that a newer version is open', async () => {
    const backend = w.as(null);
    await backend.feed.listGroups();
    let blocked = false;
    const newer = await openDB(w.dbName, DB_VERSION + 1, {
      upgrade: (db) => db.createObjectStore('from-the-future'),
      blocked: () => {
        blocked = true;
      },
    });
    try {
      expect(blocked, 'the upgrading tab never waited').to.equal(false);
      const error = await failure(backend.feed.listGroups());
      expect(error.code).to.equal('unavailable');
      expect(error.message).to.match(/newer version/);
    } finally {
      newer.close();
    }
  });

  it('waits for an old connection that blocks an upgrade, gives up with unavailable, and retries later', async () => {
    const name = `dorf-test-${crypto.randomUUID()}`;
    // An old tab that never lets go.
    const old = await openDB(name, 1, { upgrade: (db) => db.createObjectStore('v1') });
    const upgrades: number[] = [];
    const connection = new Connection<TwoVersions>({
      name,
      version: 2,
      blockedTimeoutMs: 150,
      upgrade: (db, oldVersion) => {
        upgrades.push(oldVersion);
        if (oldVersion < 2) db.createObjectStore('v2');
      },
    });
    let db: IDBPDatabase<TwoVersions> | undefined;
    try {
      const started = Date.now();
      const error = await failure(connection.get());
      expect(error.code).to.equal('unavailable');
      expect(error.message).to.match(/another tab/);
      expect(Date.now() - started).to.be.at.least(140);
      old.close();
      db = await connection.get();
      expect(db.version).to.equal(2);
      expect(db.objectStoreNames.contains('v2')).to.equal(true);
      expect(upgrades).to.deep.equal([1]);
    } finally {
      old.close();
      connection.close();
      db?.close();
      await deleteDatabase(name);
    }
  });

  it('reports unavailable when the browser refuses to open IndexedDB, and recovers once it allows it', async () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function refuse(): IDBOpenDBRequest {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    const backend = w.as(null);
    try {
      const error = await failure(backend.feed.listGroups());
      expect(error.code).to.equal('unavailable');
    } finally {
      IDBFactory.prototype.open = open;
    }
    expect(await backend.feed.listGroups()).to.deep.equal([]);
  });

  it('turns a full disk into unavailable and writes nothing of the failed write', async () => {
    const admin = w.admin();
    await admin.feed.saveGroup({
      id: 'lauftreff', name: 'Lauftreff', description: '', visibility: 'public', joinPolicy: 'open', rules: '', approveBeforePublish: false,
    });
    await admin.feed.join('lauftreff', {});
    const put = IDBObjectStore.prototype.put;
    // `join` writes the membership, then the group's member count: fail the second write.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'groups') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const error = await failure(w.person('Berta').feed.join('lauftreff', {}));
      expect(error.code).to.equal('unavailable');
      expect(error.message).to.match(/storage is full/i);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const group = await admin.feed.getGroup('lauftreff');
    expect(group.memberCount).to.equal(1);
    expect((await admin.feed.listMembers('lauftreff', {})).items.map((m) => m.member.displayName)).to.deep.equal(['Admin']);
  });

  it('leaves BackendErrors and programming errors as they are', () => {
    const own = new BackendError('conflict');
    expect(toBackendError(own)).to.equal(own);
    const bug = new TypeError('x is undefined');
    expect(toBackendError(bug)).to.equal(bug);
    expect((toBackendError(new DOMException('gone', 'UnknownError')) as BackendError).code).to.equal('unavailable');
  });
});
