/** Contract: the session — who is using the widgets, their public profile, signing in and out. */
import { Member, Session } from '../../schema/index.js';
import { conforms, deepEqual, equal, ok, rejects } from '../assert.js';
import { useKit } from '../context.js';
import type { ContractHarness, TestApi } from '../harness.js';
import { globalTestApi } from '../recorder.js';
import { bad, chars } from '../support.js';

export function sessionSuite(harness: ContractHarness, test: TestApi = globalTestApi()): void {
  const { describe, it } = test;

  describe('session', () => {
    const kit = useKit(harness, test);

    it('an anonymous visitor has no member', async () => {
      const anon = await kit.anonymous();
      const s = await anon.backend.session.current();
      conforms(Session, s, 'session.current');
      equal(s.community, kit.community);
      equal(s.member, null);
      equal(anon.backend.community, kit.community, 'backend.community');
    });

    it('members, moderators and admins are who the harness says, with their roles', async () => {
      const expected = { member: 'member', moderator: 'moderator', admin: 'admin' } as const;
      for (const kind of ['member', 'moderator', 'admin'] as const) {
        const p = await kit.actor(kind);
        const s = await p.backend.session.current();
        conforms(Session, s, `session.current of a ${kind}`);
        equal(s.community, kit.community);
        ok(s.member, `a ${kind} has a member`);
        equal(s.member.id, p.id);
        equal(s.member.displayName, p.name);
        ok(s.member.roles.includes(expected[kind]), `a ${kind} has the role ${kind}: ${s.member.roles.join(', ')}`);
        if (kind === 'member') deepEqual(s.member.roles, ['member'], 'a plain member has no other role');
        if (kind === 'moderator') ok(!s.member.roles.includes('admin'), 'a moderator is not an admin');
      }
    });

    it('a member changes the name others see', async () => {
      const m = await kit.member();
      const updated = await m.backend.session.updateProfile({ displayName: '  Anna   aus dem Unterdorf ' });
      conforms(Member, updated, 'updateProfile');
      equal(updated.id, m.id);
      equal(updated.displayName, 'Anna aus dem Unterdorf', 'the name is cleaned like every line of text');
      equal((await m.backend.session.current()).member?.displayName, 'Anna aus dem Unterdorf');
    });

    it('updateProfile rejects bad names and changes nothing', async () => {
      const m = await kit.member();
      await rejects(m.backend.session.updateProfile({ displayName: '   ' }), 'validation', { path: 'displayName', code: 'required' });
      await rejects(m.backend.session.updateProfile({ displayName: chars(61) }), 'validation', { path: 'displayName', code: 'tooLong' });
      await rejects(m.backend.session.updateProfile(bad({ displayName: 42 })), 'validation', { path: 'displayName', code: 'invalidType' });
      equal((await m.backend.session.current()).member?.displayName, m.name, 'the name is unchanged');
    });

    it('signIn rejects incomplete credentials', async () => {
      const anon = await kit.anonymous();
      await rejects(anon.backend.session.signIn({ username: '', password: 'geheim' }), 'validation', { path: 'username', code: 'required' });
      await rejects(anon.backend.session.signIn({ username: 'moderatorin', password: '' }), 'validation', { path: 'password', code: 'required' });
      await rejects(anon.backend.session.signIn({ username: 'moderatorin', password: chars(201) }), 'validation', { path: 'password', code: 'tooLong' });
      equal((await anon.backend.session.current()).member, null, 'still anonymous');
    });

    if (harness.credentials) {
      it('moderators sign in with a password', async () => {
        const credentials = await harness.credentials!('moderator');
        const anon = await kit.anonymous();
        const s = await anon.backend.session.signIn(credentials);
        conforms(Session, s, 'signIn');
        ok(s.member?.roles.includes('moderator'), 'signed in as a moderator');
        await rejects(anon.backend.session.signIn({ ...credentials, password: `${credentials.password}-falsch` }), 'forbidden', undefined, 'a wrong password');
      });
    }

    if (harness.memberToken) {
      it('a member token from the host site identifies the member', async () => {
        const m = await kit.member();
        const token = await harness.memberToken!({ kind: 'member', memberId: m.id!, displayName: m.name });
        const anon = await kit.anonymous();
        const s = await anon.backend.session.useToken(token);
        conforms(Session, s, 'useToken');
        equal(s.member?.id, m.id);
      });
    }

    it('signing out leaves an anonymous session', async () => {
      const m = await kit.member();
      const s = await m.backend.session.signOut();
      conforms(Session, s, 'signOut');
      equal(s.community, kit.community);
      equal(s.member, null);
      equal((await m.backend.session.current()).member, null);
    });
  });
}
