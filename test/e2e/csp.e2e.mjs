// The strict-CSP demo page (demo/csp/) in Chromium, served by scripts/e2e.mjs with
//   Content-Security-Policy: script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'
// A visitor posts, comments and requests a booking; not one CSP violation, console error or page
// error may be recorded. Controls prove the recorder sees violations when there are some, and a
// scan of src/ keeps the APIs out that such a policy blocks.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP, env, launch, recorded, recordedPage, visitorSession } from './lib.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('strict CSP page', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  it('works completely (post, comment, request a booking) with zero CSP violations', async () => {
    const { pageUrl } = env();
    const { context, page, log } = await recordedPage(browser);
    try {
      const response = await page.goto(pageUrl);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the strict policy');
      await page.waitForFunction(() => document.documentElement.dataset.dorfReady);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.dorfReady), 'local');
      await visitorSession(page, { canWrite: true, marker: 'CSP' });
      // Live and rendered: the new post is in the feed, the calendar shows the request.
      const { violations, policies } = await recorded(page);
      assert.deepEqual(violations, [], 'no CSP violation');
      assert.deepEqual(log.pageErrors, [], 'no page error');
      assert.deepEqual(log.console, [], `no console error or warning (requests: ${log.requests.join(' ')})`);
      assert.ok(policies.includes('lit-html'), `Lit renders through its own Trusted Types policy (policies: ${policies.join(', ') || 'none'})`);
    } finally {
      await context.close();
    }
  });

  it('controls: the same page refuses and reports a string HTML sink and an inline handler', async () => {
    const { pageUrl } = env();
    const { context, page } = await recordedPage(browser);
    try {
      await page.goto(pageUrl);
      await page.waitForFunction(() => document.documentElement.dataset.dorfReady);
      const sink = await page.evaluate(() => {
        try {
          document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
          return 'allowed';
        } catch (error) {
          return error.name;
        }
      });
      assert.equal(sink, 'TypeError', 'a plain string reaching an HTML sink is refused (require-trusted-types-for)');
      // Markup that passes Trusted Types through a policy of its own still may not run inline code.
      await page.evaluate(() => {
        const policy = window.trustedTypes.createPolicy('e2e-control', { createHTML: (s) => s });
        const box = document.createElement('div');
        box.innerHTML = policy.createHTML('<img src="data:," onerror="window.__inline = 1" onload="window.__inline = 1">');
        document.body.append(box);
      });
      await page.waitForFunction(() => window.__e2e.violations.length >= 2);
      assert.equal(await page.evaluate(() => window.__inline), undefined, 'the inline handler did not run');
      const directives = (await recorded(page)).violations.map((v) => v.directive);
      assert.ok(directives.includes('require-trusted-types-for'), directives.join(', '));
      assert.ok(directives.some((d) => /^script-src/.test(d)), directives.join(', '));
    } finally {
      await context.close();
    }
  });

  it('the library source uses no API the policy blocks (HTML strings, eval, inline handlers, handler attributes)', () => {
    const forbidden = [
      [/\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/, 'an HTML string sink'],
      [/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/, 'eval / new Function'],
      [/setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]/, 'a string timer'],
      // unsafeCSS stays allowed: style-src is not restricted, and only the library's own tokens use it.
      [/unsafeHTML|unsafeSVG|unsafeStatic/, "Lit's unsafe directives"],
      [/setAttribute\(\s*['"](?:style|on[a-z]+)['"]|\.style\.cssText\s*=|\bstyle="\$\{/, 'a style or handler attribute built from a string'],
      [/\s@?on[a-z]+="[^"]*"/, 'an inline event handler in a template'],
      [/srcdoc|href=["']?javascript:/i, 'srcdoc or a javascript: link in a template'],
    ];
    const files = [];
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.ts$/.test(entry.name)) files.push(path);
      }
    };
    walk(join(root, 'src'));
    walk(join(root, 'demo', 'csp'));
    assert.ok(files.length > 50, `source files: ${files.length}`);
    const found = [];
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/^\s*(\*|\/\/).*$/, '').replace(/\/\/ .*$/, '');
        for (const [pattern, what] of forbidden) {
          if (pattern.test(code) && !/^\s*\/\*\*?/.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
        }
      });
    }
    assert.deepEqual(found, [], found.join('\n'));
  });
});
