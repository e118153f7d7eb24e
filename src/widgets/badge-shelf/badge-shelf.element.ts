import { initialState, Task, TaskStatus } from '@lit/task';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DorfElement } from '../../core/dorf-element.js';
import type { LocalizeController } from '../../core/localize.js';
import { OnlineController } from '../../core/ui/online.js';
import { renderLoaded, renderStatus, statusStyles } from '../../core/ui/status.js';
import { TopicController } from '../../core/ui/topic.js';
import type { Backend } from '../../data/backend.js';
import type { Award, Page, Session } from '../../data/schema/index.js';
import type { ShelfUi } from './shelf-ui.js';

declare global {
  interface DorfEventMap {
    /** A visitor opened an award's detail view. */
    'dorf-badge-open': { awardId: string };
    /** A moderator awarded an achievement through this widget, to one or many members. */
    'dorf-badge-awarded': { achievementId: string; awardIds: string[] };
    /** The recipient put an award on the recognition wall or took it off. */
    'dorf-badge-consent': { awardId: string; onWall: boolean };
    /** An award was downloaded as an Open Badges 3.0 credential. */
    'dorf-badge-exported': { awardId: string };
  }
}

/** Awards per page (and per "show more"): the backend's largest page, so most shelves need one. */
export const SHELF_PAGE = 100;

/** What the shelf shows: the awards of the pages loaded so far. */
export interface ShelfData {
  mode: 'shelf' | 'wall';
  /** `me`, or a member id. */
  member: string;
  items: Award[];
  nextCursor: string | null;
}

/**
 * @summary A member's badges as the Open Badges 3.0 displayer rules ask (image with text
 * alternative, name, description, issuer, date of issue, and whether it expired or was revoked),
 * a detail view with criteria and evidence, the community's recognition wall with the
 * recipient's consent, the moderators' award form, a printable certificate and the export as an
 * Open Badges 3.0 credential.
 *
 * @attr member - Whose badges: `me` (default, the signed-in member) or a member id.
 * @attr mode - `shelf` (default): one member's badges. `wall`: the recognition wall, recent badges of
 *   members who agreed to be shown.
 * @attr lang - Language (`de`, `en`); inherits from the provider or page.
 * @attr theme - `light`, `dark` or `auto`; inherits from the provider.
 *
 * @fires dorf-badge-open - A visitor opened a badge's details. `detail: { awardId }`
 * @fires dorf-badge-awarded - A moderator awarded a badge. `detail: { achievementId, awardIds }`
 * @fires dorf-badge-consent - The recipient put a badge on the wall or took it off. `detail: { awardId, onWall }`
 * @fires dorf-badge-exported - A badge was downloaded as an Open Badges 3.0 credential. `detail: { awardId }`
 * @fires dorf-error - A backend call failed. `detail: { error, action }`
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Title and count.
 * @csspart shelf - The list of badges (`wall` on the recognition wall).
 * @csspart badge - Each badge; also `badge-active`, `badge-expired`, `badge-revoked`.
 * @csspart badge-image - A badge's image; `badge-name`, `badge-issuer`, `badge-date`, `badge-recipient` its texts.
 * @csspart badge-status - "Gültig", "Abgelaufen am …" or "Widerrufen".
 * @csspart badge-open - The button that opens the details.
 * @csspart more - "Show more".
 * @csspart detail - The detail dialog; `detail-body` its content, `evidence` the evidence list.
 * @csspart consent - The recipient's wall consent (a checkbox field).
 * @csspart certificate - The printable certificate (the only thing printed while it is shown).
 * @csspart award-form - The moderators' award form; `picker` the member search, `picker-item` each
 *   result, `chosen` the chosen members, `chip` each of them.
 * @csspart field - Every form field; `field-label`, `field-help`, `field-error` inside.
 * @csspart button - Every button; with `export`, `print`, `close`, `submit`, `award-open` by role.
 * @csspart notice - Messages after an action.
 * @csspart announcer - The visually hidden live region.
 * @csspart status - Loading, empty, error, offline, queued and no-permission states.
 *
 * @cssprop --dorf-color-accent - Links, focus and primary buttons.
 * @cssprop --dorf-color-surface - Background of badge cards.
 * @cssprop --dorf-color-border - Card and field borders.
 * @cssprop --dorf-color-success - "Gültig".
 * @cssprop --dorf-color-warning-surface - Expired badges.
 * @cssprop --dorf-color-danger - Revoked badges and field errors.
 * @cssprop --dorf-radius - Corner radius of cards, dialog and fields.
 * @cssprop --dorf-space - Base spacing.
 * @cssprop --dorf-focus-width - Width of the focus ring.
 * @cssprop --dorf-duration - Transitions; 0 when the visitor prefers reduced motion.
 *
 * @example
 * ```html
 * <dorf-provider community="musterdorf" lang="de">
 *   <dorf-badge-shelf member="me"></dorf-badge-shelf>
 *   <dorf-badge-shelf mode="wall"></dorf-badge-shelf>
 * </dorf-provider>
 * ```
 */
