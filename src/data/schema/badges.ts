/** Badges modelled on Open Badges 3.0: achievements and the awards that bind them to a member. */
import * as z from 'zod/mini';
import { Id, Instant, line, PageRequest, PublicMember, SafeUrl, Slug, text } from './common.js';

export const Issuer = z.object({
  id: Slug,
  name: line(1, 120),
  url: z.nullable(SafeUrl),
});
export type Issuer = z.infer<typeof Issuer>;

export const Achievement = z.object({
  id: Slug,
  name: line(1, 120),
  description: text(1, 2000),
  /** How it is earned, in words (OB 3.0 `criteria.narrative`). */
  criteria: text(1, 4000),
  /**
   * An http(s) image address, a `data:image/…` URI (the library's generated SVG badges), or empty
   * for none: no control characters or bidi overrides; lone surrogates become U+FFFD (as in all text).
   */
  image: z.string().check(
    z.overwrite((v) => v.toWellFormed()),
    z.maxLength(100_000),
    z.regex(/^(?:(?:https?:\/\/|data:image\/[a-z0-9.+-]+[;,])[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*)?$/i),
  ),
  imageAlt: line(0, 300),
  issuer: Issuer,
  tags: z.array(line(1, 40)).check(z.maxLength(20)),
});
export type Achievement = z.infer<typeof Achievement>;

export const AwardEvidence = z.object({
  narrative: z.optional(text(0, 2000)),
  url: z.optional(SafeUrl),
});

export const Award = z.object({
  id: Id,
  achievement: Achievement,
  recipient: PublicMember,
  issuedOn: Instant,
  expires: z.nullable(Instant),
  revoked: z.boolean(),
  revocationReason: z.nullable(line(0, 300)),
  evidence: z.array(AwardEvidence),
  note: text(0, 1000),
  /** The recipient agreed to appear on the community's recognition wall. */
  onWall: z.boolean(),
});
export type Award = z.infer<typeof Award>;

export const AwardQuery = z.extend(PageRequest, {
  /** `me` for the current session's member. */
  member: z.union([z.literal('me'), Id]),
});
export type AwardQuery = z.infer<typeof AwardQuery>;

export const AwardInput = z.object({
  id: Id,
  achievementId: Slug,
  recipientIds: z.array(Id).check(z.minLength(1), z.maxLength(500)),
  note: text(0, 1000),
  evidence: z.array(AwardEvidence).check(z.maxLength(10)),
  expires: z.nullable(Instant),
});
export type AwardInput = z.infer<typeof AwardInput>;

export const RevokeInput = z.object({ awardId: Id, reason: line(1, 300) });
export type RevokeInput = z.infer<typeof RevokeInput>;

export const WallConsentInput = z.object({ awardId: Id, onWall: z.boolean() });
export type WallConsentInput = z.infer<typeof WallConsentInput>;
