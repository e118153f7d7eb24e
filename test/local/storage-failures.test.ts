/**
 * Browser storage failing under the IndexedDB adapter, each simulated the way it happens: a full
 * disk (QuotaExceededError from the store), an upgrade blocked by an old tab, a newer version open
 * elsewhere, the browser closing the connection, and IndexedDB refused altogether (private window).
 * Each one is a typed `unavailable` error naming its storage failure, which widgets show in words
 * (German and English) through the shared status template; nothing of a failed write is stored,
 * and the backend works again once the cause is gone.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { openDB } from 'idb';
import { DorfElement, define } from '../../src/core/dorf-element.js';
import { isStorageFailure, renderStatus, statusForError, statusStyles } from '../../src/core/ui/status.js';
import { createLocalBackend, DB_VERSION } from '../../src/data/adapters/local/index.js';
import { upgrade, type DorfDB } from '../../src/data/adapters/local/schema.js';
import { BackendError } from '../../src/data/backend.js';
import { failure, world, type World } from './world.js';

class StorageStatusProbe extends DorfElement {
  static override styles = [...DorfElement.styles, statusStyles];
  error: unknown = null;
  protected override render() {
    return renderStatus(this.localize, statusForError(this.error), { error: this.error, onRetry: () => undefined });
  }
}
define('dorf-test-storage-status', StorageStatusProbe);

/** What a widget shows for `error`, in `lang`; checked for accessibility on the way. */
async function shown(error: BackendError, lang: 'de' | 'en'): Promise<string> {
  const el = await fixture<StorageStatusProbe>(html`<dorf-test-storage-status lang=${lang}></dorf-test-storage-status>`);
  el.error = error;
  el.requestUpdate();
  await el.updateComplete;
  const box = el.shadowRoot!.querySelector('[part~="status"]')!;
  expect(box.getAttribute('role')).to.equal('alert');
  await expect(el).to.be.accessible();
  return box.textContent!.replace(/\s+/g, ' ').trim();
}

const group = {
  id: 'lauftreff', name: 'Lauftreff', description: '', visibility: 'public', joinPolicy: 'open', rules: '', approveBeforePublish: false,
} as const;

describe('local adapter: storage failures are typed, visible states', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });
  afterEach(() => w.dispose());

  it('quota exceeded: storage.full, said as "storage is full", and nothing of the write is kept', async () => {
    const admin = w.admin();
    await admin.feed.saveGroup(group);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'groups') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    };
    let error: BackendError;
    try {
      error = await failure(admin.feed.saveGroup({ ...group, name: 'Lauftreff am Abend' }));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(error.code).to.equal('unavailable');
    expect(error.issues[0]!.code).to.equal('storage.full');
    expect(isStorageFailure(error)).to.equal(true);
    expect(await shown(error, 'de')).to.contain('Speicher, den Ihr Browser dieser Seite gibt, ist voll');
    expect(await shown(error, 'en')).to.contain('storage this browser gives this site is full');
    expect((await admin.feed.getGroup('lauftreff')).name).to.equal('Lauftreff');
    // Space again: the same write goes through.
    await admin.feed.saveGroup({ ...group, name: 'Lauftreff am Abend' });
    expect((await admin.feed.getGroup('lauftreff')).name).to.equal('Lauftreff am Abend');
  });

  it('an upgrade blocked by an old tab: storage.blocked ("close or reload that tab"), then works once it lets go', async () => {
    // An old tab on version 1 that never closes its connection.
    const old = await openDB<DorfDB>(w.dbName, 1, {
      // Version 1 as a browser has it (see connection.test.ts): members without `byName`.
      upgrade: (db, _old, _new, tx) => {
        upgrade(db, 0, tx);
        tx.objectStore('members').deleteIndex('byName');
      },
    });
    // A short wait for the test; pages wait 3 s.
    const backend = createLocalBackend({ community: w.community, dbName: w.dbName, identity: { member: null }, storage: { blockedTimeoutMs: 150 } });
    let error: BackendError;
    try {
      error = await failure(backend.feed.listGroups());
    } finally {
      old.close();
    }
    expect(error.issues[0]!.code).to.equal('storage.blocked');
    expect(await shown(error, 'de')).to.contain('anderen Tab mit einer älteren Version');
    expect(await shown(error, 'en')).to.contain('another tab with an older version');
    expect(await backend.feed.listGroups()).to.deep.equal([]);
    backend.close();
  });

  it('a newer version open in another tab: storage.outdated ("reload this page")', async () => {
    const backend = w.as(null);
    await backend.feed.listGroups();
    const newer = await openDB(w.dbName, DB_VERSION + 1, { upgrade: (db) => db.createObjectStore('from-the-future') });
    try {
      const error = await failure(backend.feed.listGroups());
      expect(error.issues[0]!.code).to.equal('storage.outdated');
      expect(await shown(error, 'de')).to.contain('Bitte laden Sie diese Seite neu');
      expect(await shown(error, 'en')).to.contain('Please reload this page');
    } finally {
      newer.close();
    }
  });

  it('the browser closes the connection (close event): the next call reopens; a write cut off mid-way is storage.lost', async () => {
    const opened: IDBDatabase[] = [];
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const request = open.apply(this, args);
      request.addEventListener('success', () => opened.push(request.result));
      return request;
    };
    const admin = w.admin();
    try {
      await admin.feed.saveGroup(group);
    } finally {
      IDBFactory.prototype.open = open;
    }
    expect(opened.length).to.be.greaterThan(0);
    // What the browser does when storage is cleared or the disk fails: close, then the `close` event.
    for (const db of opened) {
      db.close();
      db.dispatchEvent(new Event('close'));
    }
    expect((await admin.feed.getGroup('lauftreff')).name).to.equal('Lauftreff');

    // A transaction the browser ends under a write.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'groups') throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return put.apply(this, args);
    };
    let error: BackendError;
    try {
      error = await failure(admin.feed.saveGroup({ ...group, name: 'Abgebrochen' }));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(error.issues[0]!.code).to.equal('storage.lost');
    expect(await shown(error, 'de')).to.contain('Bitte versuchen Sie es erneut');
    expect(await shown(error, 'en')).to.contain('Please try again');
    expect((await admin.feed.getGroup('lauftreff')).name).to.equal('Lauftreff');
  });

  it('IndexedDB refused (private window, sandboxed frame): storage.unavailable, said as such; works once allowed', async () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function refuse(): IDBOpenDBRequest {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    const backend = w.as(null);
    let error: BackendError;
    try {
      error = await failure(backend.feed.listGroups());
    } finally {
      IDBFactory.prototype.open = open;
    }
    expect(error.issues[0]!.code).to.equal('storage.unavailable');
    expect(await shown(error, 'de')).to.contain('privaten Fenster');
    expect(await shown(error, 'en')).to.contain('private window');
    expect(await backend.feed.listGroups()).to.deep.equal([]);
  });

  it('other failures keep their own words: network outages are not storage', () => {
    expect(isStorageFailure(new BackendError('unavailable'))).to.equal(false);
    expect(isStorageFailure(new BackendError('queued'))).to.equal(false);
  });
});
