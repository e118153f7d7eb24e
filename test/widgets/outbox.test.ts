/**
 * The offline outbox in every widget, against the reference server (PGlite, started by the test
 * runner's `dorf-server` plugin). One table of cases, one per widget and write:
 *
 * - a write made while the server is unreachable is shown in the widget as "Noch nicht gesendet"
 *   with what it is about, and is delivered once when the server is back (counted on the server);
 * - a write the server refuses on delivery (a booking someone else took meanwhile, a comment on a
 *   post deleted meanwhile, …) is shown with the server's reason and working "send again" and
 *   "discard" buttons, reached and pressed by keyboard; axe finds nothing in either state.
 *
 * "Unreachable" is a fetch that fails like a dropped connection (`TypeError: Failed to fetch`),
 * switched per adapter; everything else is the real adapter, outbox, server and widget.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/core/provider.js';
import '../../src/widgets/booking-calendar/dorf-booking-calendar.js';
import '../../src/widgets/group-feed/dorf-group-feed.js';
import '../../src/widgets/learning-path/dorf-learning-path.js';
import '../../src/widgets/lost-found/dorf-lost-found.js';
import { createHttpBackend, type HttpBackend } from '../../src/data/adapters/http/index.js';
import { BackendError } from '../../src/data/backend.js';
import {
  bookingRequest, commentInput, contactInput, groupInput, itemInput, path as pathInput, postInput, resource as resourceInput, step, uid,
} from '../../src/data/contract/fixtures.js';
import { until } from '../lib/backends.js';
import { dorfLoader, withDorfProvider } from '../../.storybook/dorf-decorator.js';
import * as states from '../../stories/foundations/states.stories.js';
import * as feedStories from '../../stories/group-feed.stories.js';
import * as bookingStories from '../../stories/booking-calendar.stories.js';
import * as lostFoundStories from '../../stories/lost-found.stories.js';
import * as learningStories from '../../stories/learning-path.stories.js';
import { storySuite } from '../lib/stories.js';

const server = <T>(payload: Record<string, unknown>) => executeServerCommand<T, Record<string, unknown>>('dorf-server', payload);

/** A fetch that can be cut off; every write that reaches the server is remembered (its body). */
class Network {
  down = false;
  readonly bodies: string[] = [];
  readonly fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    if (this.down) return Promise.reject(new TypeError('Failed to fetch'));
    if (init?.method && init.method !== 'GET' && typeof init.body === 'string') this.bodies.push(init.body);
    return globalThis.fetch(input, init);
  }) as typeof fetch;

  /** How many requests carried this idempotency key. */
  sent(key: string): number {
    return this.bodies.filter((body) => body.includes(key)).length;
  }
}

interface World {
  url: string;
  community: string;
  /** An adapter for a member (or admin, moderator) with its own network switch. */
  as(kind: 'member' | 'moderator' | 'admin', memberId: string): Promise<{ backend: HttpBackend; network: Network }>;
}

