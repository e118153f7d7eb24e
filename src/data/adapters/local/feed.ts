/**
 * Group feeds on IndexedDB.
 *
 * Permissions (checked here, not by hiding buttons):
 * - Reading a group's posts: public groups → anyone; `members` groups → anyone with a member
 *   profile; `private` groups → active group members only. Community moderators and admins read
 *   everything. `listGroups` lists `members` groups only to members, and lists private groups to
 *   everyone, but their posts stay closed (`forbidden`).
 * - Posting and commenting: an active group membership with the group's current rules accepted
 *   (`feed.notMember`, `feed.acceptRules`); community moderators/admins may always. Urgent notices
 *   only by moderators. In approve-before-publish groups, posts by non-moderators are `pending`
 *   and visible only to their author and moderators until approved.
 * - Reacting and "Mach mit!": a member profile and read access (no membership needed).
 * - Reporting: anyone who can read the target, anonymous visitors included.
 * - Moderation (`moderate`, `listPending`, `listMembers`, `inviteCandidates`, `listReports` of a group): group
 *   moderators/admins or community moderators/admins. `listReports` without a group: community
 *   moderators. `saveGroup`: community admins.
 * - Hidden posts and comments are visible to moderators only; edits and deletes to the author
 *   or a moderator.
 */
import { BackendError, parse, type FeedApi } from '../../backend.js';
import {
  CandidateQuery, CommentInput, CommentQuery, CommitmentInput, GroupInput, Id, JoinRequest, ModerationAction, PageRequest, PostInput,
  PostPatch, PostQuery, Reaction, ReactionInput, ReportInput, ReportQuery, Slug, WithdrawInput,
  type Comment, type Group, type Highlights, type Member, type Membership, type Page, type Post, type PublicMember, type Report,
} from '../../schema/index.js';
import { foldText } from '../../rules/text.js';
import type { ChangeDraft, Core } from './core.js';
import {
  forbidden, invalid, isAdmin, isModerator, iso, notFound, pageOf, prefixRange, publicMember,
} from './domain.js';
import type { CommentRecord, CommitmentRecord, GroupRecord, MembershipRecord, PostRecord, Store, Tx } from './schema.js';

type PostFields = Omit<PostRecord, 'feedKey' | 'tagKeys' | 'highlightKey' | 'pendingKey'>;

export const noReactions = () => Object.fromEntries(Reaction.options.map((r) => [r, 0])) as PostRecord['reactions'];

/**
 * A post record with its index keys: pinned posts and urgent notices go to the highlights
 * index, everything else to the feed (and tag) index, pending posts also to the approval queue.
 */
export function indexPost(post: PostFields | PostRecord): PostRecord {
  const { feedKey: _f, tagKeys: _t, highlightKey: _h, pendingKey: _p, ...fields } = post as PostRecord;
  const key: [string, string, string] = [post.groupId, post.createdAt, post.id];
  const highlighted = post.pinned || post.kind === 'urgent';
  const record: PostRecord = {
    ...fields,
    tagKeys: highlighted ? [] : post.tags.map((tag) => [post.groupId, foldText(tag), post.createdAt, post.id]),
  };
  if (highlighted) record.highlightKey = key;
  else record.feedKey = key;
  if (post.status === 'pending') record.pendingKey = key;
  return record;
}

interface Access {
  group: GroupRecord;
  member: Member | null;
  membership: MembershipRecord | null;
  canRead: boolean;
  canModerate: boolean;
}

function accessOf(group: GroupRecord, member: Member | null, membership: MembershipRecord | null): Access {
  const active = membership?.status === 'active';
  const canModerate = isModerator(member) || (active && membership.role !== 'member');
  const canRead = canModerate || active || group.visibility === 'public' || (group.visibility === 'members' && !!member);
  return { group, member, membership, canRead, canModerate };
}

async function accessTo(tx: Tx, groupId: string, member: Member | null): Promise<Access> {
  const [group, membership] = await Promise.all([
    tx.objectStore('groups').get(groupId),
    member ? tx.objectStore('memberships').get([groupId, member.id]) : undefined,
  ]);
  if (!group) throw notFound('Group');
  return accessOf(group, member, membership ?? null);
}

function requireRead(access: Access): void {
  if (!access.canRead) throw forbidden(access.member ? 'feed.groupClosed' : 'session.profileRequired');
}

function requireModerate(access: Access): void {
  if (!access.canModerate) throw forbidden('feed.moderatorsOnly');
}

