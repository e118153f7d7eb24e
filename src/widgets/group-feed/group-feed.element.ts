import { initialState, Task, TaskStatus } from '@lit/task';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DorfElement } from '../../core/dorf-element.js';
import type { LocalizeController } from '../../core/localize.js';
import { OnlineController } from '../../core/ui/online.js';
import { renderFailure, renderLoaded, renderStatus, statusStyles } from '../../core/ui/status.js';
import { TopicController } from '../../core/ui/topic.js';
import { BackendError, type Backend } from '../../data/backend.js';
import type { Change, Group, Member, Post, ReportTarget } from '../../data/schema/index.js';
import { FeedWindow } from './feed-window.js';
import type { FeedUi } from './feed-ui.js';

declare global {
  interface DorfEventMap {
    /** A post was published (or queued for approval) through this widget. */
    'dorf-post-created': { postId: string; groupId: string; status: Post['status'] };
    /** A comment was added through this widget. */
    'dorf-comment-added': { postId: string; commentId: string };
    /** The visitor committed to or withdrew from a "Mach mit!" slot. */
    'dorf-commitment-changed': { postId: string; slotId: string; count: number };
    /** A report reached the moderators. */
    'dorf-report-sent': { target: ReportTarget };
    /** The visitor switched to another group. */
    'dorf-group-change': { groupId: string };
  }
}


/** What the feed shows: a group, and whether its posts are closed to this session. */
export interface FeedData {
  group: Group;
  /** A group the session may not read: only its name and how to join. */
  closed: boolean;
  /** Why it is closed, e.g. `session.profileRequired` for a members-only group and a visitor without a name. */
  reason?: BackendError;
}

/**
 * @summary A group's feed: news, notes, urgent notices on top, "Mach mit!" calls for help,
 * comments, reactions and moderation, live across every open page.
 *
 * @attr group - The group to show, e.g. `neuigkeiten`.
 * @attr groups - Several groups with a switcher, space-separated: `neuigkeiten mach-mit`.
 *   The first is shown first unless `group` names another.
 * @attr page-size - Posts fetched per page (default 5); at most two pages are rendered at a time.
 * @attr lang - Language (`de`, `en`); inherits from the provider or page.
 * @attr theme - `light`, `dark` or `auto`; inherits from the provider.
 *
 * @prop {string} group - The group shown now; changes when the visitor uses the switcher.
 *
 * @fires dorf-post-created - A post was published or is waiting for approval. `detail: { postId, groupId, status }`
 * @fires dorf-comment-added - A comment was added. `detail: { postId, commentId }`
 * @fires dorf-commitment-changed - The visitor committed to or withdrew from a slot. `detail: { postId, slotId, count }`
 * @fires dorf-report-sent - A post or comment was reported. `detail: { target }`
 * @fires dorf-group-change - The visitor switched groups. `detail: { groupId }`
 * @fires dorf-error - A backend call failed. `detail: { error, action }`
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Group name, description and member count.
 * @csspart switcher - The group switcher (with `groups`).
 * @csspart urgent - The urgent notices on top.
 * @csspart pinned - Pinned posts; `pinned-item` each (a disclosure), `pinned-summary` its title.
 * @csspart list - The list of posts.
 * @csspart post - Every post; also `post-note`, `post-news`, `post-urgent`, `post-call` by kind.
 * @csspart post-title - A post's title.
 * @csspart post-body - A post's text.
 * @csspart meta - Author and date lines.
 * @csspart link - Links in user text.
 * @csspart tags - A post's tags; `tag` each tag button.
 * @csspart attachments - A post's images and files; `image`, `file` each.
 * @csspart reactions - The reaction buttons; `reaction` each.
 * @csspart comments - The comments of a post; `comment` each, `comment-body` its text.
 * @csspart call - The "Mach mit!" details; `slots`, `slot`, `slot-label`, `slot-count`, `slot-bar`.
 * @csspart composer - The form for a new post.
 * @csspart rules - The group's house rules in the form.
 * @csspart field - Every form field; `field-label`, `field-help`, `field-error` inside.
 * @csspart button - Every button; with `submit`, `commit`, `withdraw`, `report`, `moderate` … by role.
 * @csspart moderation - The moderators' area; `moderation-panel` the queue, `queue-item` each entry in it.
 * @csspart invite - The moderators' "invite a member" picker; `invite-field` its search field (with
 *   `invite-field-label`, `invite-field-help`, `invite-field-error`), `invite-list` the people found,
 *   `invite-item` each of them, `invite-error` a failed search or invitation.
 * @csspart profile-form - Where an anonymous visitor chooses the name others see.
 * @csspart join-form - The request to join a group.
 * @csspart comment-form - The form under a post's comments.
 * @csspart report-form - The report form of a post or comment.
 * @csspart edit-form - The form that edits a post.
 * @csspart file-list - The files chosen in the composer.
 * @csspart badge - Labels such as "Pinned", "Hidden", "Waiting for approval".
 * @csspart announcer - The visually hidden live region that announces results politely.
 * @csspart notice - Messages after an action.
 * @csspart status - Loading, empty, error, offline, queued and no-permission states.
 * @csspart outbox - Posts, comments, commitments, reports and reactions made offline that are not sent yet
 *   (\`outbox-entry\` each, \`outbox-about\` its title), and the ones the server refused on delivery
 *   (\`outbox-reason\`, \`outbox-retry\`, \`outbox-discard\`).
 *
 * @cssprop --dorf-color-urgent - Border and icon of urgent notices.
 * @cssprop --dorf-color-urgent-surface - Background of urgent notices.
 * @cssprop --dorf-color-accent - Links, primary buttons, progress of slots.
 * @cssprop --dorf-color-surface - Background of posts.
 * @cssprop --dorf-radius - Corner radius of posts and fields.
 * @cssprop --dorf-space - Base spacing.
 * @cssprop --dorf-color-danger - Field errors and destructive buttons.
 * @cssprop --dorf-color-warning-surface - Posts waiting for approval, queued writes.
 * @cssprop --dorf-color-success - Full slots.
 * @cssprop --dorf-focus-width - Width of the focus ring.
 * @cssprop --dorf-duration - Transitions; 0 when the visitor prefers reduced motion.
 *
 * @slot empty - Shown instead of the default text when the group has no posts yet.
 *
 * @example
 * ```html
 * <dorf-provider community="musterdorf" lang="de">
 *   <dorf-group-feed group="neuigkeiten"></dorf-group-feed>
 *   <dorf-group-feed groups="mach-mit jugendforum"></dorf-group-feed>
 * </dorf-provider>
 * ```
 */
