/**
 * Pure rules of the view: a step's state for the member, the numbers of the progress bar, whether
 * evidence was given, and which field a form issue belongs to. No DOM, no backend.
 */
import type { Evidence, Path, Progress, Step, StepProgress } from '../../data/schema/learning.js';

export type StepStatus = StepProgress['state'] | 'open';

export function stepStatus(progress: Progress | null, stepId: string): StepStatus {
  return progress?.steps.find((s) => s.stepId === stepId)?.state ?? 'open';
}

export interface ProgressSummary {
  done: number;
  awaiting: number;
  total: number;
  /** Whole percent of done steps, 0–100. */
  percent: number;
}

export function summarize(path: Path, progress: Progress | null): ProgressSummary {
  let done = 0;
  let awaiting = 0;
  for (const step of path.steps) {
    const status = stepStatus(progress, step.id);
    if (status === 'done') done++;
    else if (status === 'awaiting-sign-off') awaiting++;
  }
  const total = path.steps.length;
  return { done, awaiting, total, percent: total ? Math.floor((done / total) * 100) : 0 };
}

/** A note with more than blanks, a link or a photo: what `evidence: 'required'` asks for. */
export function hasEvidence(evidence: Evidence | null | undefined): boolean {
  return !!evidence && (!!evidence.note?.trim() || !!evidence.url || !!evidence.photo);
}

/**
 * Whether completing `step` now would complete the path: every other step is done and this one
 * does not wait for a mentor.
 */
export function wouldComplete(path: Path, progress: Progress | null, step: Step): boolean {
  return !step.signOff && path.steps.every((s) => s.id === step.id || stepStatus(progress, s.id) === 'done');
}

/** What the visitor typed for a step's evidence; strings as typed, so nothing is lost on an error. */
export interface EvidenceDraft {
  /** The idempotency key of the completion: stays the same across retries of this draft. */
  id: string;
  note: string;
  url: string;
  photo: DraftPhoto | null;
}

export interface DraftPhoto {
  id: string;
  name: string;
  blob: Blob;
  width: number;
  height: number;
  /** Object URL for the preview; revoked when the photo is removed or the widget goes away. */
  preview: string;
}

export const newId = (): string => crypto.randomUUID();

export const emptyEvidence = (): EvidenceDraft => ({ id: newId(), note: '', url: '', photo: null });

/** The draft as the backend's `Evidence`, or `null` when nothing was given. */
export function toEvidence(draft: EvidenceDraft): Evidence | null {
  const evidence: Evidence = {};
  if (draft.note.trim()) evidence.note = draft.note;
  if (draft.url.trim()) evidence.url = draft.url.trim();
  if (draft.photo) evidence.photo = draft.photo.id;
  return Object.keys(evidence).length ? evidence : null;
}

/** The evidence form's field for an issue path: `evidence.url` → `url`; `evidence` itself → `note`. */
export function evidenceField(path: string): 'note' | 'url' | 'photo' | 'form' {
  if (path === 'evidence' || path === 'evidence.note') return 'note';
  if (path === 'evidence.url') return 'url';
  if (path === 'evidence.photo' || path.startsWith('blob')) return 'photo';
  return 'form';
}