/** Posting and commenting: active membership with the current rules accepted. */
function requireParticipation(access: Access): void {
  if (isModerator(access.member)) return;
  const membership = access.membership;
  if (membership?.status !== 'active') throw forbidden('feed.notMember');
  const rulesOk = !access.group.rules || membership.rulesAccepted === access.group.rulesVersion || access.canModerate;
  if (!rulesOk) throw forbidden('feed.acceptRules', { version: access.group.rulesVersion });
}

function visiblePost(post: PostRecord, access: Access): boolean {
  if (post.status === 'published' || access.canModerate) return true;
  return post.status === 'pending' && post.author.id === access.member?.id;
}

const isLive = (post: PostRecord, nowIso: string) => post.expiresAt === null || post.expiresAt > nowIso;

function toMembership(m: MembershipRecord): Membership {
  const membership: Membership = {
    groupId: m.groupId, member: publicMember(m.member), role: m.role, status: m.status, rulesAccepted: m.rulesAccepted, since: m.since,
  };
  if (m.message) membership.message = m.message;
  return membership;
}

function toGroup(g: GroupRecord, membership: MembershipRecord | null | undefined): Group {
  return {
    id: g.id, name: g.name, description: g.description, visibility: g.visibility, joinPolicy: g.joinPolicy, rules: g.rules,
    approveBeforePublish: g.approveBeforePublish, rulesVersion: g.rulesVersion, memberCount: g.memberCount,
    createdAt: g.createdAt, membership: membership ? toMembership(membership) : null,
  };
}

function toPost(r: PostRecord, myReactions: readonly Reaction[], mine: readonly CommitmentRecord[], attachments: Post['attachments']): Post {
  let call: Post['call'] = null;
  if (r.call) {
    call = {
      start: r.call.start,
      place: r.call.place,
      slots: r.call.slots.map((s) => ({
        id: s.id, label: s.label, kind: s.kind, capacity: s.capacity, committed: s.committed,
        mine: mine.find((c) => c.slotId === s.id)?.count ?? 0,
      })),
    };
    if (r.call.end) call.end = r.call.end;
  }
  return {
    id: r.id, groupId: r.groupId, kind: r.kind, title: r.title, body: r.body, tags: [...r.tags], expiresAt: r.expiresAt,
    author: publicMember(r.author), createdAt: r.createdAt, editedAt: r.editedAt, status: r.status, pinned: r.pinned,
    commentsLocked: r.commentsLocked, commentCount: r.commentCount, reactions: { ...r.reactions },
    myReactions: [...myReactions], attachments, call,
  };
}

function toComment(c: CommentRecord): Comment {
  return { id: c.id, postId: c.postId, body: c.body, author: publicMember(c.author), createdAt: c.createdAt, status: c.status };
}

function toReport(r: Report): Report {
  return {
    id: r.id, target: { type: r.target.type, id: r.target.id }, reason: r.reason, note: r.note, groupId: r.groupId,
    createdAt: r.createdAt, status: r.status, excerpt: r.excerpt,
  };
}

/** Stores a post view reads besides posts. */
const VIEW: Store[] = ['reactions', 'commitments', 'files'];
const GROUP: Store[] = ['groups', 'memberships'];

const change = (groupId: string, kind: ChangeDraft['kind'], entity: string, id: string): ChangeDraft =>
  ({ topic: `feed/${groupId}`, kind, entity, id });

export async function requireFiles(tx: Tx, ids: readonly string[], path: string): Promise<void> {
  const found = await Promise.all(ids.map((id) => tx.objectStore('files').getKey(id)));
  const missing = found.findIndex((key) => key === undefined);
  if (missing >= 0) throw invalid(`${path}.${missing}`, 'file.unknown');
}

export class LocalFeed implements FeedApi {
  constructor(private readonly core: Core) {}

  /** Per-session fields (`myReactions`, `mine`) are looked up for the acting member only. */
  private async view(tx: Tx, record: PostRecord, member: Member | null): Promise<Post> {
    const [reactions, mine, attachments] = await Promise.all([
      member ? tx.objectStore('reactions').get([record.id, member.id]) : undefined,
      member && record.call ? tx.objectStore('commitments').index('byPostMember').getAll([record.id, member.id]) : [],
      record.attachments.length ? this.core.fileRefsFor(tx, record.attachments) : [],
    ]);
    return toPost(record, reactions?.reactions ?? [], mine, attachments);
  }

  private async post(tx: Tx, postId: string, member: Member | null): Promise<{ record: PostRecord; access: Access }> {
    const record = await tx.objectStore('posts').get(postId);
    if (!record) throw notFound('Post');
    const access = await accessTo(tx, record.groupId, member);
    requireRead(access);
    if (!visiblePost(record, access)) throw notFound('Post');
    return { record, access };
  }

