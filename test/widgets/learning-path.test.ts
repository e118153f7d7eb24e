import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/widgets/learning-path/dorf-learning-path.js';
import type { DorfLearningPath } from '../../src/widgets/learning-path/learning-path.element.js';
import type { DorfProvider } from '../../src/core/provider.element.js';
import { createLocalBackend, type LocalBackendOptions } from '../../src/data/adapters/local/index.js';
import type { Backend } from '../../src/data/backend.js';
import type { Achievement, Dataset, Member, Path } from '../../src/data/schema/index.js';
import { emptyEvidence, evidenceField, hasEvidence, summarize, toEvidence, wouldComplete } from '../../src/widgets/learning-path/progress.js';
import { track, until } from '../lib/backends.js';

const TZ = 'Europe/Berlin';
const COMMUNITY = 'lerndorf';

const people: Record<string, Member> = {
  anna: { id: 'anna', displayName: 'Anna Anwohnerin', roles: ['member'] },
  ben: { id: 'ben', displayName: 'Ben Becker', roles: ['member'] },
  carla: { id: 'carla', displayName: 'Carla Conrad', roles: ['member'] },
  mia: { id: 'mia', displayName: 'Mia Mentorin', roles: ['member', 'moderator'] },
};

const achievement: Achievement = {
  id: 'ersthelfer', name: 'Ersthelfer', description: 'Knows first aid.', criteria: 'Complete the first aid path.',
  image: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 10 10%22%3E%3Ccircle cx=%225%22 cy=%225%22 r=%225%22/%3E%3C/svg%3E',
  imageAlt: 'A red cross on a round badge', issuer: { id: 'lerndorf', name: 'Lerndorf', url: null }, tags: [],
};

/** Three steps: no evidence; required evidence (a milestone); a mentor's sign-off (a milestone). */
function firstAid(cohort: Path['cohort'] = null, signOff = true): Path {
  return {
    id: 'erste-hilfe', title: 'First aid refresher', description: 'From the emergency call to CPR.', level: 'beginner',
    prerequisites: ['grundkurs'], badgeId: 'ersthelfer', cohort,
    steps: [
      { id: 'notruf', title: 'Make the emergency call', description: 'Where, what, how many.', resources: [{ label: 'Red Cross', url: 'https://www.drk.de/' }], milestone: false, evidence: 'none', signOff: false },
      { id: 'seitenlage', title: 'Recovery position', description: 'Practise it at home.', resources: [], milestone: true, evidence: 'required', signOff: false },
      { id: 'kurs', title: 'Attend a course', description: 'The local group confirms.', resources: [], milestone: true, evidence: 'optional', signOff },
    ],
  };
}

const basics: Path = {
  id: 'grundkurs', title: 'Basics', description: '', level: 'beginner', prerequisites: [], badgeId: null, cohort: null,
  steps: [{ id: 'eins', title: 'One', description: '', resources: [], milestone: false, evidence: 'none', signOff: false }],
};

const cohortOf = (start: string, days: number): NonNullable<Path['cohort']> =>
  ({ id: 'gemeinsam', pathId: 'erste-hilfe', title: 'Together for ten days', start, days, timeZone: TZ });

function dataset(path: Path, checkIns: Dataset['checkIns'] = []): Dataset {
  return {
    community: { id: COMMUNITY, name: 'Lerndorf', timeZone: TZ, locale: 'en' },
    members: Object.values(people), groups: [], posts: [], resources: [], bookings: [], items: [],
    paths: [path, basics], checkIns, achievements: [achievement], awards: [],
  };
}

let counter = 0;
let now = new Date('2026-05-12T10:00:00.000Z');

/** A fresh database seeded with `data`, and a backend acting as `member` on it. */
async function world(data: Dataset) {
  const dbName = `lp-test-${Date.now()}-${++counter}`;
  const as = (identity: LocalBackendOptions['identity']) =>
    track(createLocalBackend({ community: COMMUNITY, dbName, identity, now: () => now }), dbName);
  const seeder = as({ member: people.mia! });
  await seeder.seed(data);
  return { dbName, as };
}

