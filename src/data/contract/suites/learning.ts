/** Contract: learning paths — paths, progress with evidence, mentor sign-off, badges on completion, cohorts. */
import { CohortOverview, Path, PendingSignOff, Progress, type Cohort } from '../../schema/index.js';
import { allConform, conforms, deepEqual, equal, isBackendError, ok, rejects, resolves, show, AssertionError } from '../assert.js';
import { useKit, type Persona } from '../context.js';
import { KIT_NOW, KIT_TIME_ZONE, KIT_TODAY, achievement, addDays, path as pathInput, shiftDate, slug, step, uid } from '../fixtures.js';
import type { ContractHarness, TestApi } from '../harness.js';
import { globalTestApi } from '../recorder.js';
import { bad, chars } from '../support.js';

export function learningSuite(harness: ContractHarness, test: TestApi = globalTestApi()): void {
  const { describe, it } = test;

  describe('learning', () => {
    const kit = useKit(harness, test);

    async function savePath(overrides: Partial<Path> = {}) {
      const admin = await kit.admin();
      const p = await resolves(admin.backend.learning.savePath(pathInput(overrides)), 'savePath');
      return { admin, path: p };
    }

    async function complete(p: Persona, pathId: string, stepId: string, evidence: Parameters<Persona['backend']['learning']['completeStep']>[0]['evidence'] = null) {
      const progress = await resolves(p.backend.learning.completeStep({ id: uid(), pathId, stepId, evidence }), `completeStep ${stepId}`);
      conforms(Progress, progress, 'completeStep');
      return progress;
    }

    const stateOf = (progress: Progress, stepId: string) => progress.steps.find((s) => s.stepId === stepId)?.state ?? null;

    describe('paths', () => {
      it('an admin saves a path; everyone reads it; level filters', async () => {
        const admin = await kit.admin();
        const input = pathInput({ level: 'beginner' });
        const saved = await admin.backend.learning.savePath(input);
        conforms(Path, saved, 'savePath');
        deepEqual(saved, input);
        const advanced = await admin.backend.learning.savePath(pathInput({ level: 'advanced', prerequisites: [input.id] }));
        const anon = await kit.anonymous();
        deepEqual(await anon.backend.learning.getPath(input.id), input, 'getPath');
        const all = await anon.backend.learning.listPaths();
        allConform(Path, all, 'listPaths');
        equal(all.length, 2);
        deepEqual((await anon.backend.learning.listPaths({ level: 'advanced' })).map((p) => p.id), [advanced.id], 'level filter');
        const renamed = await admin.backend.learning.savePath({ ...input, title: 'Erste Hilfe für Kinder' });
        equal(renamed.title, 'Erste Hilfe für Kinder', 'saving again updates');
        equal((await anon.backend.learning.listPaths()).length, 2, 'and creates nothing new');
      });

      it('only admins save paths', async () => {
        for (const p of [await kit.anonymous(), await kit.member(), await kit.moderator()]) {
          const input = pathInput();
          await rejects(p.backend.learning.savePath(input), 'forbidden', undefined, `savePath by ${p.kind}`);
          await rejects(p.backend.learning.getPath(input.id), 'not-found', undefined, 'no trace');
        }
      });

      it('savePath rejects bad input field by field and writes nothing', async () => {
        const admin = await kit.admin();
        const base = pathInput();
        const cohort: Cohort = { id: slug('c'), pathId: base.id, title: 'Sprint', start: KIT_TODAY, days: 30, timeZone: KIT_TIME_ZONE };
        const cases: [string, unknown, string, string?][] = [
          ['no steps', { ...base, steps: [] }, 'steps', 'tooFew'],
          ['empty title', { ...base, title: '' }, 'title', 'required'],
          ['unknown level', { ...base, level: 'expert' }, 'level', 'invalidChoice'],
          ['step id not a slug', { ...base, steps: [{ ...base.steps[0], id: 'Schritt 1' }] }, 'steps.0.id'],
          ['unsafe resource link', { ...base, steps: [{ ...base.steps[0], resources: [{ label: 'Klick', url: 'javascript:alert(1)' }] }] }, 'steps.0.resources.0.url'],
          ['unknown evidence mode', { ...base, steps: [{ ...base.steps[0], evidence: 'maybe' }] }, 'steps.0.evidence', 'invalidChoice'],
          ['cohort of 0 days', { ...base, cohort: { ...cohort, days: 0 } }, 'cohort.days', 'tooSmall'],
          ['cohort time zone', { ...base, cohort: { ...cohort, timeZone: 'Europe/Dorfplatz' } }, 'cohort.timeZone'],
        ];
        for (const [name, input, p, code] of cases) {
          await rejects(admin.backend.learning.savePath(bad(input)), 'validation', { path: p, code }, `savePath: ${name}`);
        }
        equal((await admin.backend.learning.listPaths()).length, 0, 'no path after rejected writes');
        await rejects(admin.backend.learning.getPath(base.id), 'not-found');
        await rejects(admin.backend.learning.cohort(cohort.id), 'not-found', undefined, 'no cohort either');
      });

      it('a rejected update leaves the path as it was', async () => {
        const { admin, path } = await savePath();
        await rejects(admin.backend.learning.savePath(bad({ ...path, title: 'Neu', steps: [] })), 'validation', 'steps');
        deepEqual(await admin.backend.learning.getPath(path.id), path);
      });

      it('an unknown path is not-found', async () => {
        const m = await kit.member();
        await rejects(m.backend.learning.getPath('no-such-path'), 'not-found');
        await rejects(m.backend.learning.completeStep({ id: uid(), pathId: 'no-such-path', stepId: 'x', evidence: null }), ['not-found', 'validation']);
      });
    });

    describe('progress', () => {
      it('a member starts empty, completes and un-completes steps', async () => {
        const { path } = await savePath();
        const m = await kit.member();
        const start = await m.backend.learning.getProgress(path.id);
        conforms(Progress, start, 'getProgress');
        equal(start.pathId, path.id);
        deepEqual(start.member, { id: m.id, displayName: m.name });
        deepEqual(start.steps, []);
        equal(start.completedAt, null);
        const [s1, s2] = path.steps;
        const p1 = await complete(m, path.id, s1.id);
        equal(stateOf(p1, s1.id), 'done');
        equal(Date.parse(p1.steps[0].completedAt), Date.parse(KIT_NOW));
        equal(p1.completedAt, null, 'not all steps done');
        const p2 = await m.backend.learning.uncompleteStep(path.id, s1.id);
        conforms(Progress, p2, 'uncompleteStep');
        equal(stateOf(p2, s1.id), null, 'un-completed');
        deepEqual((await m.backend.learning.getProgress(path.id)).steps, []);
        const other = await kit.member();
        await complete(m, path.id, s2.id);
        deepEqual((await other.backend.learning.getProgress(path.id)).steps, [], 'progress is per member');
      });

      it('retrying completeStep with the same id records one completion', async () => {
        const { path } = await savePath();
        const m = await kit.member();
        const input = { id: uid(), pathId: path.id, stepId: path.steps[0].id, evidence: null };
        const a = await m.backend.learning.completeStep(input);
        await kit.tick(5);
        const b = await m.backend.learning.completeStep(input);
        deepEqual(b, a, 'the retry returns the first result');
        equal((await m.backend.learning.getProgress(path.id)).steps.length, 1);
      });

      it('a step that requires evidence refuses completion without it', async () => {
        const s = step({ evidence: 'required' });
        const { path } = await savePath({ steps: [s, step()] });
        const m = await kit.member();
        await rejects(m.backend.learning.completeStep({ id: uid(), pathId: path.id, stepId: s.id, evidence: null }), 'validation', 'evidence');
        equal(stateOf(await m.backend.learning.getProgress(path.id), s.id), null, 'not completed');
        const done = await complete(m, path.id, s.id, { note: 'Kurs beim DRK besucht', url: 'https://example.org/zertifikat' });
        equal(stateOf(done, s.id), 'done');
        deepEqual(done.steps[0].evidence, { note: 'Kurs beim DRK besucht', url: 'https://example.org/zertifikat' });
      });

      it('completeStep rejects bad input and records nothing', async () => {
        const { path } = await savePath();
        const m = await kit.member();
        const base = { id: uid(), pathId: path.id, stepId: path.steps[0].id, evidence: null };
        await rejects(m.backend.learning.completeStep(bad({ ...base, evidence: { url: 'javascript:alert(1)' } })), 'validation', 'evidence.url');
        await rejects(m.backend.learning.completeStep(bad({ ...base, evidence: { note: chars(2001) } })), 'validation', { path: 'evidence.note', code: 'tooLong' });
        await rejects(m.backend.learning.completeStep(bad({ ...base, stepId: 'Kein Slug' })), 'validation', 'stepId');
        await rejects(m.backend.learning.completeStep(bad({ ...base, id: 'no id!' })), 'validation', 'id');
        await rejects(m.backend.learning.completeStep({ ...base, id: uid(), stepId: 'no-such-step' }), ['not-found', 'validation']);
        deepEqual((await m.backend.learning.getProgress(path.id)).steps, [], 'nothing recorded');
      });
    });

    describe('sign-off', () => {
      it('a sign-off step waits for a mentor, who confirms it', async () => {
        const plain = step();
        const checked = step({ signOff: true, evidence: 'optional' });
        const { path } = await savePath({ steps: [plain, checked] });
        const m = await kit.member();
        await complete(m, path.id, plain.id);
        const waiting = await complete(m, path.id, checked.id, { note: 'Bitte prüfen' });
        equal(stateOf(waiting, checked.id), 'awaiting-sign-off');
        equal(waiting.completedAt, null, 'a step awaiting sign-off does not complete the path');
        await rejects(m.backend.learning.listPendingSignOffs(path.id), 'forbidden', undefined, 'members do not see the queue');
        await rejects(m.backend.learning.signOff({ pathId: path.id, stepId: checked.id, memberId: m.id!, approve: true }), 'forbidden', undefined, 'no self sign-off');
        const mentor = await kit.moderator();
        const pending = await mentor.backend.learning.listPendingSignOffs(path.id);
        allConform(PendingSignOff, pending, 'listPendingSignOffs');
        equal(pending.length, 1);
        equal(pending[0].stepId, checked.id);
        deepEqual(pending[0].member, { id: m.id, displayName: m.name });
        deepEqual(pending[0].evidence, { note: 'Bitte prüfen' });
        const confirmed = await mentor.backend.learning.signOff({ pathId: path.id, stepId: checked.id, memberId: m.id!, approve: true });
        conforms(Progress, confirmed, 'signOff');
        equal(stateOf(confirmed, checked.id), 'done');
        deepEqual(confirmed.steps.find((s) => s.stepId === checked.id)!.confirmedBy, { id: mentor.id, displayName: mentor.name });
        ok(confirmed.completedAt, 'the path is complete once the last step is confirmed');
        equal((await mentor.backend.learning.listPendingSignOffs(path.id)).length, 0, 'the queue is empty');
        equal(stateOf(await m.backend.learning.getProgress(path.id), checked.id), 'done', 'the member sees it confirmed');
      });

      it('a mentor can decline; the step is not done', async () => {
        const checked = step({ signOff: true });
        const { path } = await savePath({ steps: [checked, step()] });
        const m = await kit.member();
        await complete(m, path.id, checked.id);
        const mentor = await kit.moderator();
        const declined = await mentor.backend.learning.signOff({ pathId: path.id, stepId: checked.id, memberId: m.id!, approve: false });
        ok(stateOf(declined, checked.id) !== 'done', 'a declined step is not done');
        equal((await mentor.backend.learning.listPendingSignOffs(path.id)).length, 0, 'and not pending any more');
        ok(stateOf(await m.backend.learning.getProgress(path.id), checked.id) !== 'done');
      });

      it('signOff rejects bad input', async () => {
        const checked = step({ signOff: true });
        const { path } = await savePath({ steps: [checked] });
        const m = await kit.member();
        await complete(m, path.id, checked.id);
        const mentor = await kit.moderator();
        await rejects(mentor.backend.learning.signOff(bad({ pathId: path.id, stepId: checked.id, memberId: 'no id!', approve: true })), 'validation', 'memberId');
        await rejects(mentor.backend.learning.signOff(bad({ pathId: path.id, stepId: checked.id, memberId: m.id, approve: 'ja' })), 'validation', 'approve');
        equal(stateOf(await m.backend.learning.getProgress(path.id), checked.id), 'awaiting-sign-off', 'still waiting');
      });
    });

    describe('completion badge', () => {
      it('completing the last step awards the path\'s badge exactly once, also after un-complete and complete again', async () => {
        const admin = await kit.admin();
        const badge = await admin.backend.badges.saveAchievement(achievement());
        const [s1, s2] = [step(), step({ milestone: true })];
        const path = await admin.backend.learning.savePath(pathInput({ steps: [s1, s2], badgeId: badge.id }));
        const m = await kit.member();
        await complete(m, path.id, s1.id);
        const awardsOf = async () =>
          (await m.backend.badges.listAwards({ member: 'me', limit: 100 })).items.filter((a) => a.achievement.id === badge.id && !a.revoked);
        equal((await awardsOf()).length, 0, 'no badge before the path is complete');
        const done = await complete(m, path.id, s2.id);
        ok(done.completedAt, 'completedAt is set');
        let awards = await awardsOf();
        equal(awards.length, 1, 'one badge on completion');
        deepEqual(awards[0].recipient, { id: m.id, displayName: m.name });
        const undone = await m.backend.learning.uncompleteStep(path.id, s2.id);
        equal(undone.completedAt, null, 'completedAt is cleared');
        await kit.tick(60);
        await complete(m, path.id, s2.id);
        awards = await awardsOf();
        equal(awards.length, 1, `still exactly one badge after completing again, got ${awards.length}`);
        const other = await kit.member();
        equal((await other.backend.badges.listAwards({ member: m.id! })).items.filter((a) => a.achievement.id === badge.id).length, 1, 'others see the one award');
      });

      it('completing the last step in two tabs at once awards the badge once', async () => {
        const admin = await kit.admin();
        const badge = await admin.backend.badges.saveAchievement(achievement());
        const [s1, s2] = [step(), step()];
        const path = await admin.backend.learning.savePath(pathInput({ steps: [s1, s2], badgeId: badge.id }));
        const m = await kit.member();
        const tab2 = await kit.again(m);
        await complete(m, path.id, s1.id);
        await Promise.all([
          m.backend.learning.completeStep({ id: uid(), pathId: path.id, stepId: s2.id, evidence: null }),
          tab2.backend.learning.completeStep({ id: uid(), pathId: path.id, stepId: s2.id, evidence: null }),
        ]);
        const progress = await m.backend.learning.getProgress(path.id);
        equal(progress.steps.filter((s) => s.stepId === s2.id).length, 1, 'the step is recorded once');
        ok(progress.completedAt, 'complete');
        const awards = (await m.backend.badges.listAwards({ member: 'me', limit: 100 })).items.filter((a) => a.achievement.id === badge.id);
        equal(awards.length, 1, `one badge, got ${awards.length}`);
      });
    });

    describe('cohorts', () => {
      async function cohortPath(start = KIT_TODAY, days = 30) {
        const cohort: Cohort = { id: slug('c'), pathId: null, title: '30-Tage-Lauf', start, days, timeZone: KIT_TIME_ZONE };
        const { path } = await savePath({ cohort });
        return { path, cohort };
      }
      const checkIn = (p: Persona, cohortId: string) => p.backend.learning.checkIn({ id: uid(), cohortId });

      it('members join a cohort and check in; counts only, never names', async () => {
        const { cohort } = await cohortPath();
        const a = await kit.member();
        const before = await a.backend.learning.cohort(cohort.id);
        conforms(CohortOverview, before, 'cohort');
        equal(before.joined, false);
        equal(before.participants, 0);
        equal(before.today, KIT_TODAY);
        equal(before.cohort.id, cohort.id);
        const joined = await a.backend.learning.joinCohort(cohort.id);
        conforms(CohortOverview, joined, 'joinCohort');
        equal(joined.joined, true);
        equal(joined.participants, 1);
        const b = await kit.member();
        await b.backend.learning.joinCohort(cohort.id);
        const checked = await checkIn(a, cohort.id);
        conforms(CohortOverview, checked, 'checkIn');
        deepEqual(checked.myDays, [KIT_TODAY]);
        equal(checked.myStreak, 1);
        equal(checked.checkedInToday, 1);
        const seenByB = await b.backend.learning.cohort(cohort.id);
        equal(seenByB.participants, 2);
        equal(seenByB.checkedInToday, 1);
        deepEqual(seenByB.myDays, [], 'myDays is per member');
        equal(seenByB.myStreak, 0);
      });

      it('streaks count consecutive days and restart after a gap', async () => {
        const { cohort } = await cohortPath();
        const m = await kit.member();
        await m.backend.learning.joinCohort(cohort.id);
        let o = await checkIn(m, cohort.id);
        for (let d = 1; d <= 2; d++) {
          await kit.setNow(addDays(KIT_NOW, d));
          o = await checkIn(m, cohort.id);
        }
        equal(o.myStreak, 3, 'three days in a row');
        deepEqual(o.myDays, [KIT_TODAY, shiftDate(KIT_TODAY, 1), shiftDate(KIT_TODAY, 2)], 'days ascending');
        await kit.setNow(addDays(KIT_NOW, 4));
        o = await checkIn(m, cohort.id);
        equal(o.myStreak, 1, 'a missed day restarts the streak');
        equal(o.myDays.length, 4);
      });

      it('one check-in per day: a second one counts nothing; a retry returns the first', async () => {
        const { cohort } = await cohortPath();
        const m = await kit.member();
        await m.backend.learning.joinCohort(cohort.id);
        const input = { id: uid(), cohortId: cohort.id, note: 'Fünf Kilometer' };
        const first = await m.backend.learning.checkIn(input);
        deepEqual(await m.backend.learning.checkIn(input), first, 'the retry returns the first result');
        await kit.tick(120);
        try {
          await checkIn(m, cohort.id);
        } catch (error) {
          if (!isBackendError(error) || !['validation', 'conflict'].includes(error.code)) throw new AssertionError(`a second check-in: ${show(error)}`);
        }
        const o = await m.backend.learning.cohort(cohort.id);
        deepEqual(o.myDays, [KIT_TODAY], 'one day recorded');
        equal(o.myStreak, 1);
        equal(o.checkedInToday, 1);
      });

      it('two check-ins at once on one day count once', async () => {
        const { cohort } = await cohortPath();
        const m = await kit.member();
        await m.backend.learning.joinCohort(cohort.id);
        const tab2 = await kit.again(m);
        await Promise.allSettled([checkIn(m, cohort.id), checkIn(tab2, cohort.id), checkIn(m, cohort.id)]);
        const o = await m.backend.learning.cohort(cohort.id);
        deepEqual(o.myDays, [KIT_TODAY]);
        equal(o.checkedInToday, 1);
        equal(o.myStreak, 1);
      });

      it('learning.outsideCohort: no check-in before the start or after the end', async () => {
        const { cohort } = await cohortPath(shiftDate(KIT_TODAY, 3), 3);
        const m = await kit.member();
        await m.backend.learning.joinCohort(cohort.id);
        await rejects(checkIn(m, cohort.id), 'validation', { code: 'learning.outsideCohort' }, 'before the start');
        await kit.setNow(addDays(KIT_NOW, 3));
        await resolves(checkIn(m, cohort.id), 'on the first day');
        await kit.setNow(addDays(KIT_NOW, 5));
        await resolves(checkIn(m, cohort.id), 'on the last day');
        await kit.setNow(addDays(KIT_NOW, 6));
        await rejects(checkIn(m, cohort.id), 'validation', { code: 'learning.outsideCohort' }, 'after the end');
        equal((await m.backend.learning.cohort(cohort.id)).myDays.length, 2, 'only the two days inside');
      });

      it('"today" is the day in the cohort\'s time zone', async () => {
        const { cohort } = await cohortPath();
        const m = await kit.member();
        await m.backend.learning.joinCohort(cohort.id);
        // 23:30 UTC on the 4th is 00:30 on the 5th in Berlin.
        await kit.setNow('2030-03-04T23:30:00.000Z');
        const o = await checkIn(m, cohort.id);
        equal(o.today, '2030-03-05');
        deepEqual(o.myDays, ['2030-03-05']);
      });

      it('checkIn and cohort reject bad input', async () => {
        const { cohort } = await cohortPath();
        const m = await kit.member();
        await m.backend.learning.joinCohort(cohort.id);
        await rejects(m.backend.learning.checkIn({ id: uid(), cohortId: cohort.id, note: chars(201) }), 'validation', { path: 'note', code: 'tooLong' });
        await rejects(m.backend.learning.checkIn(bad({ id: uid(), cohortId: 'Kein Slug' })), 'validation', 'cohortId');
        await rejects(m.backend.learning.checkIn({ id: uid(), cohortId: 'no-such-cohort' }), 'not-found');
        await rejects(m.backend.learning.cohort('no-such-cohort'), 'not-found');
        deepEqual((await m.backend.learning.cohort(cohort.id)).myDays, [], 'no check-in recorded');
      });
    });
  });
}
