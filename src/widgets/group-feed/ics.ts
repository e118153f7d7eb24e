/** "Add to calendar" for a "Mach mit!" call; loaded when a visitor asks for it. */
import { downloadICalendar, toICalendar } from '../../core/ical.js';
import type { Post } from '../../data/schema/index.js';

/** The .ics text for a call's action date. */
export function callToICalendar(post: Post, community: string): string {
  if (!post.call) throw new Error('not a call');
  const needs = post.call.slots.map((s) => `${s.label}: ${s.committed}/${s.capacity}`).join('\n');
  return toICalendar(
    [{
      uid: `${post.id}@${community}.dorfplatz`,
      start: post.call.start,
      end: post.call.end,
      summary: post.title,
      description: `${post.body}\n\n${needs}`,
      location: post.call.place,
      stamp: post.createdAt,
    }],
    { prodId: '-//Dorfplatz//Group feed//EN' },
  );
}

export function downloadCall(post: Post, community: string): void {
  const base = post.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'mach-mit';
  downloadICalendar(callToICalendar(post, community), base);
}
