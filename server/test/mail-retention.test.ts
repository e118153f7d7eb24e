/**
 * E-mail (a local SMTP server started by the test), retention jobs, and a member's data export
 * and erasure — on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../src/db.js';
import { enqueueMail, Mailer, smtpTransport, type MailTransport } from '../src/mail.js';
import { contactMail, decisionMail } from '../src/mail-text.js';
import { eraseMemberData, exportMemberData } from '../src/member-data.js';
import { runRetention } from '../src/retention.js';
import { createHttpBackend } from '../../src/data/adapters/http/index.js';
import { fixtures } from '../../src/data/contract/index.js';
import { call, createCommunity, memberToken, openTestDatabase, POSTGRES_URL, startServer } from './support.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The mail as text: headers unfolded with their encoded words decoded, the body's quoted-printable undone. */
function plain(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const qBytes = (q: string) => Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  const headers = head
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/((?:=\?UTF-8\?Q\?[^?]*\?=)+)/gi, (words: string) =>
      Buffer.concat([...words.matchAll(/=\?UTF-8\?Q\?([^?]*)\?=/gi)].map((m) => qBytes(m[1]!))).toString('utf8'));
  const body = Buffer.from(rest.join('\n\n').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return `${headers}\n\n${body}`;
}

const kinds: Array<'pglite' | 'postgres'> = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