interface Case {
  name: string;
  /** Seeds what the widget shows; returns the widget's tag with its attributes. */
  setup(world: World, admin: HttpBackend): Promise<(b: HttpBackend) => TemplateResult>;
  /** Makes a write through the widget's adapter (offline: queued); returns its key and the words it is shown with. */
  write(b: HttpBackend, world: World, admin: HttpBackend): Promise<{ key: string; about: string }>;
  /** How many records of it the server holds. */
  count(key: string, admin: HttpBackend, b: HttpBackend): Promise<number>;
  /** What the widget shows once it is delivered. */
  shown(el: HTMLElement, key: string): boolean;
  /** Queues a write offline and, meanwhile, makes the server refuse it; returns its key. */
  refused(b: HttpBackend, world: World, admin: HttpBackend): Promise<{ key: string; reason: string; fix?: () => Promise<void> }>;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const outboxText = (el: Element) => text($(el, '[part~="outbox"]'));

/** A queued write: the call rejects with `queued` (anything else fails the test). */
async function queued<T>(call: Promise<T>): Promise<void> {
  const error = await call.then(() => null, (e: unknown) => e);
  expect(BackendError.is(error, 'queued'), `queued, not ${String(error)}`).to.equal(true);
}

/** A day in ten days, as a UTC range on the half-hour grid (10:00–12:00 in Berlin, summer or winter). */
function slot(daysAhead: number, hours = 2) {
  const day = new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
  const start = `${day}T09:00:00.000Z`;
  return { day, start, end: new Date(Date.parse(start) + hours * 3_600_000).toISOString() };
}

let seq = 0;
const cases: Case[] = [
  (() => {
    let groupId = '';
    return {
      name: '<dorf-group-feed>: post (createPost); a comment on a post deleted meanwhile',
      async setup(_world, admin) {
        groupId = `gruppe-${++seq}`;
        await admin.feed.saveGroup(groupInput({ id: groupId, name: 'Lauftreff', rules: '' }));
        await admin.feed.createPost(postInput(groupId, { title: 'Training am Samstag' }));
        return (b) => html`<dorf-provider .adapter=${b} .community=${b.community} lang="de"><dorf-group-feed group=${groupId}></dorf-group-feed></dorf-provider>`;
      },
      async write(b) {
        const input = postInput(groupId, { title: `Offline geschrieben ${uid().slice(0, 6)}` });
        await queued(b.feed.createPost(input));
        return { key: input.id, about: input.title };
      },
      async count(key, admin) {
        const page = await admin.feed.listPosts({ groupId, limit: 50 });
        return page.items.filter((p) => p.id === key).length;
      },
      shown: (el, key) => Boolean($(el, `[data-post="${key}"]`)),
      async refused(b, _world, admin) {
        const target = (await admin.feed.createPost(postInput(groupId, { title: 'Gleich wieder weg' }))).id;
        const input = commentInput(target, { body: 'Ich komme mit!' });
        await queued(b.feed.addComment(input));
        await admin.feed.deletePost(target);
        return { key: input.id, reason: 'Das gibt es nicht mehr' };
      },
    } satisfies Case;
  })(),
  (() => {
    let resourceId = '';
    return {
      name: '<dorf-booking-calendar>: booking request with its receipt; a slot someone else took meanwhile',
      async setup(_world, admin) {
        const resource = resourceInput({ name: 'Grillhütte' }, { unit: 'hour', step: 30, minDuration: 60, maxDuration: 480 });
        resourceId = resource.id;
        await admin.bookings.saveResource(resource);
        return (b) => html`<dorf-provider .adapter=${b} .community=${b.community} lang="de">
          <dorf-booking-calendar resource=${resourceId} month=${slot(10).day.slice(0, 7)}></dorf-booking-calendar>
        </dorf-provider>`;
      },
      async write(b) {
        const { start, end } = slot(10 + (++seq % 20));
        const input = bookingRequest(resourceId, start, end, { purpose: 'Sommerfest des Chors' });
        await queued(b.bookings.request(input));
        return { key: input.id, about: 'Sommerfest des Chors' };
      },
      async count(key, admin) {
        const page = await admin.bookings.list({ resourceId, limit: 100 } as never);
        return page.items.filter((booking) => booking.id === key).length;
      },
      // The receipt with the private code, which the visitor would otherwise never see.
      shown: (el) => (text($(el, '[part~="receipt"] [part~="token"]')).length >= 16),
      async refused(b, _world, admin) {
        const { start, end } = slot(40 + (++seq % 20));
        const input = bookingRequest(resourceId, start, end, { purpose: 'Geburtstag im Wald' });
        await queued(b.bookings.request(input));
        const other = await admin.bookings.request(bookingRequest(resourceId, start, end));
        return {
          key: input.id,
          reason: 'schon vergeben',
          // The other booking is cancelled: sending again now goes through.
          fix: async () => void (await admin.bookings.cancel(other.booking.id, 'Doppelt eingetragen')),
        };
      },
    } satisfies Case;
  })(),
  (() => {
    return {
      name: '<dorf-lost-found>: report with its receipt; a message about an item withdrawn meanwhile',
      async setup() {
        return (b) => html`<dorf-provider .adapter=${b} .community=${b.community} lang="de"><dorf-lost-found></dorf-lost-found></dorf-provider>`;
      },
      async write(b) {
        const input = itemInput({ title: `Schlüsselbund ${uid().slice(0, 6)}`, date: new Date().toISOString().slice(0, 10) });
        await queued(b.lostFound.report(input));
        return { key: input.id, about: input.title };
      },
      async count(key, admin) {
        return admin.lostFound.get(key).then(() => 1, (error: unknown) => (BackendError.is(error, 'not-found') ? 0 : Promise.reject(error)));
      },
      shown: (el) => (text($(el, '[part~="receipt"] [part~="token"]')).length >= 16),
      async refused(b, world) {
        const { backend: reporter } = await world.as('member', `melder-${++seq}`);
        const receipt = await reporter.lostFound.report(itemInput({ date: new Date().toISOString().slice(0, 10) }));
        const input = contactInput(receipt.item.id, { message: 'Ich glaube, der gehört mir.' });
        await queued(b.lostFound.contact(input));
        await reporter.lostFound.closeOwn(receipt.manageToken, 'withdrawn');
        return { key: input.id, reason: '' };
      },
    } satisfies Case;
  })(),
  (() => {
    let pathId = '';
    let steps: string[] = [];
    return {
      name: '<dorf-learning-path>: completed step; a step removed from the path meanwhile',
      async setup(_world, admin) {
        const p = pathInput({ steps: [step({ title: 'Notruf üben' }), step({ title: 'Verband anlegen' }), step({ title: 'Kurs besuchen' })] });
        pathId = p.id;
        steps = p.steps.map((s) => s.id);
        await admin.learning.savePath(p);
        return (b) => html`<dorf-provider .adapter=${b} .community=${b.community} lang="de"><dorf-learning-path path=${pathId}></dorf-learning-path></dorf-provider>`;
      },
      async write(b) {
        const key = uid();
        await queued(b.learning.completeStep({ id: key, pathId, stepId: steps[0]!, evidence: null }));
        return { key, about: 'Notruf üben' };
      },
      async count(_key, _admin, b) {
        const progress = await b.learning.getProgress(pathId);
        return progress.steps.filter((s) => s.stepId === steps[0] && s.state === 'done').length;
      },
      shown: (el) => Boolean($(el, `[data-step="${steps[0]}"][part~="step-done"]`)),
      async refused(b, _world, admin) {
        const key = uid();
        await queued(b.learning.completeStep({ id: key, pathId, stepId: steps[2]!, evidence: null }));
        const p = await admin.learning.getPath(pathId);
        await admin.learning.savePath({ ...p, steps: p.steps.filter((s) => s.id !== steps[2]) });
        return { key, reason: '' };
      },
    } satisfies Case;
  })(),
];

describe('the offline outbox in every widget (reference server)', function () {
  this.timeout(90_000);
  const opened: HttpBackend[] = [];
  let world: World;
  let admin: HttpBackend;

  before(async function () {
    this.timeout(120_000);
    let url = '';
    for (let i = 0; i < 12 && !url; i++) url = (await server<{ url?: string }>({ action: 'start' }))?.url ?? '';
    expect(url, 'the test server started').to.match(/^http:/);
    const community = `outbox-${Date.now().toString(36)}`;
    const { secret } = await server<{ secret: string }>({ action: 'community', id: community });
    world = {
      url,
      community,
      async as(kind, memberId) {
        const { token } = await server<{ token: string }>({ action: 'token', community, secret, kind, memberId, displayName: `Test ${memberId}` });
        const network = new Network();
        const backend = createHttpBackend({
          baseUrl: url, community, token, fetch: network.fetch, retries: 0, timeoutMs: 5000,
          outbox: { name: `w-${community}-${memberId}`, retryMs: { min: 100, max: 400 } },
        });
        opened.push(backend);
        return { backend, network };
      },
    };
    admin = (await world.as('admin', 'verwaltung')).backend;
  });

  after(() => {
    for (const backend of opened.splice(0)) backend.close();
  });

  it('<dorf-booking-calendar>: a refused request goes back into the form with a free alternative, nothing typed lost', async () => {
    const resource = resourceInput({ name: 'Bürgerhaus' }, { unit: 'hour', step: 30, minDuration: 60, maxDuration: 480 });
    await admin.bookings.saveResource(resource);
    const { start, end, day } = slot(12);
    const { backend, network } = await world.as('member', `b-${uid().slice(0, 8)}`);
    const provider = await fixture<HTMLElement>(html`<dorf-provider .adapter=${backend} .community=${backend.community} lang="de">
      <dorf-booking-calendar resource=${resource.id} month=${day.slice(0, 7)}></dorf-booking-calendar>
    </dorf-provider>`);
    const el = provider.firstElementChild as HTMLElement;
    await until(() => $(el, '#bc-purpose'), 'the form', 15_000);
    network.down = true;
    const input = bookingRequest(resource.id, start, end, { purpose: 'Vereinsabend der Landfrauen', attendees: 35 });
    await queued(backend.bookings.request(input));
    await admin.bookings.request(bookingRequest(resource.id, start, end));
    network.down = false;
    await backend.outbox.flush();
    const entry = () => $(el, `[part~="outbox-entry"][data-key="${input.id}"]`);
    await until(() => entry()?.querySelector('[part~="alternative"]'), 'free alternatives offered', 10_000);
    const alternative = entry()!.querySelector<HTMLButtonElement>('[part~="alternative"]')!;
    alternative.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !entry(), 'the refused request discarded', 10_000);
    expect(await backend.outbox.list()).to.deep.equal([]);
    // The alternative may lie in another month: the calendar shows it after reading that month.
    await until(() => $(el, '#bc-purpose'), 'the form again', 10_000);
    const value = (id: string) => $<HTMLInputElement>(el, id)!.value;
    expect(value('#bc-purpose')).to.equal('Vereinsabend der Landfrauen');
    expect(value('#bc-attendees')).to.equal('35');
    expect(value('#bc-name')).to.equal(input.requester.name);
    expect(value('#bc-email')).to.equal(input.requester.email);
    expect(value('#bc-start'), 'the alternative\'s day').to.match(/^\d{4}-\d{2}-\d{2}$/);
    await until(() => el.shadowRoot!.activeElement?.id === 'bc-submit', 'focus on "send"');
    // Sent as it stands: the alternative is free, so the server takes it.
    $<HTMLButtonElement>(el, '#bc-submit')!.click();
    await until(() => text($(el, '[part~="receipt"] [part~="token"]')).length >= 16, 'the receipt', 10_000);
    await expect(el).to.be.accessible();
  });

  for (const c of cases) {
    describe(c.name, () => {
      let tagged: (b: HttpBackend) => TemplateResult;
      before(async () => {
        tagged = await c.setup(world, admin);
      });

      it('shows a write made while the server is unreachable as "Noch nicht gesendet", and delivers it once when it is back', async () => {
        const { backend, network } = await world.as('moderator', `m-${uid().slice(0, 8)}`);
        const provider = await fixture<HTMLElement>(tagged(backend));
        const el = provider.firstElementChild as HTMLElement;
        await until(() => !$(el, '[part~="status-loading"]'), 'loaded', 15_000);

        network.down = true;
        const { key, about } = await c.write(backend, world, admin);
        await until(() => outboxText(el).includes('Noch nicht gesendet'), 'the outbox shown');
        expect(outboxText(el)).to.contain('Ein Eintrag wartet auf die Verbindung');
        expect(text($(el, `[part~="outbox-entry"][data-key="${key}"]`))).to.contain(about);
        expect(network.sent(key), 'nothing reached the server').to.equal(0);
        await expect(el).to.be.accessible();

        network.down = false;
        await backend.outbox.flush();
        await until(() => !$(el, '[part~="outbox"]'), 'the outbox empty again', 10_000);
        await until(() => c.shown(el, key), 'the delivered write shown', 10_000);
        expect(await c.count(key, admin, backend), 'one record on the server').to.equal(1);
        // Nothing left to send: no second delivery.
        await backend.outbox.flush();
        expect(await c.count(key, admin, backend)).to.equal(1);
        expect(network.sent(key)).to.equal(1);
        await expect(el).to.be.accessible();
      });

      it('shows a write the server refused on delivery with the reason; send again and discard work by keyboard', async () => {
        const { backend, network } = await world.as('moderator', `r-${uid().slice(0, 8)}`);
        const provider = await fixture<HTMLElement>(tagged(backend));
        const el = provider.firstElementChild as HTMLElement;
        await until(() => !$(el, '[part~="status-loading"]'), 'loaded', 15_000);

        network.down = true;
        const { key, reason, fix } = await c.refused(backend, world, admin);
        network.down = false;
        await backend.outbox.flush();
        const entry = () => $(el, `[part~="outbox-entry"][data-key="${key}"]`);
        await until(() => entry()?.querySelector('[part~="outbox-reason"]'), 'the refusal shown', 10_000);
        expect(text(entry()!.querySelector('[part~="outbox-reason"]'))).to.contain('Der Server hat das nicht angenommen');
        if (reason) expect(text(entry())).to.contain(reason);
        expect(entry()!.querySelector('[part~="outbox-reason"]')!.getAttribute('role')).to.equal('alert');
        expect(network.sent(key), 'tried once').to.equal(1);
        await expect(el).to.be.accessible();

        // Send again, by keyboard: the server is asked again.
        const retry = entry()!.querySelector<HTMLButtonElement>('[part~="outbox-retry"]')!;
        retry.focus();
        expect(el.shadowRoot!.activeElement, 'the button takes focus').to.equal(retry);
        if (fix) {
          await fix();
          await sendKeys({ press: 'Enter' });
          await until(() => !entry(), 'delivered on the second try', 10_000);
          expect(network.sent(key)).to.equal(2);
          await until(() => c.shown(el, key), 'the delivered write shown', 10_000);
          expect(await c.count(key, admin, backend)).to.equal(1);
          await expect(el).to.be.accessible();
          return;
        }
        let refusals = 0;
        const stop = backend.outbox.subscribe((event) => void (event.type === 'failed' && event.entry.key === key && refusals++));
        await sendKeys({ press: 'Enter' });
        await until(() => refusals === 1, 'refused again', 10_000);
        stop();
        expect(network.sent(key), 'sent again').to.equal(2);
        await until(() => entry()?.querySelector('[part~="outbox-reason"]'), 'still shown', 10_000);
        await until(() => el.shadowRoot!.activeElement === entry()!.querySelector('[part~="outbox-retry"]'), 'focus stays on "Erneut senden"');
        expect((await backend.outbox.list()).map((e) => [e.key, e.state])).to.deep.equal([[key, 'failed']]);

        // Discard, by keyboard: gone from the widget and the outbox, never sent again.
        const discard = entry()!.querySelector<HTMLButtonElement>('[part~="outbox-discard"]')!;
        discard.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => !$(el, '[part~="outbox"]'), 'discarded', 10_000);
        expect(await backend.outbox.list()).to.deep.equal([]);
        await backend.outbox.flush();
        expect(network.sent(key)).to.equal(2);
        await expect(el).to.be.accessible();
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Stories: the shared outbox state, and each widget's offline story showing what waits


storySuite({
  tag: 'dorf-story-outbox',
  stories: states,
  expect: { German: '[part~="outbox-reason"]', English: '[part~="outbox-reason"]', Dark: '[part~="outbox-reason"]' },
});

type AnyStory = {
  args?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  loaders?: Array<() => Promise<Record<string, unknown>>>;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
};

describe('each widget\'s OfflineQueued story lists what waits in the outbox', () => {
  const modules = [
    ['dorf-group-feed', feedStories, 'Wer hilft beim Aufbau am Freitag?'],
    ['dorf-booking-calendar', bookingStories, 'Buchungsanfrage'],
    ['dorf-lost-found', lostFoundStories, 'Fundsachen-Meldung'],
    ['dorf-learning-path', learningStories, 'Erledigter Schritt'],
  ] as const;
  for (const [tag, module, words] of modules) {
    it(`<${tag}>`, async () => {
      const meta = module.default as unknown as AnyStory & { render: (args: Record<string, unknown>) => TemplateResult };
      const story = module.OfflineQueued as AnyStory;
      const args = { ...meta.args, ...story.args };
      const context = {
        id: `${tag}--offlinequeued`, viewMode: 'story', parameters: { ...meta.parameters, ...story.parameters },
        globals: { locale: 'de', theme: 'auto', ...story.globals }, args, loaded: {} as Record<string, unknown>,
      };
      for (const loader of story.loaders ?? []) Object.assign(context.loaded, await loader());
      Object.assign(context.loaded, await (dorfLoader as unknown as (c: unknown) => Promise<Record<string, unknown>>)(context));
      const frame = await fixture<HTMLElement>((withDorfProvider as unknown as (s: () => TemplateResult, c: unknown) => TemplateResult)(() => meta.render(args), context));
      await story.play?.({ canvasElement: frame });
      const el = frame.querySelector(tag) as HTMLElement;
      await until(() => $(el, '[part~="outbox-entry"]'), 'the waiting entry listed', 8000);
      expect(outboxText(el)).to.contain('Noch nicht gesendet');
      expect(outboxText(el)).to.contain(words);
      await expect(frame).to.be.accessible();
    });
  }
});
