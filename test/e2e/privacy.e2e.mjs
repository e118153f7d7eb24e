// Privacy in a real browser: a full visitor session sets no cookie and sends no request to any
// third party — neither on the demo with the browser's own storage, nor against the reference
// server. Allowed origins: the page's own and, against a server, the server the site configured.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { env, launch, recorded, recordedPage, visitorSession } from './lib.mjs';

/** Requests outside `allowed` origins (data: and blob: URLs are the page's own). */
function thirdParty(requests, allowed) {
  return requests.filter((url) => !/^(data|blob):/.test(url) && !allowed.includes(new URL(url).origin));
}

describe('privacy: anonymous visitors', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  it('demo with the local backend: no cookie, no third-party request in a full session', async () => {
    const { pageUrl } = env();
    const { context, page, log } = await recordedPage(browser);
    try {
      await page.goto(pageUrl);
      await page.waitForFunction(() => document.documentElement.dataset.dorfReady);
      await visitorSession(page, { canWrite: true, marker: 'lokal' });
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.dorfReady);
      await page.locator('dorf-group-feed [part~="post"]', { hasText: 'Kuchen für das Dorffest lokal' }).waitFor();
      assert.deepEqual(await context.cookies(), [], 'no cookie');
      assert.equal(await page.evaluate(() => document.cookie), '', 'no cookie readable by scripts');
      assert.ok(log.requests.length > 0, 'requests were recorded');
      assert.deepEqual(thirdParty(log.requests, [new URL(pageUrl).origin]), [], 'no third-party request');
      const setCookie = log.responses.filter((r) => r.headers()['set-cookie']).map((r) => r.url());
      assert.deepEqual(setCookie, [], 'no response tries to set a cookie');
      assert.deepEqual((await recorded(page)).violations, []);
    } finally {
      await context.close();
    }
  });

  it('demo against the reference server: no cookie, only the site and its server are contacted', async () => {
    const { pageUrl, serverUrl } = env();
    const { context, page, log } = await recordedPage(browser);
    try {
      const url = new URL(pageUrl);
      url.searchParams.set('backend', serverUrl);
      const serverOrigin = new URL(serverUrl).origin;
      const contacted = page.waitForRequest((r) => r.url().startsWith(serverOrigin), { timeout: 10_000 }).then(() => true, () => false);
      await page.goto(url.href);
      assert.ok(await contacted, 'the page never contacted the server: the bundle has no HTTP adapter (is src/data/adapters/http/register.ts in package.json "sideEffects"?)');
      await page.waitForFunction(() => document.documentElement.dataset.dorfReady);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.dorfReady), 'server', log.console.join('\n'));
      const { day } = await visitorSession(page, { canWrite: false, marker: 'server' });
      assert.ok(log.requests.some((r) => r.startsWith(serverOrigin)), 'the page talked to the server');
      assert.deepEqual(await context.cookies(), [], 'no cookie, for any origin');
      assert.deepEqual(thirdParty(log.requests, [url.origin, serverOrigin]), [], 'no third-party request');
      const setCookie = log.responses.filter((r) => r.headers()['set-cookie']).map((r) => r.url());
      assert.deepEqual(setCookie, [], 'no response tries to set a cookie');
      // What the visitor sent reached the server, and the public view of it holds no contact data.
      const start = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString();
      const end = new Date(Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000).toISOString();
      const occupancy = await (await fetch(`${serverUrl}/c/musterdorf/bookings/occupancy?resourceId=grillhuette&start=${start}&end=${end}`)).json();
      assert.equal(occupancy.length, 1, `the request is on the server: ${JSON.stringify(occupancy)}`);
      const text = JSON.stringify(occupancy);
      for (const secret of ['vera@example.org', 'Vera Besucherin', 'Geburtstagsfeier server']) assert.ok(!text.includes(secret), `no "${secret}" in the public occupancy`);
      assert.deepEqual((await recorded(page)).violations, []);
    } finally {
      await context.close();
    }
  });
});
