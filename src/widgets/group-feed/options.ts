/**
 * The fixed choices the feed renders (reactions, report reasons), as plain constants so the
 * reading path needs no schema code. The type checks below fail the build if they ever
 * differ from the schemas' enums.
 */
import type { Reaction, ReportInput } from '../../data/schema/feed.js';

/** The schema's `MAX_TAGS` and `FILE_LIMITS` (the group feed's tests check they agree). */
export const MAX_TAGS = 20;
export const FILE_LIMITS = { image: 2 * 1024 * 1024, pdf: 10 * 1024 * 1024 } as const;

export const REACTIONS = ['like', 'heart', 'thanks', 'clap'] as const satisfies readonly Reaction[];
export const REPORT_REASONS = ['spam', 'abuse', 'misinformation', 'privacy', 'other'] as const satisfies readonly ReportInput['reason'][];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const reactionsComplete: Same<Reaction, (typeof REACTIONS)[number]> = true;
export const reasonsComplete: Same<ReportInput['reason'], (typeof REPORT_REASONS)[number]> = true;
