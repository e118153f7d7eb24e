/**
 * A dataset: records as a backend stores them, for sample data and imports (`Backend.seed`).
 * Built from the domain schemas, so a seed is validated exactly like live input.
 */
import * as z from 'zod/mini';
import { Achievement, AwardEvidence } from './badges.js';
import { Booking, Resource } from './booking.js';
import { Community, Id, Instant, Member, Slug, text } from './common.js';
import { GroupInput, GroupRole, PostDraft, postRulesCheck, Reaction } from './feed.js';
import { Path } from './learning.js';
import { animalRule, ItemDraft, ItemStatus } from './lost-found.js';

export const SeedGroup = z.extend(GroupInput, {
  members: z.array(z.object({ memberId: Id, role: GroupRole })),
});

export const SeedPost = z.extend(PostDraft, {
  authorId: Id,
  createdAt: Instant,
  pinned: z.boolean(),
  reactions: z.array(z.object({ memberId: Id, reaction: Reaction })),
  comments: z.array(z.object({ id: Id, authorId: Id, body: text(1, 2000), createdAt: Instant })),
  commitments: z.array(z.object({ id: Id, slotId: Id, memberId: Id, count: z.int().check(z.minimum(1)) })),
}).check(postRulesCheck);
export type SeedPost = z.infer<typeof SeedPost>;

export const SeedItem = z.extend(ItemDraft, {
  status: ItemStatus,
  createdAt: Instant,
  expiresAt: Instant,
  /** Sample data has no real reporters; the manage token lets a demo show the owner's view. */
  manageToken: z.string().check(z.minLength(16)),
}).check(animalRule);

export const SeedAward = z.object({
  id: Id,
  achievementId: Slug,
  recipientId: Id,
  issuedOn: Instant,
  expires: z.nullable(Instant),
  revoked: z.boolean(),
  revocationReason: z.nullable(text(0, 300)),
  evidence: z.array(AwardEvidence),
  note: text(0, 1000),
  onWall: z.boolean(),
});

export const SeedCheckIn = z.object({ cohortId: Slug, memberId: Id, day: z.iso.date() });

export const Dataset = z.object({
  community: Community,
  members: z.array(Member),
  groups: z.array(SeedGroup),
  posts: z.array(SeedPost),
  resources: z.array(Resource),
  bookings: z.array(z.extend(Booking, { manageToken: z.string().check(z.minLength(16)) })),
  items: z.array(SeedItem),
  paths: z.array(Path),
  checkIns: z.array(SeedCheckIn),
  achievements: z.array(Achievement),
  awards: z.array(SeedAward),
});
export type Dataset = z.infer<typeof Dataset>;