  /** Every group the session may know of, by name; see the module comment for visibility. */
  async listGroups(): Promise<Group[]> {
    const member = await this.core.actor();
    return this.core.read(GROUP, async (tx) => {
      const memberships = member ? await tx.objectStore('memberships').index('byMember').getAll(member.id) : [];
      const byGroup = new Map(memberships.map((m) => [m.groupId, m]));
      const groups: Group[] = [];
      for (let c = await tx.objectStore('groups').index('byName').openCursor(); c; c = await c.continue()) {
        groups.push(toGroup(c.value, byGroup.get(c.value.id)));
      }
      return groups;
    });
  }

  async getGroup(groupId: string): Promise<Group> {
    parse(Slug, groupId);
    const member = await this.core.actor();
    return this.core.read(GROUP, async (tx) => {
      // Every group's name and join policy are public; what is inside is checked per read.
      const access = await accessTo(tx, groupId, member);
      return toGroup(access.group, access.membership);
    });
  }

  /** Community admins. Changing the rules text bumps `rulesVersion`: members accept again before posting. */
  async saveGroup(input: GroupInput): Promise<Group> {
    const fields = parse(GroupInput, input);
    const member = await this.core.member();
    if (!isAdmin(member)) throw forbidden('adminsOnly');
    const now = this.core.now().toISOString();
    return this.core.write(GROUP, async (tx, changes) => {
      const groups = tx.objectStore('groups');
      const existing = await groups.get(fields.id);
      const record: GroupRecord = existing
        ? { ...existing, ...fields, rulesVersion: existing.rulesVersion + (existing.rules === fields.rules ? 0 : 1) }
        : { ...fields, rulesVersion: 1, memberCount: 0, createdAt: now };
      await groups.put(record);
      changes.push(change(record.id, existing ? 'updated' : 'created', 'group', record.id));
      return toGroup(record, await tx.objectStore('memberships').get([record.id, member.id]));
    });
  }

  /**
   * Open groups: active at once; `request`: pending until a moderator decides; `invite`: only
   * after an invitation (`feed.inviteOnly`). Joining again returns the existing membership.
   */
  async join(groupId: string, request: JoinRequest): Promise<Membership> {
    parse(Slug, groupId);
    const { message } = parse(JoinRequest, request);
    const member = await this.core.member();
    const now = this.core.now().toISOString();
    return this.core.write(GROUP, async (tx, changes) => {
      const access = await accessTo(tx, groupId, member);
      const existing = access.membership;
      if (existing && existing.status !== 'invited') return toMembership(existing);
      const active = !!existing || access.group.joinPolicy === 'open' || isModerator(member);
      if (!active && access.group.joinPolicy === 'invite') throw forbidden('feed.inviteOnly');
      const record: MembershipRecord = {
        groupId, memberId: member.id, member: publicMember(member), role: existing?.role ?? 'member',
        status: active ? 'active' : 'pending', rulesAccepted: null, since: now,
      };
      if (message) record.message = message;
      await tx.objectStore('memberships').put(record);
      if (active) await tx.objectStore('groups').put({ ...access.group, memberCount: access.group.memberCount + 1 });
      changes.push(change(groupId, existing ? 'updated' : 'created', 'membership', member.id));
      return toMembership(record);
    });
  }

  async leave(groupId: string): Promise<void> {
    parse(Slug, groupId);
    const member = await this.core.member();
    await this.core.write(GROUP, async (tx, changes) => {
      const access = await accessTo(tx, groupId, member);
      if (!access.membership) return;
      await tx.objectStore('memberships').delete([groupId, member.id]);
      if (access.membership.status === 'active') {
        await tx.objectStore('groups').put({ ...access.group, memberCount: Math.max(0, access.group.memberCount - 1) });
      }
      changes.push(change(groupId, 'deleted', 'membership', member.id));
    });
  }

  /** Needs an active membership; in a public open group, accepting the rules also joins it. */
  async acceptRules(groupId: string): Promise<Membership> {
    parse(Slug, groupId);
    const member = await this.core.member();
    const now = this.core.now().toISOString();
    return this.core.write(GROUP, async (tx, changes) => {
      const { group, membership } = await accessTo(tx, groupId, member);
      let record: MembershipRecord;
      if (membership?.status === 'active') {
        record = { ...membership, rulesAccepted: group.rulesVersion };
      } else if (!membership && group.visibility === 'public' && group.joinPolicy === 'open') {
        record = { groupId, memberId: member.id, member: publicMember(member), role: 'member', status: 'active', rulesAccepted: group.rulesVersion, since: now };
        await tx.objectStore('groups').put({ ...group, memberCount: group.memberCount + 1 });
      } else {
        throw forbidden('feed.notMember');
      }
      await tx.objectStore('memberships').put(record);
      changes.push(change(groupId, membership ? 'updated' : 'created', 'membership', member.id));
      return toMembership(record);
    });
  }

