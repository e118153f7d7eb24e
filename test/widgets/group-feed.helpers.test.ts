/** The shared helpers the group feed brought: iCalendar writer, image preparation, form fields. */
import { expect, fixture, html } from '@open-wc/testing';
import { escapeText, foldLine, toICalendar } from '../../src/core/ical.js';
import { fitWithin, ImageError, prepareImage } from '../../src/core/media/image.js';
import { field, focusFirstInvalid, issuesByField } from '../../src/core/ui/field.js';
import { FILE_LIMITS as SCHEMA_FILE_LIMITS } from '../../src/data/schema/common.js';
import { MAX_TAGS as SCHEMA_MAX_TAGS, Reaction, ReportReason } from '../../src/data/schema/feed.js';
import { FILE_LIMITS, MAX_TAGS, REACTIONS, REPORT_REASONS } from '../../src/widgets/group-feed/options.js';

describe('group feed constants', () => {
  it('match the schemas they mirror', () => {
    expect(MAX_TAGS).to.equal(SCHEMA_MAX_TAGS);
    expect(FILE_LIMITS).to.deep.equal(SCHEMA_FILE_LIMITS);
    expect([...REACTIONS]).to.deep.equal(Reaction.options);
    expect([...REPORT_REASONS]).to.deep.equal(ReportReason.options);
  });
});

describe('core/ical', () => {
  it('escapes text values as RFC 5545 §3.3.11 asks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).to.equal('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'ä'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).to.be.greaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).to.be.at.most(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).to.equal(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).to.equal(line);
    expect(folded).to.not.contain('\uFFFD');
  });

  it('writes timed and all-day events with CRLF line ends', () => {
    const ics = toICalendar(
      [
        { uid: 'a@x', start: '2026-05-03T08:00:00Z', summary: 'Timed', stamp: '2026-01-01T00:00:00Z', url: 'javascript:alert(1)' },
        { uid: 'b@x', start: '2026-05-03', end: '2026-05-06', summary: 'Grillhütte', stamp: '2026-01-01T00:00:00Z' },
        { uid: 'c@x', start: '2026-12-31', summary: 'One day', stamp: '2026-01-01T00:00:00Z' },
      ],
      { name: 'Belegung, Grillhütte' },
    );
    expect(ics.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).to.equal(true);
    expect(ics).to.contain('X-WR-CALNAME:Belegung\\, Grillhütte');
    expect(ics).to.contain('DTSTART:20260503T080000Z\r\nDTEND:20260503T090000Z');
    expect(ics).to.contain('DTSTART;VALUE=DATE:20260503\r\nDTEND;VALUE=DATE:20260506');
    expect(ics).to.contain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101');
    expect(ics).to.not.contain('javascript');
    expect(ics.match(/BEGIN:VEVENT/g)).to.have.length(3);
  });
});

describe('core/media/image', () => {
  it('fits sizes within the longest edge and never upscales', () => {
    expect(fitWithin(4000, 3000, 1600)).to.deep.equal({ width: 1600, height: 1200 });
    expect(fitWithin(1000, 4000, 1600)).to.deep.equal({ width: 400, height: 1600 });
    expect(fitWithin(800, 600, 1600)).to.deep.equal({ width: 800, height: 600 });
  });

  it('rejects non-images, oversized originals and unreadable data with field issues', async () => {
    const issue = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof ImageError ? e.issue : e));
    expect(await issue(prepareImage(new Blob(['%PDF'], { type: 'application/pdf' })))).to.deep.equal({ path: '', code: 'file.type' });
    expect(await issue(prepareImage(new Blob([new Uint8Array(2000)], { type: 'image/png' }), { maxSourceBytes: 1000 })))
      .to.deep.equal({ path: '', code: 'file.tooLarge', params: { max: 1000 } });
    expect(await issue(prepareImage(new Blob(['not an image'], { type: 'image/jpeg' })))).to.deep.equal({ path: '', code: 'image.unreadable' });
  });

  it('re-encodes a PNG with transparency as WebP, within the byte limit', async () => {
    const canvas = new OffscreenCanvas(2400, 1200);
    const ctx = canvas.getContext('2d')!;
    for (let i = 0; i < 200; i++) {
      ctx.fillStyle = `hsl(${i * 7} 80% 50% / 0.5)`;
      ctx.fillRect((i * 37) % 2400, (i * 53) % 1200, 300, 200);
    }
    const png = await canvas.convertToBlob({ type: 'image/png' });
    const result = await prepareImage(png, { maxEdge: 1200, maxBytes: 200_000 });
    expect(result.blob.type).to.equal('image/webp');
    expect(Math.max(result.width, result.height)).to.be.at.most(1200);
    expect(result.blob.size).to.be.at.most(200_000);
  });
});

describe('core/ui/field', () => {
  it('wires label, help and error to the control and focuses the first invalid one', async () => {
    const errors = issuesByField(
      [{ path: 'tags.20', code: 'tooMany' }, { path: 'title', code: 'required' }, { path: 'tags.3', code: 'tooLong' }],
      (i) => i.code,
    );
    expect([...errors]).to.deep.equal([['tags', 'tooMany'], ['title', 'required']]);
    const form = await fixture<HTMLFormElement>(html`<form>
      ${field({ id: 'a', label: 'A', help: 'Help A' }, (x) => html`<input id=${x.id} aria-describedby=${x.describedBy} aria-invalid=${x.invalid} />`)}
      ${field({ id: 'b', label: 'B', help: 'Help B', error: 'Wrong' }, (x) => html`<input id=${x.id} aria-describedby=${x.describedBy} aria-invalid=${x.invalid} />`)}
    </form>`);
    const a = form.querySelector('#a')!;
    const b = form.querySelector('#b')!;
    expect(a.getAttribute('aria-describedby')).to.equal('a-help');
    expect(a.hasAttribute('aria-invalid')).to.equal(false);
    expect(b.getAttribute('aria-describedby')).to.equal('b-help b-error');
    expect(b.getAttribute('aria-invalid')).to.equal('true');
    expect(form.querySelector('label[for="b"]')!.textContent).to.contain('B');
    expect(focusFirstInvalid(form)).to.equal(true);
    expect(document.activeElement).to.equal(b);
    await expect(form).to.be.accessible();
  });
});
