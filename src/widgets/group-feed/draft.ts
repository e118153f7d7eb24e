/**
 * The post form's state: what the visitor typed, kept as typed (strings), and its conversion to
 * a `PostInput` for `check()` and the backend. Drafts survive every error: only a successful
 * (or queued) send clears them.
 */
import type { FieldIssue } from '../../data/backend.js';
import { zonedDateTime, zonedParts } from '../../data/rules/zoned.js';
import type { PostInput, PostKind } from '../../data/schema/index.js';

export interface DraftSlot {
  id: string;
  label: string;
  kind: 'people' | 'item';
  capacity: string;
}

export interface DraftFile {
  id: string;
  name: string;
  blob: Blob;
  kind: 'image' | 'pdf';
  width?: number;
  height?: number;
  /** Object URL for the preview of an image; revoked when the file is removed or sent. */
  preview?: string;
}

export interface Draft {
  /** The idempotency key of the post: stays the same across retries of this draft. */
  id: string;
  kind: PostKind;
  title: string;
  body: string;
  tags: string;
  expiresAt: string;
  start: string;
  end: string;
  place: string;
  slots: DraftSlot[];
  files: DraftFile[];
  rulesAccepted: boolean;
}

/** Attachments per post (the schema's limit). */
export const MAX_FILES = 6;

export const newId = (): string => crypto.randomUUID();

export const newSlot = (): DraftSlot => ({ id: newId(), label: '', kind: 'people', capacity: '1' });

export function emptyDraft(): Draft {
  return {
    id: newId(), kind: 'note', title: '', body: '', tags: '', expiresAt: '', start: '', end: '', place: '',
    slots: [newSlot()], files: [], rulesAccepted: false,
  };
}

/** `Wasser, Rathaus,` → `['Wasser', 'Rathaus']`. */
export function parseTags(value: string): string[] {
  return value.split(',').map((tag) => tag.trim()).filter(Boolean);
}

/** A `datetime-local` value read as wall-clock time in `timeZone`; unparsable input stays as is. */
export function toInstant(local: string, timeZone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return local;
  return zonedDateTime(match[1]!, Number(match[2]) * 60 + Number(match[3]), timeZone).toISOString();
}

/** An instant as a `datetime-local` value in `timeZone`. */
export function toLocalInput(instant: string | null, timeZone: string): string {
  if (!instant) return '';
  const p = zonedParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

export function draftToInput(draft: Draft, groupId: string, timeZone: string, attachments: string[]): PostInput {
  const call =
    draft.kind === 'call'
      ? {
          start: toInstant(draft.start, timeZone),
          ...(draft.end && { end: toInstant(draft.end, timeZone) }),
          place: draft.place,
          slots: draft.slots.map((s) => ({
            id: s.id, label: s.label, kind: s.kind, capacity: s.capacity === '' ? Number.NaN : Number(s.capacity),
          })),
        }
      : null;
  return {
    id: draft.id, groupId, kind: draft.kind, title: draft.title, body: draft.body, tags: parseTags(draft.tags),
    expiresAt: draft.expiresAt ? toInstant(draft.expiresAt, timeZone) : null, attachments, call,
  };
}

/**
 * The form field an issue belongs to: `tags.20` → `tags`, `call.slots.0.label` →
 * `call.slots.0.label`, `call.start` → `call.start`, `attachments.2` → `attachments`.
 */
export function fieldOf(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'call') return parts[1] === 'slots' ? parts.slice(0, 4).join('.') : parts.slice(0, 2).join('.') || 'call';
  return parts[0] ?? '';
}

/** Issues of a call as a whole (`call`) are shown at its first field. */
export function normalizeIssues(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => (issue.path === 'call' ? { ...issue, path: 'call.start' } : issue));
}
