import { expect } from '@open-wc/testing';
import {
  bulkPosts, clubSample, municipalitySample, MUNICIPALITY_MEMBER_IDS, parishSample, samples,
} from '../../src/data/sample/index.js';
import { checkBookingRules } from '../../src/data/rules/booking.js';
import {
  Dataset, EXPIRY_DAYS, HOLDING_STATUSES, isMicrochip, ItemInput, PostInput, SeedPost,
} from '../../src/data/schema/index.js';

// ---------------------------------------------------------------------------------------------
// Independent helpers (deliberately not the sample folder's own time helpers)

const DAY = 86_400_000;
const fmt = new Map<string, Intl.DateTimeFormat>();
/** Local date and minutes after midnight of an instant in a zone. */
function local(iso: string | number, timeZone: string): { date: string; minutes: number; weekday: number } {
  let f = fmt.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      weekday: 'short', hourCycle: 'h23',
    });
    fmt.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday!) + 1;
  return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute), weekday };
}
const hhmm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysFrom = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
const ms = (iso: string) => Date.parse(iso);

function unique(values: string[], what: string) {
  const seen = new Set<string>();
  for (const v of values) {
    expect(seen.has(v), `duplicate ${what}: ${v}`).to.equal(false);
    seen.add(v);
  }
}

/** Instants around DST changes (Europe, last Sunday of March/October), a year end, a leap day. */
const NOWS = [
  '2025-03-29T11:00:00Z', // Saturday before the spring change
  '2025-03-30T00:30:00Z', // 01:30 CET, half an hour before clocks go forward
  '2025-03-30T01:30:00Z', // 03:30 CEST, just after
  '2025-10-25T22:30:00Z', // Berlin already Sunday 00:30, London still Saturday 23:30
  '2025-10-26T00:30:00Z', // Berlin 02:30 CEST, inside the repeated hour
  '2025-10-26T01:30:00Z', // Berlin 02:30 CET, after falling back
  '2025-12-31T23:30:00Z', // Berlin: New Year's Day; London: New Year's Eve
  '2024-02-29T12:00:00Z', // leap day, winter (the Grillhütte is closed)
  '2026-07-15T08:00:00Z', // summer
  '2025-09-20T09:00:00Z', // Kerwe weekend
];

type Sample = (now?: Date) => Dataset;
const SAMPLES: Array<[string, Sample, { id: string; locale: string; timeZone: string }]> = [
  ['municipality', municipalitySample, { id: 'musterdorf', locale: 'de', timeZone: 'Europe/Berlin' }],
  ['parish', parishSample, { id: 'st-martin', locale: 'de', timeZone: 'Europe/Berlin' }],
  ['club', clubSample, { id: 'riverside-sc', locale: 'en', timeZone: 'Europe/London' }],
];

