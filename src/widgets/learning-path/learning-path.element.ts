import { initialState, Task, TaskStatus } from '@lit/task';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DorfElement } from '../../core/dorf-element.js';
import type { LocalizeController } from '../../core/localize.js';
import { OnlineController } from '../../core/ui/online.js';
import { renderLoaded, renderStatus, statusStyles } from '../../core/ui/status.js';
import { TopicController } from '../../core/ui/topic.js';
import { BackendError, type Backend } from '../../data/backend.js';
import type { Achievement, Award, Change, CohortOverview, Level, Member, Path, PendingSignOff, Progress } from '../../data/schema/index.js';
import type { PathUi } from './path-ui.js';

declare global {
  interface DorfEventMap {
    /** A step was completed through this widget: `done`, or waiting for a mentor's sign-off. */
    'dorf-step-completed': { pathId: string; stepId: string; state: 'done' | 'awaiting-sign-off' };
    /** A step (done or waiting) was marked as not done again. */
    'dorf-step-uncompleted': { pathId: string; stepId: string };
    /** A milestone step became done through this widget. */
    'dorf-milestone-reached': { pathId: string; stepId: string };
    /** The member's last open step became done: the path is complete. */
    'dorf-path-completed': { pathId: string; memberId: string };
    /** The backend awarded the path's badge to the member (once; never again for the same path). */
    'dorf-badge-earned': { pathId: string; achievementId: string; awardId: string; memberId: string };
    /** A mentor confirmed (`approved: true`) or sent back a step. */
    'dorf-sign-off': { pathId: string; stepId: string; memberId: string; approved: boolean; pathCompleted: boolean };
    /** The member joined the path's cohort challenge. */
    'dorf-cohort-joined': { cohortId: string };
    /** The member checked in for a day of the cohort challenge (`day` in the cohort's time zone). */
    'dorf-checked-in': { cohortId: string; day: string; streak: number };
    /** The visitor opened a path from the list, or went back to the list (`pathId: ''`). */
    'dorf-path-change': { pathId: string };
  }
}

/** A path the backend does not know. */
export type MissingPath = { missing: 'unknown' };

/** No `path` attribute: the community's paths to choose from, filtered by level. */
export interface Catalogue {
  catalogue: Path[];
}

type Shown = PathData | MissingPath | Catalogue;

export interface Prerequisite {
  id: string;
  title: string;
  completed: boolean;
}

/** What the widget shows: the path and, as far as the session may see them, progress, cohort and sign-offs. */
export interface PathData {
  path: Path;
  /** `null` while the visitor has no profile (nothing saved yet). */
  progress: Progress | null;
  cohort: CohortOverview | null;
  /** Mentors (moderators) only; `null` for everyone else. */
  pending: PendingSignOff[] | null;
  prerequisites: Prerequisite[];
  /** The path's badge, when it names one the backend knows. */
  achievement: Achievement | null;
  /** The member's award of that badge, once the path is complete. */
  award: Award | null;
}

/** The member's award of `achievementId`, looked up page by page (newest first). */
export async function findAward(backend: Backend, achievementId: string): Promise<Award | null> {
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const page = await backend.badges.listAwards({ member: 'me', limit: 50, ...(cursor && { cursor }) });
    const award = page.items.find((a) => a.achievement.id === achievementId && !a.revoked);
    if (award) return award;
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return null;
}

const orNull = <T,>(promise: Promise<T>): Promise<T | null> => promise.catch(() => null);

