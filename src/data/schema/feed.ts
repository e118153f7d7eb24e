/** Group feeds: groups, posts (note, news, urgent notice, "Mach mit!" call), comments, moderation. */
import * as z from 'zod/mini';
import { FileRef, Id, Instant, line, PageRequest, PublicMember, Slug, text } from './common.js';

export const GroupVisibility = z.enum(['public', 'members', 'private']);
export const JoinPolicy = z.enum(['open', 'request', 'invite']);
export const GroupRole = z.enum(['member', 'moderator', 'admin']);
export const MembershipStatus = z.enum(['active', 'pending', 'invited']);

export const GroupInput = z.object({
  id: Slug,
  name: line(1, 80),
  description: text(0, 500),
  visibility: GroupVisibility,
  joinPolicy: JoinPolicy,
  /** House rules (code of conduct) a member accepts once before their first post. */
  rules: text(0, 4000),
  /** Posts by members wait for a moderator before anyone else sees them. */
  approveBeforePublish: z.boolean(),
});
export type GroupInput = z.infer<typeof GroupInput>;

export const Membership = z.object({
  groupId: Slug,
  member: PublicMember,
  role: GroupRole,
  status: MembershipStatus,
  /** The rules version the member accepted; posting requires the current one. */
  rulesAccepted: z.nullable(z.int()),
  message: z.optional(text(0, 500)),
  since: Instant,
});
export type Membership = z.infer<typeof Membership>;

/**
 * A group as the current session may see it. Non-members of a private group get exactly this
 * and nothing of its posts.
 */
export const Group = z.extend(GroupInput, {
  rulesVersion: z.int().check(z.nonnegative()),
  memberCount: z.int().check(z.nonnegative()),
  createdAt: Instant,
  /** The current session's membership, if any. */
  membership: z.nullable(Membership),
});
export type Group = z.infer<typeof Group>;

export const JoinRequest = z.object({ message: z.optional(text(0, 500)) });
export type JoinRequest = z.infer<typeof JoinRequest>;

// ---------------------------------------------------------------------------------------------
// Posts

export const PostKind = z.enum(['note', 'news', 'urgent', 'call']);
export type PostKind = z.infer<typeof PostKind>;
export const PostStatus = z.enum(['published', 'pending', 'hidden']);
export const Reaction = z.enum(['like', 'heart', 'thanks', 'clap']);
export type Reaction = z.infer<typeof Reaction>;

export const MAX_TAGS = 20;
export const Tag = line(1, 32);

export const SlotKind = z.enum(['people', 'item']);
export const CallSlotInput = z.object({
  id: Id,
  label: line(1, 80),
  kind: SlotKind,
  capacity: z.int().check(z.minimum(1), z.maximum(10_000)),
});
export const CallSlot = z.extend(CallSlotInput, {
  committed: z.int().check(z.nonnegative()),
  /** How many the current session committed to this slot. */
  mine: z.int().check(z.nonnegative()),
});
export type CallSlot = z.infer<typeof CallSlot>;

export const CallInput = z.object({
  start: Instant,
  end: z.optional(Instant),
  place: line(1, 200),
  slots: z.array(CallSlotInput).check(z.minLength(1), z.maxLength(20)),
});
export const Call = z.extend(CallInput, { slots: z.array(CallSlot) });
export type Call = z.infer<typeof Call>;

const postFields = {
  kind: PostKind,
  title: line(1, 140),
  /** Plain text; URLs in it are linked by the widget if http(s), nothing else is interpreted. */
  body: text(1, 10_000),
  tags: z.array(Tag).check(z.maxLength(MAX_TAGS)),
  /** Urgent notices must expire; other posts may. */
  expiresAt: z.nullable(Instant),
  attachments: z.array(Id).check(z.maxLength(6)),
  call: z.nullable(CallInput),
};

const postRules = <T extends { kind: PostKind; expiresAt: string | null; call: unknown }>(v: T) => [
  v.kind === 'urgent' && !v.expiresAt ? { path: 'expiresAt', code: 'feed.urgentNeedsExpiry' } : null,
  v.kind === 'call' && !v.call ? { path: 'call', code: 'feed.callNeedsDetails' } : null,
  v.kind !== 'call' && v.call ? { path: 'call', code: 'feed.callOnlyForCalls' } : null,
];

/** A post's fields before the cross-field rules; extend this, not `PostInput`. */
export const PostDraft = z.object({ id: Id, groupId: Slug, ...postFields });

/** Cross-field rules of a post (urgent needs an expiry, calls need details); shared with seeds. */
export const postRulesCheck = z.superRefine((v: { kind: PostKind; expiresAt: string | null; call: unknown }, ctx) => {
  for (const issue of postRules(v)) {
    if (issue) ctx.issues.push({ code: 'custom', input: v, path: [issue.path], message: issue.code });
  }
});