  async listMembers(groupId: string, page: PageRequest): Promise<Page<Membership>> {
    parse(Slug, groupId);
    const request = parse(PageRequest, page);
    const member = await this.core.member();
    return this.core.read(GROUP, async (tx) => {
      requireModerate(await accessTo(tx, groupId, member));
      return pageOf(tx.objectStore('memberships').index('byGroup'), 'members', [groupId], request, 'next', toMembership);
    });
  }

  /**
   * Community members without any membership in the group (active, pending or invited), by
   * folded name then id, through the members' `[nameKey, id]` index. `q` is folded like the
   * names (`rules/text.ts`) and matched as a part of the name key. Each member on the way costs
   * one membership lookup; nothing beyond the page (and the skipped members) is read.
   */
  async inviteCandidates(groupId: string, query: CandidateQuery): Promise<Page<PublicMember>> {
    parse(Slug, groupId);
    const q = parse(CandidateQuery, query);
    const member = await this.core.member();
    const needle = q.q ? foldText(q.q) : '';
    return this.core.read(['members', ...GROUP], async (tx) => {
      requireModerate(await accessTo(tx, groupId, member));
      const memberships = tx.objectStore('memberships');
      return pageOf(tx.objectStore('members').index('byName'), 'candidates', [], q, 'next', async (m) => {
        if (needle && !m.nameKey.includes(needle)) return undefined;
        if (await memberships.getKey([groupId, m.id])) return undefined;
        return publicMember(m);
      });
    });
  }

  /**
   * Newest first, through the `[groupId, createdAt, id]` feed index (or the tag index) with a
   * `prev` cursor. Pinned posts and urgent notices are not in that index at all; expired posts
   * and posts this session may not see are skipped.
   */
  async listPosts(query: PostQuery): Promise<Page<Post>> {
    const q = parse(PostQuery, query);
    const member = await this.core.actor();
    const now = this.core.now().toISOString();
    return this.core.read(['posts', ...GROUP, ...VIEW], async (tx) => {
      const access = await accessTo(tx, q.groupId, member);
      requireRead(access);
      const posts = tx.objectStore('posts');
      const accept = (p: PostRecord) => (visiblePost(p, access) && isLive(p, now) ? p : undefined);
      const page = q.tag
        ? await pageOf(posts.index('feedTag'), 'posts.tag', [q.groupId, foldText(q.tag)], q, 'prev', accept)
        : await pageOf(posts.index('feed'), 'posts', [q.groupId], q, 'prev', accept);
      return { items: await Promise.all(page.items.map((p) => this.view(tx, p, member))), nextCursor: page.nextCursor };
    });
  }

  async highlights(groupId: string): Promise<Highlights> {
    parse(Slug, groupId);
    const member = await this.core.actor();
    const now = this.core.now().toISOString();
    return this.core.read(['posts', ...GROUP, ...VIEW], async (tx) => {
      const access = await accessTo(tx, groupId, member);
      requireRead(access);
      const records: PostRecord[] = [];
      const index = tx.objectStore('posts').index('highlight');
      for (let c = await index.openCursor(prefixRange([groupId]), 'prev'); c; c = await c.continue()) {
        if (visiblePost(c.value, access) && isLive(c.value, now)) records.push(c.value);
      }
      const posts = await Promise.all(records.map((p) => this.view(tx, p, member)));
      return { urgent: posts.filter((p) => p.kind === 'urgent'), pinned: posts.filter((p) => p.kind !== 'urgent') };
    });
  }

  /** Private groups: `forbidden` for non-members. Pending or hidden posts the session may not see: `not-found`. */
  async getPost(postId: string): Promise<Post> {
    parse(Id, postId);
    const member = await this.core.actor();
    return this.core.read(['posts', ...GROUP, ...VIEW], async (tx) => {
      const { record } = await this.post(tx, postId, member);
      return this.view(tx, record, member);
    });
  }

