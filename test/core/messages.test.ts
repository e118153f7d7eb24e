import { expect, fixture, html } from '@open-wc/testing';
import { DorfElement, define } from '../../src/core/dorf-element.js';
import type { FieldIssue } from '../../src/data/backend.js';
// Every message section; a new section must be listed here to count as covering its codes.
import '../../src/i18n/booking.js';
import '../../src/i18n/lost-found.js';
import '../../src/i18n/learning.js';
import '../../src/i18n/feed.js';
import '../../src/i18n/badges.js';
import '../../src/i18n/outbox.js';
import '../../src/i18n/server.js';
import '../../src/i18n/fields.js';
import '../../src/i18n/sign-in.js';

class IssueProbe extends DorfElement {
  text(issue: FieldIssue) {
    return this.localize.issue(issue);
  }
}
define('dorf-test-issue-probe', IssueProbe);

describe('field messages', () => {
  it('has German and English words for every issue code the library emits', async () => {
    const codes: Record<string, string[]> = await (await fetch('/__dorf/issue-codes.json')).json();
    expect(Object.keys(codes).length, 'codes found in src/').to.be.greaterThan(30);
    const missing: string[] = [];
    for (const lang of ['de', 'en']) {
      const probe = await fixture<IssueProbe>(html`<dorf-test-issue-probe lang=${lang}></dorf-test-issue-probe>`);
      const generic = probe.text({ path: '', code: 'invalid' });
      for (const [code, files] of Object.entries(codes)) {
        // Placeholder parameters: the message must exist, whatever its numbers say.
        const text = probe.text({ path: '', code, params: { min: 1, max: 2, minutes: 60, days: 3, step: 30, unit: 'hour', weekday: 1, start: '2030-01-01', end: '2030-01-31', status: 'confirmed', available: 1, type: 'x' } });
        if (text === generic) missing.push(`${lang}: ${code} (${files.join(', ')})`);
      }
    }
    expect(missing, `codes without words:\n${missing.join('\n')}`).to.deep.equal([]);
  });
});