/**
 * @summary A learning path: ordered steps with material, evidence (note, link, photo) and mentor
 * sign-off, a progress bar and milestones, a time-boxed cohort challenge with daily check-ins and
 * a streak, and the path's badge once every step is done.
 *
 * @attr path - The path to show, e.g. `erste-hilfe-auffrischen`. Without it, the community's paths are
 *   listed to choose from.
 * @attr level - Without `path`: list only paths of this level (`beginner`, `intermediate`, `advanced`);
 *   the visitor can change it.
 * @attr lang - Language (`de`, `en`); inherits from the provider or page.
 * @attr theme - `light`, `dark` or `auto`; inherits from the provider.
 *
 * @prop {string} path - The path shown; changes when the visitor opens one from the list.
 * @prop {() => Date} clock - The clock that tells the view when a new day begins in the cohort's time
 *   zone (tests and stories may fix it); the backend's own clock decides what counts for which day.
 *
 * @fires dorf-step-completed - A step was completed. `detail: { pathId, stepId, state }` (`done` or `awaiting-sign-off`)
 * @fires dorf-step-uncompleted - A step was marked as not done. `detail: { pathId, stepId }`
 * @fires dorf-milestone-reached - A milestone step became done. `detail: { pathId, stepId }`
 * @fires dorf-path-completed - Every step is done. `detail: { pathId, memberId }`
 * @fires dorf-badge-earned - Completing the path earned its badge (once). `detail: { pathId, achievementId, awardId, memberId }`
 * @fires dorf-sign-off - A mentor confirmed or sent back a step. `detail: { pathId, stepId, memberId, approved, pathCompleted }`
 * @fires dorf-cohort-joined - The member joined the cohort challenge. `detail: { cohortId }`
 * @fires dorf-checked-in - The member checked in for today. `detail: { cohortId, day, streak }`
 * @fires dorf-path-change - The visitor opened a path from the list or went back. `detail: { pathId }`
 * @fires dorf-error - A backend call failed. `detail: { error, action }`
 *
 * @csspart base - The wrapper of everything.
 * @csspart catalogue - The list of paths (without `path`); `level-filter` its level choice, `path-card` each
 *   path, `open` its button, `back` the way back to the list.
 * @csspart header - Title, level, description and recommended paths.
 * @csspart level - The level label (`level-beginner`, `level-intermediate`, `level-advanced`).
 * @csspart prerequisites - The paths recommended first.
 * @csspart progress - The progress summary; `progress-bar` the bar, `progress-text` its words.
 * @csspart steps - The ordered list of steps.
 * @csspart step - Every step; also `step-done`, `step-awaiting`, `step-open`, `step-milestone`.
 * @csspart step-title - A step's title; `step-status` its state label, `step-description` its text.
 * @csspart milestone - The "Milestone" label of a step.
 * @csspart resources - A step's material; `resource` each link.
 * @csspart evidence - What a member handed in for a step (note, link, photo).
 * @csspart evidence-form - The form that completes a step with evidence.
 * @csspart field - Every form field; `field-label`, `field-help`, `field-error` inside.
 * @csspart button - Every button; with `complete`, `uncomplete`, `submit`, `confirm`, `decline`, `join`, `check-in` by role.
 * @csspart celebration - The milestone celebration (animated unless the visitor prefers reduced motion).
 * @csspart completed - The "path completed" summary; `badge` the earned badge, `badge-image` its image.
 * @csspart mentor - The mentors' queue of steps waiting for confirmation; `sign-off` each entry.
 * @csspart cohort - The cohort challenge; `cohort-stats` the counts, `streak` the member's streak,
 *   `days` the member's own check-in days (`cohort-day` each, with `cohort-day-checked`,
 *   `cohort-day-today`), `check-in-form` the check-in.
 * @csspart profile-form - Where a visitor without a profile chooses a name before the first step is saved.
 * @csspart announcer - The visually hidden live region that announces results politely.
 * @csspart notice - Messages after an action.
 * @csspart status - Loading, empty, error, offline, queued and no-permission states.
 * @csspart outbox - Completed steps and check-ins made offline that are not sent yet (\`outbox-entry\` each,
 *   \`outbox-about\` the step), and the ones the server refused on delivery (\`outbox-reason\`, \`outbox-retry\`, \`outbox-discard\`).
 *
 * @cssprop --dorf-color-accent - Progress bar, links and primary buttons.
 * @cssprop --dorf-color-success - Done steps and the earned badge.
 * @cssprop --dorf-color-success-surface - Background of the celebration and the completed summary.
 * @cssprop --dorf-color-warning-surface - Steps waiting for confirmation, queued writes.
 * @cssprop --dorf-color-surface - Background of steps and cards.
 * @cssprop --dorf-color-border - Step connectors and borders.
 * @cssprop --dorf-color-danger - Field errors.
 * @cssprop --dorf-radius - Corner radius of cards and fields.
 * @cssprop --dorf-space - Base spacing.
 * @cssprop --dorf-focus-width - Width of the focus ring.
 * @cssprop --dorf-duration - Animations and transitions; 0 when the visitor prefers reduced motion.
 *
 * @example
 * ```html
 * <dorf-provider community="musterdorf" lang="de">
 *   <dorf-learning-path path="erste-hilfe-auffrischen"></dorf-learning-path>
 * </dorf-provider>
 * ```
 */
export class DorfLearningPath extends DorfElement {
  /** Loading and error states only; the path's own styles come with its view. */
  static override styles = [...DorfElement.styles, statusStyles];

  @property({ reflect: true }) path = '';
  @property({ reflect: true }) level: Level | '' = '';

  /** @internal Whether the path shown was opened from the list (offers the way back). */
  @state() openedFromList = false;

  @state() private reload = 0;
  @state() private announcement = '';
  @state() private ui: PathUi | null = null;

  /** The clock that tells when a new day begins in the cohort's time zone (tests and stories may fix it). */
  clock: () => Date = () => new Date();

  private viewLoading?: Promise<void>;
  private readonly connection = new OnlineController(this);
  // Live changes of the path shown (none for the list of paths).
  protected readonly changes = new TopicController(
    this,
    () => this.path && `learning/${this.path}`,
    (change) => this.onChange(change),
  );

