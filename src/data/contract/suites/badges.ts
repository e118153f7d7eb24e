/** Contract: badges — achievements, awards to many, revocation, the recognition wall and its consent. */
import { Achievement, Award, page, PublicMember } from '../../schema/index.js';
import { allConform, conforms, deepEqual, equal, none, ok, rejects, resolves, sameMembers, show } from '../assert.js';
import { duplicates, useKit, walkPages, type Persona } from '../context.js';
import { KIT_NOW, achievement, awardInput, tag } from '../fixtures.js';
import type { ContractHarness, TestApi } from '../harness.js';
import { globalTestApi } from '../recorder.js';
import { bad, chars, ids } from '../support.js';

export function badgesSuite(harness: ContractHarness, test: TestApi = globalTestApi()): void {
  const { describe, it } = test;

  describe('badges', () => {
    const kit = useKit(harness, test);

    /** An achievement, a moderator, and `n` members who received it. */
    async function awarded(n: number) {
      const admin = await kit.admin();
      const a = await admin.backend.badges.saveAchievement(achievement());
      const mod = await kit.moderator();
      const members: Persona[] = [];
      for (let i = 0; i < n; i++) members.push(await kit.member());
      const input = awardInput(a.id, members.map((m) => m.id!));
      const awards = await resolves(mod.backend.badges.award(input), 'award');
      return { achievement: a, mod, members, awards, input };
    }
    const awardOf = (awards: Award[], m: Persona) => awards.find((x) => x.recipient.id === m.id)!;

    it('an admin saves achievements; everyone lists them', async () => {
      const admin = await kit.admin();
      const input = achievement();
      const saved = await admin.backend.badges.saveAchievement(input);
      conforms(Achievement, saved, 'saveAchievement');
      deepEqual(saved, input);
      const anon = await kit.anonymous();
      const list = await anon.backend.badges.listAchievements();
      allConform(Achievement, list, 'listAchievements');
      deepEqual(ids(list), [input.id]);
      await admin.backend.badges.saveAchievement({ ...input, name: 'Ersthelferin' });
      const again = await anon.backend.badges.listAchievements();
      equal(again.length, 1, 'saving again creates nothing new');
      equal(again[0].name, 'Ersthelferin', 'but updates');
    });

    it('only admins save achievements', async () => {
      for (const p of [await kit.anonymous(), await kit.member(), await kit.moderator()]) {
        await rejects(p.backend.badges.saveAchievement(achievement()), 'forbidden', undefined, `saveAchievement by ${p.kind}`);
      }
      equal((await (await kit.anonymous()).backend.badges.listAchievements()).length, 0, 'no trace');
    });

    it('saveAchievement rejects bad input field by field and writes nothing', async () => {
      const admin = await kit.admin();
      const base = achievement();
      const cases: [string, unknown, string, string?][] = [
        ['empty name', { ...base, name: '' }, 'name', 'required'],
        ['empty description', { ...base, description: '' }, 'description', 'required'],
        ['empty criteria', { ...base, criteria: ' ' }, 'criteria', 'required'],
        ['id not a slug', { ...base, id: 'Erste Hilfe' }, 'id'],
        ['issuer url not http(s)', { ...base, issuer: { ...base.issuer, url: 'ftp://example.org' } }, 'issuer.url'],
        ['too many tags', { ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags', 'tooMany'],
        ['image too large', { ...base, image: chars(100_001) }, 'image', 'tooLong'],
        ['image not an http(s) or data:image address', { ...base, image: 'javascript:alert(1)' }, 'image', 'format.pattern'],
        ['image with control characters', { ...base, image: 'https://example.org/a\u0000b.png' }, 'image', 'format.pattern'],
        ['image with a bidi override', { ...base, image: 'https://example.org/\u202egnp.exe' }, 'image', 'format.pattern'],
      ];
      for (const [name, input, path, code] of cases) {
        await rejects(admin.backend.badges.saveAchievement(bad(input)), 'validation', { path, code }, `saveAchievement: ${name}`);
      }
      equal((await admin.backend.badges.listAchievements()).length, 0, 'no achievement after rejected writes');
    });

    it('a rejected update leaves the achievement as it was', async () => {
      const admin = await kit.admin();
      const saved = await admin.backend.badges.saveAchievement(achievement());
      await rejects(admin.backend.badges.saveAchievement(bad({ ...saved, name: 'Neu', criteria: '' })), 'validation', 'criteria');
      deepEqual((await admin.backend.badges.listAchievements())[0], saved);
    });

    it('moderators award to many members at once', async () => {
      const { achievement: a, members, awards, input } = await awarded(3);
      allConform(Award, awards, 'award');
      equal(awards.length, 3, 'one award per recipient');
      sameMembers(awards.map((x) => x.recipient.id), members.map((m) => m.id!));
      for (const m of members) {
        const mine = awardOf(awards, m);
        deepEqual(mine.recipient, { id: m.id, displayName: m.name }, 'recipient is the public view');
        deepEqual(mine.achievement, a);
        equal(Date.parse(mine.issuedOn), Date.parse(KIT_NOW));
        equal(mine.revoked, false);
        equal(mine.revocationReason, null);
        equal(mine.onWall, false, 'nobody is on the wall without consent');
        equal(mine.note, input.note);
        deepEqual(mine.evidence, input.evidence);
        const theirs = await m.backend.badges.listAwards({ member: 'me' });
        conforms(page(Award), theirs, 'listAwards');
        deepEqual(ids(theirs), [mine.id], '"me" is the session member');
        deepEqual(ids(await (await kit.anonymous()).backend.badges.listAwards({ member: m.id! })), [mine.id], 'by member id');
        const got = await m.backend.badges.getAward(mine.id);
        conforms(Award, got, 'getAward');
        deepEqual(got, mine);
      }
      equal(duplicates(ids(awards)).length, 0, 'distinct award ids');
    });

    it('retrying an award with the same id awards nothing new', async () => {
      const { mod, members, awards, input } = await awarded(2);
      await kit.tick(10);
      const again = await mod.backend.badges.award(input);
      sameMembers(ids(again), ids(awards), 'the retry returns the same awards');
      for (const m of members) equal((await m.backend.badges.listAwards({ member: 'me' })).items.length, 1, 'one award each');
    });

    it('an award delivered twice at once, from two tabs, awards once', async () => {
      const admin = await kit.admin();
      const a = await admin.backend.badges.saveAchievement(achievement());
      const m = await kit.member();
      const mod = await kit.moderator();
      const tab2 = await kit.again(mod);
      const input = awardInput(a.id, [m.id!]);
      const [x, y] = await Promise.all([mod.backend.badges.award(input), tab2.backend.badges.award(input)]);
      sameMembers(ids(x), ids(y), 'both deliveries return the same award');
      equal((await m.backend.badges.listAwards({ member: 'me' })).items.length, 1);
    });

    describe('recipients', () => {
      async function allRecipients(p: Persona, q?: string, limit = 2) {
        const walk = await walkPages((pg) => p.backend.badges.recipients(q === undefined ? pg : { ...pg, q }), limit);
        walk.pages.forEach((pg, i) => conforms(page(PublicMember), pg, `recipients page ${i}`));
        deepEqual(duplicates(walk.items.map((m) => m.id)), [], 'nobody twice across the pages');
        return walk.items;
      }

      it('moderators find community members by a part of the name, in name order', async () => {
        const t = tag().slice(0, 6);
        const people = [await kit.member(`Zoë ${t}`), await kit.member(`Anna ${t}`), await kit.member(`Jürgen ${t}`)];
        const mod = await kit.moderator(`Moderatorin ${t}`);
        const found = await allRecipients(mod, t, 1);
        sameMembers(found.map((m) => m.id), [...people.map((p) => p.id), mod.id], `q "${t}" finds every test member once`);
        for (const p of people) deepEqual(found.find((m) => m.id === p.id), { id: p.id, displayName: p.name }, 'a recipient is the public member');
        const order = ['Anna', 'Jürgen', 'Zoë'].map((n) => found.findIndex((m) => m.displayName.startsWith(n)));
        deepEqual([...order].sort((a, b) => a - b), order, `ordered by display name: ${show(found.map((m) => m.displayName))}`);
        for (const q of ['jurgen', 'JÜRGEN', `ürgen ${t}`]) {
          deepEqual((await allRecipients(mod, q)).filter((m) => m.displayName.endsWith(t)).map((m) => m.id), [people[2]!.id], `q "${q}"`);
        }
        deepEqual(await allRecipients(mod, `nobody-${tag()}`), [], 'no match, nobody');
        ok((await mod.backend.badges.recipients({})).items.length > 0, 'without q: everyone, paged');
      });

      it('only moderators may search; bad queries are refused', async () => {
        for (const p of [await kit.anonymous(), await kit.member()]) {
          await rejects(p.backend.badges.recipients({}), 'forbidden', undefined, `recipients by ${p.kind}`);
        }
        const mod = await kit.moderator();
        await resolves((await kit.admin()).backend.badges.recipients({}), 'by an admin');
        await rejects(mod.backend.badges.recipients({ q: chars(61) }), 'validation', { path: 'q', code: 'tooLong' });
        await rejects(mod.backend.badges.recipients(bad({ limit: 0 })), 'validation', 'limit');
        await rejects(mod.backend.badges.recipients({ cursor: 'not-a-cursor' }), 'validation', 'cursor');
      });
    });

    it('only moderators award', async () => {
      const admin = await kit.admin();
      const a = await admin.backend.badges.saveAchievement(achievement());
      const m = await kit.member();
      for (const p of [await kit.anonymous(), m]) {
        await rejects(p.backend.badges.award(awardInput(a.id, [m.id!])), 'forbidden', undefined, `award by ${p.kind}`);
      }
      equal((await m.backend.badges.listAwards({ member: 'me' })).items.length, 0, 'no award');
    });

    it('award rejects bad input and awards nothing', async () => {
      const admin = await kit.admin();
      const a = await admin.backend.badges.saveAchievement(achievement());
      const m = await kit.member();
      const mod = await kit.moderator();
      const base = awardInput(a.id, [m.id!]);
      const cases: [string, unknown, string, string?][] = [
        ['no recipients', { ...base, recipientIds: [] }, 'recipientIds', 'tooFew'],
        ['recipient not an id', { ...base, recipientIds: ['no id!'] }, 'recipientIds.0'],
        ['achievement not a slug', { ...base, achievementId: 'Erste Hilfe' }, 'achievementId'],
        ['expires not an instant', { ...base, expires: 'nie' }, 'expires'],
        ['evidence link unsafe', { ...base, evidence: [{ url: 'javascript:alert(1)' }] }, 'evidence.0.url'],
        ['note too long', { ...base, note: chars(1001) }, 'note', 'tooLong'],
      ];
      for (const [name, input, path, code] of cases) {
        await rejects(mod.backend.badges.award(bad(input)), 'validation', { path, code }, `award: ${name}`);
      }
      await rejects(mod.backend.badges.award(awardInput('no-such-badge', [m.id!])), ['not-found', 'validation'], undefined, 'unknown achievement');
      equal((await m.backend.badges.listAwards({ member: 'me' })).items.length, 0, 'no award after rejected writes');
      await rejects(m.backend.badges.listAwards(bad({ member: 'no id!' })), 'validation', 'member');
      await rejects(m.backend.badges.getAward('no-such-award'), 'not-found');
    });

    it('moderators revoke awards; members may not', async () => {
      const { mod, members, awards } = await awarded(2);
      const [m1, m2] = members;
      const a1 = awardOf(awards, m1);
      await rejects(m1.backend.badges.revoke({ awardId: a1.id, reason: 'Selbst zurückgegeben' }), 'forbidden', undefined, 'revoke by the recipient');
      await rejects(mod.backend.badges.revoke({ awardId: a1.id, reason: '' }), 'validation', { path: 'reason', code: 'required' });
      equal((await m1.backend.badges.getAward(a1.id)).revoked, false, 'not revoked by rejected calls');
      const revoked = await mod.backend.badges.revoke({ awardId: a1.id, reason: 'Irrtum' });
      conforms(Award, revoked, 'revoke');
      equal(revoked.revoked, true);
      equal(revoked.revocationReason, 'Irrtum');
      equal((await m2.backend.badges.getAward(a1.id)).revoked, true, 'everyone sees the revocation');
      equal((await m2.backend.badges.getAward(awardOf(awards, m2).id)).revoked, false, 'the other award stays');
      await rejects(mod.backend.badges.revoke({ awardId: 'no-such-award', reason: 'x' }), 'not-found');
    });

    describe('wall', () => {
      it('only the recipient puts an award on the wall or takes it off', async () => {
        const { mod, members, awards } = await awarded(2);
        const [m1, m2] = members;
        const a1 = awardOf(awards, m1);
        await rejects(m2.backend.badges.setWallConsent({ awardId: a1.id, onWall: true }), 'forbidden', undefined, 'another member');
        await rejects(mod.backend.badges.setWallConsent({ awardId: a1.id, onWall: true }), 'forbidden', undefined, 'a moderator');
        await rejects((await kit.anonymous()).backend.badges.setWallConsent({ awardId: a1.id, onWall: true }), 'forbidden', undefined, 'anonymous');
        const anon = await kit.anonymous();
        equal((await anon.backend.badges.wall({})).items.length, 0, 'nobody consented yet');
        const on = await m1.backend.badges.setWallConsent({ awardId: a1.id, onWall: true });
        conforms(Award, on, 'setWallConsent');
        equal(on.onWall, true);
        const wall = await anon.backend.badges.wall({});
        conforms(page(Award), wall, 'wall');
        deepEqual(ids(wall), [a1.id], 'only the consenting recipient is on the wall');
        await m1.backend.badges.setWallConsent({ awardId: a1.id, onWall: false });
        equal((await anon.backend.badges.wall({})).items.length, 0, 'consent withdrawn');
        await rejects(m1.backend.badges.setWallConsent(bad({ awardId: a1.id, onWall: 'ja' })), 'validation', 'onWall');
        equal((await anon.backend.badges.wall({})).items.length, 0, 'a rejected consent changes nothing');
      });

      it('revoked awards leave the wall', async () => {
        const { mod, members, awards } = await awarded(1);
        const a = awardOf(awards, members[0]);
        await members[0].backend.badges.setWallConsent({ awardId: a.id, onWall: true });
        await mod.backend.badges.revoke({ awardId: a.id, reason: 'Irrtum' });
        const anon = await kit.anonymous();
        none((await anon.backend.badges.wall({})).items, (x) => x.id === a.id, 'a revoked award is not celebrated');
      });

      it('the wall pages without duplicates or gaps', async () => {
        const { members, awards } = await awarded(9);
        for (const m of members) {
          await kit.tick();
          await m.backend.badges.setWallConsent({ awardId: awardOf(awards, m).id, onWall: true });
        }
        const anon = await kit.anonymous();
        const walk = await walkPages((p) => anon.backend.badges.wall(p), 4);
        allConform(Award, walk.items, 'wall');
        deepEqual(duplicates(ids(walk.items)), [], 'no award twice');
        sameMembers(ids(walk.items), ids(awards), 'every consenting award once');
        await rejects(anon.backend.badges.wall({ limit: 0 }), 'validation', 'limit');
      });
    });
  });
}