function parsed(sample: Sample, now: string): Dataset {
  const data = sample(new Date(now));
  const result = Dataset.safeParse(data);
  if (!result.success) {
    throw new Error(`Dataset invalid at ${now}: ${JSON.stringify(result.error.issues.slice(0, 5))}`);
  }
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Checks shared by every sample

function checkIntegrity(d: Dataset, now: string) {
  const nowMs = ms(now);
  const tz = d.community.timeZone;
  const today = local(now, tz).date;
  const memberIds = new Set(d.members.map((m) => m.id));
  unique(d.members.map((m) => m.id), 'member');
  unique(d.groups.map((g) => g.id), 'group');
  unique(d.posts.map((p) => p.id), 'post');
  unique(d.posts.flatMap((p) => p.comments.map((c) => c.id)), 'comment');
  unique(d.posts.flatMap((p) => p.commitments.map((c) => c.id)), 'commitment');
  unique(d.resources.map((r) => r.id), 'resource');
  unique(d.bookings.map((b) => b.id), 'booking');
  unique(d.bookings.map((b) => b.manageToken), 'booking token');
  unique(d.items.map((i) => i.id), 'item');
  unique(d.items.map((i) => i.manageToken), 'item token');
  unique(d.paths.map((p) => p.id), 'path');
  unique(d.achievements.map((a) => a.id), 'achievement');
  unique(d.awards.map((a) => a.id), 'award');
  unique(d.checkIns.map((c) => `${c.cohortId}/${c.memberId}/${c.day}`), 'check-in');

  expect(d.members.some((m) => m.roles.includes('admin')), 'an admin').to.equal(true);
  expect(d.members.some((m) => m.roles.includes('moderator') && !m.roles.includes('admin')), 'a moderator').to.equal(true);

  const groupMembers = new Map(d.groups.map((g) => [g.id, new Set(g.members.map((m) => m.memberId))]));
  for (const g of d.groups) {
    unique(g.members.map((m) => m.memberId), `member of ${g.id}`);
    for (const m of g.members) expect(memberIds.has(m.memberId), `${g.id}: ${m.memberId}`).to.equal(true);
  }

  for (const p of d.posts) {
    const where = `post ${p.id}`;
    const inGroup = groupMembers.get(p.groupId);
    expect(inGroup, `${where}: group`).to.not.equal(undefined);
    // The cross-field rules (urgent needs expiry, call needs details) apply to seeds too.
    const input = PostInput.safeParse({
      id: p.id, groupId: p.groupId, kind: p.kind, title: p.title, body: p.body, tags: p.tags,
      expiresAt: p.expiresAt, attachments: p.attachments, call: p.call,
    });
    expect(input.success, `${where}: ${JSON.stringify(input.error?.issues)}`).to.equal(true);
    expect(inGroup!.has(p.authorId), `${where}: author in group`).to.equal(true);
    expect(ms(p.createdAt)).to.be.at.most(nowMs, `${where}: created in the past`);
    if (p.expiresAt) expect(ms(p.expiresAt)).to.be.above(ms(p.createdAt), `${where}: expires after creation`);
    unique(p.reactions.map((r) => `${r.memberId}/${r.reaction}`), `${where} reaction`);
    for (const r of p.reactions) expect(inGroup!.has(r.memberId), `${where}: reactor ${r.memberId}`).to.equal(true);
    for (const c of p.comments) {
      expect(inGroup!.has(c.authorId), `${where}: commenter ${c.authorId}`).to.equal(true);
      expect(ms(c.createdAt)).to.be.within(ms(p.createdAt), nowMs, `${where}: comment ${c.id} time`);
    }
    if (p.kind === 'call') {
      const slots = new Map(p.call!.slots.map((s) => [s.id, s]));
      const sums = new Map<string, number>();
      unique(p.commitments.map((c) => `${c.memberId}/${c.slotId}`), `${where} commitment`);
      for (const c of p.commitments) {
        expect(slots.has(c.slotId), `${where}: slot ${c.slotId}`).to.equal(true);
        expect(inGroup!.has(c.memberId), `${where}: committer ${c.memberId}`).to.equal(true);
        sums.set(c.slotId, (sums.get(c.slotId) ?? 0) + c.count);
      }
      for (const [slotId, sum] of sums) expect(sum).to.be.at.most(slots.get(slotId)!.capacity, `${where}: ${slotId} over capacity`);
    } else {
      expect(p.commitments, `${where}: commitments only on calls`).to.deep.equal([]);
    }
  }

  for (const i of d.items) {
    const where = `item ${i.id}`;
    const input = ItemInput.safeParse({
      id: i.id, type: i.type, category: i.category, title: i.title, description: i.description, place: i.place,
      point: i.point, date: i.date, animal: i.animal, photo: i.photo, contact: i.contact, proofDetail: i.proofDetail,
    });
    expect(input.success, `${where}: ${JSON.stringify(input.error?.issues)}`).to.equal(true);
    expect(i.date <= today, `${where}: date ${i.date} not after today ${today}`).to.equal(true);
    expect(ms(i.createdAt)).to.be.at.most(nowMs, `${where}: reported in the past`);
    expect(local(i.createdAt, tz).date >= i.date, `${where}: reported on or after the date`).to.equal(true);
    expect(ms(i.expiresAt) - ms(i.createdAt)).to.equal(EXPIRY_DAYS[i.type] * DAY, `${where}: expiry`);
    if (i.status === 'open') expect(ms(i.expiresAt)).to.be.above(nowMs, `${where}: open items have not expired`);
    if (i.status === 'expired') expect(ms(i.expiresAt)).to.be.at.most(nowMs, `${where}: expired`);
    if (i.animal?.microchip) expect(isMicrochip(i.animal.microchip), `${where}: microchip`).to.equal(true);
  }

  const achievementIds = new Set(d.achievements.map((a) => a.id));
  const pathIds = new Set(d.paths.map((p) => p.id));
  const cohorts = new Map(d.paths.flatMap((p) => (p.cohort ? [[p.cohort.id, p.cohort] as const] : [])));
  for (const p of d.paths) {
    unique(p.steps.map((s) => s.id), `step of ${p.id}`);
    if (p.badgeId) expect(achievementIds.has(p.badgeId), `${p.id}: badge ${p.badgeId}`).to.equal(true);
    for (const pre of p.prerequisites) expect(pathIds.has(pre), `${p.id}: prerequisite ${pre}`).to.equal(true);
    if (p.cohort) {
      expect(p.cohort.pathId).to.equal(p.id);
      expect(p.cohort.start <= today, `${p.cohort.id} has started`).to.equal(true);
      expect(plusDays(p.cohort.start, p.cohort.days - 1) >= today, `${p.cohort.id} still runs`).to.equal(true);
    }
  }
  for (const c of d.checkIns) {
    const cohort = cohorts.get(c.cohortId);
    expect(cohort, `check-in cohort ${c.cohortId}`).to.not.equal(undefined);
    expect(memberIds.has(c.memberId), `check-in member ${c.memberId}`).to.equal(true);
    const cohortToday = local(now, cohort!.timeZone).date;
    expect(c.day >= cohort!.start && c.day <= cohortToday, `check-in day ${c.day}`).to.equal(true);
    expect(daysFrom(cohort!.start, c.day)).to.be.below(cohort!.days);
  }

  for (const a of d.awards) {
    expect(achievementIds.has(a.achievementId), `${a.id}: achievement`).to.equal(true);
    expect(memberIds.has(a.recipientId), `${a.id}: recipient`).to.equal(true);
    expect(ms(a.issuedOn)).to.be.at.most(nowMs, `${a.id}: issued in the past`);
    if (a.expires) expect(ms(a.expires)).to.be.above(ms(a.issuedOn));
    expect(a.revoked === (a.revocationReason !== null), `${a.id}: revocation reason`).to.equal(true);
    if (a.revoked) expect(a.onWall, `${a.id}: revoked awards stay off the wall`).to.equal(false);
  }
  expect(d.awards.some((a) => a.onWall)).to.equal(true);
}

/** Every booking keeps its resource's rules, and holding bookings never overlap (with buffer). */
function checkBookings(d: Dataset, now: string) {
  const nowMs = ms(now);
  const resources = new Map(d.resources.map((r) => [r.id, r]));
  for (const b of d.bookings) {
    const where = `booking ${b.id}`;
    const r = resources.get(b.resourceId);
    expect(r, `${where}: resource`).to.not.equal(undefined);
    const { rules, timeZone: tz } = r!;
    const start = local(b.start, tz);
    const end = local(b.end, tz);
    expect(ms(b.end)).to.be.above(ms(b.start), `${where}: end after start`);
    expect(b.attendees).to.be.at.most(rules.maxAttendees ?? Infinity, `${where}: attendees`);
    expect(ms(b.createdAt)).to.be.at.most(nowMs, `${where}: requested in the past`);
    expect(b.decidedAt === null, `${where}: decidedAt only once decided`).to.equal(b.status === 'requested');
    if (b.decidedAt) expect(ms(b.decidedAt)).to.be.within(ms(b.createdAt), nowMs, `${where}: decided`);
    if (b.status === 'declined') expect(b.reason, `${where}: decline reason`).to.be.a('string').and.not.equal('');
    if (rules.approval === 'auto') expect(b.status, `${where}: auto approval`).to.not.equal('requested');

    // The shared rules every backend applies, as of now and as of the request.
    for (const at of [now, b.createdAt]) {
      const issues = checkBookingRules(r!, { start: b.start, end: b.end, attendees: b.attendees }, new Date(at));
      expect(issues, `${where} at ${at}: ${JSON.stringify(issues)}`).to.deep.equal([]);
    }

    // The booking window, as of now and as of the request.
    for (const from of [nowMs, ms(b.createdAt)]) {
      expect(ms(b.start) - from).to.be.at.least(rules.leadTime * 60_000, `${where}: lead time`);
      expect(ms(b.start) - from).to.be.at.most(rules.maxAdvance * DAY, `${where}: max advance`);
    }

    let days: string[];
    if (rules.unit === 'day') {
      expect(start.minutes, `${where}: starts at local midnight`).to.equal(0);
      expect(end.minutes, `${where}: ends at local midnight`).to.equal(0);
      const n = daysFrom(start.date, end.date);
      expect(n).to.be.within(rules.minDuration, rules.maxDuration, `${where}: days`);
      days = Array.from({ length: n }, (_, i) => plusDays(start.date, i));
    } else {
      const minutes = (ms(b.end) - ms(b.start)) / 60_000;
      expect(minutes).to.be.within(rules.minDuration, rules.maxDuration, `${where}: minutes`);
      expect(start.minutes % rules.step, `${where}: start on the grid`).to.equal(0);
      expect(end.minutes % rules.step, `${where}: end on the grid`).to.equal(0);
      expect(end.date, `${where}: same local day`).to.equal(start.date);
      if (rules.openingHours.length) {
        const open = rules.openingHours.some(
          (h) => h.weekday === start.weekday && hhmm(h.open) <= start.minutes && end.minutes <= hhmm(h.close),
        );
        expect(open, `${where}: within opening hours (${start.date} ${start.minutes}–${end.minutes})`).to.equal(true);
      }
      days = [start.date];
    }
    for (const day of days) {
      const blackout = rules.blackouts.find((x) => x.start <= day && day <= x.end);
      expect(blackout, `${where}: ${day} is a blackout (${blackout?.reason})`).to.equal(undefined);
    }
  }

  for (const r of d.resources) {
    const holding = d.bookings
      .filter((b) => b.resourceId === r.id && (HOLDING_STATUSES as readonly string[]).includes(b.status))
      .sort((a, b) => ms(a.start) - ms(b.start));
    const buffer = r.rules.buffer * 60_000;
    for (let i = 1; i < holding.length; i++) {
      const prev = holding[i - 1]!;
      const next = holding[i]!;
      expect(ms(prev.end) + buffer <= ms(next.start), `${r.id}: ${prev.id} overlaps ${next.id}`).to.equal(true);
    }
  }
}

// ---------------------------------------------------------------------------------------------

describe('sample data', () => {
  it('offers the three samples by id', () => {
    expect(Object.keys(samples).sort()).to.deep.equal(['club', 'municipality', 'parish']);
    expect(samples.municipality).to.equal(municipalitySample);
  });

  for (const [name, sample, expected] of SAMPLES) {
    describe(name, () => {
      it('defaults to the current time and parses', () => {
        const result = Dataset.safeParse(sample());
        expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).to.equal(true);
      });

      it('describes its community', () => {
        const d = parsed(sample, NOWS[0]!);
        expect(d.community).to.include(expected);
      });

      for (const now of NOWS) {
        describe(`at ${now}`, () => {
          it('parses with Dataset and keeps references and rules consistent', () => {
            checkIntegrity(parsed(sample, now), now);
          });

          it('keeps bookings within the rules and free of overlaps', () => {
            const d = parsed(sample, now);
            expect(d.bookings.some((b) => b.status === 'confirmed')).to.equal(true);
            checkBookings(d, now);
          });

          it('has an active urgent notice, a call ahead and recent lost & found', () => {
            const d = parsed(sample, now);
            const nowMs = ms(now);
            const urgent = d.posts.filter((p) => p.kind === 'urgent' && ms(p.expiresAt!) > nowMs);
            expect(urgent.length).to.be.at.least(1);
            for (const p of urgent) expect(ms(p.expiresAt!) - nowMs).to.be.within(DAY, 3 * DAY);
            const calls = d.posts.filter((p) => p.kind === 'call');
            expect(calls.length).to.be.at.least(1);
            for (const c of calls) expect(ms(c.call!.start)).to.be.above(nowMs);
            const today = local(now, d.community.timeZone).date;
            expect(d.items.filter((i) => i.status === 'open' && daysFrom(i.date, today) <= 7).length).to.be.at.least(3);
            expect(d.posts.some((p) => p.pinned)).to.equal(true);
          });

          it('is deterministic for a fixed now', () => {
            expect(JSON.stringify(sample(new Date(now)))).to.equal(JSON.stringify(sample(new Date(now))));
          });
        });
      }
    });
  }

  it('stays valid for a now every 97 hours over two years (every weekday, many times of day)', () => {
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 97 * 3_600_000 + 7 * 60_000) {
      const now = new Date(t).toISOString();
      for (const [, sample] of SAMPLES) {
        const d = parsed(sample, now);
        checkIntegrity(d, now);
        checkBookings(d, now);
      }
    }
  });

  describe('the checks themselves', () => {
    const now = NOWS[0]!;

    it('catch an overlapping holding booking', () => {
      const d = parsed(municipalitySample, now);
      const confirmed = d.bookings.find((b) => b.resourceId === 'grillhuette' && b.status === 'confirmed')!;
      d.bookings.push({ ...confirmed, id: 'booking-dup', status: 'requested', decidedAt: null, manageToken: 'x'.repeat(16) });
      expect(() => checkBookings(d, now)).to.throw(/overlaps/);
    });

    it('catch a booking outside the opening hours', () => {
      const d = parsed(municipalitySample, now);
      // The Tuesday choir rehearsal ends at 21:30; the hall closes at 22:00.
      const b = d.bookings.find((x) => x.id === 'booking-saal-liederkranz')!;
      b.end = new Date(ms(b.end) + 3_600_000).toISOString();
      expect(() => checkBookings(d, now)).to.throw(/booking\.closed|opening hours/);
    });

    it('catch an urgent notice without expiry and a comment from a non-member', () => {
      const d = parsed(municipalitySample, now);
      d.posts.find((p) => p.id === 'post-strassensperrung')!.expiresAt = null;
      expect(() => checkIntegrity(d, now)).to.throw(/feed.urgentNeedsExpiry/);
      const e = parsed(municipalitySample, now);
      e.posts.find((p) => p.id === 'post-sitzung')!.comments[0]!.authorId = 'luca-meyer';
      expect(() => checkIntegrity(e, now)).to.throw(/commenter luca-meyer/);
    });
  });

  describe('municipality specifics', () => {
    for (const now of NOWS) {
      it(`tells the story relative to ${now}`, () => {
        const d = parsed(municipalitySample, now);
        const nowMs = ms(now);
        const tz = 'Europe/Berlin';
        const today = local(now, tz).date;

        const sperrung = d.posts.find((p) => p.id === 'post-strassensperrung')!;
        expect(sperrung.kind).to.equal('urgent');
        expect(ms(sperrung.expiresAt!)).to.be.within(nowMs + DAY, nowMs + 3 * DAY);
        expect(local(sperrung.expiresAt!, tz)).to.include({ date: plusDays(today, 2), minutes: 18 * 60 });
        expect(ms(d.posts.find((p) => p.id === 'post-feuerwehruebung')!.expiresAt!)).to.be.below(nowMs);

        const dorfputz = d.posts.find((p) => p.id === 'post-dorfputz')!;
        expect(dorfputz.title).to.equal('Dorfputz am Samstag');
        const start = local(dorfputz.call!.start, tz);
        expect(start.weekday, 'on a Saturday').to.equal(6);
        expect(start.minutes).to.equal(9 * 60);
        expect(daysFrom(today, start.date)).to.be.within(1, 7);
        expect(dorfputz.call!.slots.map((s) => s.capacity)).to.deep.equal([10, 3, 2]);
        const committed = (slot: string) =>
          dorfputz.commitments.filter((c) => c.slotId === slot).reduce((n, c) => n + c.count, 0);
        expect(committed('slot-helfer')).to.be.within(1, 9);
        expect(committed('slot-schubkarren')).to.be.within(1, 2);
        expect(committed('slot-kuchen')).to.equal(1);

        const grill = d.resources.find((r) => r.id === 'grillhuette')!;
        expect(grill.rules).to.include({ unit: 'day', approval: 'manual' });
        expect(grill.rules.price).to.deep.include({ amount: 8000, currency: 'EUR', per: 'day' });
        expect(grill.rules.buffer).to.be.above(0);
        expect(grill.rules.blackouts.some((b) => b.reason.includes('Kerwe'))).to.equal(true);
        const saal = d.resources.find((r) => r.id === 'buergerhaus-saal')!;
        expect(saal.rules).to.include({ unit: 'hour', step: 30, minDuration: 120 });
        expect(saal.rules.openingHours.length).to.be.at.least(5);
        for (const id of ['grillhuette', 'buergerhaus-saal']) {
          const statuses = new Set(d.bookings.filter((b) => b.resourceId === id).map((b) => b.status));
          expect([...statuses]).to.include.members(['requested', 'confirmed', 'declined']);
          for (const b of d.bookings.filter((x) => x.resourceId === id)) {
            expect(ms(b.start) - nowMs, `${b.id} in the coming months`).to.be.within(0, 120 * DAY);
          }
        }

        const minka = d.items.find((i) => i.id === 'item-katze-minka')!;
        expect(minka).to.include({ type: 'lost', category: 'animal' });
        expect(minka.animal!.microchip).to.match(/^276\d{12}$/);
        expect(minka.date).to.equal(plusDays(today, -2));
        expect(d.items.find((i) => i.id === 'item-schluesselbund-baeckerei')!.proofDetail).to.be.a('string');
        const categories = new Set(d.items.map((i) => i.category));
        for (const c of ['animal', 'keys', 'wallet', 'bicycle', 'phone']) expect(categories.has(c as never), c).to.equal(true);

        const path = d.paths.find((p) => p.id === 'erste-hilfe-auffrischen')!;
        expect(path.steps.length).to.be.within(5, 7);
        expect(path.steps.some((s) => s.milestone)).to.equal(true);
        expect(path.steps.some((s) => s.evidence === 'required')).to.equal(true);
        expect(path.steps.some((s) => s.signOff)).to.equal(true);
        expect(path.steps.flatMap((s) => s.resources).every((r) => r.url.startsWith('https://'))).to.equal(true);
        expect(path.badgeId).to.be.a('string');
        expect(path.cohort!.start).to.equal(plusDays(today, -10));

        expect(d.awards.some((a) => a.expires && ms(a.expires) < nowMs), 'an expired award').to.equal(true);
        expect(d.awards.some((a) => a.revoked), 'a revoked award').to.equal(true);
        expect(d.groups.map((g) => [g.id, g.visibility, g.joinPolicy])).to.deep.equal([
          ['neuigkeiten', 'public', 'open'],
          ['mach-mit', 'public', 'open'],
          ['jugendforum', 'members', 'request'],
          ['gemeinderat-intern', 'private', 'invite'],
        ]);
      });
    }
  });

  describe('club specifics', () => {
    for (const now of NOWS) {
      it(`runs the 30-day challenge with varied streaks at ${now}`, () => {
        const d = parsed(clubSample, now);
        const path = d.paths.find((p) => p.id === 'running-challenge')!;
        expect(path.cohort!.days).to.equal(30);
        const today = local(now, path.cohort!.timeZone).date;
        const byMember = new Map<string, Set<string>>();
        for (const c of d.checkIns.filter((x) => x.cohortId === path.cohort!.id)) {
          if (!byMember.has(c.memberId)) byMember.set(c.memberId, new Set());
          byMember.get(c.memberId)!.add(c.day);
        }
        // A streak counts back from today, or from yesterday while today is still open.
        const streak = (days: Set<string>) => {
          let day = days.has(today) ? today : plusDays(today, -1);
          let n = 0;
          while (days.has(day)) {
            n++;
            day = plusDays(day, -1);
          }
          return n;
        };
        const streaks = [...byMember.values()].map(streak);
        expect(byMember.size).to.be.at.least(5);
        expect(new Set(streaks).size, `varied streaks: ${streaks}`).to.be.at.least(4);
        expect(Math.max(...streaks)).to.be.at.least(10);
        expect(streaks).to.include(0);

        const court = d.resources.find((r) => r.id === 'tennis-court-1')!;
        expect(court.rules).to.include({ unit: 'hour', step: 60, approval: 'auto' });
        expect(d.items.map((i) => i.id)).to.include.members(['item-football-boots', 'item-rain-jacket', 'item-water-bottle']);
      });
    }
  });

  describe('bulkPosts', () => {
    const now = new Date('2025-10-26T01:30:00Z');
    const posts = bulkPosts('neuigkeiten', 10_000, now);

    it('produces count posts with unique ids in the group', () => {
      expect(posts).to.have.length(10_000);
      unique(posts.map((p) => p.id), 'bulk post');
      unique(posts.flatMap((p) => p.comments.map((c) => c.id)), 'bulk comment');
      expect(posts.every((p) => p.groupId === 'neuigkeiten')).to.equal(true);
      expect(bulkPosts('neuigkeiten', 0, now)).to.deep.equal([]);
    });

    it('produces valid posts (every 97th and every special one parsed)', () => {
      const picked = posts.filter((p, i) => i % 97 === 0 || p.kind === 'urgent' || p.kind === 'call' || p.pinned);
      expect(picked.length).to.be.above(100);
      for (const p of picked) {
        const seed = SeedPost.safeParse(p);
        expect(seed.success, `${p.id}: ${JSON.stringify(seed.error?.issues)}`).to.equal(true);
        const input = PostInput.safeParse({
          id: p.id, groupId: p.groupId, kind: p.kind, title: p.title, body: p.body, tags: p.tags,
          expiresAt: p.expiresAt, attachments: p.attachments, call: p.call,
        });
        expect(input.success, `${p.id}: ${JSON.stringify(input.error?.issues)}`).to.equal(true);
      }
    });

    it('is deterministic, and a shorter run is a prefix of a longer one', () => {
      expect(JSON.stringify(bulkPosts('neuigkeiten', 10_000, now))).to.equal(JSON.stringify(posts));
      expect(JSON.stringify(bulkPosts('neuigkeiten', 250, now))).to.equal(JSON.stringify(posts.slice(0, 250)));
      expect(bulkPosts('mach-mit', 5, now)[0]!.title).to.be.a('string');
      expect(bulkPosts('mach-mit', 5, now)[0]!.id).to.not.equal(posts[0]!.id);
    });

    it('spreads timestamps back from now, newest first', () => {
      const times = posts.map((p) => ms(p.createdAt));
      expect(times[0]).to.be.at.most(now.getTime());
      for (let i = 1; i < times.length; i++) expect(times[i]! < times[i - 1]!, `order at ${i}`).to.equal(true);
      expect((times[0]! - times.at(-1)!) / DAY).to.be.within(200, 400);
      for (const p of posts) for (const c of p.comments) expect(ms(c.createdAt)).to.be.within(ms(p.createdAt), now.getTime());
    });

    it('varies kinds, tags, authors and reactions, with a few pinned and urgent posts', () => {
      const pinned = posts.filter((p) => p.pinned);
      const urgent = posts.filter((p) => p.kind === 'urgent');
      expect(pinned.length).to.be.within(1, 10);
      expect(urgent.length).to.be.within(1, 20);
      expect(urgent.some((p) => ms(p.expiresAt!) > now.getTime()), 'an active urgent notice').to.equal(true);
      expect(posts.filter((p) => p.kind === 'call').length).to.be.at.least(5);
      expect(posts.filter((p) => p.kind === 'news').length).to.be.above(1000);
      expect(new Set(posts.flatMap((p) => p.tags)).size).to.be.at.least(10);
      expect(new Set(posts.map((p) => p.title)).size).to.be.at.least(100);
      expect(new Set(posts.map((p) => p.authorId))).to.deep.equal(new Set(MUNICIPALITY_MEMBER_IDS));
      expect(posts.some((p) => p.reactions.length > 0) && posts.some((p) => p.comments.length > 0)).to.equal(true);
    });

    it('takes authors and a language as options', () => {
      const en = bulkPosts('running-group', 50, now, { authorIds: ['priya-shah', 'ben-carter'], locale: 'en' });
      expect(new Set(en.flatMap((p) => [p.authorId, ...p.reactions.map((r) => r.memberId)]))).to.deep.equal(
        new Set(['priya-shah', 'ben-carter']),
      );
      for (const p of en) expect(SeedPost.safeParse(p).success).to.equal(true);
      const long = [...bulkPosts('a'.repeat(63), 40, now), ...bulkPosts('b'.repeat(40), 40, now)];
      for (const p of long) expect(SeedPost.safeParse(p).success, p.id).to.equal(true);
    });
  });
});