  private readonly data = new Task(this, {
    args: () => [this.backend, this.path, this.reload, this.session !== null, this.session?.member?.id ?? null, this.isMentor, this.level] as const,
    task: async ([backend, pathId, , sessionKnown, memberId, mentor, level], { signal }): Promise<Shown | typeof initialState> => {
      if (!backend) {
        if (this.environment?.error) throw this.environment.error;
        return initialState;
      }
      if (!sessionKnown) return initialState;
      if (!pathId) {
        const known = ['beginner', 'intermediate', 'advanced'].includes(level);
        return { catalogue: await backend.learning.listPaths(known ? { level: level as Level } : {}) };
      }
      const learning = backend.learning;
      let path: Path;
      try {
        path = await learning.getPath(pathId);
      } catch (error) {
        if (BackendError.is(error, 'not-found') || BackendError.is(error, 'validation')) return { missing: 'unknown' };
        throw error;
      }
      signal.throwIfAborted();
      const progressOf = (id: string) =>
        memberId
          ? learning.getProgress(id).catch((error: unknown) => {
              if (BackendError.is(error, 'forbidden')) return null;
              throw error;
            })
          : Promise.resolve(null);
      const [progress, cohort, pending, prerequisites, achievement] = await Promise.all([
        progressOf(path.id),
        path.cohort ? learning.cohort(path.cohort.id) : null,
        mentor ? learning.listPendingSignOffs(path.id).catch((error: unknown) => {
          if (BackendError.is(error, 'forbidden')) return null;
          throw error;
        }) : null,
        Promise.all(path.prerequisites.map(async (id) => {
          const [other, mine] = await Promise.all([orNull(learning.getPath(id)), orNull(progressOf(id))]);
          return { id, title: other?.title ?? id, completed: !!mine?.completedAt };
        })),
        path.badgeId ? orNull(backend.badges.listAchievements()).then((list) => list?.find((a) => a.id === path.badgeId) ?? null) : null,
      ]);
      signal.throwIfAborted();
      const award = progress?.completedAt && path.badgeId ? await orNull(findAward(backend, path.badgeId)) : null;
      signal.throwIfAborted();
      return { path, progress, cohort, pending, prerequisites, achievement, award };
    },
  });

  // -------------------------------------------------------------------------------------------
  // What the view reads

  /** @internal */
  get l10n(): LocalizeController {
    return this.localize;
  }

  /** @internal */
  get api(): Backend | null {
    return this.backend;
  }

  /** @internal */
  get member(): Member | null {
    return this.session?.member ?? null;
  }

  /** @internal Mentors are the community's moderators (and admins). */
  get isMentor(): boolean {
    return this.hasRole('moderator') || this.hasRole('admin');
  }

  /** @internal Whether the data is being loaded again. */
  get loading(): boolean {
    return this.data.status === TaskStatus.PENDING;
  }

  /** @internal The data on screen, if any. */
  get shown(): PathData | null {
    const value = this.data.value as Shown | undefined;
    return value && 'path' in value ? value : null;
  }

  /** @internal Loads path, progress, cohort and sign-offs again. */
  reloadData(): void {
    this.reload++;
  }

  /** @internal Resolves once the data task has settled again. */
  async settled(): Promise<void> {
    await this.updateComplete;
    await this.data.taskComplete.catch(() => undefined);
    await this.updateComplete;
  }

  /** @internal */
  announce(text: string): void {
    // Re-setting the same text would not be announced again: clear first.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** @internal Opens a path from the list, or goes back to the list with `''`. */
  openPath(pathId: string): void {
    this.openedFromList = pathId !== '';
    this.path = pathId;
    this.emit('dorf-path-change', { pathId });
  }

  /** @internal */
  fire<K extends keyof DorfEventMap>(type: K, detail: DorfEventMap[K]): void {
    this.emit(type, detail);
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ui?.disconnect();
  }

  /**
   * The path's view (steps, forms, cohort, mentor queue, styles, words) is its own module: the
   * define module stays small, and the view loads while the path is read from the backend.
   */
  private loadView(): Promise<void> {
    this.viewLoading ??= import('./path-ui.js').then((module) => {
      if (this.shadowRoot) adoptStyles(this.shadowRoot, [...DorfLearningPath.elementStyles, ...module.viewStyles]);
      this.ui = new module.PathUi(this);
    });
    return this.viewLoading;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('path') && changed.get('path') !== undefined) this.ui?.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.ui?.afterUpdate(this.shown);
  }

  private onChange(_change: Change): void {
    this.reload++;
  }

  protected override render(): TemplateResult {
    // Three kinds of data: the list of paths, a path, or a path that does not exist.
    const show = (data: Shown, ui: PathUi) =>
      'catalogue' in data ? ui.renderCatalogue(data.catalogue) : 'path' in data ? ui.render(data) : ui.renderMissing();
    const body = renderLoaded(this.localize, this.data, (data) => this.ui && show(data, this.ui), !this.backend && this.environment?.error);
    return html`
      <div part="base" class="base" aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.connection.online ? nothing : renderStatus(this.localize, 'offline')}
        ${this.ui?.renderOutbox()}
        ${body}
        <div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this.announcement}</div>
      </div>
    `;
  }
}