async function mount(backend: Backend, o: { path?: string; lang?: string } = {}) {
  const provider = await fixture<DorfProvider>(html`
    <dorf-provider .adapter=${backend} .community=${backend.community} lang=${o.lang ?? 'en'}>
      <dorf-learning-path path=${o.path ?? 'erste-hilfe'}></dorf-learning-path>
    </dorf-provider>
  `);
  const el = provider.querySelector('dorf-learning-path') as DorfLearningPath;
  await until(() => el.shadowRoot?.querySelector('[part~="steps"], [part~="catalogue"], [part~="status-empty"], [part~="status-error"]'), 'path loaded');
  await el.settled();
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const step = (el: Element, id: string) => $(el, `[data-step="${id}"]`)!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const announcer = (el: Element) => text($(el, '[part="announcer"]'));
const errorOf = (el: Element, id: string) => text($(el, `#${id}-error`));
const button = (root: Element, part: string) => root.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;

function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function record<K extends keyof DorfEventMap>(el: Element, type: K): DorfEventMap[K][] {
  const seen: DorfEventMap[K][] = [];
  el.addEventListener(type, (e) => seen.push((e as CustomEvent<DorfEventMap[K]>).detail));
  return seen;
}

/** Completes a step through the widget: its button, or its evidence form with a note. */
async function completeThrough(el: DorfLearningPath, stepId: string, note?: string) {
  const li = step(el, stepId);
  button(li, 'complete').click();
  if (note !== undefined) {
    await until(() => $(el, `#lp-note-${stepId}`), 'evidence form');
    type(el, `lp-note-${stepId}`, note);
    await el.updateComplete;
    button(step(el, stepId), 'submit').click();
  }
  await until(() => !step(el, stepId).matches('[part~="step-open"]') || $(el, `#lp-note-${stepId}-error`), `${stepId} completed`);
  await el.settled();
}

afterEach(async () => {
  await emulateMedia({ reducedMotion: 'no-preference' });
  now = new Date('2026-05-12T10:00:00.000Z');
});

describe('learning path: rules of the view', () => {
  it('counts done steps only, and knows which completion would finish the path', () => {
    const path = firstAid(null, false);
    const progress = {
      pathId: path.id, member: { id: 'anna', displayName: 'Anna' }, completedAt: null,
      steps: [
        { stepId: 'notruf', state: 'done' as const, completedAt: now.toISOString(), evidence: null, confirmedBy: null },
        { stepId: 'seitenlage', state: 'awaiting-sign-off' as const, completedAt: now.toISOString(), evidence: null, confirmedBy: null },
      ],
    };
    expect(summarize(path, progress)).to.deep.equal({ done: 1, awaiting: 1, total: 3, percent: 33 });
    expect(summarize(path, null)).to.deep.equal({ done: 0, awaiting: 0, total: 3, percent: 0 });
    expect(wouldComplete(path, progress, path.steps[2]!), 'another step still waits').to.equal(false);
    progress.steps[1]!.state = 'done';
    expect(wouldComplete(path, progress, path.steps[2]!)).to.equal(true);
    expect(wouldComplete(firstAid(null, true), progress, firstAid(null, true).steps[2]!), 'a sign-off step waits first').to.equal(false);
  });

  it('turns a draft into evidence without blanks and maps issues to fields', () => {
    expect(toEvidence({ ...emptyEvidence(), note: '   ' })).to.equal(null);
    expect(toEvidence({ ...emptyEvidence(), note: 'Did it', url: ' https://example.org/x ' })).to.deep.equal({ note: 'Did it', url: 'https://example.org/x' });
    expect(hasEvidence({ note: '  ' })).to.equal(false);
    expect(hasEvidence({ photo: 'p1' })).to.equal(true);
    expect(['evidence', 'evidence.note', 'evidence.url', 'evidence.photo', 'stepId'].map(evidenceField)).to.deep.equal(['note', 'note', 'url', 'photo', 'form']);
  });
});

describe('<dorf-learning-path>', () => {
  it('shows the path, its level, recommended paths, material and the progress bar, accessibly', async () => {
    const w = await world(dataset(firstAid()));
    const el = await mount(w.as({ member: people.anna! }));
    expect(text($(el, 'h2'))).to.equal('First aid refresher');
    expect(text($(el, '[part~="level"]'))).to.contain('Beginner');
    expect(text($(el, '[part~="prerequisites"]'))).to.contain('Basics');
    expect($$(el, '[part~="step"]')).to.have.length(3);
    expect($$(el, '[part~="step-milestone"]')).to.have.length(2);
    expect($<HTMLAnchorElement>(el, '[part~="resource"]')!.href).to.equal('https://www.drk.de/');
    expect(text($(el, '[part~="progress-text"]'))).to.contain('0 of 3 steps done');
    expect($<HTMLProgressElement>(el, '[part~="progress-bar"]')!.value).to.equal(0);
    expect(text($(el, '[part~="header"]'))).to.contain('earn the badge “Ersthelfer”');
    await expect(el).to.be.accessible();
  });

  it('completes a step with evidence: required evidence, bad link and nothing typed lost', async () => {
    const w = await world(dataset(firstAid()));
    const el = await mount(w.as({ member: people.anna! }));
    const completed = record(el, 'dorf-step-completed');
    const milestones = record(el, 'dorf-milestone-reached');

    await completeThrough(el, 'notruf');
    expect(step(el, 'notruf').matches('[part~="step-done"]')).to.equal(true);
    expect(text($(el, '[part~="progress-text"]'))).to.contain('1 of 3 steps done (33%)');
    expect(milestones, 'not a milestone').to.deep.equal([]);

    button(step(el, 'seitenlage'), 'complete').click();
    await until(() => $(el, '#lp-note-seitenlage'), 'evidence form');
    await until(() => el.shadowRoot!.activeElement?.id === 'lp-note-seitenlage', 'focus in the note');
    // Nothing given: the required evidence is asked for at the note.
    button(step(el, 'seitenlage'), 'submit').click();
    await until(() => errorOf(el, 'lp-note-seitenlage'), 'evidence message');
    expect(errorOf(el, 'lp-note-seitenlage')).to.equal('This step needs evidence: a note, a link or a photo.');
    expect($(el, '#lp-note-seitenlage')!.getAttribute('aria-invalid')).to.equal('true');
    await until(() => el.shadowRoot!.activeElement?.id === 'lp-note-seitenlage', 'focus on the invalid note');
    await expect(el).to.be.accessible();

    // A note and a link that is not a web address: the link is marked, the note stays.
    type(el, 'lp-note-seitenlage', 'Practised with my daughter.');
    type(el, 'lp-url-seitenlage', 'ftp://example.org/video');
    await el.updateComplete;
    button(step(el, 'seitenlage'), 'submit').click();
    await until(() => errorOf(el, 'lp-url-seitenlage'), 'link message');
    expect(errorOf(el, 'lp-url-seitenlage')).to.equal('Please enter a web address starting with https://.');
    expect(errorOf(el, 'lp-note-seitenlage')).to.equal('');
    expect($<HTMLTextAreaElement>(el, '#lp-note-seitenlage')!.value).to.equal('Practised with my daughter.');
    expect(completed, 'nothing sent yet').to.have.length(1);

    type(el, 'lp-url-seitenlage', 'https://example.org/video');
    await el.updateComplete;
    button(step(el, 'seitenlage'), 'submit').click();
    await until(() => step(el, 'seitenlage').matches('[part~="step-done"]'), 'step done');
    expect(text(step(el, 'seitenlage').querySelector('[part~="evidence"]'))).to.contain('Practised with my daughter.');
    expect(step(el, 'seitenlage').querySelector<HTMLAnchorElement>('[part~="evidence"] a')!.href).to.equal('https://example.org/video');
    expect(completed).to.deep.equal([
      { pathId: 'erste-hilfe', stepId: 'notruf', state: 'done' },
      { pathId: 'erste-hilfe', stepId: 'seitenlage', state: 'done' },
    ]);
    const progress = await w.as({ member: people.anna! }).learning.getProgress('erste-hilfe');
    expect(progress.steps.find((s) => s.stepId === 'seitenlage')!.evidence).to.deep.equal({ note: 'Practised with my daughter.', url: 'https://example.org/video' });
  });

  it('takes a photo as evidence, re-encoded in the browser without its metadata', async () => {
    const w = await world(dataset(firstAid()));
    const el = await mount(w.as({ member: people.anna! }));
    // A JPEG with an EXIF segment that carries a location.
    const canvas = new OffscreenCanvas(40, 30);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#c00';
    context.fillRect(0, 0, 40, 30);
    const plain = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer());
    const payload = new TextEncoder().encode('Exif\0\0GPSLatitude=50.1109;secret-camera-serial');
    const segment = new Uint8Array([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]);
    const withExif = new Uint8Array([...plain.slice(0, 2), ...segment, ...plain.slice(2)]);
    expect(new TextDecoder('latin1').decode(withExif)).to.contain('GPSLatitude');

    button(step(el, 'seitenlage'), 'complete').click();
    await until(() => $(el, '#lp-photo-seitenlage'), 'evidence form');
    const input = $<HTMLInputElement>(el, '#lp-photo-seitenlage')!;
    const files = new DataTransfer();
    files.items.add(new File([withExif], 'garden.jpg', { type: 'image/jpeg' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => $(el, '.photo-preview img'), 'preview');
    expect($<HTMLImageElement>(el, '.photo-preview img')!.alt).to.equal('Photo chosen: garden.jpg');
    await expect(el).to.be.accessible();
    button(step(el, 'seitenlage'), 'submit').click();
    await until(() => step(el, 'seitenlage').matches('[part~="step-done"]'), 'done with a photo');
    expect(step(el, 'seitenlage').querySelector<HTMLImageElement>('[part~="evidence"] img')!.alt).to.equal('Photo attached');

    const progress = await w.as({ member: people.anna! }).learning.getProgress('erste-hilfe');
    const photoId = progress.steps.find((s) => s.stepId === 'seitenlage')!.evidence!.photo!;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(w.dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stored = await new Promise<{ blob: Blob }>((resolve, reject) => {
      const request = db.transaction('files').objectStore('files').get(photoId);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const bytes = new TextDecoder('latin1').decode(new Uint8Array(await stored.blob.arrayBuffer()));
    expect(stored.blob.type).to.equal('image/jpeg');
    expect(bytes).not.to.contain('GPSLatitude');
    expect(bytes).not.to.contain('Exif');

    // The mentor sees that a photo was handed in.
    await w.as({ member: people.anna! }).learning.completeStep({ id: 'c-kurs', pathId: 'erste-hilfe', stepId: 'kurs', evidence: { photo: photoId } });
    const mentor = await mount(w.as({ member: people.mia! }));
    expect(text($(mentor, '[part~="sign-off"] [part~="evidence"]'))).to.contain('Photo attached');
  });

  it('rejects a file that is not an image at the photo field, keeping the note', async () => {
    const w = await world(dataset(firstAid()));
    const el = await mount(w.as({ member: people.anna! }));
    button(step(el, 'seitenlage'), 'complete').click();
    await until(() => $(el, '#lp-photo-seitenlage'), 'evidence form');
    type(el, 'lp-note-seitenlage', 'My note');
    const input = $<HTMLInputElement>(el, '#lp-photo-seitenlage')!;
    const files = new DataTransfer();
    files.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => errorOf(el, 'lp-photo-seitenlage'), 'photo message');
    expect(errorOf(el, 'lp-photo-seitenlage')).to.equal('This file type is not supported.');
    expect($<HTMLTextAreaElement>(el, '#lp-note-seitenlage')!.value).to.equal('My note');
  });

  it('celebrates a milestone, announces it and keeps still when the visitor prefers reduced motion', async () => {
    const w = await world(dataset(firstAid()));
    const el = await mount(w.as({ member: people.anna! }));
    const milestones = record(el, 'dorf-milestone-reached');
    await completeThrough(el, 'seitenlage', 'Done at home.');
    await until(() => $(el, '[part~="celebration"]'), 'celebration');
    expect(text($(el, '[part~="celebration"]'))).to.contain('Milestone reached: Recovery position!');
    expect(milestones).to.deep.equal([{ pathId: 'erste-hilfe', stepId: 'seitenlage' }]);
    await until(() => announcer(el).includes('Milestone reached'), 'announced');
    await until(() => el.shadowRoot!.activeElement?.id === 'lp-celebration-title', 'focus on the celebration');
    const celebration = $(el, '[part~="celebration"]')!;
    expect(getComputedStyle(celebration).animationName).to.equal('dorf-lp-pop');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(celebration).animationName).to.equal('none');
    expect(getComputedStyle($(el, '.celebration__icon')!).animationName).to.equal('none');
    await expect(el).to.be.accessible();
    button(celebration, 'dismiss').click();
    await until(() => !$(el, '[part~="celebration"]'), 'dismissed');
    await until(() => el.shadowRoot!.activeElement?.id === 'lp-step-seitenlage', 'focus back on the step');
  });

  it('waits for a mentor, who sees the evidence and confirms; the member then sees the badge', async () => {
    const w = await world(dataset(firstAid()));
    const anna = await mount(w.as({ member: people.anna! }));
    await completeThrough(anna, 'notruf');
    await completeThrough(anna, 'seitenlage', 'Practised.');
    await completeThrough(anna, 'kurs', 'Course on Saturday at the Red Cross.');
    expect(step(anna, 'kurs').matches('[part~="step-awaiting"]')).to.equal(true);
    expect(text(step(anna, 'kurs').querySelector('[part~="step-status"]'))).to.equal('awaiting confirmation');
    expect(text($(anna, '[part~="progress"]'))).to.contain('One step is waiting for confirmation.');
    expect($(anna, '[part~="mentor"]'), 'members see no queue').to.equal(null);

    const mentor = await mount(w.as({ member: people.mia! }));
    const signOffs = record(mentor, 'dorf-sign-off');
    const item = $(mentor, '[part~="sign-off"]')!;
    expect(text(item)).to.contain('Anna Anwohnerin: Attend a course');
    expect(text(item)).to.contain('Course on Saturday at the Red Cross.');
    await expect(mentor).to.be.accessible();
    button(item, 'confirm').click();
    await until(() => signOffs.length === 1, 'signed off');
    expect(signOffs[0]).to.deep.equal({ pathId: 'erste-hilfe', stepId: 'kurs', memberId: 'anna', approved: true, pathCompleted: true });
    await until(() => text($(mentor, '[part~="mentor"]')).includes('Nothing is waiting for confirmation.'), 'queue empty');
    expect(text($(mentor, '[part~="mentor"] [part~="notice"]'))).to.contain('Anna Anwohnerin has completed the path.');

    // The member's open page follows live: done, confirmed by the mentor, badge earned.
    await until(() => $(anna, '[part~="badge"]'), 'badge shown to the member');
    expect(step(anna, 'kurs').matches('[part~="step-done"]')).to.equal(true);
    expect(text(step(anna, 'kurs'))).to.contain('Confirmed by Mia Mentorin');
    expect(text($(anna, '[part~="badge"]'))).to.contain('Badge earned');
    expect(text($(anna, '[part~="badge"]'))).to.contain('Ersthelfer');
    expect($<HTMLImageElement>(anna, '[part~="badge-image"]')!.alt).to.equal('A red cross on a round badge');
    await expect(anna).to.be.accessible();
  });

  it('lets a mentor send a step back, which opens it again for the member', async () => {
    const w = await world(dataset(firstAid()));
    const anna = w.as({ member: people.anna! });
    await anna.learning.completeStep({ id: 'c-kurs', pathId: 'erste-hilfe', stepId: 'kurs', evidence: null });
    const mentor = await mount(w.as({ member: people.mia! }));
    button($(mentor, '[part~="sign-off"]')!, 'decline').click();
    await until(() => text($(mentor, '[part~="mentor"]')).includes('Nothing is waiting'), 'queue empty');
    expect(text($(mentor, '[part~="mentor"] [part~="notice"]'))).to.contain('Sent back to Anna Anwohnerin: Attend a course.');
    const member = await mount(anna);
    expect(step(member, 'kurs').matches('[part~="step-open"]')).to.equal(true);
  });

  it('awards the badge exactly once: the event fires once and un-completing and completing again adds nothing', async () => {
    const w = await world(dataset(firstAid(null, false)));
    const backend = w.as({ member: people.anna! });
    const el = await mount(backend);
    const earned = record(el, 'dorf-badge-earned');
    const completedPaths = record(el, 'dorf-path-completed');
    await completeThrough(el, 'notruf');
    await completeThrough(el, 'seitenlage', 'Practised.');
    expect(earned).to.deep.equal([]);
    await completeThrough(el, 'kurs', '');
    await until(() => $(el, '[part~="badge"]'), 'badge shown');
    expect(earned).to.have.length(1);
    expect(earned[0]).to.include({ pathId: 'erste-hilfe', achievementId: 'ersthelfer', memberId: 'anna' });
    expect(completedPaths).to.deep.equal([{ pathId: 'erste-hilfe', memberId: 'anna' }]);
    await until(() => announcer(el).includes('Badge earned: Ersthelfer'), 'badge announced');
    expect(text($(el, '[part~="completed"]'))).to.contain('Path completed on');

    button(step(el, 'kurs'), 'uncomplete').click();
    await until(() => step(el, 'kurs').matches('[part~="step-open"]'), 'open again');
    expect($(el, '[part~="completed"]')).to.equal(null);
    await completeThrough(el, 'kurs', '');
    await until(() => $(el, '[part~="badge"]'), 'badge shown again');
    expect(earned, 'no second award').to.have.length(1);
    expect(completedPaths).to.have.length(2);
    const awards = await backend.badges.listAwards({ member: 'me' });
    expect(awards.items.map((a) => a.achievement.id)).to.deep.equal(['ersthelfer']);
    expect(awards.items[0]!.id).to.equal(earned[0]!.awardId);
  });

  it('asks a visitor without a profile for a name first, then saves the step in this browser', async () => {
    const w = await world(dataset(firstAid()));
    const el = await mount(w.as('visitor'));
    expect(text($(el, '[part~="progress-text"]'))).to.contain('0 of 3');
    button(step(el, 'notruf'), 'complete').click();
    await until(() => $(el, '[part~="profile-form"]'), 'name asked for');
    await until(() => el.shadowRoot!.activeElement?.id === 'lp-profile-name', 'focus in the name');
    button($(el, '[part~="profile-form"]')!, 'submit').click();
    await until(() => errorOf(el, 'lp-profile-name'), 'name required');
    expect(errorOf(el, 'lp-profile-name')).to.equal('Please fill in this field.');
    await expect(el).to.be.accessible();
    type(el, 'lp-profile-name', 'Vera Visitor');
    await el.updateComplete;
    button($(el, '[part~="profile-form"]')!, 'submit').click();
    await until(() => step(el, 'notruf').matches('[part~="step-done"]'), 'step saved after the name');
    // Progress lives in this browser: a new page on the same storage finds it.
    const again = await mount(w.as('visitor'));
    expect(step(again, 'notruf').matches('[part~="step-done"]')).to.equal(true);
    expect(text($(again, '[part~="progress-text"]'))).to.contain('1 of 3');
  });

  it('works by keyboard: open the evidence form, fill it, send it, and Escape closes it where it opened', async () => {
    const w = await world(dataset(firstAid()));
    const el = await mount(w.as({ member: people.anna! }));
    const opener = button(step(el, 'seitenlage'), 'complete');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement?.id === 'lp-note-seitenlage', 'focus in the note');
    expect(opener.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, '#lp-form-seitenlage'), 'form closed');
    await until(() => el.shadowRoot!.activeElement === button(step(el, 'seitenlage'), 'complete'), 'focus back on the opener');
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement?.id === 'lp-note-seitenlage', 'focus in the note again');
    await sendKeys({ type: 'Practised twice.' });
    await sendKeys({ press: 'Tab' }); // link
    await sendKeys({ press: 'Tab' }); // photo
    await sendKeys({ press: 'Tab' }); // submit
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('submit');
    await sendKeys({ press: 'Enter' });
    await until(() => step(el, 'seitenlage').matches('[part~="step-done"]'), 'done by keyboard');
    await until(() => el.shadowRoot!.activeElement?.id === 'lp-celebration-title', 'focus on the celebration');
  });

  it('shows the cohort as counts only: who did not check in is never shown', async () => {
    now = new Date('2026-05-12T10:00:00.000Z');
    const checkIns = [
      { cohortId: 'gemeinsam', memberId: 'ben', day: '2026-05-12' },
      { cohortId: 'gemeinsam', memberId: 'ben', day: '2026-05-11' },
      { cohortId: 'gemeinsam', memberId: 'mia', day: '2026-05-12' },
      { cohortId: 'gemeinsam', memberId: 'carla', day: '2026-05-10' },
    ];
    const w = await world(dataset(firstAid(cohortOf('2026-05-10', 10)), checkIns));
    const el = await mount(w.as({ member: people.anna! }));
    const cohort = $(el, '[part~="cohort"]')!;
    expect(text($(el, '[part~="cohort-stats"]'))).to.equal('2 of 3 checked in today');
    expect(text(cohort)).to.contain('Day 3 of 10');
    for (const name of ['Ben', 'Carla', 'Mia']) expect(el.shadowRoot!.textContent, name).not.to.contain(name);
    expect($(el, '[part~="streak"]'), 'not joined yet').to.equal(null);
    await expect(el).to.be.accessible();

    const checkedIn = record(el, 'dorf-checked-in');
    type(el, 'lp-checkin-note', '20 minutes');
    await el.updateComplete;
    button(cohort, 'check-in').click();
    await until(() => checkedIn.length === 1, 'checked in');
    await until(() => text($(el, '[part~="cohort-stats"]')) === '3 of 4 checked in today', 'counts updated');
    expect(text($(el, '[part~="streak"]'))).to.contain('1 day');
    expect(text($(el, '[part~="cohort"]'))).to.contain('You have checked in today.');
    expect($$(el, '[part~="cohort-day-checked"]').map((d) => d.dataset['day'])).to.deep.equal(['2026-05-12']);
    await expect(el).to.be.accessible();

    const german = await mount(w.as({ member: people.ben! }), { lang: 'de' });
    expect(text($(german, '[part~="cohort-stats"]'))).to.equal('3 von 4 haben heute eingecheckt');
    expect(text($(german, '[part~="streak"]'))).to.contain('2 Tage');
  });

  it('counts a check-in at 23:59 for that day and keeps the streak across the change to summer time', async () => {
    const w = await world(dataset(firstAid(cohortOf('2026-03-25', 10))));
    const backend = w.as({ member: people.anna! });
    const streakText = (el: Element) => text($(el, '[part~="streak"]'));

    now = new Date('2026-03-28T22:59:00.000Z'); // Saturday 23:59 CET
    let el = await mount(backend);
    const days: string[] = [];
    const checkIn = async () => {
      const seen = record(el, 'dorf-checked-in');
      button($(el, '[part~="cohort"]')!, 'check-in').click();
      await until(() => seen.length === 1, 'checked in');
      days.push(seen[0]!.day);
      await el.settled();
    };
    await checkIn();
    expect(streakText(el)).to.contain('1 day');

    now = new Date('2026-03-29T21:59:00.000Z'); // Sunday 23:59 CEST: the 23-hour day
    el = await mount(backend);
    expect(streakText(el), 'still alive before the day is over').to.contain('1 day');
    await checkIn();
    expect(streakText(el)).to.contain('2 days');

    now = new Date('2026-03-29T22:01:00.000Z'); // Monday 00:01 CEST
    el = await mount(backend);
    expect(text($(el, '[part~="cohort"]'))).to.contain('Day 6 of 10');
    expect($(el, '[part~="check-in-form"]'), 'a new day to check in').not.to.equal(null);
    await checkIn();
    expect(streakText(el)).to.contain('3 days');
    expect(days).to.deep.equal(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect($$(el, '[part~="cohort-day-checked"]').map((d) => d.dataset['day'])).to.deep.equal(days);

    now = new Date('2026-03-31T21:59:00.000Z'); // Tuesday 23:59 without a check-in: still 3
    el = await mount(backend);
    expect(streakText(el)).to.contain('3 days');
    now = new Date('2026-04-01T08:00:00.000Z'); // Wednesday: Tuesday was missed
    el = await mount(backend);
    expect(streakText(el)).to.contain('0 days');
  });

  it('keeps the streak across the change back to winter time', async () => {
    const w = await world(dataset(firstAid(cohortOf('2026-10-23', 5))));
    const backend = w.as({ member: people.anna! });
    now = new Date('2026-10-24T21:59:00.000Z'); // Saturday 23:59 CEST
    let el = await mount(backend);
    button($(el, '[part~="cohort"]')!, 'check-in').click();
    await until(() => text($(el, '[part~="streak"]')).includes('1 day'), 'first');
    now = new Date('2026-10-25T22:59:00.000Z'); // Sunday 23:59 CET: the 25-hour day
    el = await mount(backend);
    button($(el, '[part~="cohort"]')!, 'check-in').click();
    await until(() => text($(el, '[part~="streak"]')).includes('2 days'), 'second');
    expect($$(el, '[part~="cohort-day-checked"]').map((d) => d.dataset['day'])).to.deep.equal(['2026-10-24', '2026-10-25']);
  });

  it('turns to the new day at midnight in the cohort\'s zone while the page stays open', async () => {
    const w = await world(dataset(firstAid(cohortOf('2026-05-10', 10))));
    now = new Date('2026-05-12T21:59:59.000Z'); // 23:59:59 in Berlin
    const shown = Date.now();
    const clock = () => new Date(now.getTime() + (Date.now() - shown));
    const provider = await fixture<DorfProvider>(html`
      <dorf-provider .adapter=${w.as({ member: people.anna! })} .community=${COMMUNITY} lang="en">
        <dorf-learning-path path="erste-hilfe" .clock=${clock}></dorf-learning-path>
      </dorf-provider>
    `);
    const el = provider.querySelector('dorf-learning-path') as DorfLearningPath;
    await until(() => $(el, '[part~="cohort"]'), 'cohort shown');
    expect(text($(el, '[part~="cohort"]'))).to.contain('Day 3 of 10');
    now = new Date('2026-05-12T22:00:01.000Z'); // the backend's clock is past midnight now
    await until(() => text($(el, '[part~="cohort"]')).includes('Day 4 of 10'), 'the new day', 4000);
  });

  it('says when a check-in falls outside the cohort\'s dates and keeps the note', async () => {
    const w = await world(dataset(firstAid(cohortOf('2026-05-03', 10))));
    now = new Date('2026-05-12T21:58:00.000Z'); // 23:58 on the last day
    const el = await mount(w.as({ member: people.anna! }));
    const errors = record(el, 'dorf-error');
    type(el, 'lp-checkin-note', 'Last run of the challenge');
    await el.updateComplete;
    now = new Date('2026-05-12T22:01:00.000Z'); // 00:01: the challenge is over
    button($(el, '[part~="cohort"]')!, 'check-in').click();
    await until(() => errorOf(el, 'lp-checkin-note'), 'message at the field');
    expect(errorOf(el, 'lp-checkin-note')).to.equal('Check-ins are possible from May 3, 2026 to May 12, 2026.');
    expect($<HTMLInputElement>(el, '#lp-checkin-note')!.value).to.equal('Last run of the challenge');
    expect($(el, '#lp-checkin-note')!.getAttribute('aria-invalid')).to.equal('true');
    await until(() => el.shadowRoot!.activeElement?.id === 'lp-checkin-note', 'focus on the field');
    expect(errors.map((e) => e.error.code)).to.deep.equal(['validation']);
    await expect(el).to.be.accessible();
  });

  it('says so for an unknown path, in German too', async () => {
    const w = await world(dataset(firstAid()));
    const el = await mount(w.as({ member: people.anna! }), { path: 'gibt-es-nicht' });
    expect(text($(el, '[part~="status-empty"]'))).to.equal('This learning path does not exist (any more).');
    await expect(el).to.be.accessible();
    const de = await mount(w.as({ member: people.anna! }), { path: 'gibt-es-nicht', lang: 'de' });
    expect(text($(de, '[part~="status-empty"]'))).to.equal('Diesen Lernpfad gibt es nicht (mehr).');
  });

  it('lists the paths by level without a `path`, opens one and goes back, by keyboard', async () => {
    const w = await world(dataset(firstAid(cohortOf('2026-05-10', 10))));
    const backend = w.as({ member: people.anna! });
    const admin = w.as({ member: { ...people.mia!, roles: ['member', 'moderator', 'admin'] } });
    await admin.learning.savePath({ ...basics, id: 'fuer-profis', title: 'Advanced rescue', level: 'advanced' });
    const el = await mount(backend, { path: '' });
    const changes = record(el, 'dorf-path-change');
    const titles = () => $$(el, '[part~="path-card"] h3').map(text);
    expect(titles()).to.deep.equal(['Advanced rescue', 'Basics', 'First aid refresher']);
    expect(text($(el, '[data-path="erste-hilfe"]'))).to.contain('3 steps · with a joint challenge');
    await expect(el).to.be.accessible();

    const select = $<HTMLSelectElement>(el, '#lp-level')!;
    select.value = 'advanced';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => titles().length === 1, 'filtered');
    expect(titles()).to.deep.equal(['Advanced rescue']);
    expect(el.level).to.equal('advanced');
    select.value = 'intermediate';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => $(el, '[part~="status-empty"]'), 'nothing at this level');
    expect(text($(el, '[part~="status-empty"]'))).to.equal('There are no learning paths at this level.');
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => titles().length === 3, 'all again');

    button($(el, '[data-path="erste-hilfe"]')!, 'open').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part~="steps"]'), 'path opened');
    expect(el.path).to.equal('erste-hilfe');
    await until(() => el.shadowRoot!.activeElement === $(el, '[part~="header"] h2'), 'focus on the path title');
    button($(el, '.base')!, 'back').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => titles().length === 3, 'back to the list');
    await until(() => el.shadowRoot!.activeElement === button($(el, '[data-path="erste-hilfe"]')!, 'open'), 'focus back on the card');
    expect(changes).to.deep.equal([{ pathId: 'erste-hilfe' }, { pathId: '' }]);
  });

  it('speaks German with "Sie" and formats numbers with Intl', async () => {
    const w = await world(dataset(firstAid()));
    const el = await mount(w.as({ member: people.anna! }), { lang: 'de' });
    expect(text($(el, '[part~="level"]'))).to.contain('Einstieg');
    expect(text($(el, '[part~="progress-text"]'))).to.contain('0 von 3 Schritten erledigt (0 %)');
    expect(text(button(step(el, 'notruf'), 'complete'))).to.equal('Als erledigt markieren');
    expect(text(button(step(el, 'kurs'), 'complete'))).to.equal('Schritt abschließen…');
    expect(text(step(el, 'kurs'))).to.contain('Diesen Schritt bestätigt eine Mentorin oder ein Mentor.');
  });
});