  /**
   * Replaying an id returns the stored post unchanged, even if the new input differs; an id
   * taken by a post this session may not see is a `conflict`.
   */
  async createPost(input: PostInput): Promise<Post> {
    const post = parse(PostInput, input);
    const member = await this.core.member();
    const now = this.core.now().toISOString();
    if (post.expiresAt !== null && Date.parse(post.expiresAt) <= Date.parse(now)) {
      throw invalid('expiresAt', 'feed.expiresInPast');
    }
    if (post.call) {
      if (post.call.end && Date.parse(post.call.end) <= Date.parse(post.call.start)) throw invalid('call.end', 'feed.endBeforeStart');
      const duplicate = post.call.slots.findIndex((s, i) => post.call!.slots.findIndex((t) => t.id === s.id) !== i);
      if (duplicate >= 0) throw invalid(`call.slots.${duplicate}.id`, 'feed.duplicateSlot');
    }
    return this.core.write(['posts', ...GROUP, ...VIEW], async (tx, changes) => {
      const posts = tx.objectStore('posts');
      const existing = await posts.get(post.id);
      if (existing) {
        const access = await accessTo(tx, existing.groupId, member);
        if (!access.canRead || !visiblePost(existing, access)) throw new BackendError('conflict', 'This id is already in use.');
        return this.view(tx, existing, member);
      }
      const access = await accessTo(tx, post.groupId, member);
      requireRead(access);
      requireParticipation(access);
      if (post.kind === 'urgent' && !access.canModerate) throw forbidden('feed.urgentModeratorsOnly');
      await requireFiles(tx, post.attachments, 'attachments');
      const record = indexPost({
        id: post.id, groupId: post.groupId, kind: post.kind, title: post.title, body: post.body, tags: post.tags,
        expiresAt: post.expiresAt && iso(post.expiresAt), author: publicMember(member), createdAt: now, editedAt: null,
        status: access.group.approveBeforePublish && !access.canModerate ? 'pending' : 'published',
        pinned: false, commentsLocked: false, commentCount: 0, reactions: noReactions(), attachments: post.attachments,
        call: post.call && {
          start: iso(post.call.start), ...(post.call.end && { end: iso(post.call.end) }), place: post.call.place,
          slots: post.call.slots.map((s) => ({ ...s, committed: 0 })),
        },
      });
      await posts.put(record);
      changes.push(change(post.groupId, 'created', 'post', post.id));
      return this.view(tx, record, member);
    });
  }

  /** The author or a moderator; the merged post must still pass `PostInput`. */
  async updatePost(postId: string, patch: PostPatch): Promise<Post> {
    parse(Id, postId);
    const edit = parse(PostPatch, patch);
    const member = await this.core.member();
    const now = this.core.now().toISOString();
    return this.core.write(['posts', ...GROUP, ...VIEW], async (tx, changes) => {
      const { record, access } = await this.post(tx, postId, member);
      if (record.author.id !== member.id && !access.canModerate) throw forbidden('feed.notAuthor');
      const merged = parse(PostInput, {
        id: record.id, groupId: record.groupId, kind: record.kind, title: edit.title ?? record.title, body: edit.body ?? record.body,
        tags: edit.tags ?? record.tags, expiresAt: edit.expiresAt !== undefined ? edit.expiresAt : record.expiresAt,
        attachments: edit.attachments ?? record.attachments, call: record.call,
      });
      await requireFiles(tx, merged.attachments, 'attachments');
      const updated = indexPost({
        ...record, title: merged.title, body: merged.body, tags: merged.tags, expiresAt: merged.expiresAt && iso(merged.expiresAt),
        attachments: merged.attachments, editedAt: now,
      });
      await tx.objectStore('posts').put(updated);
      changes.push(change(record.groupId, 'updated', 'post', record.id));
      return this.view(tx, updated, member);
    });
  }

  /** The author or a moderator; removes the post's comments, reactions and commitments with it. */
  async deletePost(postId: string): Promise<void> {
    parse(Id, postId);
    const member = await this.core.member();
    await this.core.write(['posts', 'comments', ...GROUP, ...VIEW], async (tx, changes) => {
      const { record, access } = await this.post(tx, postId, member);
      if (record.author.id !== member.id && !access.canModerate) throw forbidden('feed.notAuthor');
      const comments = tx.objectStore('comments');
      const commentIds = await comments.index('byPost').getAllKeys(prefixRange([postId]));
      await Promise.all([
        tx.objectStore('posts').delete(postId),
        ...commentIds.map((id) => comments.delete(id)),
        tx.objectStore('reactions').delete(prefixRange([postId])),
        tx.objectStore('commitments').delete(prefixRange([postId])),
      ]);
      changes.push(change(record.groupId, 'deleted', 'post', postId));
    });
  }

