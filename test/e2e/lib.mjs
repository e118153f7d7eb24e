// Shared by the end-to-end tests (run by scripts/e2e.mjs, which builds and serves what they need):
// a headless Chromium via playwright-core, and recorders for CSP violations, console errors,
// Trusted Types policies, requests and cookies.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/lib/browser.mjs';

/** The policy the strict-CSP page is served with (scripts/e2e.mjs sends exactly this header). */
export const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

/** What scripts/e2e.mjs serves; running a file on its own without it fails with this advice. */
export function env() {
  const pageUrl = process.env.E2E_CSP_PAGE;
  const serverUrl = process.env.E2E_SERVER_URL;
  if (!pageUrl || !serverUrl) throw new Error('Run the end-to-end tests with `node scripts/e2e.mjs` (it builds and serves the pages).');
  return { pageUrl, serverUrl };
}

export async function launch() {
  const executablePath = process.env.CHROME_PATH || (await findBrowser());
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or install chromium.');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh context (no storage, no cookies) and a page whose CSP violations, Trusted Types
 * policies, console errors, page errors and requests are recorded from the first byte on. The
 * recorder is injected through the DevTools protocol, so the page's own CSP does not apply to it.
 */
export async function recordedPage(browser) {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', serviceWorkers: 'block' });
  await context.addInitScript(() => {
    const record = (window.__e2e = { violations: [], policies: [] });
    document.addEventListener('securitypolicyviolation', (e) => {
      record.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    }, true);
    if (window.trustedTypes) {
      const create = window.trustedTypes.createPolicy.bind(window.trustedTypes);
      window.trustedTypes.createPolicy = (name, rules) => {
        record.policies.push(name);
        return create(name, rules);
      };
    }
  });
  const page = await context.newPage();
  const log = { console: [], pageErrors: [], requests: [], responses: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e?.stack ?? e)));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('response', (r) => log.responses.push(r));
  page.setDefaultTimeout(15_000);
  return { context, page, log };
}

/** CSP violations and Trusted Types policies seen by the page so far. */
export const recorded = (page) => page.evaluate(() => window.__e2e);

/**
 * A full visitor session on the demo page: read the feed, choose a name, post (accepting the house
 * rules), comment, request the Grillhütte. `canWrite`: false against a server, where an anonymous
 * visitor may only read the feed and request a booking. Resolves with the requested day.
 */
export async function visitorSession(page, { canWrite, marker }) {
  const feed = page.locator('dorf-group-feed');
  await feed.locator('[part~="post"]').first().waitFor();
  if (canWrite) {
    await feed.locator('#profile-name').fill('Vera Besucherin');
    await feed.locator('[part~="profile-form"] [part~="submit"]').click();
    await feed.locator('#composer-toggle').click();
    await feed.locator('#post-title').fill(`Kuchen für das Dorffest ${marker}`);
    await feed.locator('#post-body').fill('Ich backe zwei Bleche Streuselkuchen. Rezept: https://example.org/kuchen');
    const rules = feed.locator('#post-rules');
    if (await rules.count()) await rules.check();
    await feed.locator('#composer [part~="submit"]').click();
    const post = feed.locator('[part~="post"]', { hasText: `Kuchen für das Dorffest ${marker}` });
    await post.waitFor();
    await post.locator('[id^="comments-toggle-"]').click();
    await post.locator('textarea[id^="comment-"]').fill(`Ich bringe Sahne mit. ${marker}`);
    await post.locator('[part~="comment-form"] [part~="submit"]').click();
    await post.locator('[part~="comment"]', { hasText: `Ich bringe Sahne mit. ${marker}` }).waitFor();
  } else {
    const toggle = feed.locator('[id^="comments-toggle-"]').first();
    if (await toggle.count()) {
      await toggle.click();
      await feed.locator('[part~="comments"]').first().waitFor();
    }
  }
  const calendar = page.locator('dorf-booking-calendar');
  await calendar.locator('#bc-start').waitFor();
  // A free day well beyond the samples' bookings and the lead time: 200–299 days ahead.
  const day = new Date(Date.now() + (200 + Math.floor(Math.random() * 100)) * 86_400_000).toISOString().slice(0, 10);
  await calendar.locator('#bc-start').fill(day);
  if (await calendar.locator('#bc-end').count()) await calendar.locator('#bc-end').fill(day);
  await calendar.locator('#bc-purpose').fill(`Geburtstagsfeier ${marker}`);
  await calendar.locator('#bc-attendees').fill('25');
  await calendar.locator('#bc-name').fill('Vera Besucherin');
  await calendar.locator('#bc-email').fill('vera@example.org');
  await calendar.locator('#bc-accept').check();
  await calendar.locator('#bc-submit').click();
  await calendar.locator('#receipt-title').waitFor();
  return { day };
}