export const PostInput = PostDraft.check(postRulesCheck);
export type PostInput = z.infer<typeof PostInput>;

/** Edit of an existing post: everything but id, group and kind. */
export const PostPatch = z.partial(z.object({
  title: postFields.title,
  body: postFields.body,
  tags: postFields.tags,
  expiresAt: postFields.expiresAt,
  attachments: postFields.attachments,
}));
export type PostPatch = z.infer<typeof PostPatch>;

export const Post = z.object({
  id: Id,
  groupId: Slug,
  kind: PostKind,
  title: postFields.title,
  body: postFields.body,
  tags: postFields.tags,
  expiresAt: postFields.expiresAt,
  author: PublicMember,
  createdAt: Instant,
  editedAt: z.nullable(Instant),
  status: PostStatus,
  pinned: z.boolean(),
  commentsLocked: z.boolean(),
  commentCount: z.int().check(z.nonnegative()),
  reactions: z.record(Reaction, z.int().check(z.nonnegative())),
  myReactions: z.array(Reaction),
  attachments: z.array(FileRef),
  call: z.nullable(Call),
});
export type Post = z.infer<typeof Post>;

export const PostQuery = z.extend(PageRequest, {
  groupId: Slug,
  tag: z.optional(Tag),
});
export type PostQuery = z.infer<typeof PostQuery>;

/** What goes on top of a feed: active urgent notices (newest first), then pinned posts. */
export const Highlights = z.object({ urgent: z.array(Post), pinned: z.array(Post) });
export type Highlights = z.infer<typeof Highlights>;

export const ReactionInput = z.object({ postId: Id, reaction: Reaction, on: z.boolean() });
export type ReactionInput = z.infer<typeof ReactionInput>;

// ---------------------------------------------------------------------------------------------
// Comments

export const CommentInput = z.object({ id: Id, postId: Id, body: text(1, 2000) });
export type CommentInput = z.infer<typeof CommentInput>;

export const Comment = z.object({
  id: Id,
  postId: Id,
  body: text(1, 2000),
  author: PublicMember,
  createdAt: Instant,
  status: z.enum(['published', 'hidden']),
});
export type Comment = z.infer<typeof Comment>;

export const CommentQuery = z.extend(PageRequest, { postId: Id });
export type CommentQuery = z.infer<typeof CommentQuery>;

// ---------------------------------------------------------------------------------------------
// "Mach mit!" commitments

export const CommitmentInput = z.object({
  id: Id,
  postId: Id,
  slotId: Id,
  count: z.int().check(z.minimum(1), z.maximum(100)),
  note: z.optional(line(0, 200)),
});
export type CommitmentInput = z.infer<typeof CommitmentInput>;

export const WithdrawInput = z.object({ postId: Id, slotId: Id });
export type WithdrawInput = z.infer<typeof WithdrawInput>;

// ---------------------------------------------------------------------------------------------
// Moderation

export const ReportReason = z.enum(['spam', 'abuse', 'misinformation', 'privacy', 'other']);
export const ReportTarget = z.object({ type: z.enum(['post', 'comment']), id: Id });
export type ReportTarget = z.infer<typeof ReportTarget>;

export const ReportInput = z.object({
  id: Id,
  target: ReportTarget,
  reason: ReportReason,
  note: text(0, 1000),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const Report = z.extend(ReportInput, {
  groupId: Slug,
  createdAt: Instant,
  status: z.enum(['open', 'resolved']),
  /** A short excerpt of what was reported, so moderators can triage without opening it. */
  excerpt: line(0, 200),
});
export type Report = z.infer<typeof Report>;

export const ReportQuery = z.extend(PageRequest, {
  groupId: z.optional(Slug),
  status: z.optional(z.enum(['open', 'resolved'])),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** Moderators looking for someone to invite: community members not yet in the group, by name. */
export const CandidateQuery = z.extend(PageRequest, { q: z.optional(line(1, 60)) });
export type CandidateQuery = z.infer<typeof CandidateQuery>;

export const ModerationAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pin'), postId: Id, on: z.boolean() }),
  z.object({ action: z.literal('hide'), target: ReportTarget, on: z.boolean() }),
  z.object({ action: z.literal('approve'), postId: Id }),
  z.object({ action: z.literal('lock-comments'), postId: Id, on: z.boolean() }),
  z.object({ action: z.literal('resolve-report'), reportId: Id }),
  z.object({ action: z.literal('decide-membership'), groupId: Slug, memberId: Id, approve: z.boolean() }),
  z.object({ action: z.literal('invite'), groupId: Slug, memberId: Id }),
]);
export type ModerationAction = z.infer<typeof ModerationAction>;