  /** A member profile and read access; on/off is idempotent. */
  async react(input: ReactionInput): Promise<Post> {
    const { postId, reaction, on } = parse(ReactionInput, input);
    const member = await this.core.member();
    return this.core.write(['posts', ...GROUP, ...VIEW], async (tx, changes) => {
      const { record } = await this.post(tx, postId, member);
      if (record.status !== 'published') throw forbidden('feed.notPublished');
      const reactions = tx.objectStore('reactions');
      const mine = new Set((await reactions.get([postId, member.id]))?.reactions);
      if (mine.has(reaction) === on) return this.view(tx, record, member);
      if (on) mine.add(reaction);
      else mine.delete(reaction);
      const updated = { ...record, reactions: { ...record.reactions, [reaction]: Math.max(0, record.reactions[reaction] + (on ? 1 : -1)) } };
      await Promise.all([
        mine.size ? reactions.put({ postId, memberId: member.id, reactions: [...mine] }) : reactions.delete([postId, member.id]),
        tx.objectStore('posts').put(updated),
      ]);
      changes.push(change(record.groupId, 'updated', 'post', postId));
      return this.view(tx, updated, member);
    });
  }

  /** Oldest first; hidden comments only for moderators. */
  async listComments(query: CommentQuery): Promise<Page<Comment>> {
    const q = parse(CommentQuery, query);
    const member = await this.core.actor();
    return this.core.read(['posts', 'comments', ...GROUP], async (tx) => {
      const { access } = await this.post(tx, q.postId, member);
      return pageOf(tx.objectStore('comments').index('byPost'), 'comments', [q.postId], q, 'next', (c) =>
        c.status === 'published' || access.canModerate ? toComment(c) : undefined);
    });
  }

  /** Like posting: membership with accepted rules; locked comments only for moderators. */
  async addComment(input: CommentInput): Promise<Comment> {
    const comment = parse(CommentInput, input);
    const member = await this.core.member();
    const now = this.core.now().toISOString();
    return this.core.write(['posts', 'comments', ...GROUP], async (tx, changes) => {
      const comments = tx.objectStore('comments');
      const existing = await comments.get(comment.id);
      if (existing) {
        if (existing.author.id !== member.id) throw new BackendError('conflict', 'This id is already in use.');
        return toComment(existing);
      }
      const { record, access } = await this.post(tx, comment.postId, member);
      requireParticipation(access);
      if (record.status !== 'published') throw forbidden('feed.notPublished');
      if (record.commentsLocked && !access.canModerate) throw forbidden('feed.commentsLocked');
      const stored: CommentRecord = {
        id: comment.id, postId: comment.postId, groupId: record.groupId, body: comment.body, author: publicMember(member),
        createdAt: now, status: 'published',
      };
      await Promise.all([comments.put(stored), tx.objectStore('posts').put({ ...record, commentCount: record.commentCount + 1 })]);
      // The post changed too (its comment count): pages showing it re-read just that post.
      changes.push(change(record.groupId, 'created', 'comment', comment.id), change(record.groupId, 'updated', 'post', record.id));
      return toComment(stored);
    });
  }

  async deleteComment(commentId: string): Promise<void> {
    parse(Id, commentId);
    const member = await this.core.member();
    await this.core.write(['posts', 'comments', ...GROUP], async (tx, changes) => {
      const comment = await tx.objectStore('comments').get(commentId);
      if (!comment) throw notFound('Comment');
      const access = await accessTo(tx, comment.groupId, member);
      requireRead(access);
      if (comment.author.id !== member.id && !access.canModerate) throw forbidden('feed.notAuthor');
      await tx.objectStore('comments').delete(commentId);
      const post = await tx.objectStore('posts').get(comment.postId);
      if (post && comment.status === 'published') {
        await tx.objectStore('posts').put({ ...post, commentCount: Math.max(0, post.commentCount - 1) });
        changes.push(change(comment.groupId, 'updated', 'post', post.id));
      }
      changes.push(change(comment.groupId, 'deleted', 'comment', commentId));
    });
  }