export class DorfGroupFeed extends DorfElement {
  /** Loading and error states only; the feed's own styles come with its view (`viewStyles`). */
  static override styles = [...DorfElement.styles, statusStyles];

  @property({ reflect: true }) group = '';
  @property() groups = '';
  @property({ type: Number, attribute: 'page-size' }) pageSize = 5;

  @state() private tag: string | null = null;
  @state() private reload = 0;
  @state() private announcement = '';
  @state() private view: FeedUi | null = null;

  /** @internal */ @state() currentGroup: Group | null = null;

  /** @internal The posts on screen: a sliding window over the backend's pages. */
  readonly feedWindow = new FeedWindow(2);
  /** @internal */ urgentPosts: Post[] = [];
  /** @internal */ pinnedPosts: Post[] = [];
  private viewLoading?: Promise<void>;
  private readonly connection = new OnlineController(this);
  // Live changes of the group shown, from the backend serving it.
  protected readonly changes = new TopicController(
    this,
    () => this.activeGroup && `feed/${this.activeGroup}`,
    (change) => void this.onChange(change),
  );

  private readonly data = new Task(this, {
    args: () => [this.backend, this.activeGroup, this.session !== null, this.session?.member?.id ?? null, this.tag, this.reload, this.limit] as const,
    task: async ([backend, groupId, sessionKnown, , tag], { signal }): Promise<FeedData | typeof initialState> => {
      if (!backend) {
        if (this.environment?.error) throw this.environment.error;
        return initialState;
      }
      if (!groupId || !sessionKnown) return initialState;
      // All three at once: the first page shows after one round trip.
      const reads = Promise.all([
        backend.feed.highlights(groupId),
        backend.feed.listPosts({ groupId, limit: this.limit, ...(tag && { tag }) }),
      ]);
      reads.catch(() => undefined);
      const group = await backend.feed.getGroup(groupId);
      signal.throwIfAborted();
      try {
        const [highlights, page] = await reads;
        signal.throwIfAborted();
        this.urgentPosts = highlights.urgent;
        this.pinnedPosts = highlights.pinned;
        this.feedWindow.reset(page);
        this.currentGroup = group;
        if (highlights.urgent.length) {
          // The feed's words load with its view, which is on its way alongside this first read.
          const titles = highlights.urgent.map((p) => p.title);
          void this.loadView().then(() => {
            const view = this.view;
            if (view) this.announce(titles.map((title) => view.msg((m) => m.feed.urgentAnnounce, { title })).join(' '));
          });
        }
        return { group, closed: false };
      } catch (error) {
        if (!BackendError.is(error, 'forbidden')) throw error;
        this.urgentPosts = [];
        this.pinnedPosts = [];
        this.feedWindow.reset({ items: [], nextCursor: null });
        this.currentGroup = group;
        return { group, closed: true, reason: error };
      }
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

  /** @internal */
  get community(): string {
    return this.environment?.community ?? 'default';
  }

  /** @internal */
  get tagFilter(): string | null {
    return this.tag;
  }

  /** @internal Changes whenever the feed is loaded again. */
  get reloadCount(): number {
    return this.reload;
  }

  /** @internal */
  get limit(): number {
    return Math.min(100, Math.max(1, Math.floor(this.pageSize) || 5));
  }

  /** @internal Clears the live region, e.g. when what it announced has expired. */
  clearAnnouncement(): void {
    this.announcement = '';
  }

  /** @internal */
  fire<K extends keyof DorfEventMap>(type: K, detail: DorfEventMap[K]): void {
    this.emit(type, detail);
  }

  /** @internal Loads the group and its first page again. */
  reloadFeed(): void {
    this.reload++;
  }

  /** @internal Whether to show moderation controls; the backend decides what is allowed. */
  get canModerate(): boolean {
    const membership = this.currentGroup?.membership;
    return this.hasRole('moderator') || this.hasRole('admin') || (membership?.status === 'active' && membership.role !== 'member');
  }

  /** @internal Whether the form asks to accept the house rules before posting. */
  get needsRules(): boolean {
    const group = this.currentGroup;
    if (!group?.rules || this.hasRole('moderator') || this.hasRole('admin')) return false;
    const m = group.membership;
    if (m?.status === 'active' && m.role !== 'member') return false;
    return m?.rulesAccepted !== group.rulesVersion;
  }

  /** @internal */
  get groupList(): string[] {
    return this.groups.split(/\s+/).filter(Boolean);
  }

  /** @internal */
  get activeGroup(): string {
    return this.group || this.groupList[0] || '';
  }

  /** @internal */
  announce(text: string): void {
    // Re-setting the same text would not be announced again: clear first.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.disconnect();
  }

  /**
   * The feed's view (posts, forms, actions, styles) is its own module: the define module stays
   * small, and the view loads while the first page is read from the backend.
   */
  private loadView(): Promise<void> {
    this.viewLoading ??= import('./feed-ui.js').then((module) => {
      // Styles first, so the view never shows unstyled.
      if (this.shadowRoot) adoptStyles(this.shadowRoot, [...DorfGroupFeed.elementStyles, ...module.viewStyles]);
      this.view = new module.FeedUi(this);
    });
    return this.viewLoading;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.view?.afterUpdate();
  }

  // -------------------------------------------------------------------------------------------
  // Live changes

  private async onChange(change: Change): Promise<void> {
    // Imported data, or a group that failed to load before: start over.
    if (change.entity === 'dataset' || this.data.status === TaskStatus.ERROR) {
      this.reload++;
      return;
    }
    await this.view?.onChange(change, (this.data.value as FeedData | undefined)?.closed ?? false);
  }

  /** @internal */
  filterTag(tag: string | null): void {
    this.tag = tag;
  }

  /** @internal The switcher's choice. */
  selectGroup(groupId: string): void {
    if (groupId === this.activeGroup) return;
    this.group = groupId;
    this.tag = null;
    this.view?.reset();
    this.emit('dorf-group-change', { groupId });
  }

  protected override render(): TemplateResult {
    const body = renderLoaded(
      this.localize,
      this.data,
      (data) => this.view?.renderFeed(data),
      !this.backend && this.environment?.error,
      (error) => {
        // No permission says why (e.g. members only); anonymous visitors become members by choosing a name.
        const forbidden = BackendError.is(error, 'forbidden');
        const status = renderFailure(this.localize, error, () => void this.data.run(), forbidden ? { message: this.localize.error(error) } : {});
        const view = forbidden && !this.member && this.backend ? this.view : null;
        return html`${status}${view ? html`<div class="participation">${view.renderProfileForm()}</div>` : nothing}`;
      },
    );
    return html`
      <div part="base" class="base" aria-busy=${this.data.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${this.connection.online ? nothing : renderStatus(this.localize, 'offline')}
        ${this.view?.renderOutbox()}
        ${this.view?.renderSwitcher()}
        ${body}
        <div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this.announcement}</div>
      </div>
    `;
  }
}
