import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { emptyDataset, pngBlob, postInput } from '../../src/data/contract/fixtures.js';
import type { Dataset } from '../../src/data/schema/index.js';
import { failure, until, world, type World } from './world.js';

describe('local adapter: files', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });
  afterEach(() => w.dispose());

  it('rejects other types and files over the limit', async () => {
    const visitor = w.as(null);
    const text = await failure(visitor.files.upload({ id: 'f1', name: 'notiz.txt', blob: new Blob(['hallo'], { type: 'text/plain' }) }));
    expect(text.issues).to.deep.equal([{ path: 'blob', code: 'file.type', params: { type: 'text/plain' } }]);
    const huge = new Blob([new Uint8Array(2 * 1024 * 1024 + 1)], { type: 'image/png' });
    const large = await failure(visitor.files.upload({ id: 'f2', name: 'foto.png', blob: huge }));
    expect(large.issues).to.deep.equal([{ path: 'blob', code: 'file.tooLarge', params: { max: 2 * 1024 * 1024 } }]);
  });

  it('stores the blob and hands out one object URL per file, revoked on close', async () => {
    const admin = w.admin();
    await admin.feed.saveGroup({
      id: 'lauftreff', name: 'Lauftreff', description: '', visibility: 'public', joinPolicy: 'open', rules: '', approveBeforePublish: false,
    });
    const ref = await admin.files.upload({ id: 'foto', name: 'Lauf.png', blob: pngBlob(), width: 1, height: 1 });
    expect(ref).to.include({ kind: 'image', type: 'image/png', width: 1, height: 1 });
    const post = await admin.feed.createPost(postInput('lauftreff', { attachments: ['foto'] }));
    const reader = w.as(null);
    const first = (await reader.feed.getPost(post.id)).attachments[0]!.url;
    expect((await reader.feed.getPost(post.id)).attachments[0]!.url).to.equal(first);
    expect(first).to.match(/^blob:/);
    expect((await (await fetch(first)).blob()).size).to.equal(pngBlob().size);
    reader.close();
    let revoked = false;
    await fetch(first).catch(() => {
      revoked = true;
    });
    expect(revoked, 'the object URL was revoked').to.equal(true);
  });
});

describe('local adapter: seed', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });
  afterEach(() => w.dispose());

  function dataset(): Dataset {
    return {
      ...emptyDataset(w.community),
      members: [{ id: 'anna', displayName: 'Anna', roles: ['member'] }, { id: 'otto', displayName: 'Otto', roles: ['member'] }],
      groups: [{
        id: 'lauftreff', name: 'Lauftreff', description: '', visibility: 'public', joinPolicy: 'open', rules: 'Nett sein.',
        approveBeforePublish: false, members: [{ memberId: 'anna', role: 'moderator' }],
      }],
      posts: [{
        ...postInput('lauftreff', { id: 'erster-lauf' }), authorId: 'anna', createdAt: '2030-03-01T08:00:00Z', pinned: false,
        reactions: [{ memberId: 'otto', reaction: 'like' }], comments: [], commitments: [],
      }],
    };
  }

  it('changes nothing when seeded twice, not even what visitors did in between', async () => {
    const admin = w.as(null);
    await admin.seed(dataset());
    const otto = w.as({ id: 'otto', displayName: 'Otto', roles: ['member'] });
    await otto.feed.react({ postId: 'erster-lauf', reaction: 'like', on: false });
    await otto.feed.react({ postId: 'erster-lauf', reaction: 'heart', on: true });
    await admin.seed(dataset());
    const post = await admin.feed.getPost('erster-lauf');
    expect(post.reactions).to.deep.equal({ like: 0, heart: 1, thanks: 0, clap: 0 });
    const group = await admin.feed.getGroup('lauftreff');
    expect(group.memberCount).to.equal(1);
    expect((await w.as({ id: 'anna', displayName: 'Anna', roles: ['member'] }).feed.getGroup('lauftreff')).membership)
      .to.include({ role: 'moderator', rulesAccepted: group.rulesVersion });
  });

  it('rejects a dataset with a dangling reference and writes none of it', async () => {
    const broken = dataset();
    broken.posts[0]!.authorId = 'nobody';
    const error = await failure(w.as(null).seed(broken));
    expect(error.issues).to.deep.equal([{ path: 'posts.0.authorId', code: 'seed.unknownMember' }]);
    const other = await failure(w.as(null).seed({ ...dataset(), community: { ...dataset().community, id: 'anderswo' } }));
    expect(other.issues[0]!.code).to.equal('seed.otherCommunity');
    const db = await openDB(w.dbName);
    const counts = await Promise.all(['groups', 'posts', 'members'].map((store) => db.count(store)));
    db.close();
    expect(counts).to.deep.equal([0, 0, 0]);
  });
});

describe('local adapter: session', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });
  afterEach(() => w.dispose());

  it('keeps the visitor anonymous until a profile is created, then shares it with every tab', async () => {
    const tab = w.as('visitor');
    expect((await tab.session.current()).member).to.equal(null);
    expect((await failure(tab.feed.join('irgendwo', {}))).issues[0]!.code).to.equal('session.profileRequired');
    const member = await tab.session.updateProfile({ displayName: '  Vera ' });
    expect(member).to.deep.include({ displayName: 'Vera', roles: ['member'] });
    const otherTab = w.as('visitor');
    expect((await otherTab.session.current()).member).to.deep.equal(member);
    const heard: string[] = [];
    tab.subscribe('session', (change) => heard.push(change.id));
    const renamed = await otherTab.session.updateProfile({ displayName: 'Vera B.' });
    expect(renamed.id, 'the id is generated once').to.equal(member.id);
    // The first tab learns of the rename through the channel and reads the profile again.
    await until(() => heard.length === 1, 'the session change in the first tab');
    expect((await tab.session.current()).member?.displayName).to.equal('Vera B.');
  });

  it('has no passwords locally: signIn is forbidden, useToken keeps the session', async () => {
    const tab = w.as('visitor');
    expect((await failure(tab.session.signIn({ username: 'admin', password: 'geheim' }))).code).to.equal('forbidden');
    expect(await tab.session.useToken('token-from-the-host-site')).to.deep.equal(await tab.session.current());
  });
});