  /**
   * Commits to a slot of a "Mach mit!" call. Capacity is checked and written in one
   * transaction, so concurrent commitments can never overfill a slot: the loser gets
   * `conflict` with issue `feed.slotFull {available}`. One commitment per member and slot; a
   * second commit with a new id sets the new count. Anonymous visitors: `forbidden`.
   */
  async commit(input: CommitmentInput): Promise<Post> {
    const c = parse(CommitmentInput, input);
    const member = await this.core.member();
    const at = this.core.now().toISOString();
    return this.core.write(['posts', 'receipts', ...GROUP, ...VIEW], async (tx, changes) => {
      const receipt = `commit:${c.id}`;
      const { record } = await this.post(tx, c.postId, member);
      if (await tx.objectStore('receipts').getKey(receipt)) return this.view(tx, record, member);
      if (!record.call || record.status !== 'published') throw invalid('postId', 'feed.notACall');
      const slot = record.call.slots.find((s) => s.id === c.slotId);
      if (!slot) throw invalid('slotId', 'feed.unknownSlot');
      const commitments = tx.objectStore('commitments');
      const previous = (await commitments.get([c.postId, c.slotId, member.id]))?.count ?? 0;
      const available = slot.capacity - slot.committed + previous;
      if (c.count > available) {
        throw new BackendError('conflict', 'feed.slotFull', { issues: [{ path: 'count', code: 'feed.slotFull', params: { available } }] });
      }
      const updated: PostRecord = {
        ...record,
        call: { ...record.call, slots: record.call.slots.map((s) => (s.id === slot.id ? { ...s, committed: s.committed - previous + c.count } : s)) },
      };
      await Promise.all([
        commitments.put({ postId: c.postId, slotId: c.slotId, memberId: member.id, count: c.count, ...(c.note && { note: c.note }) }),
        tx.objectStore('posts').put(updated),
        tx.objectStore('receipts').put({ key: receipt, at }),
      ]);
      changes.push(change(record.groupId, 'updated', 'post', record.id));
      return this.view(tx, updated, member);
    });
  }

  /** Removes the session's commitment to a slot; nothing to withdraw is not an error. */
  async withdraw(input: WithdrawInput): Promise<Post> {
    const w = parse(WithdrawInput, input);
    const member = await this.core.member();
    return this.core.write(['posts', ...GROUP, ...VIEW], async (tx, changes) => {
      const { record } = await this.post(tx, w.postId, member);
      const commitments = tx.objectStore('commitments');
      const existing = await commitments.get([w.postId, w.slotId, member.id]);
      if (!existing || !record.call) return this.view(tx, record, member);
      const updated: PostRecord = {
        ...record,
        call: { ...record.call, slots: record.call.slots.map((s) => (s.id === w.slotId ? { ...s, committed: Math.max(0, s.committed - existing.count) } : s)) },
      };
      await Promise.all([commitments.delete([w.postId, w.slotId, member.id]), tx.objectStore('posts').put(updated)]);
      changes.push(change(record.groupId, 'updated', 'post', record.id));
      return this.view(tx, updated, member);
    });
  }

  async report(input: ReportInput): Promise<void> {
    const r = parse(ReportInput, input);
    const member = await this.core.actor();
    const now = this.core.now().toISOString();
    await this.core.write(['reports', 'posts', 'comments', ...GROUP], async (tx, changes) => {
      const reports = tx.objectStore('reports');
      if (await reports.getKey(r.id)) return;
      let groupId: string;
      let excerpt: string;
      if (r.target.type === 'post') {
        const { record } = await this.post(tx, r.target.id, member);
        groupId = record.groupId;
        excerpt = record.title;
      } else {
        const comment = await tx.objectStore('comments').get(r.target.id);
        if (!comment) throw notFound('Comment');
        requireRead(await accessTo(tx, comment.groupId, member));
        groupId = comment.groupId;
        excerpt = comment.body;
      }
      await reports.put({
        id: r.id, target: r.target, reason: r.reason, note: r.note, groupId, createdAt: now, status: 'open',
        excerpt: excerpt.replace(/\s+/g, ' ').slice(0, 200).trim(),
      });
      changes.push(change(groupId, 'created', 'report', r.id));
    });
  }

  async listReports(query: ReportQuery): Promise<Page<Report>> {
    const q = parse(ReportQuery, query);
    const member = await this.core.member();
    return this.core.read(['reports', ...GROUP], async (tx) => {
      if (q.groupId) requireModerate(await accessTo(tx, q.groupId, member));
      else if (!isModerator(member)) throw forbidden('feed.moderatorsOnly');
      const reports = tx.objectStore('reports');
      if (q.groupId && q.status) return pageOf(reports.index('byGroupStatus'), 'reports.gs', [q.groupId, q.status], q, 'prev', toReport);
      if (q.groupId) return pageOf(reports.index('byGroup'), 'reports.g', [q.groupId], q, 'prev', toReport);
      if (q.status) return pageOf(reports.index('byStatus'), 'reports.s', [q.status], q, 'prev', toReport);
      return pageOf(reports.index('byCreated'), 'reports', [], q, 'prev', toReport);
    });
  }

