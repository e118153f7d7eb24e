import { expect } from '@open-wc/testing';
import { path as pathInput, step } from '../../src/data/contract/fixtures.js';
import type { Cohort } from '../../src/data/schema/index.js';
import { failure, world, type World } from './world.js';

describe('local adapter: learning', () => {
  let w: World;
  afterEach(() => w.dispose());

  async function cohortOf(start: string, days: number) {
    const cohort: Cohort = { id: 'lauf-30', pathId: null, title: '30 Tage laufen', start, days, timeZone: 'Europe/Berlin' };
    await w.admin().learning.savePath(pathInput({ id: 'laufen', cohort }));
    return cohort;
  }

  it('counts a check-in at 23:59 local time for that day, and continues the streak after midnight', async () => {
    w = world('2030-07-01T21:59:00.000Z'); // 23:59 CEST on 1 July
    await cohortOf('2030-07-01', 30);
    const runner = w.person('Rita');
    let overview = await runner.learning.checkIn({ id: 'c1', cohortId: 'lauf-30' });
    expect(overview.today).to.equal('2030-07-01');
    expect(overview.myDays).to.deep.equal(['2030-07-01']);
    w.now = new Date('2030-07-01T22:01:00.000Z'); // 00:01 on 2 July
    overview = await runner.learning.checkIn({ id: 'c2', cohortId: 'lauf-30' });
    expect(overview.myDays).to.deep.equal(['2030-07-01', '2030-07-02']);
    expect(overview.myStreak).to.equal(2);
    // A second check-in the same day changes nothing.
    overview = await runner.learning.checkIn({ id: 'c3', cohortId: 'lauf-30' });
    expect(overview.myDays).to.deep.equal(['2030-07-01', '2030-07-02']);
    expect(overview.checkedInToday).to.equal(1);
  });

  it('keeps a streak across the change to summer time', async () => {
    w = world('2025-03-29T22:59:00.000Z'); // 23:59 CET on Saturday 29 March 2025
    await cohortOf('2025-03-29', 7);
    const runner = w.person('Rita');
    await runner.learning.checkIn({ id: 'd1', cohortId: 'lauf-30' });
    w.now = new Date('2025-03-30T21:59:00.000Z'); // 23:59 CEST on the 23-hour Sunday
    await runner.learning.checkIn({ id: 'd2', cohortId: 'lauf-30' });
    w.now = new Date('2025-03-31T21:59:00.000Z');
    const overview = await runner.learning.checkIn({ id: 'd3', cohortId: 'lauf-30' });
    expect(overview.myDays).to.deep.equal(['2025-03-29', '2025-03-30', '2025-03-31']);
    expect(overview.myStreak).to.equal(3);
    w.now = new Date('2025-04-01T10:00:00.000Z');
    expect((await runner.learning.cohort('lauf-30')).myStreak, 'still alive the next morning').to.equal(3);
    w.now = new Date('2025-04-02T10:00:00.000Z');
    expect((await runner.learning.cohort('lauf-30')).myStreak, 'broken after a missed day').to.equal(0);
  });

  it('rejects check-ins outside the cohort\'s days, judged in its zone', async () => {
    w = world('2030-07-01T21:59:00.000Z');
    await cohortOf('2030-07-02', 2);
    const runner = w.person('Rita');
    const early = await failure(runner.learning.checkIn({ id: 'c1', cohortId: 'lauf-30' }));
    expect(early.issues[0]).to.deep.equal({ path: '', code: 'learning.outsideCohort', params: { start: '2030-07-02', end: '2030-07-03' } });
    w.now = new Date('2030-07-01T22:00:00.000Z'); // midnight in Berlin: 2 July
    await runner.learning.checkIn({ id: 'c2', cohortId: 'lauf-30' });
    w.now = new Date('2030-07-03T22:00:00.000Z'); // 4 July
    expect((await failure(runner.learning.checkIn({ id: 'c3', cohortId: 'lauf-30' }))).issues[0]!.code).to.equal('learning.outsideCohort');
    const overview = await w.as(null).learning.cohort('lauf-30');
    expect(overview).to.include({ participants: 1, joined: false, myStreak: 0 });
  });

  it('queues sign-off steps for mentors and completes the path only when they approve', async () => {
    w = world();
    const admin = w.admin();
    const [read, practice] = [step({ id: 'lesen' }), step({ id: 'ueben', signOff: true, evidence: 'required' })];
    await admin.learning.savePath(pathInput({ id: 'erste-hilfe', steps: [read, practice] }));
    const learner = w.person('Lena');
    await learner.learning.completeStep({ id: 's1', pathId: 'erste-hilfe', stepId: 'lesen', evidence: null });
    const missing = await failure(learner.learning.completeStep({ id: 's2', pathId: 'erste-hilfe', stepId: 'ueben', evidence: null }));
    expect(missing.issues).to.deep.equal([{ path: 'evidence', code: 'learning.evidenceRequired' }]);
    const waiting = await learner.learning.completeStep({ id: 's3', pathId: 'erste-hilfe', stepId: 'ueben', evidence: { note: 'Kurs besucht' } });
    expect(waiting.steps.map((s) => s.state)).to.deep.equal(['done', 'awaiting-sign-off']);
    expect(waiting.completedAt).to.equal(null);
    const queue = await admin.learning.listPendingSignOffs('erste-hilfe');
    expect(queue.map((p) => [p.member.id, p.stepId])).to.deep.equal([[learner.member.id, 'ueben']]);
    const approved = await admin.learning.signOff({ pathId: 'erste-hilfe', stepId: 'ueben', memberId: learner.member.id, approve: true });
    expect(approved.completedAt).to.equal(w.now.toISOString());
    expect(approved.steps[1]!.confirmedBy).to.deep.equal({ id: admin.member.id, displayName: 'Admin' });
    expect(await admin.learning.listPendingSignOffs('erste-hilfe')).to.deep.equal([]);
  });
});
