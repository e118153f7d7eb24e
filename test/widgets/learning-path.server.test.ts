/**
 * `<dorf-learning-path>` for members through the reference server (PGlite, started by the test
 * runner's `dorf-server` plugin): a member completes steps with evidence, a mentor confirms the
 * last one in their own widget, the member's badge is awarded once by the server, and the cohort
 * counts the member's check-in. Same widget, HTTP adapter instead of IndexedDB.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/widgets/learning-path/dorf-learning-path.js';
import type { DorfLearningPath } from '../../src/widgets/learning-path/learning-path.element.js';
import type { DorfProvider } from '../../src/core/provider.element.js';
import { createHttpBackend, type HttpBackend } from '../../src/data/adapters/http/index.js';
import { calendarDayOf, addDays } from '../../src/data/rules/zoned.js';
import type { Achievement, Path } from '../../src/data/schema/index.js';
import { until } from '../lib/backends.js';

const server = <T>(payload: Record<string, unknown>) => executeServerCommand<T, Record<string, unknown>>('dorf-server', payload);
const TZ = 'Europe/Berlin';

const achievement: Achievement = {
  id: 'ersthelfer', name: 'Ersthelfer', description: 'Knows first aid.', criteria: 'Complete the first aid path.',
  image: '', imageAlt: '', issuer: { id: 'serverdorf', name: 'Serverdorf', url: null }, tags: [],
};

const path = (): Path => ({
  id: 'erste-hilfe', title: 'First aid refresher', description: '', level: 'beginner', prerequisites: [], badgeId: 'ersthelfer',
  cohort: { id: 'gemeinsam', pathId: 'erste-hilfe', title: 'Together', start: addDays(calendarDayOf(new Date(), TZ), -2), days: 10, timeZone: TZ },
  steps: [
    { id: 'notruf', title: 'Make the emergency call', description: '', resources: [], milestone: false, evidence: 'required', signOff: false },
    { id: 'kurs', title: 'Attend a course', description: '', resources: [], milestone: true, evidence: 'none', signOff: true },
  ],
});

const opened: HttpBackend[] = [];
afterEach(() => {
  for (const backend of opened.splice(0)) backend.close();
});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const stepEl = (el: Element, id: string) => $(el, `[data-step="${id}"]`)!;
const button = (root: Element, part: string) => root.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;

async function mount(backend: HttpBackend) {
  const provider = await fixture<DorfProvider>(html`
    <dorf-provider .adapter=${backend} .community=${backend.community} lang="en">
      <dorf-learning-path path="erste-hilfe"></dorf-learning-path>
    </dorf-provider>
  `);
  const el = provider.querySelector('dorf-learning-path') as DorfLearningPath;
  await until(() => $(el, '[part~="steps"], [part~="status-error"]'), 'path loaded', 10_000);
  await el.settled();
  return el;
}

describe('<dorf-learning-path> through the reference server', () => {
  it('completes steps with evidence, waits for the mentor, awards the badge once and counts the check-in', async function () {
    this.timeout(60_000);
    let url = '';
    for (let i = 0; i < 12 && !url; i++) url = (await server<{ url?: string }>({ action: 'start' }))?.url ?? '';
    expect(url, 'the test server started').to.match(/^http:/);
    const community = `lernpfad-${Date.now().toString(36)}`;
    const { secret } = await server<{ secret: string }>({ action: 'community', id: community });
    const as = async (kind: 'member' | 'moderator' | 'admin', memberId: string, displayName: string) => {
      const { token } = await server<{ token: string }>({ action: 'token', community, secret, kind, memberId, displayName });
      const backend = createHttpBackend({ baseUrl: url, community, token, outbox: { name: `lp-${community}-${memberId}` } });
      opened.push(backend);
      return backend;
    };
    const admin = await as('admin', 'lp-admin', 'Verwaltung');
    await admin.badges.saveAchievement(achievement);
    await admin.learning.savePath(path());

    const anna = await as('member', 'anna', 'Anna Anwohnerin');
    const el = await mount(anna);
    const earned: unknown[] = [];
    el.addEventListener('dorf-badge-earned', (e) => earned.push(e.detail));

    // Required evidence: the server's rule and the widget's agree; the note is kept until it is sent.
    button(stepEl(el, 'notruf'), 'complete').click();
    await until(() => $(el, '#lp-note-notruf'), 'evidence form');
    button(stepEl(el, 'notruf'), 'submit').click();
    await until(() => text($(el, '#lp-note-notruf-error')), 'evidence asked for');
    const note = $<HTMLTextAreaElement>(el, '#lp-note-notruf')!;
    note.value = 'Practised the call with my neighbour.';
    note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    button(stepEl(el, 'notruf'), 'submit').click();
    await until(() => stepEl(el, 'notruf').matches('[part~="step-done"]'), 'first step done', 10_000);
    button(stepEl(el, 'kurs'), 'complete').click();
    await until(() => stepEl(el, 'kurs').matches('[part~="step-awaiting"]'), 'waiting for the mentor', 10_000);

    const mentorBackend = await as('moderator', 'mia', 'Mia Mentorin');
    const mentor = await mount(mentorBackend);
    await until(() => $(mentor, '[part~="sign-off"]'), 'the queue', 10_000);
    expect(text($(mentor, '[part~="sign-off"]'))).to.contain('Anna Anwohnerin: Attend a course');
    button($(mentor, '[part~="sign-off"]')!, 'confirm').click();
    await until(() => text($(mentor, '[part~="mentor"]')).includes('Nothing is waiting'), 'confirmed', 10_000);

    // The member's page hears it over server-sent events and shows the badge.
    await until(() => $(el, '[part~="badge"]'), 'badge shown', 15_000);
    expect(text($(el, '[part~="badge"]'))).to.contain('Ersthelfer');
    expect(earned, 'the mentor\'s confirmation awarded it, not this page').to.deep.equal([]);
    const awards = await anna.badges.listAwards({ member: 'me' });
    expect(awards.items.map((a) => a.achievement.id)).to.deep.equal(['ersthelfer']);

    // Un-completing and completing again awards nothing new on the server.
    button(stepEl(el, 'notruf'), 'uncomplete').click();
    await until(() => stepEl(el, 'notruf').matches('[part~="step-open"]'), 'open again', 10_000);
    button(stepEl(el, 'notruf'), 'complete').click();
    await until(() => $(el, '#lp-note-notruf'), 'evidence form again');
    const again = $<HTMLTextAreaElement>(el, '#lp-note-notruf')!;
    again.value = 'Once more.';
    again.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    button(stepEl(el, 'notruf'), 'submit').click();
    await until(() => $(el, '[part~="badge"]'), 'complete again', 10_000);
    expect(earned, 'no second award').to.deep.equal([]);
    expect((await anna.badges.listAwards({ member: 'me' })).items).to.have.length(1);

    // The cohort: counts only.
    button($(el, '[part~="cohort"]')!, 'check-in').click();
    await until(() => text($(el, '[part~="cohort-stats"]')) === '1 of 1 checked in today', 'checked in', 10_000);
    expect(text($(el, '[part~="streak"]'))).to.contain('1 day');
    await expect(el).to.be.accessible();
  });
});