  async listPending(groupId: string, page: PageRequest): Promise<Page<Post>> {
    parse(Slug, groupId);
    const request = parse(PageRequest, page);
    const member = await this.core.member();
    return this.core.read(['posts', ...GROUP, ...VIEW], async (tx) => {
      requireModerate(await accessTo(tx, groupId, member));
      const result = await pageOf(tx.objectStore('posts').index('pending'), 'pending', [groupId], request, 'prev', (p) => p);
      return { items: await Promise.all(result.items.map((p) => this.view(tx, p, member))), nextCursor: result.nextCursor };
    });
  }

  /** Group moderators/admins or community moderators/admins, for the group the target belongs to. */
  async moderate(input: ModerationAction): Promise<void> {
    const action = parse(ModerationAction, input);
    const member = await this.core.member();
    const now = this.core.now().toISOString();
    await this.core.write(['posts', 'comments', 'reports', 'members', ...GROUP], async (tx, changes) => {
      const posts = tx.objectStore('posts');
      const moderatedPost = async (postId: string) => {
        const record = await posts.get(postId);
        if (!record) throw notFound('Post');
        requireModerate(await accessTo(tx, record.groupId, member));
        return record;
      };
      const savePost = async (record: PostRecord) => {
        await posts.put(indexPost(record));
        changes.push(change(record.groupId, 'updated', 'post', record.id));
      };
      switch (action.action) {
        case 'pin':
          return savePost({ ...(await moderatedPost(action.postId)), pinned: action.on });
        case 'lock-comments':
          return savePost({ ...(await moderatedPost(action.postId)), commentsLocked: action.on });
        case 'approve': {
          const record = await moderatedPost(action.postId);
          return record.status === 'pending' ? savePost({ ...record, status: 'published' }) : undefined;
        }
        case 'hide': {
          if (action.target.type === 'post') {
            const record = await moderatedPost(action.target.id);
            if (action.on !== (record.status === 'hidden')) await savePost({ ...record, status: action.on ? 'hidden' : 'published' });
            return;
          }
          const comments = tx.objectStore('comments');
          const comment = await comments.get(action.target.id);
          if (!comment) throw notFound('Comment');
          requireModerate(await accessTo(tx, comment.groupId, member));
          if (action.on === (comment.status === 'hidden')) return;
          await comments.put({ ...comment, status: action.on ? 'hidden' : 'published' });
          const post = await posts.get(comment.postId);
          if (post) await posts.put({ ...post, commentCount: Math.max(0, post.commentCount + (action.on ? -1 : 1)) });
          changes.push(change(comment.groupId, 'updated', 'comment', comment.id));
          return;
        }
        case 'resolve-report': {
          const reports = tx.objectStore('reports');
          const report = await reports.get(action.reportId);
          if (!report) throw notFound('Report');
          requireModerate(await accessTo(tx, report.groupId, member));
          await reports.put({ ...report, status: 'resolved' });
          changes.push(change(report.groupId, 'updated', 'report', report.id));
          return;
        }
        case 'decide-membership': {
          const access = await accessTo(tx, action.groupId, member);
          requireModerate(access);
          const memberships = tx.objectStore('memberships');
          const membership = await memberships.get([action.groupId, action.memberId]);
          if (!membership) throw notFound('Membership');
          if (membership.status !== 'pending') return;
          if (action.approve) {
            await memberships.put({ ...membership, status: 'active', since: now });
            await tx.objectStore('groups').put({ ...access.group, memberCount: access.group.memberCount + 1 });
          } else {
            await memberships.delete([action.groupId, action.memberId]);
          }
          changes.push(change(action.groupId, action.approve ? 'updated' : 'deleted', 'membership', action.memberId));
          return;
        }
        case 'invite': {
          const access = await accessTo(tx, action.groupId, member);
          requireModerate(access);
          const invitee = await tx.objectStore('members').get(action.memberId);
          if (!invitee) throw invalid('memberId', 'feed.unknownMember');
          const memberships = tx.objectStore('memberships');
          const existing = await memberships.get([action.groupId, action.memberId]);
          if (existing?.status === 'active' || existing?.status === 'invited') return;
          // Inviting someone who asked to join lets them in.
          const status = existing ? 'active' : 'invited';
          await memberships.put({
            groupId: action.groupId, memberId: invitee.id, member: publicMember(invitee), role: 'member', status,
            rulesAccepted: null, since: now,
          });
          if (status === 'active') await tx.objectStore('groups').put({ ...access.group, memberCount: access.group.memberCount + 1 });
          changes.push(change(action.groupId, existing ? 'updated' : 'created', 'membership', invitee.id));
          return;
        }
      }
    });
  }
}