export class DorfBadgeShelf extends DorfElement {
  /** Loading and error states only; the shelf's own styles come with its view. */
  static override styles = [...DorfElement.styles, statusStyles];

  @property({ reflect: true }) member = 'me';
  @property({ reflect: true }) mode: 'shelf' | 'wall' = 'shelf';

  @state() private reload = 0;
  @state() private pages = 1;
  @state() private announcement = '';
  @state() private ui: ShelfUi | null = null;

  /** @internal The clock for "expired" (tests and stories may fix it). */
  clock: () => Date = () => new Date();

  private viewLoading?: Promise<void>;
  private readonly connection = new OnlineController(this);
  // Any award anywhere may change the shelf or the wall: load again.
  protected readonly changes = new TopicController(this, () => 'badges', () => this.reload++);

  private readonly data = new Task(this, {
    args: () => [this.backend, this.shownMode, this.member || 'me', this.pages, this.reload, this.session] as const,
    task: async ([backend, mode, member, pages, , session], { signal }): Promise<ShelfData | typeof initialState> => {
      if (!backend) {
        if (this.environment?.error) throw this.environment.error;
        return initialState;
      }
      if (!session) return initialState;
      await this.loadView();
      const items: Award[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < pages; i++) {
        const request = { limit: SHELF_PAGE, ...(cursor && { cursor }) };
        const page: Page<Award> = mode === 'wall'
          ? await backend.badges.wall(request)
          : await backend.badges.listAwards({ member: member === 'me' ? 'me' : member, ...request });
        signal.throwIfAborted();
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return { mode, member, items, nextCursor: cursor };
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
  get currentSession(): Session | null {
    return this.session;
  }

  /** @internal Moderators (and admins) award badges. */
  get isModerator(): boolean {
    return this.hasRole('moderator') || this.hasRole('admin');
  }

  /** @internal */
  get community(): string {
    return this.environment?.community ?? this.backend?.community ?? 'default';
  }

  /** @internal */
  get shownMode(): 'shelf' | 'wall' {
    return this.mode === 'wall' ? 'wall' : 'shelf';
  }

  /** @internal Whether the data task is loading again. */
  get loading(): boolean {
    return this.data.status === TaskStatus.PENDING;
  }

  /** @internal The next page ("show more"). */
  showMore(): void {
    this.pages++;
  }

  /** @internal Loads the awards again (after a write or a change elsewhere). */
  reloadData(): void {
    this.reload++;
  }

  /** @internal */
  announce(text: string): void {
    // Re-setting the same text would not be announced again: clear first.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
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

  /**
   * The shelf's view (cards, detail, wall, award form, certificate, export, styles) is its own
   * module: the define module stays small, and the view loads while the awards are read.
   */
  private loadView(): Promise<void> {
    this.viewLoading ??= import('./shelf-ui.js').then((module) => {
      if (this.shadowRoot) adoptStyles(this.shadowRoot, [...DorfBadgeShelf.elementStyles, ...module.viewStyles]);
      this.ui = new module.ShelfUi(this);
    });
    return this.viewLoading;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('member') || changed.has('mode')) {
      if (this.pages !== 1) this.pages = 1;
      this.ui?.reset();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.ui?.afterUpdate();
  }

  protected override render(): TemplateResult {
    const body = renderLoaded(this.localize, this.data, (data) => this.ui?.render(data), !this.backend && this.environment?.error);
    return html`
      <div part="base" class="base" aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.connection.online ? nothing : renderStatus(this.localize, 'offline')}
        ${body}
        <div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this.announcement}</div>
      </div>
    `;
  }
}
