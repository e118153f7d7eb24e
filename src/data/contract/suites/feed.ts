/** Contract: group feeds — groups, membership, posts, comments, "Mach mit!", moderation, privacy, paging. */
import {
  Comment, FileRef, Group, Highlights, Membership, PAGE_SIZE_DEFAULT, Post, PublicMember, Report, page,
  type PostInput, type CommentInput,
} from '../../schema/index.js';
import {
  allConform, conforms, deepEqual, equal, fail, isBackendError, noLeak, none, notEqual, ok, rejects, resolves,
  sameMembers, show, some,
} from '../assert.js';
import { duplicates, settle, useKit, walkPages, type Persona } from '../context.js';
import {
  KIT_NOW, addMinutes, callInput, commentInput, commitmentInput, groupInput, pngBlob, postInput, tag, uid,
  urgentInput,
} from '../fixtures.js';
import type { ContractHarness, TestApi } from '../harness.js';
import { globalTestApi } from '../recorder.js';
import { bad, chars, createGroup, enrolled, ids, inputOf, invisible, withoutPosts } from '../support.js';

export function feedSuite(harness: ContractHarness, test: TestApi = globalTestApi()): void {
  const { describe, it } = test;

  describe('feed', () => {
    const kit = useKit(harness, test);

    /** A public open group with one enrolled member, ready to post. */
    async function withPoster(overrides: Parameters<typeof createGroup>[1] = {}) {
      const { admin, group } = await createGroup(kit, overrides);
      const poster = await enrolled(kit, group.id);
      return { admin, group, poster };
    }

    async function postAs(p: Persona, input: PostInput): Promise<Post> {
      return resolves(p.backend.feed.createPost(input), `createPost by ${p.kind}`);
    }

    describe('groups', () => {
      it('an admin creates a group; everyone can read it', async () => {
        const admin = await kit.admin();
        const input = groupInput({ name: 'Neuigkeiten', visibility: 'public' });
        const saved = await admin.backend.feed.saveGroup(input);
        conforms(Group, saved, 'saveGroup');
        equal(saved.id, input.id);
        equal(saved.name, 'Neuigkeiten');
        equal(saved.approveBeforePublish, false);
        const visitor = await kit.anonymous();
        const got = await visitor.backend.feed.getGroup(input.id);
        conforms(Group, got, 'getGroup');
        equal(got.name, 'Neuigkeiten');
        equal(got.membership, null, 'an anonymous visitor has no membership');
        const listed = await visitor.backend.feed.listGroups();
        allConform(Group, listed, 'listGroups');
        equal(listed.filter((g) => g.id === input.id).length, 1, 'the group is listed once');
      });

      it('saving a group again with the same id updates it, creating nothing new', async () => {
        const admin = await kit.admin();
        const input = groupInput();
        await admin.backend.feed.saveGroup(input);
        const updated = await admin.backend.feed.saveGroup({ ...input, name: 'Lauftreff am Abend' });
        equal(updated.name, 'Lauftreff am Abend');
        const listed = await admin.backend.feed.listGroups();
        equal(listed.filter((g) => g.id === input.id).length, 1, 'still one group');
        equal((await admin.backend.feed.getGroup(input.id)).name, 'Lauftreff am Abend');
      });

      it('changing the house rules raises rulesVersion', async () => {
        const admin = await kit.admin();
        const input = groupInput({ rules: 'Version eins.' });
        const first = await admin.backend.feed.saveGroup(input);
        const second = await admin.backend.feed.saveGroup({ ...input, rules: 'Version zwei.' });
        ok(second.rulesVersion > first.rulesVersion, `rulesVersion ${first.rulesVersion} → ${second.rulesVersion}`);
      });

      it('only admins save groups', async () => {
        for (const actor of [await kit.anonymous(), await kit.member(), await kit.moderator()]) {
          const input = groupInput();
          await rejects(actor.backend.feed.saveGroup(input), 'forbidden', undefined, `saveGroup by ${actor.kind}`);
          await rejects(actor.backend.feed.getGroup(input.id), 'not-found', undefined, `no trace of the ${actor.kind}'s group`);
        }
      });

      it('saveGroup rejects bad input field by field and writes nothing', async () => {
        const admin = await kit.admin();
        const cases: [string, Record<string, unknown>, string, string?][] = [
          ['empty name', { name: '' }, 'name', 'required'],
          ['name too long', { name: chars(81) }, 'name', 'tooLong'],
          ['description too long', { description: chars(501) }, 'description', 'tooLong'],
          ['unknown visibility', { visibility: 'secret' }, 'visibility'],
          ['unknown join policy', { joinPolicy: 'anyone' }, 'joinPolicy'],
          ['rules too long', { rules: chars(4001) }, 'rules', 'tooLong'],
          ['approveBeforePublish not a boolean', { approveBeforePublish: 'yes' }, 'approveBeforePublish'],
        ];
        for (const [name, patch, path, code] of cases) {
          const input = { ...groupInput(), ...patch };
          await rejects(admin.backend.feed.saveGroup(bad(input)), 'validation', { path, code }, `saveGroup: ${name}`);
          await rejects(admin.backend.feed.getGroup(input.id), 'not-found', undefined, `saveGroup: ${name} left a group behind`);
        }
        await rejects(admin.backend.feed.saveGroup(bad({ ...groupInput(), id: 'Not A Slug' })), 'validation', 'id');
        const listed = await admin.backend.feed.listGroups();
        equal(listed.length, 0, `no group may exist after rejected writes, found ${listed.map((g) => g.id).join(', ')}`);
      });

      it('a rejected update leaves the group as it was', async () => {
        const admin = await kit.admin();
        const saved = await admin.backend.feed.saveGroup(groupInput());
        await rejects(admin.backend.feed.saveGroup(bad({ ...inputOf(saved), name: '', rules: 'Neue Regeln' })), 'validation', 'name');
        deepEqual(await admin.backend.feed.getGroup(saved.id), saved, 'unchanged, rulesVersion included');
      });

      it('getGroup of an unknown group is not-found', async () => {
        const visitor = await kit.member();
        await rejects(visitor.backend.feed.getGroup('no-such-group'), 'not-found');
      });
    });

    describe('membership', () => {
      it('a member joins an open group, accepts the rules and leaves again', async () => {
        const { group } = await createGroup(kit);
        const m = await kit.member();
        const joined = await m.backend.feed.join(group.id, {});
        conforms(Membership, joined, 'join');
        equal(joined.groupId, group.id);
        equal(joined.status, 'active', 'open groups admit at once');
        equal(joined.role, 'member');
        deepEqual(joined.member, { id: m.id, displayName: m.name }, 'membership.member is the public view of the session member');
        const accepted = await m.backend.feed.acceptRules(group.id);
        conforms(Membership, accepted, 'acceptRules');
        const current = await m.backend.feed.getGroup(group.id);
        equal(accepted.rulesAccepted, current.rulesVersion, 'accepted the current rules version');
        equal(current.membership?.status, 'active', 'getGroup shows the session membership');
        ok(current.memberCount >= 1, 'memberCount counts the member');
        await m.backend.feed.leave(group.id);
        const after = await m.backend.feed.getGroup(group.id);
        equal(after.membership, null, 'no membership after leave');
        equal(after.memberCount, current.memberCount - 1, 'memberCount drops after leave');
      });

      it('a request-policy group makes a join pending until a moderator approves', async () => {
        const { group } = await createGroup(kit, { joinPolicy: 'request' });
        const m = await kit.member();
        const secretMessage = `Ich wohne nebenan ${tag()}`;
        const before = (await m.backend.feed.getGroup(group.id)).memberCount;
        const pending = await m.backend.feed.join(group.id, { message: secretMessage });
        equal(pending.status, 'pending');
        equal((await m.backend.feed.getGroup(group.id)).memberCount, before, 'a pending applicant is not counted as a member');
        const mod = await kit.moderator();
        const members = await mod.backend.feed.listMembers(group.id, {});
        conforms(page(Membership), members, 'listMembers');
        const entry = some(members.items, (x) => x.member.id === m.id, 'the applicant is listed for moderators');
        equal(entry.status, 'pending');
        equal(entry.message, secretMessage, 'moderators see the join message');
        const other = await kit.member();
        noLeak(await other.backend.feed.getGroup(group.id), [secretMessage], 'getGroup by another member');
        noLeak(await other.backend.feed.listGroups(), [secretMessage], 'listGroups by another member');
        await mod.backend.feed.moderate({ action: 'decide-membership', groupId: group.id, memberId: m.id!, approve: true });
        equal((await m.backend.feed.getGroup(group.id)).membership?.status, 'active', 'approved');
      });

      it('a moderator can decline a pending join', async () => {
        const { group } = await createGroup(kit, { joinPolicy: 'request' });
        const m = await kit.member();
        await m.backend.feed.join(group.id, {});
        const mod = await kit.moderator();
        await mod.backend.feed.moderate({ action: 'decide-membership', groupId: group.id, memberId: m.id!, approve: false });
        const status = (await m.backend.feed.getGroup(group.id)).membership?.status;
        notEqual(status, 'active', 'a declined applicant is not a member');
      });

      it('a moderator invites a member', async () => {
        const { group } = await createGroup(kit, { joinPolicy: 'invite', visibility: 'private' });
        const m = await kit.member();
        const mod = await kit.moderator();
        await mod.backend.feed.moderate({ action: 'invite', groupId: group.id, memberId: m.id! });
        const members = await mod.backend.feed.listMembers(group.id, {});
        const entry = some(members.items, (x) => x.member.id === m.id, 'the invited member is listed');
        equal(entry.status, 'invited');
      });

      it('uninvited members cannot join an invite-only group', async () => {
        const { group } = await createGroup(kit, { joinPolicy: 'invite', visibility: 'private' });
        const m = await kit.member();
        await rejects(m.backend.feed.join(group.id, {}), 'forbidden');
        const g = await m.backend.feed.getGroup(group.id);
        ok(g.membership === null || g.membership.status !== 'active', 'no active membership');
      });

      it('anonymous visitors cannot join; only moderators list members', async () => {
        const { group } = await createGroup(kit);
        const anon = await kit.anonymous();
        await rejects(anon.backend.feed.join(group.id, {}), 'forbidden', undefined, 'join by anonymous');
        const m = await enrolled(kit, group.id);
        await rejects(m.backend.feed.listMembers(group.id, {}), 'forbidden', undefined, 'listMembers by member');
        await rejects(anon.backend.feed.listMembers(group.id, {}), 'forbidden', undefined, 'listMembers by anonymous');
      });

      it('join rejects a too long message and leaves no membership', async () => {
        const { group } = await createGroup(kit, { joinPolicy: 'request' });
        const m = await kit.member();
        await rejects(m.backend.feed.join(group.id, { message: chars(501) }), 'validation', { path: 'message', code: 'tooLong' });
        equal((await m.backend.feed.getGroup(group.id)).membership, null, 'no membership after a rejected join');
        const mod = await kit.moderator();
        none((await mod.backend.feed.listMembers(group.id, {})).items, (x) => x.member.id === m.id, 'no pending entry');
      });

      it('listMembers pages through every member once', async () => {
        const { group } = await createGroup(kit);
        const joined: string[] = [];
        for (let i = 0; i < 7; i++) joined.push((await enrolled(kit, group.id)).id!);
        const mod = await kit.moderator();
        const walk = await walkPages((p) => mod.backend.feed.listMembers(group.id, p), 3);
        const seen = walk.items.map((x) => x.member.id);
        deepEqual(duplicates(seen), [], 'no member twice');
        for (const id of joined) ok(seen.includes(id), `member ${id} missing from the pages`);
      });
    });

    describe('invite candidates', () => {
      /** A request-policy group with an active, a pending and an invited member, and people outside it. */
      async function world() {
        const t = tag().slice(0, 6);
        const { admin, group } = await createGroup(kit, { joinPolicy: 'request' });
        const mod = await kit.moderator(`Moderator ${t}`);
        const active = await kit.member(`Anton ${t}`);
        await active.backend.feed.join(group.id, {});
        await mod.backend.feed.moderate({ action: 'decide-membership', groupId: group.id, memberId: active.id!, approve: true });
        const pending = await kit.member(`Berta ${t}`);
        await pending.backend.feed.join(group.id, { message: 'Darf ich?' });
        const invited = await kit.member(`Carla ${t}`);
        await mod.backend.feed.moderate({ action: 'invite', groupId: group.id, memberId: invited.id! });
        const outside = [
          await kit.member(`Anna ${t}`), await kit.member(`Jürgen ${t}`), await kit.member(`Bernd ${t}`), await kit.member(`Zoë ${t}`),
        ];
        return { t, admin, group, mod, active, pending, invited, outside };
      }

      async function allCandidates(p: Persona, groupId: string, q?: string, limit = 2) {
        const walk = await walkPages((page) => p.backend.feed.inviteCandidates(groupId, q === undefined ? page : { ...page, q }), limit);
        walk.pages.forEach((pg, i) => conforms(page(PublicMember), pg, `inviteCandidates page ${i}`));
        deepEqual(duplicates(walk.items.map((m) => m.id)), [], 'nobody twice across the pages');
        return walk.items;
      }

      it('lists community members without an active, pending or invited membership, by name', async () => {
        const w = await world();
        const found = await allCandidates(w.mod, w.group.id);
        const seen = found.map((m) => m.id);
        for (const p of [w.active, w.pending, w.invited]) {
          none(found, (m) => m.id === p.id, `${p.name} (already active, pending or invited) is no candidate`);
        }
        for (const p of w.outside) {
          const entry = some(found, (m) => m.id === p.id, `${p.name} is a candidate`);
          deepEqual(entry, { id: p.id, displayName: p.name }, 'a candidate is the public member: id and displayName only');
        }
        ok(seen.includes(w.admin.id!), 'a community admin outside the group is a candidate too');
        // Anna < Bernd < Jürgen < Zoë in any reasonable order of names (case and accents aside).
        const order = ['Anna', 'Bernd', 'Jürgen', 'Zoë'].map((n) => seen.indexOf(w.outside.find((p) => p.name.startsWith(n))!.id!));
        deepEqual([...order].sort((a, b) => a - b), order, `ordered by display name: ${show(found.map((m) => m.displayName))}`);
        // Someone who joins is no candidate any more; someone who leaves is one again.
        await w.outside[0]!.backend.feed.join(w.group.id, {});
        none(await allCandidates(w.mod, w.group.id), (m) => m.id === w.outside[0]!.id, 'after a join request');
        await w.active.backend.feed.leave(w.group.id);
        some(await allCandidates(w.mod, w.group.id), (m) => m.id === w.active.id, 'after leaving');
      });

      it('q matches a part of the name, ignoring case and accents', async () => {
        const w = await world();
        const jurgen = w.outside[1]!;
        for (const q of ['jurgen', 'JÜRGEN', 'Juergen', 'ürg', `jurgen ${w.t}`]) {
          const found = await allCandidates(w.mod, w.group.id, q);
          deepEqual(found.map((m) => m.id), [jurgen.id], `q "${q}" finds exactly ${jurgen.name}`);
        }
        const zoe = await allCandidates(w.mod, w.group.id, 'zoe');
        deepEqual(zoe.map((m) => m.id), [w.outside[3]!.id], 'q "zoe" finds Zoë');
        deepEqual(await allCandidates(w.mod, w.group.id, 'anton'), [], 'q never finds members of the group');
        deepEqual(await allCandidates(w.mod, w.group.id, `nobody-${tag()}`), [], 'no match, no candidates');
        await w.outside[2]!.backend.session.updateProfile({ displayName: `Bernadette ${w.t}` });
        deepEqual((await allCandidates(w.mod, w.group.id, 'bernadette')).map((m) => m.displayName), [`Bernadette ${w.t}`], 'found by the name chosen later');
        const shared = await allCandidates(w.mod, w.group.id, w.t, 1);
        sameMembers(shared.map((m) => m.id), [...w.outside.map((p) => p.id), w.mod.id], `q "${w.t}" (a part of every test name), one per page`);
      });

      it('pages through many candidates with equal names once each, in a stable order', async () => {
        const { group } = await createGroup(kit);
        const name = `Gleich ${tag().slice(0, 6)}`;
        const people: string[] = [];
        for (let i = 0; i < 7; i++) people.push((await kit.member(name)).id!);
        const mod = await kit.moderator();
        const first = await allCandidates(mod, group.id, name, 3);
        sameMembers(first.map((m) => m.id), people, 'every member with the name, once');
        const second = await allCandidates(mod, group.id, name, 2);
        deepEqual(second.map((m) => m.id), first.map((m) => m.id), 'the same order whatever the page size');
        const page1 = await mod.backend.feed.inviteCandidates(group.id, { q: name, limit: 3 });
        equal(page1.items.length, 3);
        ok(page1.nextCursor, 'more than one page');
        const again = await mod.backend.feed.inviteCandidates(group.id, { q: name, limit: 3, cursor: page1.nextCursor });
        deepEqual(await mod.backend.feed.inviteCandidates(group.id, { q: name, limit: 3, cursor: page1.nextCursor }), again, 'a cursor gives the same page twice');
        const defaults = await mod.backend.feed.inviteCandidates(group.id, {});
        ok(defaults.items.length <= PAGE_SIZE_DEFAULT, 'the default page size');
      });

      it('only moderators may ask; bad queries are refused', async () => {
        const w = await world();
        const anon = await kit.anonymous();
        await rejects(anon.backend.feed.inviteCandidates(w.group.id, {}), 'forbidden', undefined, 'by an anonymous visitor');
        await rejects(w.outside[0]!.backend.feed.inviteCandidates(w.group.id, {}), 'forbidden', undefined, 'by a member outside the group');
        await rejects(w.active.backend.feed.inviteCandidates(w.group.id, {}), 'forbidden', undefined, 'by a plain member of the group');
        await resolves(w.admin.backend.feed.inviteCandidates(w.group.id, {}), 'by a community admin');
        await rejects(w.mod.backend.feed.inviteCandidates('no-such-group', {}), 'not-found', undefined, 'an unknown group');
        await rejects(w.mod.backend.feed.inviteCandidates(w.group.id, { q: chars(61) }), 'validation', { path: 'q', code: 'tooLong' });
        await rejects(w.mod.backend.feed.inviteCandidates(w.group.id, bad({ limit: 0 })), 'validation', 'limit');
        await rejects(w.mod.backend.feed.inviteCandidates(w.group.id, { cursor: 'not-a-cursor' }), 'validation', 'cursor');
      });
    });

    describe('posts', () => {
      it('an enrolled member posts; everyone reads the post', async () => {
        const { group, poster } = await withPoster();
        const input = postInput(group.id, { tags: ['lauf', 'abend'] });
        const post = await postAs(poster, input);
        conforms(Post, post, 'createPost');
        equal(post.id, input.id);
        equal(post.groupId, group.id);
        equal(post.title, input.title);
        equal(post.body, input.body);
        deepEqual(post.tags, ['lauf', 'abend']);
        equal(post.status, 'published');
        equal(post.pinned, false);
        equal(post.commentCount, 0);
        equal(post.editedAt, null);
        deepEqual(post.author, { id: poster.id, displayName: poster.name }, 'author is the public view of the poster');
        equal(Date.parse(post.createdAt), Date.parse(KIT_NOW), 'createdAt is the backend clock');
        const anon = await kit.anonymous();
        const got = await anon.backend.feed.getPost(post.id);
        conforms(Post, got, 'getPost');
        equal(got.title, input.title);
        const list = await anon.backend.feed.listPosts({ groupId: group.id });
        conforms(page(Post), list, 'listPosts');
        deepEqual(ids(list), [post.id]);
      });

      it('text is cleaned: control characters and bidi overrides are removed', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id, { title: '  Fest\u202E am\u0007 Samstag  ', body: 'Hallo\u0000 Welt' }));
        equal(post.title, 'Fest am Samstag');
        equal(post.body, 'Hallo Welt');
      });

      it('posting needs membership and the current rules', async () => {
        const { admin, group } = await createGroup(kit, { rules: 'Version eins.' });
        const anon = await kit.anonymous();
        await rejects(anon.backend.feed.createPost(postInput(group.id)), 'forbidden', undefined, 'anonymous');
        const outsider = await kit.member();
        await rejects(outsider.backend.feed.createPost(postInput(group.id)), 'forbidden', undefined, 'not a member');
        const m = await kit.member();
        await m.backend.feed.join(group.id, {});
        const early = postInput(group.id);
        await rejects(m.backend.feed.createPost(early), 'forbidden', undefined, 'rules not accepted');
        await m.backend.feed.acceptRules(group.id);
        await postAs(m, postInput(group.id));
        await admin.backend.feed.saveGroup({ ...inputOf(group), rules: 'Version zwei.' });
        await rejects(m.backend.feed.createPost(postInput(group.id)), 'forbidden', undefined, 'rules changed since acceptance');
        await m.backend.feed.acceptRules(group.id);
        await postAs(m, postInput(group.id));
        const list = await m.backend.feed.listPosts({ groupId: group.id });
        equal(list.items.length, 2, 'only the two permitted posts exist');
        none(list.items, (p) => p.id === early.id, 'the rejected post left no trace');
      });

      it('a post in an unknown group is not-found', async () => {
        const m = await kit.member();
        await rejects(m.backend.feed.createPost(postInput('no-such-group')), ['not-found', 'forbidden']);
      });

      it('createPost rejects bad input field by field and writes nothing', async () => {
        const { group, poster } = await withPoster();
        const slot = { id: uid(), label: 'Helfer', kind: 'people', capacity: 2 };
        const call = { start: KIT_NOW, place: 'Dorfplatz', slots: [slot] };
        const cases: [string, Record<string, unknown>, string, string?][] = [
          ['empty title', { title: '  ' }, 'title', 'required'],
          ['title too long', { title: chars(141) }, 'title', 'tooLong'],
          ['empty body', { body: '' }, 'body', 'required'],
          ['body too long', { body: chars(10_001) }, 'body', 'tooLong'],
          ['unknown kind', { kind: 'poem' }, 'kind', 'invalidChoice'],
          ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags', 'tooMany'],
          ['empty tag', { tags: [''] }, 'tags.0', 'required'],
          ['expiresAt not an instant', { expiresAt: 'morgen' }, 'expiresAt'],
          ['too many attachments', { attachments: Array.from({ length: 7 }, () => uid()) }, 'attachments', 'tooMany'],
          ['urgent without expiry', { kind: 'urgent', expiresAt: null }, 'expiresAt', 'feed.urgentNeedsExpiry'],
          ['call without details', { kind: 'call', call: null }, 'call', 'feed.callNeedsDetails'],
          ['details on a note', { kind: 'note', call }, 'call', 'feed.callOnlyForCalls'],
          ['call without slots', { kind: 'call', call: { ...call, slots: [] } }, 'call.slots', 'tooFew'],
          ['slot capacity 0', { kind: 'call', call: { ...call, slots: [{ ...slot, capacity: 0 }] } }, 'call.slots.0.capacity', 'tooSmall'],
          ['call without place', { kind: 'call', call: { ...call, place: '' } }, 'call.place', 'required'],
          ['id not an id', { id: 'not an id!' }, 'id'],
        ];
        const rejected: string[] = [];
        for (const [name, patch, path, code] of cases) {
          const input = { ...postInput(group.id), ...patch };
          await rejects(poster.backend.feed.createPost(bad(input)), 'validation', { path, code }, `createPost: ${name}`);
          if (path !== 'id') {
            rejected.push(input.id as string);
            await rejects(poster.backend.feed.getPost(input.id as string), 'not-found', undefined, `createPost: ${name} left the post behind`);
          }
        }
        equal((await poster.backend.feed.listPosts({ groupId: group.id })).items.length, 0, 'no post after rejected writes');
        equal((await poster.backend.feed.highlights(group.id)).urgent.length, 0, 'no urgent notice after rejected writes');
        // The id of a rejected write is not used up.
        const retry = await postAs(poster, postInput(group.id, { id: rejected[0] }));
        equal(retry.id, rejected[0]);
      });

      it('retrying createPost with the same id returns the first post and creates nothing new', async () => {
        const { group, poster } = await withPoster();
        const input = postInput(group.id);
        const first = await postAs(poster, input);
        await kit.tick(5);
        const second = await postAs(poster, input);
        deepEqual(second, first, 'the retry returns the first result');
        const third = await postAs(await kit.again(poster), input);
        equal(third.id, first.id);
        equal(third.createdAt, first.createdAt, 'a replay from another tab returns the first post');
        const list = await poster.backend.feed.listPosts({ groupId: group.id });
        deepEqual(ids(list), [first.id], 'exactly one post');
      });

      it('the same post sent from two tabs at once is created once', async () => {
        const { group, poster } = await withPoster();
        const tab2 = await kit.again(poster);
        const input = postInput(group.id);
        const [a, b] = await Promise.all([poster.backend.feed.createPost(input), tab2.backend.feed.createPost(input)]);
        equal(a.id, b.id);
        equal(a.createdAt, b.createdAt, 'both deliveries return the one post');
        deepEqual(ids(await poster.backend.feed.listPosts({ groupId: group.id })), [input.id]);
      });

      it('the author edits a post; nobody else may', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        await kit.tick(10);
        const edited = await poster.backend.feed.updatePost(post.id, { title: 'Neuer Titel', tags: ['neu'] });
        conforms(Post, edited, 'updatePost');
        equal(edited.title, 'Neuer Titel');
        deepEqual(edited.tags, ['neu']);
        equal(edited.body, post.body, 'fields not in the patch stay');
        ok(edited.editedAt !== null, 'editedAt is set');
        equal(edited.createdAt, post.createdAt, 'createdAt stays');
        const other = await enrolled(kit, group.id);
        await rejects(other.backend.feed.updatePost(post.id, { title: 'Gekapert' }), 'forbidden', undefined, 'edit by another member');
        const anon = await kit.anonymous();
        await rejects(anon.backend.feed.updatePost(post.id, { title: 'Gekapert' }), 'forbidden', undefined, 'edit by anonymous');
        equal((await anon.backend.feed.getPost(post.id)).title, 'Neuer Titel');
        await rejects(poster.backend.feed.updatePost('no-such-post', { title: 'x' }), 'not-found');
      });

      it('updatePost rejects bad input field by field and changes nothing', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const cases: [string, Record<string, unknown>, string, string?][] = [
          ['empty title', { title: '' }, 'title', 'required'],
          ['body too long', { body: chars(10_001) }, 'body', 'tooLong'],
          ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags', 'tooMany'],
          ['bad expiry', { expiresAt: 'bald' }, 'expiresAt'],
          ['attachments not ids', { attachments: ['no id!'] }, 'attachments.0'],
        ];
        for (const [name, patch, path, code] of cases) {
          await rejects(poster.backend.feed.updatePost(post.id, bad(patch)), 'validation', { path, code }, `updatePost: ${name}`);
        }
        deepEqual(await poster.backend.feed.getPost(post.id), post, 'the post is unchanged');
      });

      it('the author deletes a post; others may not', async () => {
        const { group, poster } = await withPoster();
        const keep = await postAs(poster, postInput(group.id));
        const gone = await postAs(poster, postInput(group.id));
        const other = await enrolled(kit, group.id);
        await rejects(other.backend.feed.deletePost(keep.id), 'forbidden', undefined, 'delete by another member');
        await poster.backend.feed.deletePost(gone.id);
        await rejects(other.backend.feed.getPost(gone.id), 'not-found');
        deepEqual(ids(await other.backend.feed.listPosts({ groupId: group.id })), [keep.id]);
      });

      it('reactions count once per member and can be taken back', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const a = await enrolled(kit, group.id);
        const b = await enrolled(kit, group.id);
        let r = await a.backend.feed.react({ postId: post.id, reaction: 'heart', on: true });
        conforms(Post, r, 'react');
        equal(r.reactions.heart, 1);
        deepEqual(r.myReactions, ['heart']);
        r = await a.backend.feed.react({ postId: post.id, reaction: 'heart', on: true });
        equal(r.reactions.heart, 1, 'reacting twice counts once');
        r = await b.backend.feed.react({ postId: post.id, reaction: 'heart', on: true });
        equal(r.reactions.heart, 2);
        r = await a.backend.feed.react({ postId: post.id, reaction: 'heart', on: false });
        equal(r.reactions.heart, 1, 'taken back');
        deepEqual(r.myReactions, []);
        equal((await b.backend.feed.getPost(post.id)).myReactions.includes('heart'), true, 'myReactions is per session');
        await rejects(a.backend.feed.react(bad({ postId: post.id, reaction: 'angry', on: true })), 'validation', 'reaction');
        await rejects(a.backend.feed.react(bad({ postId: post.id, reaction: 'like', on: 'yes' })), 'validation', 'on');
        equal((await b.backend.feed.getPost(post.id)).reactions.like ?? 0, 0, 'rejected reactions count nothing');
        const anon = await kit.anonymous();
        await rejects(anon.backend.feed.react({ postId: post.id, reaction: 'like', on: true }), 'forbidden', undefined, 'anonymous');
      });

      it('attachments: an uploaded image is attached to a post', async () => {
        const { group, poster } = await withPoster();
        const fileId = uid();
        const file = await poster.backend.files.upload({ id: fileId, name: 'plakat.png', blob: pngBlob(), width: 1, height: 1 });
        conforms(FileRef, file, 'files.upload');
        equal(file.id, fileId);
        equal(file.kind, 'image');
        equal(file.type, 'image/png');
        equal(file.size, pngBlob().size);
        const post = await postAs(poster, postInput(group.id, { attachments: [fileId] }));
        equal(post.attachments.length, 1);
        equal(post.attachments[0].id, fileId);
        equal((await poster.backend.files.upload({ id: fileId, name: 'plakat.png', blob: pngBlob() })).id, fileId, 'upload is idempotent');
      });

      it('files.upload rejects bad input', async () => {
        const m = await kit.member();
        await rejects(m.backend.files.upload(bad({ id: uid(), name: '', blob: pngBlob() })), 'validation', 'name');
        await rejects(m.backend.files.upload(bad({ id: 'no id!', name: 'a.png', blob: pngBlob() })), 'validation', 'id');
        await rejects(m.backend.files.upload(bad({ id: uid(), name: 'a.png', blob: 'not a blob' })), 'validation', 'blob');
        await rejects(
          m.backend.files.upload({ id: uid(), name: 'a.txt', blob: new Blob(['hello'], { type: 'text/plain' }) }),
          'validation', 'blob', 'a file type that is neither image nor pdf',
        );
        const big = new Blob([new Uint8Array(2 * 1024 * 1024 + 1)], { type: 'image/png' });
        await rejects(m.backend.files.upload({ id: uid(), name: 'big.png', blob: big }), 'validation', 'blob', 'an image over FILE_LIMITS.image');
      });

      it('listPosts filters by tag', async () => {
        const { group, poster } = await withPoster();
        const tagged = await postAs(poster, postInput(group.id, { tags: ['flohmarkt'] }));
        await postAs(poster, postInput(group.id, { tags: ['anderes'] }));
        await postAs(poster, postInput(group.id));
        const list = await poster.backend.feed.listPosts({ groupId: group.id, tag: 'flohmarkt' });
        deepEqual(ids(list), [tagged.id]);
      });

      it('urgent notices lead the highlights until they expire, then leave them', async () => {
        const { group } = await createGroup(kit);
        const mod = await enrolled(kit, group.id, 'moderator');
        const urgent = await postAs(mod, urgentInput(group.id, addMinutes(KIT_NOW, 60)));
        await kit.tick(1);
        const later = await postAs(mod, urgentInput(group.id, addMinutes(KIT_NOW, 120)));
        const reader = await kit.anonymous();
        let h = await reader.backend.feed.highlights(group.id);
        conforms(Highlights, h, 'highlights');
        deepEqual(ids(h.urgent), [later.id, urgent.id], 'active urgent notices, newest first');
        none((await reader.backend.feed.listPosts({ groupId: group.id })).items, (p) => p.kind === 'urgent', 'listPosts excludes active urgent notices');
        await kit.setNow(addMinutes(KIT_NOW, 90));
        h = await reader.backend.feed.highlights(group.id);
        deepEqual(ids(h.urgent), [later.id], 'the expired notice left the highlights');
        await kit.setNow(addMinutes(KIT_NOW, 180));
        equal((await reader.backend.feed.highlights(group.id)).urgent.length, 0, 'all expired');
      });

      it('pinned posts move from the list to the highlights and back', async () => {
        const { group, poster } = await withPoster();
        const a = await postAs(poster, postInput(group.id));
        await kit.tick();
        const b = await postAs(poster, postInput(group.id));
        const mod = await kit.moderator();
        await mod.backend.feed.moderate({ action: 'pin', postId: a.id, on: true });
        const reader = await kit.anonymous();
        const h = await reader.backend.feed.highlights(group.id);
        deepEqual(ids(h.pinned), [a.id]);
        equal(h.pinned[0].pinned, true);
        deepEqual(ids(await reader.backend.feed.listPosts({ groupId: group.id })), [b.id], 'pinned posts are not in the list');
        await mod.backend.feed.moderate({ action: 'pin', postId: a.id, on: false });
        equal((await reader.backend.feed.highlights(group.id)).pinned.length, 0);
        deepEqual(ids(await reader.backend.feed.listPosts({ groupId: group.id })), [b.id, a.id]);
      });
    });

    describe('paging', () => {
      async function postMany(n: number, tick = true) {
        const { group, poster } = await withPoster();
        const created: Post[] = [];
        for (let i = 0; i < n; i++) {
          if (tick) await kit.tick();
          created.push(await postAs(poster, postInput(group.id, { title: `Nr. ${i}` })));
        }
        return { group, poster, created };
      }

      it('walking all pages yields every post once, newest first, in a stable order', async () => {
        const { group, poster, created } = await postMany(23);
        const expected = created.map((p) => p.id).reverse();
        const walk = await walkPages((p) => poster.backend.feed.listPosts({ groupId: group.id, ...p }), 5);
        deepEqual(duplicates(ids(walk.items)), [], 'no duplicates');
        deepEqual(ids(walk.items), expected, 'every post once, newest first, no gaps');
        equal(walk.pages.length >= 5, true, `23 posts at limit 5 need 5 pages, got ${walk.pages.length}`);
        const again = await walkPages((p) => poster.backend.feed.listPosts({ groupId: group.id, ...p }), 5);
        deepEqual(ids(again.items), expected, 'a second walk gives the same order');
      });

      it('a cursor returns the same page when used twice', async () => {
        const { group, poster } = await postMany(9);
        const first = await poster.backend.feed.listPosts({ groupId: group.id, limit: 4 });
        ok(first.nextCursor, 'a next cursor on a partial list');
        const a = await poster.backend.feed.listPosts({ groupId: group.id, limit: 4, cursor: first.nextCursor });
        const b = await poster.backend.feed.listPosts({ groupId: group.id, limit: 4, cursor: first.nextCursor });
        deepEqual(ids(a), ids(b), 'same cursor, same page');
        equal(a.nextCursor !== null, true);
        none(a.items, (p) => ids(first).includes(p.id), 'page two repeats nothing of page one');
      });

      it('the limit is respected and defaults to PAGE_SIZE_DEFAULT', async () => {
        const { group, poster } = await postMany(PAGE_SIZE_DEFAULT + 3, false);
        const dflt = await poster.backend.feed.listPosts({ groupId: group.id });
        equal(dflt.items.length, PAGE_SIZE_DEFAULT, 'default page size');
        ok(dflt.nextCursor !== null, 'more to come');
        equal((await poster.backend.feed.listPosts({ groupId: group.id, limit: 1 })).items.length, 1);
        const all = await poster.backend.feed.listPosts({ groupId: group.id, limit: 100 });
        equal(all.items.length, PAGE_SIZE_DEFAULT + 3);
        equal(all.nextCursor, null, 'no cursor on the last page');
        await rejects(poster.backend.feed.listPosts({ groupId: group.id, limit: 0 }), 'validation', 'limit');
        await rejects(poster.backend.feed.listPosts({ groupId: group.id, limit: 101 }), 'validation', 'limit');
        await rejects(poster.backend.feed.listPosts(bad({ groupId: group.id, limit: 2.5 })), 'validation', 'limit');
        await rejects(poster.backend.feed.listPosts(bad({ groupId: 'Kein Slug' })), 'validation', 'groupId');
      });

      it('posts written while someone pages cause no duplicates and no gaps', async () => {
        const { group, poster, created } = await postMany(15);
        const writer = await enrolled(kit, group.id);
        const expected = created.map((p) => p.id).reverse();
        const walk = await walkPages((p) => poster.backend.feed.listPosts({ groupId: group.id, ...p }), 4, {
          between: async () => {
            await kit.tick();
            await postAs(writer, postInput(group.id));
            await postAs(writer, postInput(group.id));
          },
        });
        const seen = ids(walk.items);
        deepEqual(duplicates(seen), [], 'no post twice');
        deepEqual(seen.filter((id) => expected.includes(id)), expected, 'every earlier post once, in order');
      });

      it('posts deleted while someone pages cause no gaps among the rest', async () => {
        const { group, poster, created } = await postMany(14);
        const expected = created.map((p) => p.id).reverse();
        const seen: string[] = [];
        /** Post id → how many posts had been seen when it was deleted. */
        const deletedAt = new Map<string, number>();
        await walkPages(async (p) => {
          const pg = await poster.backend.feed.listPosts({ groupId: group.id, ...p });
          seen.push(...ids(pg));
          return pg;
        }, 4, {
          between: async (i) => {
            // Delete the post the cursor was taken after, and one further down the list.
            for (const id of [expected[(i + 1) * 4 - 1], expected[(i + 1) * 4 + 1]]) {
              if (id && !deletedAt.has(id)) {
                await poster.backend.feed.deletePost(id);
                deletedAt.set(id, seen.length);
              }
            }
          },
        });
        deepEqual(duplicates(seen), [], 'no post twice');
        for (const id of expected.filter((x) => !deletedAt.has(x))) ok(seen.includes(id), `post ${id} was never deleted but the walk skipped it`);
        for (const [id, at] of deletedAt) {
          const position = seen.indexOf(id);
          ok(position === -1 || position < at, `post ${id} was listed after its deletion`);
        }
      });

      it('posts created at the same instant page without duplicates or gaps', async () => {
        const { group, poster, created } = await postMany(12, false);
        const walk = await walkPages((p) => poster.backend.feed.listPosts({ groupId: group.id, ...p }), 5);
        deepEqual(duplicates(ids(walk.items)), [], 'no duplicates among equal timestamps');
        sameMembers(ids(walk.items), created.map((p) => p.id), 'every post once');
        const again = await walkPages((p) => poster.backend.feed.listPosts({ groupId: group.id, ...p }), 5);
        deepEqual(ids(again.items), ids(walk.items), 'ties are broken the same way every time');
      });

      it('comments page without duplicates or gaps', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const created: string[] = [];
        for (let i = 0; i < 11; i++) {
          if (i % 2) await kit.tick();
          created.push((await poster.backend.feed.addComment(commentInput(post.id))).id);
        }
        const walk = await walkPages((p) => poster.backend.feed.listComments({ postId: post.id, ...p }), 4);
        allConform(Comment, walk.items, 'listComments');
        deepEqual(duplicates(ids(walk.items)), [], 'no comment twice');
        sameMembers(ids(walk.items), created, 'every comment once');
        equal((await poster.backend.feed.getPost(post.id)).commentCount, 11);
      });
    });

    describe('comments', () => {
      it('members comment; the author deletes their comment, others may not', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const c = await enrolled(kit, group.id);
        const input = commentInput(post.id, { body: 'Bin dabei!' });
        const comment = await c.backend.feed.addComment(input);
        conforms(Comment, comment, 'addComment');
        equal(comment.id, input.id);
        equal(comment.body, 'Bin dabei!');
        deepEqual(comment.author, { id: c.id, displayName: c.name });
        const reader = await kit.anonymous();
        const list = await reader.backend.feed.listComments({ postId: post.id });
        conforms(page(Comment), list, 'listComments');
        deepEqual(ids(list), [comment.id]);
        equal((await reader.backend.feed.getPost(post.id)).commentCount, 1);
        await rejects(poster.backend.feed.deleteComment(comment.id), 'forbidden', undefined, 'delete by another member');
        await c.backend.feed.deleteComment(comment.id);
        equal((await reader.backend.feed.listComments({ postId: post.id })).items.length, 0);
        equal((await reader.backend.feed.getPost(post.id)).commentCount, 0);
      });

      it('retrying addComment with the same id creates one comment', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const input = commentInput(post.id);
        const [a, b] = await Promise.all([poster.backend.feed.addComment(input), poster.backend.feed.addComment(input)]);
        const c = await poster.backend.feed.addComment(input);
        deepEqual(b, a, 'parallel retry, same result');
        deepEqual(c, a, 'sequential retry, same result');
        equal((await poster.backend.feed.listComments({ postId: post.id })).items.length, 1);
        equal((await poster.backend.feed.getPost(post.id)).commentCount, 1);
      });

      it('addComment rejects bad input and writes nothing; anonymous visitors cannot comment', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const cases: [string, Partial<CommentInput> | Record<string, unknown>, string, string?][] = [
          ['empty body', { body: '   ' }, 'body', 'required'],
          ['body too long', { body: chars(2001) }, 'body', 'tooLong'],
          ['postId not an id', { postId: 'no id!' }, 'postId'],
        ];
        for (const [name, patch, path, code] of cases) {
          await rejects(poster.backend.feed.addComment(bad({ ...commentInput(post.id), ...patch })), 'validation', { path, code }, `addComment: ${name}`);
        }
        const anon = await kit.anonymous();
        await rejects(anon.backend.feed.addComment(commentInput(post.id)), 'forbidden', undefined, 'anonymous');
        await rejects(poster.backend.feed.addComment(commentInput('no-such-post')), 'not-found');
        equal((await poster.backend.feed.listComments({ postId: post.id })).items.length, 0, 'no comment after rejected writes');
        equal((await poster.backend.feed.getPost(post.id)).commentCount, 0);
        await rejects(poster.backend.feed.listComments(bad({ postId: 'no id!' })), 'validation', 'postId');
      });

      it('locked comments refuse new comments until unlocked', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const mod = await kit.moderator();
        await mod.backend.feed.moderate({ action: 'lock-comments', postId: post.id, on: true });
        equal((await poster.backend.feed.getPost(post.id)).commentsLocked, true);
        await rejects(poster.backend.feed.addComment(commentInput(post.id)), ['forbidden', 'conflict']);
        equal((await poster.backend.feed.listComments({ postId: post.id })).items.length, 0);
        await mod.backend.feed.moderate({ action: 'lock-comments', postId: post.id, on: false });
        await resolves(poster.backend.feed.addComment(commentInput(post.id)), 'comment after unlock');
      });
    });

    describe('"Mach mit!"', () => {
      async function callPost(slots: { capacity: number }[]) {
        const { group } = await createGroup(kit);
        const organiser = await enrolled(kit, group.id, 'moderator');
        const post = await postAs(organiser, callInput(group.id, slots));
        return { group, organiser, post };
      }

      it('members commit to a slot and withdraw again', async () => {
        const { group, post } = await callPost([{ capacity: 5 }, { capacity: 2 }]);
        conforms(Post, post, 'call post');
        const slot = post.call!.slots[0];
        equal(slot.committed, 0);
        const m = await enrolled(kit, group.id);
        const after = await m.backend.feed.commit(commitmentInput(post.id, slot.id, 2));
        conforms(Post, after, 'commit');
        const s = after.call!.slots.find((x) => x.id === slot.id)!;
        equal(s.committed, 2);
        equal(s.mine, 2);
        const other = await kit.anonymous();
        const seen = (await other.backend.feed.getPost(post.id)).call!.slots.find((x) => x.id === slot.id)!;
        equal(seen.committed, 2, 'others see the count');
        equal(seen.mine, 0, 'mine is per session');
        const withdrawn = await m.backend.feed.withdraw({ postId: post.id, slotId: slot.id });
        conforms(Post, withdrawn, 'withdraw');
        const w = withdrawn.call!.slots.find((x) => x.id === slot.id)!;
        equal(w.committed, 0);
        equal(w.mine, 0);
      });

      it('capacity is never exceeded under concurrent commitments', async () => {
        const { group, post } = await callPost([{ capacity: 3 }]);
        const slot = post.call!.slots[0];
        const members: Persona[] = [];
        for (let i = 0; i < 10; i++) members.push(await enrolled(kit, group.id));
        const { fulfilled, rejected } = await settle(
          members.map((m) => m.backend.feed.commit(commitmentInput(post.id, slot.id, 1))),
        );
        equal(fulfilled.length, 3, `exactly 3 of 10 commitments succeed (capacity 3), ${fulfilled.length} did`);
        for (const e of rejected) {
          ok(isBackendError(e) && (e.code === 'conflict' || e.code === 'validation'), `a full slot rejects with conflict or validation, got ${String(e)}`);
        }
        const final = (await members[0].backend.feed.getPost(post.id)).call!.slots[0];
        equal(final.committed, 3, 'committed equals capacity');
      });

      it('a commitment larger than what is left is rejected and counts nothing', async () => {
        const { group, post } = await callPost([{ capacity: 3 }]);
        const slot = post.call!.slots[0];
        const a = await enrolled(kit, group.id);
        await a.backend.feed.commit(commitmentInput(post.id, slot.id, 2));
        const b = await enrolled(kit, group.id);
        await rejects(b.backend.feed.commit(commitmentInput(post.id, slot.id, 2)), ['conflict', 'validation']);
        equal((await b.backend.feed.getPost(post.id)).call!.slots[0].committed, 2);
      });

      it('withdrawing frees capacity for someone else', async () => {
        const { group, post } = await callPost([{ capacity: 1 }]);
        const slot = post.call!.slots[0];
        const a = await enrolled(kit, group.id);
        const b = await enrolled(kit, group.id);
        await a.backend.feed.commit(commitmentInput(post.id, slot.id));
        await rejects(b.backend.feed.commit(commitmentInput(post.id, slot.id)), ['conflict', 'validation'], undefined, 'slot is full');
        await a.backend.feed.withdraw({ postId: post.id, slotId: slot.id });
        const after = await b.backend.feed.commit(commitmentInput(post.id, slot.id));
        equal(after.call!.slots[0].committed, 1);
        equal(after.call!.slots[0].mine, 1);
      });

      it('retrying a commitment with the same id counts it once', async () => {
        const { group, post } = await callPost([{ capacity: 10 }]);
        const slot = post.call!.slots[0];
        const m = await enrolled(kit, group.id);
        const input = commitmentInput(post.id, slot.id, 2);
        await Promise.all([m.backend.feed.commit(input), m.backend.feed.commit(input)]);
        await m.backend.feed.commit(input);
        equal((await m.backend.feed.getPost(post.id)).call!.slots[0].committed, 2, 'three deliveries of one commitment count 2, once');
      });

      it('commit and withdraw reject bad input; anonymous visitors cannot commit', async () => {
        const { group, post } = await callPost([{ capacity: 10 }]);
        const slot = post.call!.slots[0];
        const m = await enrolled(kit, group.id);
        await rejects(m.backend.feed.commit(bad({ ...commitmentInput(post.id, slot.id), count: 0 })), 'validation', { path: 'count', code: 'tooSmall' });
        await rejects(m.backend.feed.commit(bad({ ...commitmentInput(post.id, slot.id), count: 101 })), 'validation', { path: 'count', code: 'tooBig' });
        await rejects(m.backend.feed.commit(bad({ ...commitmentInput(post.id, slot.id), note: chars(201) })), 'validation', 'note');
        await rejects(m.backend.feed.commit(bad({ ...commitmentInput(post.id, slot.id), slotId: 'no id!' })), 'validation', 'slotId');
        await rejects(m.backend.feed.commit(commitmentInput(post.id, uid())), ['not-found', 'validation'], undefined, 'unknown slot');
        await rejects(m.backend.feed.withdraw(bad({ postId: post.id, slotId: 'no id!' })), 'validation', 'slotId');
        const anon = await kit.anonymous();
        await rejects(anon.backend.feed.commit(commitmentInput(post.id, slot.id)), 'forbidden', undefined, 'anonymous');
        equal((await m.backend.feed.getPost(post.id)).call!.slots[0].committed, 0, 'nothing counted');
      });
    });

    describe('moderation', () => {
      it('reports reach the moderators queue and get resolved', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id, { title: 'Billige Uhren hier' }));
        const reporter = await enrolled(kit, group.id);
        const input = { id: uid(), target: { type: 'post' as const, id: post.id }, reason: 'spam' as const, note: 'Werbung' };
        await reporter.backend.feed.report(input);
        await reporter.backend.feed.report(input);
        const mod = await kit.moderator();
        const queue = await mod.backend.feed.listReports({ groupId: group.id });
        conforms(page(Report), queue, 'listReports');
        equal(queue.items.length, 1, 'a retried report is one report');
        const r = queue.items[0];
        equal(r.id, input.id);
        equal(r.groupId, group.id);
        equal(r.status, 'open');
        deepEqual(r.target, input.target);
        await mod.backend.feed.moderate({ action: 'resolve-report', reportId: r.id });
        equal((await mod.backend.feed.listReports({ groupId: group.id, status: 'open' })).items.length, 0);
        deepEqual(ids(await mod.backend.feed.listReports({ groupId: group.id, status: 'resolved' })), [r.id]);
        await rejects(reporter.backend.feed.listReports({}), 'forbidden', undefined, 'members cannot read the queue');
      });

      it('comments can be reported too; the report names the group', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const comment = await poster.backend.feed.addComment(commentInput(post.id));
        const reporter = await enrolled(kit, group.id);
        const input = { id: uid(), target: { type: 'comment' as const, id: comment.id }, reason: 'abuse' as const, note: '' };
        await reporter.backend.feed.report(input);
        const mod = await kit.moderator();
        const r = some((await mod.backend.feed.listReports({ status: 'open' })).items, (x) => x.id === input.id, 'the report is queued');
        equal(r.groupId, group.id);
        deepEqual(r.target, input.target);
        await rejects(reporter.backend.feed.report({ ...input, id: uid(), target: { type: 'comment', id: uid() } }), 'not-found', undefined, 'an unknown target');
      });

      it('report rejects bad input and queues nothing', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const base = { id: uid(), target: { type: 'post', id: post.id }, reason: 'spam', note: '' };
        await rejects(poster.backend.feed.report(bad({ ...base, reason: 'boring' })), 'validation', 'reason');
        await rejects(poster.backend.feed.report(bad({ ...base, target: { type: 'group', id: post.id } })), 'validation', 'target.type');
        await rejects(poster.backend.feed.report(bad({ ...base, note: chars(1001) })), 'validation', { path: 'note', code: 'tooLong' });
        await rejects(poster.backend.feed.listReports(bad({ status: 'lost' })), 'validation', 'status');
        const mod = await kit.moderator();
        equal((await mod.backend.feed.listReports({})).items.length, 0, 'no report after rejected writes');
      });

      it('approve-before-publish: pending posts are invisible to others until approved', async () => {
        const { group } = await createGroup(kit, { approveBeforePublish: true });
        const author = await enrolled(kit, group.id);
        const post = await postAs(author, postInput(group.id));
        equal(post.status, 'pending');
        const other = await enrolled(kit, group.id);
        const anon = await kit.anonymous();
        for (const p of [other, anon]) {
          await invisible(`listPosts by ${p.kind}`, () => p.backend.feed.listPosts({ groupId: group.id }), withoutPosts([post.id]));
          await invisible(`getPost by ${p.kind}`, () => p.backend.feed.getPost(post.id), () => false);
          await invisible(`highlights by ${p.kind}`, () => p.backend.feed.highlights(group.id), (h) => [...h.urgent, ...h.pinned].every((x) => x.id !== post.id));
        }
        await rejects(other.backend.feed.listPending(group.id, {}), 'forbidden', undefined, 'members cannot read the pending queue');
        await rejects(other.backend.feed.moderate({ action: 'approve', postId: post.id }), 'forbidden', undefined, 'members cannot approve');
        const mod = await kit.moderator();
        const pending = await mod.backend.feed.listPending(group.id, {});
        conforms(page(Post), pending, 'listPending');
        deepEqual(ids(pending), [post.id]);
        await mod.backend.feed.moderate({ action: 'approve', postId: post.id });
        equal((await other.backend.feed.getPost(post.id)).status, 'published');
        deepEqual(ids(await anon.backend.feed.listPosts({ groupId: group.id })), [post.id]);
        equal((await mod.backend.feed.listPending(group.id, {})).items.length, 0);
      });

      it('hidden posts are invisible to others until unhidden', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const mod = await kit.moderator();
        await mod.backend.feed.moderate({ action: 'hide', target: { type: 'post', id: post.id }, on: true });
        const other = await enrolled(kit, group.id);
        const anon = await kit.anonymous();
        for (const p of [other, anon]) {
          await invisible(`listPosts by ${p.kind}`, () => p.backend.feed.listPosts({ groupId: group.id }), withoutPosts([post.id]));
          await invisible(`getPost by ${p.kind}`, () => p.backend.feed.getPost(post.id), () => false);
        }
        await mod.backend.feed.moderate({ action: 'hide', target: { type: 'post', id: post.id }, on: false });
        deepEqual(ids(await anon.backend.feed.listPosts({ groupId: group.id })), [post.id]);
      });

      it('a hidden comment is not shown to others', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const body = `Beleidigung ${tag()}`;
        const comment = await poster.backend.feed.addComment(commentInput(post.id, { body }));
        const mod = await kit.moderator();
        await mod.backend.feed.moderate({ action: 'hide', target: { type: 'comment', id: comment.id }, on: true });
        const anon = await kit.anonymous();
        const other = await enrolled(kit, group.id);
        for (const p of [anon, other]) {
          const list = await p.backend.feed.listComments({ postId: post.id });
          noLeak(list, [body], `listComments by ${p.kind}`);
        }
      });

      it('only moderators moderate', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const anon = await kit.anonymous();
        const actions = [
          { action: 'pin', postId: post.id, on: true },
          { action: 'hide', target: { type: 'post', id: post.id }, on: true },
          { action: 'lock-comments', postId: post.id, on: true },
        ] as const;
        for (const p of [anon, poster]) {
          for (const action of actions) {
            await rejects(p.backend.feed.moderate(action), 'forbidden', undefined, `${action.action} by ${p.kind}`);
          }
          await rejects(p.backend.feed.listPending(group.id, {}), 'forbidden', undefined, `listPending by ${p.kind}`);
        }
        const now = await anon.backend.feed.getPost(post.id);
        equal(now.pinned, false);
        equal(now.commentsLocked, false);
        equal(now.status, 'published');
      });

      it('moderate rejects bad actions', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        const mod = await kit.moderator();
        await rejects(mod.backend.feed.moderate(bad({ action: 'pin', postId: post.id, on: 'yes' })), 'validation', 'on');
        await rejects(mod.backend.feed.moderate(bad({ action: 'pin', postId: 'no id!', on: true })), 'validation', 'postId');
        await rejects(mod.backend.feed.moderate(bad({ action: 'delete-everything' })), 'validation');
        equal((await poster.backend.feed.getPost(post.id)).pinned, false);
      });
    });

    describe('private groups', () => {
      /** A private group with an insider, a pending applicant, a post with a comment, a pinned post. */
      async function privateWorld() {
        const { group } = await createGroup(kit, { visibility: 'private', joinPolicy: 'request' });
        const mod = await kit.moderator();
        const insider = await kit.member();
        await insider.backend.feed.join(group.id, {});
        await mod.backend.feed.moderate({ action: 'decide-membership', groupId: group.id, memberId: insider.id!, approve: true });
        await insider.backend.feed.acceptRules(group.id);
        const secretTitle = `Nur für uns ${tag()}`;
        const post = await postAs(insider, postInput(group.id, { title: secretTitle }));
        const pinned = await postAs(insider, postInput(group.id));
        await mod.backend.feed.moderate({ action: 'pin', postId: pinned.id, on: true });
        const comment = await insider.backend.feed.addComment(commentInput(post.id));
        const applicant = await kit.member();
        await applicant.backend.feed.join(group.id, { message: 'Darf ich?' });
        return { group, insider, post, pinned, comment, applicant, secretTitle };
      }

      it('members of a private group read its posts', async () => {
        const { group, insider, post, pinned, comment } = await privateWorld();
        const again = await kit.again(insider);
        deepEqual(ids(await again.backend.feed.listPosts({ groupId: group.id })), [post.id]);
        deepEqual(ids((await again.backend.feed.highlights(group.id)).pinned), [pinned.id]);
        equal((await again.backend.feed.getPost(post.id)).id, post.id);
        deepEqual(ids(await again.backend.feed.listComments({ postId: post.id })), [comment.id]);
      });

      it('non-members never get a private group\'s posts or comments', async () => {
        const { group, post, pinned, comment, applicant, secretTitle } = await privateWorld();
        const outsiders = [await kit.member(), await kit.anonymous(), applicant, await enrolled(kit, (await createGroup(kit)).group.id)];
        const postIds = [post.id, pinned.id];
        for (const p of outsiders) {
          const who = `${p.kind}${p === applicant ? ' (pending applicant)' : ''}`;
          await invisible(`listPosts by ${who}`, () => p.backend.feed.listPosts({ groupId: group.id }), withoutPosts(postIds));
          await invisible(`highlights by ${who}`, () => p.backend.feed.highlights(group.id), (h) => [...h.urgent, ...h.pinned].every((x) => !postIds.includes(x.id)));
          for (const id of postIds) await invisible(`getPost by ${who}`, () => p.backend.feed.getPost(id), () => false);
          await invisible(`listComments by ${who}`, () => p.backend.feed.listComments({ postId: post.id }), (pg) => pg.items.every((c) => c.id !== comment.id));
          await rejects(p.backend.feed.addComment(commentInput(post.id)), ['forbidden', 'not-found'], undefined, `addComment by ${who}`);
          await rejects(p.backend.feed.react({ postId: post.id, reaction: 'like', on: true }), ['forbidden', 'not-found'], undefined, `react by ${who}`);
          const g = await p.backend.feed.getGroup(group.id);
          noLeak(g, [secretTitle], `getGroup by ${who}`);
          noLeak(await p.backend.feed.listGroups(), [secretTitle], `listGroups by ${who}`);
        }
      });
    });

    describe('private data', () => {
      it('public feed reads have exactly the public shape', async () => {
        const { group, poster } = await withPoster();
        const post = await postAs(poster, postInput(group.id));
        await poster.backend.feed.addComment(commentInput(post.id));
        const anon = await kit.anonymous();
        conforms(page(Post), await anon.backend.feed.listPosts({ groupId: group.id }), 'listPosts');
        conforms(Post, await anon.backend.feed.getPost(post.id), 'getPost');
        conforms(page(Comment), await anon.backend.feed.listComments({ postId: post.id }), 'listComments');
        conforms(Highlights, await anon.backend.feed.highlights(group.id), 'highlights');
        allConform(Group, await anon.backend.feed.listGroups(), 'listGroups');
        const list = await anon.backend.feed.listPosts({ groupId: group.id });
        if (list.items.some((p) => 'roles' in p.author)) fail('a post author carries roles: only id and displayName are public');
      });
    });
  });
}
