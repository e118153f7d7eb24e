/**
 * Loading a dataset: validated with `Dataset`, turned into stored records (with counters and
 * index keys), then inserted in one transaction where absent. Records that already exist are left
 * as they are, so seeding twice changes nothing and never overwrites what visitors did since.
 */
import { parse } from '../../backend.js';
import { Dataset, type PublicMember } from '../../schema/index.js';
import { indexAward } from './badges.js';
import { indexBooking } from './bookings.js';
import type { ChangeDraft, Core } from './core.js';
import { invalid, iso, publicMember } from './domain.js';
import { indexPost, noReactions } from './feed.js';
import { indexItem } from './lost-found.js';
import { memberRecord, type DorfDB, type GroupRecord, type MembershipRecord, type ReactionRecord, type Store } from './schema.js';

interface Entry {
  store: Store;
  key: IDBValidKey;
  value: DorfDB[Store]['value'];
}

export async function seedDataset(core: Core, input: Dataset): Promise<void> {
  const data = parse(Dataset, input);
  if (data.community.id !== core.community) throw invalid('community.id', 'seed.otherCommunity', { expected: core.community });
  const now = core.now().toISOString();
  const people = new Map(data.members.map((m) => [m.id, m]));
  const person = (id: string, path: string): PublicMember => {
    const member = people.get(id);
    if (!member) throw invalid(path, 'seed.unknownMember');
    return publicMember(member);
  };

  const entries: Entry[] = [];
  const add = (store: Store, key: IDBValidKey, value: Entry['value']) => entries.push({ store, key, value });
  const topics = new Set<string>();

  add('meta', 'community', { key: 'community', value: data.community });
  for (const member of data.members) add('members', member.id, memberRecord(member));

  data.groups.forEach(({ members, ...group }, g) => {
    const record: GroupRecord = { ...group, rulesVersion: 1, memberCount: members.length, createdAt: now };
    add('groups', group.id, record);
    members.forEach(({ memberId, role }, m) => {
      const membership: MembershipRecord = {
        groupId: group.id, memberId, member: person(memberId, `groups.${g}.members.${m}.memberId`), role, status: 'active',
        rulesAccepted: record.rulesVersion, since: now,
      };
      add('memberships', [group.id, memberId], membership);
    });
    topics.add(`feed/${group.id}`);
  });

  data.posts.forEach((post, p) => {
    const { authorId, reactions, comments, commitments, ...fields } = post;
    const counts = noReactions();
    const byMember = new Map<string, ReactionRecord>();
    for (const { memberId, reaction } of reactions) {
      const record = byMember.get(memberId) ?? { postId: post.id, memberId, reactions: [] };
      if (!record.reactions.includes(reaction)) {
        record.reactions.push(reaction);
        counts[reaction]++;
      }
      byMember.set(memberId, record);
    }
    for (const record of byMember.values()) add('reactions', [post.id, record.memberId], record);
    comments.forEach((c, i) => {
      add('comments', c.id, {
        id: c.id, postId: post.id, groupId: post.groupId, body: c.body, author: person(c.authorId, `posts.${p}.comments.${i}.authorId`),
        createdAt: iso(c.createdAt), status: 'published',
      });
    });
    const committed = new Map<string, number>();
    commitments.forEach((c, i) => {
      person(c.memberId, `posts.${p}.commitments.${i}.memberId`);
      committed.set(c.slotId, (committed.get(c.slotId) ?? 0) + c.count);
      add('commitments', [post.id, c.slotId, c.memberId], { postId: post.id, slotId: c.slotId, memberId: c.memberId, count: c.count });
      add('receipts', `commit:${c.id}`, { key: `commit:${c.id}`, at: now });
    });
    add('posts', post.id, indexPost({
      ...fields, expiresAt: fields.expiresAt && iso(fields.expiresAt), author: person(authorId, `posts.${p}.authorId`),
      createdAt: iso(post.createdAt), editedAt: null, status: 'published', commentsLocked: false, commentCount: comments.length,
      reactions: counts,
      call: fields.call && {
        start: iso(fields.call.start), ...(fields.call.end && { end: iso(fields.call.end) }), place: fields.call.place,
        slots: fields.call.slots.map((s) => ({ ...s, committed: committed.get(s.id) ?? 0 })),
      },
    }));
  });

  for (const resource of data.resources) {
    add('resources', resource.id, resource);
    topics.add(`bookings/${resource.id}`);
  }
  for (const booking of data.bookings) {
    add('bookings', booking.id, indexBooking({
      ...booking, start: iso(booking.start), end: iso(booking.end), createdAt: iso(booking.createdAt),
      decidedAt: booking.decidedAt && iso(booking.decidedAt),
    }));
    topics.add(`bookings/${booking.resourceId}`);
  }

  for (const item of data.items) {
    // "expired" is not stored: it is read from `expiresAt` against the clock.
    const expired = item.status === 'expired';
    const expiresAt = expired && item.expiresAt > now ? now : iso(item.expiresAt);
    add('items', item.id, indexItem({ ...item, status: item.status === 'expired' ? 'open' : item.status, hidden: false, createdAt: iso(item.createdAt), expiresAt }));
    topics.add('lost-found');
  }

  const cohortPaths = new Map<string, string>();
  for (const path of data.paths) {
    add('paths', path.id, { ...path, ...(path.cohort && { cohortId: path.cohort.id }) });
    if (path.cohort) cohortPaths.set(path.cohort.id, path.id);
    topics.add(`learning/${path.id}`);
  }
  data.checkIns.forEach((checkIn, i) => {
    if (!cohortPaths.has(checkIn.cohortId)) throw invalid(`checkIns.${i}.cohortId`, 'seed.unknownCohort');
    person(checkIn.memberId, `checkIns.${i}.memberId`);
    add('cohortMembers', [checkIn.cohortId, checkIn.memberId], { cohortId: checkIn.cohortId, memberId: checkIn.memberId, joinedAt: now });
    add('checkIns', [checkIn.cohortId, checkIn.memberId, checkIn.day], { ...checkIn, at: now });
  });

  const achievementIds = new Set(data.achievements.map((a) => a.id));
  for (const achievement of data.achievements) add('achievements', achievement.id, achievement);
  data.awards.forEach((award, i) => {
    if (!achievementIds.has(award.achievementId)) throw invalid(`awards.${i}.achievementId`, 'seed.unknownAchievement');
    const { recipientId, ...fields } = award;
    add('awards', award.id, indexAward({
      ...fields, inputId: award.id, recipientId, recipient: person(recipientId, `awards.${i}.recipientId`),
      issuedOn: iso(award.issuedOn), expires: award.expires && iso(award.expires),
      revocationReason: award.revocationReason && award.revocationReason.replace(/\s+/g, ' '),
    }));
  });
  if (data.awards.length || data.achievements.length) topics.add('badges');

  const stores = [...new Set(entries.map((e) => e.store))];
  await core.write(stores, async (tx, changes) => {
    // All lookups in flight at once, then all inserts: two round trips for any dataset size.
    const existing = await Promise.all(entries.map((e) => tx.objectStore(e.store).getKey(e.key as never)));
    const missing = entries.filter((_, i) => existing[i] === undefined);
    await Promise.all(missing.map((e) => tx.objectStore(e.store).put(e.value as never)));
    if (missing.length) {
      changes.push(...[...topics].map((topic): ChangeDraft => ({ topic, kind: 'updated', entity: 'dataset', id: data.community.id })));
    }
  });
}