for (const kind of kinds) {
  describe(`mail, retention and member data (${kind})`, () => {
    let db: Database;
    let community: string;
    before(async () => {
      db = await openTestDatabase(kind);
      // The PostgreSQL test database outlives runs: mail an aborted run left behind is not ours.
      await db.query('DELETE FROM mail_outbox');
    });
    after(async () => {
      await db.close();
    });
    const fresh = async () => {
      community = `mail-${randomUUID().slice(0, 8)}`;
      await createCommunity(db, community);
      return community;
    };
    const outbox = async (c: string) => db.query<{ attempts: number; failed_at: Date | null; last_error: string | null }>(
      'SELECT attempts, failed_at, last_error FROM mail_outbox WHERE community = $1', [c]);

    it('sends a queued mail over SMTP once the transaction commits, and keeps nothing after sending', async () => {
      const c = await fresh();
      const smtp = await startSmtp();
      const mailer = new Mailer(db, smtpTransport(smtp.url), { from: 'Musterdorf <noreply@musterdorf.example>', pollMs: 60_000 });
      try {
        await db.transaction((tx) => enqueueMail(tx, c, contactMail({
          locale: 'de', communityName: 'Musterdorf', itemTitle: 'Schlüsselbund am Bäcker', fromName: 'Erika', replyTo: 'erika@example.org',
          message: 'Ich glaube, das ist meiner.\nDer Anhänger ist ein kleiner Leuchtturm.', to: 'finder@example.org',
        })));
        // A rolled-back write sends nothing.
        await assert.rejects(db.transaction(async (tx) => {
          await enqueueMail(tx, c, { kind: 'contact', to: 'nobody@example.org', subject: 'x', body: 'x' });
          throw new Error('rollback');
        }));
        assert.equal(await mailer.wake(), 1);
        assert.equal(smtp.received.length, 1);
        const mail = smtp.received[0]!;
        assert.deepEqual(mail.to, ['finder@example.org']);
        const text = plain(mail.raw);
        assert.match(text, /Reply-To: erika@example\.org/);
        assert.match(text, /Nachricht zu Ihrer Meldung „Schlüsselbund am Bäcker“/);
        assert.match(text, /> Der Anhänger ist ein kleiner Leuchtturm\./);
        assert.ok(!/finder@example\.org/.test(text.split(/\r?\n\r?\n/).slice(1).join('\n')), 'the reporter’s address is not in the body');
        assert.equal((await outbox(c)).length, 0, 'a sent mail is deleted');
      } finally {
        await mailer.stop();
        await smtp.close();
      }
    });

    it('strips line breaks from header values (no header injection)', async () => {
      const c = await fresh();
      const smtp = await startSmtp();
      const mailer = new Mailer(db, smtpTransport(smtp.url), { from: 'noreply@musterdorf.example', pollMs: 60_000 });
      try {
        await db.transaction((tx) => enqueueMail(tx, c, contactMail({
          locale: 'en', communityName: 'Musterdorf', itemTitle: 'Cat\r\nBcc: victim@example.org', fromName: 'Eve', replyTo: 'eve@example.org',
          message: 'hello', to: 'finder@example.org',
        })));
        await mailer.wake();
        assert.equal(smtp.received.length, 1);
        assert.deepEqual(smtp.received[0]!.to, ['finder@example.org']);
        const head = smtp.received[0]!.raw.split(/\r?\n\r?\n/)[0]!;
        assert.ok(!/^Bcc:/im.test(head), head);
      } finally {
        await mailer.stop();
        await smtp.close();
      }
    });

    it('keeps a mail while SMTP fails, backs off, and gives up visibly after the last attempt', async () => {
      const c = await fresh();
      let fail = true;
      const sent: string[] = [];
      const transport: MailTransport = {
        async sendMail(m) {
          if (fail) throw new Error('421 try later');
          sent.push(m.to);
        },
      };
      const mailer = new Mailer(db, transport, { from: 'noreply@x.example', pollMs: 60_000, maxAttempts: 3 });
      try {
        await db.transaction((tx) => enqueueMail(tx, c, { kind: 'booking-decision', to: 'a@example.org', subject: 's', body: 'b' }));
        assert.equal(await mailer.wake(), 0);
        let rows = await outbox(c);
        assert.equal(rows[0]!.attempts, 1);
        assert.equal(rows[0]!.last_error, '421 try later');
        // Not due again before its backoff.
        assert.equal(await mailer.wake(), 0);
        assert.equal((await outbox(c))[0]!.attempts, 1);
        // Due again: fails twice more, then it is kept as failed.
        for (let i = 0; i < 2; i++) {
          await db.query('UPDATE mail_outbox SET next_attempt = now() WHERE community = $1', [c]);
          await mailer.wake();
        }
        rows = await outbox(c);
        assert.equal(rows[0]!.attempts, 3);
        assert.ok(rows[0]!.failed_at, 'given up after maxAttempts');
        fail = false;
        await db.query('UPDATE mail_outbox SET next_attempt = now() WHERE community = $1', [c]);
        assert.equal(await mailer.wake(), 0, 'a failed mail is not retried on its own');
        assert.deepEqual(sent, []);
      } finally {
        await mailer.stop();
      }
    });

    it('two mailers on one database send every mail exactly once', async () => {
      const c = await fresh();
      const sent: string[] = [];
      const slow: MailTransport = {
        async sendMail(m) {
          await new Promise((r) => setTimeout(r, 2));
          sent.push(m.to);
        },
      };
      const a = new Mailer(db, slow, { from: 'x@x.example', pollMs: 60_000, batch: 5 });
      const b = new Mailer(db, slow, { from: 'x@x.example', pollMs: 60_000, batch: 5 });
      try {
        await db.transaction(async (tx) => {
          for (let i = 0; i < 40; i++) await enqueueMail(tx, c, { kind: 'contact', to: `r${i}@example.org`, subject: 's', body: 'b' });
        });
        const [x, y] = await Promise.all([a.wake(), b.wake()]);
        assert.equal(x + y, 40);
        assert.equal(new Set(sent).size, 40);
        assert.equal(sent.length, 40);
      } finally {
        await a.stop();
        await b.stop();
      }
    });

    it('words a booking decision in the community’s language and the resource’s time zone', () => {
      const de = decisionMail({
        locale: 'de', communityName: 'Musterdorf', resourceName: 'Grillhütte', timeZone: 'Europe/Berlin', unit: 'day',
        start: '2030-06-06T22:00:00.000Z', end: '2030-06-08T22:00:00.000Z', status: 'declined', reason: 'Schon vergeben.\nBcc: x', requesterName: 'Erika', to: 'e@example.org',
      });
      assert.equal(de.subject, 'Ihre Buchungsanfrage wurde abgelehnt: Grillhütte');
      assert.match(de.body, /Grillhütte \(Freitag, 7\.\s*–\s*Samstag, 8\.\s*Juni 2030\)/, 'the last booked day, not the midnight after it');
      assert.match(de.body, /^> Bcc: x$/m, 'the reason is quoted, line by line');
      const en = decisionMail({
        locale: 'en', communityName: 'Musterdorf', resourceName: 'Hall', timeZone: 'Europe/Berlin', unit: 'hour',
        start: '2030-06-07T16:00:00.000Z', end: '2030-06-07T20:00:00.000Z', status: 'confirmed', reason: null, requesterName: 'Ann', to: 'a@example.org',
      });
      assert.equal(en.subject, 'Your booking is confirmed: Hall');
      assert.match(en.body, /18:00/);
      assert.match(en.body, /22:00/);
    });

    it('retention deletes expired items with photo and messages, and removes old booking contacts', async () => {
      const c = await fresh();
      const now = new Date('2031-03-01T12:00:00Z');
      const item = async (id: string, expires: string, photo: string | null) => {
        if (photo) {
          await db.query(`INSERT INTO files (community, id, kind, name, type, size, data, created_at) VALUES ($1, $2, 'image', 'p.jpg', 'image/jpeg', 3, '\\x010203', now())`, [c, photo]);
        }
        await db.query(
          `INSERT INTO items (community, id, type, category, title, description, place, place_folded, point, date, animal, microchip, photo, status, created_at, expires_at, contact, proof_detail, manage_token, search)
           VALUES ($1, $2, 'found', 'keys', 'Schlüssel', '', 'Bäckerei', 'backerei', NULL, '2030-01-01', NULL, NULL, $4, 'open', '2030-01-01', $3,
                   '{"name":"Finn","email":"finn@example.org"}', NULL, $5, to_tsvector('german', 'Schlüssel'))`,
          [c, id, expires, photo, randomUUID() + randomUUID()],
        );
        await db.query(`INSERT INTO item_contacts (community, id, item_id, message, reply_to, name, created_at) VALUES ($1, $2, $3, 'meiner', 'o@example.org', 'O', now())`, [c, randomUUID(), id]);
      };
      await item('old', '2031-01-15T00:00:00Z', 'photo-old'); // expired 45 days ago: gone
      await item('recent', '2031-02-20T00:00:00Z', null); // expired 9 days ago: kept (30 days)
      await item('open', '2031-06-01T00:00:00Z', 'photo-open');
      await db.query(`INSERT INTO resources (community, id, name, data) VALUES ($1, 'hall', 'Hall', '{}')`, [c]);
      const booking = async (id: string, end: string) => db.query(
        `INSERT INTO bookings (community, id, resource_id, start_at, end_at, held, status, public_label, purpose, attendees, requester, created_at, manage_token)
         VALUES ($1, $2, 'hall', $3::timestamptz - interval '2 hours', $3, tstzrange($3::timestamptz - interval '2 hours', $3), 'confirmed', 'Fest', 'Geburtstag von Anna', 20,
                 '{"name":"Anna Muster","email":"anna@example.org","phone":"0123 45678"}', '2030-01-01', $4)`,
        [c, id, end, randomUUID() + randomUUID()]);
      await booking('past', '2030-10-01T20:00:00Z'); // ended 151 days ago: contact removed
      await booking('recent', '2031-02-01T20:00:00Z'); // 28 days: kept (90 days)

      const report = await runRetention(db, now, { lostFoundDays: 30, bookingContactDays: 90, failedMailDays: 14 });
      assert.ok(report.items >= 1 && report.files >= 1 && report.bookings >= 1);
      const items = (await db.query<{ id: string }>('SELECT id FROM items WHERE community = $1 ORDER BY id', [c])).map((r) => r.id);
      assert.deepEqual(items, ['open', 'recent']);
      const files = (await db.query<{ id: string }>('SELECT id FROM files WHERE community = $1', [c])).map((r) => r.id);
      assert.deepEqual(files, ['photo-open']);
      const messages = await db.query('SELECT 1 FROM item_contacts WHERE community = $1 AND item_id = $2', [c, 'old']);
      assert.equal(messages.length, 0);
      const rows = await db.query<{ id: string; requester: { name: string; email: string; phone?: string }; purpose: string; public_label: string }>(
        'SELECT id, requester, purpose, public_label FROM bookings WHERE community = $1 ORDER BY id', [c]);
      const past = rows.find((r) => r.id === 'past')!;
      assert.deepEqual(past.requester, { name: '(gelöscht)', email: 'removed@example.invalid' });
      assert.equal(past.purpose, '(gelöscht)');
      assert.equal(past.public_label, 'Fest', 'the calendar keeps its history');
      assert.equal(rows.find((r) => r.id === 'recent')!.requester.email, 'anna@example.org');
      // Idempotent: a second run (e.g. another process) changes nothing more.
      const again = await runRetention(db, now, { lostFoundDays: 30, bookingContactDays: 90, failedMailDays: 14 });
      assert.equal(again.bookings, 0);
    });

    it('exports a member’s data and erases it, keeping everyone else’s counters true', async () => {
      const c = await fresh();
      const q = (text: string, params: unknown[] = []) => db.query(text, [c, ...params]);
      await q(`INSERT INTO members (community, id, token_name, roles, name_key) VALUES ($1, 'anna', 'Anna', '{member}', 'anna'), ($1, 'ben', 'Ben', '{member}', 'ben')`);
      await q(`INSERT INTO groups (community, id, name, description, visibility, join_policy, rules, approve_before_publish, rules_version, member_count, created_at)
               VALUES ($1, 'chor', 'Chor', '', 'public', 'open', '', false, 1, 2, now())`);
      await q(`INSERT INTO memberships (community, group_id, member_id, display_name, role, status, since) VALUES
               ($1, 'chor', 'anna', 'Anna', 'member', 'active', now()), ($1, 'chor', 'ben', 'Ben', 'member', 'active', now())`);
      const post = (id: string, author: string, reactions: string) => q(
        `INSERT INTO posts (community, id, group_id, kind, title, body, tags, folded_tags, author_id, author_name, created_at, status, reactions, attachments, comment_count)
         VALUES ($1, $2, 'chor', 'note', 'T', 'B', '{}', '{}', $3, $3, now(), 'published', $4::jsonb, $5, 0)`, [id, author, reactions, author === 'anna' ? ['att-1'] : []]);
      await q(`INSERT INTO files (community, id, kind, name, type, size, data, created_at) VALUES ($1, 'att-1', 'pdf', 'a.pdf', 'application/pdf', 1, '\\x01', now())`);
      await post('p-anna', 'anna', '{"like": 1}');
      await post('p-ben', 'ben', '{"like": 2, "thanks": 1}');
      await q(`INSERT INTO reactions (community, post_id, member_id, reaction) VALUES ($1, 'p-ben', 'anna', 'like'), ($1, 'p-ben', 'anna', 'thanks'), ($1, 'p-ben', 'ben', 'like'), ($1, 'p-anna', 'ben', 'like')`);
      await q(`INSERT INTO comments (community, id, post_id, group_id, body, author_id, author_name, created_at, status) VALUES
               ($1, 'c1', 'p-ben', 'chor', 'Anna sagt', 'anna', 'Anna', now(), 'published'),
               ($1, 'c2', 'p-ben', 'chor', 'Ben sagt', 'ben', 'Ben', now(), 'published')`);
      await q(`UPDATE posts SET comment_count = 2 WHERE community = $1 AND id = 'p-ben'`);
      await q(`UPDATE posts SET call = '{}'::jsonb WHERE community = $1 AND id = 'p-ben'`);
      await q(`INSERT INTO call_slots (community, post_id, slot_id, position, label, kind, capacity, committed) VALUES ($1, 'p-ben', 's1', 0, 'Kuchen', 'item', 5, 3)`);
      await q(`INSERT INTO commitments (community, post_id, slot_id, member_id, count) VALUES ($1, 'p-ben', 's1', 'anna', 2), ($1, 'p-ben', 's1', 'ben', 1)`);

      const data = await exportMemberData(db, c, 'anna', new Date('2031-01-01T00:00:00Z'));
      assert.equal(data.format, 'dorfplatz-member-data/1');
      assert.equal(data.member?.token_name, 'Anna');
      assert.deepEqual(data.posts.map((p) => p.id), ['p-anna']);
      assert.deepEqual(data.comments.map((p) => p.body), ['Anna sagt']);
      assert.equal(data.reactions.length, 2);
      assert.equal(data.commitments.length, 1);
      assert.ok(!JSON.stringify(data).includes('Ben sagt'), 'nobody else’s words');

      const report = await db.transaction((tx) => eraseMemberData(tx, c, 'anna'));
      assert.deepEqual({ posts: report.posts, comments: report.comments, reactions: report.reactions, commitments: report.commitments, memberships: report.memberships, files: report.files },
        { posts: 1, comments: 1, reactions: 2, commitments: 1, memberships: 1, files: 1 });
      const [ben] = await db.query<{ reactions: Record<string, number>; comment_count: number }>('SELECT reactions, comment_count FROM posts WHERE community = $1 AND id = $2', [c, 'p-ben']);
      assert.deepEqual(ben!.reactions, { like: 1, thanks: 0 });
      assert.equal(ben!.comment_count, 1);
      const [slot] = await db.query<{ committed: number }>('SELECT committed FROM call_slots WHERE community = $1', [c]);
      assert.equal(slot!.committed, 1);
      const [group] = await db.query<{ member_count: number }>('SELECT member_count FROM groups WHERE community = $1', [c]);
      assert.equal(group!.member_count, 1);
      const left = await exportMemberData(db, c, 'anna', new Date());
      assert.equal(left.member, null);
      for (const key of ['memberships', 'posts', 'comments', 'reactions', 'commitments', 'progress', 'cohorts', 'checkIns', 'awards'] as const) {
        assert.equal(left[key].length, 0, key);
      }
      assert.equal((await db.query('SELECT 1 FROM files WHERE community = $1', [c])).length, 0);
    });

    it('over HTTP: the relay e-mails the reporter and admins\' decisions e-mail the requester; a requester\'s own cancel does not', async () => {
      const c = await fresh();
      const [{ secret }] = await db.query<{ secret: string }>('SELECT secret FROM communities WHERE id = $1', [c]);
      const running = await startServer(db, { server: { mail: true } });
      const sent: { to: string; replyTo?: string; subject: string; text: string }[] = [];
      const mailer = new Mailer(db, { async sendMail(m) { sent.push(m); } }, { from: 'noreply@x.example', pollMs: 60_000 });
      const admin = createHttpBackend({ baseUrl: running.url, community: c, token: memberToken(c, secret!, { kind: 'admin', memberId: 'adm', displayName: 'Verwaltung' }), retries: 0 });
      const visitor = createHttpBackend({ baseUrl: running.url, community: c, token: null, retries: 0 });
      try {
        running.setNow(fixtures.KIT_NOW);
        await admin.session.current();
        const report = fixtures.itemInput();
        const { item } = await visitor.lostFound.report(report);
        const message = fixtures.contactInput(item.id);
        await visitor.lostFound.contact(message);
        await visitor.lostFound.contact(message); // a replay sends nothing twice

        const hall = await admin.bookings.saveResource(fixtures.resource({ name: 'Bürgerhaus-Saal' }));
        const day = fixtures.addDays(fixtures.KIT_NOW, 10).slice(0, 10);
        const first = await visitor.bookings.request(fixtures.bookingRequest(hall.id, `${day}T16:00:00.000Z`, `${day}T18:00:00.000Z`));
        const second = await visitor.bookings.request(fixtures.bookingRequest(hall.id, `${day}T08:00:00.000Z`, `${day}T10:00:00.000Z`));
        const third = await visitor.bookings.request(fixtures.bookingRequest(hall.id, `${day}T11:00:00.000Z`, `${day}T12:00:00.000Z`));
        await admin.bookings.decide({ id: first.booking.id, decision: 'confirm', reason: '' });
        await admin.bookings.decide({ id: second.booking.id, decision: 'decline', reason: 'Der Saal wird renoviert.' });
        await visitor.bookings.cancelByToken(third.manageToken);

        await mailer.wake();
        const to = (address: string) => sent.filter((m) => m.to === address);
        const relay = to(report.contact.email);
        assert.equal(relay.length, 1, 'one mail per relayed message');
        assert.equal(relay[0]!.replyTo, message.replyTo);
        assert.match(relay[0]!.text, new RegExp(message.message));
        assert.equal(to(first.booking.requester.email)[0]?.subject, 'Ihre Buchung ist bestätigt: Bürgerhaus-Saal');
        const declined = to(second.booking.requester.email);
        assert.equal(declined.length, 1);
        assert.match(declined[0]!.text, /> Der Saal wird renoviert\./);
        assert.equal(to(third.booking.requester.email).length, 0, 'the requester cancelled it themselves');
        for (const mail of sent) assert.ok(!mail.text.includes(report.contact.email), 'no address in any text');
      } finally {
        admin.close();
        visitor.close();
        await mailer.stop();
        await running.close();
      }
    });

    it('over HTTP: a member exports and erases their own data; only admins reach another member\'s', async () => {
      const c = await fresh();
      const [{ secret }] = await db.query<{ secret: string }>('SELECT secret FROM communities WHERE id = $1', [c]);
      const running = await startServer(db);
      const anna = memberToken(c, secret!, { kind: 'member', memberId: 'anna', displayName: 'Anna' });
      const ben = memberToken(c, secret!, { kind: 'member', memberId: 'ben', displayName: 'Ben' });
      const admin = memberToken(c, secret!, { kind: 'admin', memberId: 'adm', displayName: 'Verwaltung' });
      try {
        for (const token of [anna, ben, admin]) assert.equal((await call(running.url, 'GET', `/c/${c}/session`, { token })).status, 200);
        const mine = await call(running.url, 'GET', `/c/${c}/session/me/data`, { token: anna });
        assert.equal(mine.status, 200);
        assert.equal(mine.json.memberId, 'anna');
        assert.equal(mine.json.member.token_name, 'Anna');
        assert.equal((await call(running.url, 'GET', `/c/${c}/session/me/data`)).status, 403, 'anonymous');
        assert.equal((await call(running.url, 'GET', `/c/${c}/members/anna/data`, { token: ben })).status, 403, 'another member');
        assert.equal((await call(running.url, 'GET', `/c/${c}/members/anna/data`, { token: admin })).status, 200);
        const wrong = await call(running.url, 'POST', `/c/${c}/members/anna/erase`, { token: admin, body: { confirm: 'ben' } });
        assert.equal(wrong.status, 422, 'the id must be repeated');
        assert.equal(wrong.json.details.issues[0].code, 'member.eraseConfirm');
        const erased = await call(running.url, 'POST', `/c/${c}/session/me/erase`, { token: anna, body: { confirm: 'anna' } });
        assert.equal(erased.status, 200);
        assert.equal((await db.query('SELECT 1 FROM members WHERE community = $1 AND id = $2', [c, 'anna'])).length, 0);
        assert.equal((await db.query('SELECT 1 FROM members WHERE community = $1 AND id = $2', [c, 'ben'])).length, 1);
      } finally {
        await running.close();
      }
    });
  });
}
