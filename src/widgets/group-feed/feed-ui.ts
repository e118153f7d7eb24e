/**
 * Everything a visitor sees and does in a loaded feed: the posts and their actions, the forms
 * (composer, comments, reports, edits) with their drafts, "Mach mit!" commitments and the
 * moderators' queue. Loaded on demand by `<dorf-group-feed>`, so the define module stays small;
 * the element keeps the data (group, pages, live changes) and hands this class its host.
 */
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formatters } from '../../core/format.js';
import type { LocalizeController } from '../../core/localize.js';
import { focusFirstInvalid, issuesByField } from '../../core/ui/field.js';
import { OutboxController, outboxStyles } from '../../core/ui/outbox.js';
import { renderStatus } from '../../core/ui/status.js';
import type { OutboxEntry, OutboxEvent } from '../../data/adapters/http/outbox-api.js';
import { BackendError, type FieldIssue } from '../../data/backend.js';
import type {
  CallSlot, Change, Comment, Group, Member, ModerationAction, Post, Reaction, ReportTarget,
} from '../../data/schema/index.js';
import type { Message } from '../../i18n/en.js';
import { feedMsg, feedText, type FeedText } from './text.js';
import { renderParticipation, renderProfileForm } from './composer.js';
import { draftToInput, emptyDraft, fieldOf, MAX_FILES, newId, newSlot, normalizeIssues, parseTags, type Draft, type DraftSlot } from './draft.js';
import type { DorfGroupFeed, FeedData } from './group-feed.element.js';
import { viewStyles as ownStyles } from './group-feed.styles.js';
import { InvitePicker } from './invite.js';
import { renderModeration, type ModerationQueue } from './moderation.js';
import { FILE_LIMITS } from './options.js';
import { renderPost, targetKey } from './post.js';
import { tracked } from '../../core/ui/tracked.js';
// Field issues' words load with the forms.
import '../../i18n/fields.js';

export const viewStyles = [...ownStyles, outboxStyles];

/** The form schemas, loaded on the first submit (see validate.ts). */
const validation = () => import('./validate.js');

/** Per-post state of the interface (not data): open comments, edit form, confirmations. */
export interface PostUi {
  open: boolean;
  /** A pinned post shows its title until the visitor opens it. */
  expanded?: boolean;
  comments?: { items: Comment[]; next: string | null; loading: boolean; draft: string; id: string; error?: string | undefined; formError?: string | undefined };
  edit?: { title: string; body: string; tags: string; errors: Map<string, string>; formError?: string | undefined };
  confirmDelete?: boolean;
  notice?: { text: string; kind: 'status' | 'error' } | undefined;
}

export interface ReportDraft {
  id: string;
  reason: string;
  note: string;
  errors: Map<string, string>;
  formError?: string | undefined;
  sent?: boolean;
}


export class FeedUi {
  @tracked composerOpen = false;
  @tracked draft: Draft = emptyDraft();
  @tracked draftErrors = new Map<string, string>();
  @tracked formStatus: TemplateResult | typeof nothing = nothing;
  @tracked sending = false;
  @tracked preparingFiles = false;
  @tracked profileName = '';
  @tracked profileError: string | undefined;
  @tracked joinMessage = '';
  @tracked joinError: string | undefined;
  @tracked moderationOpen = false;
  @tracked queue: ModerationQueue | null = null;

  /** The moderators' "invite a member" search. */
  readonly invite = new InvitePicker(this);
  readonly reports = new Map<string, ReportDraft>();
  readonly slotCounts = new Map<string, string>();
  readonly slotErrors = new Map<string, string>();
  private readonly ui = new Map<string, PostUi>();
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private observer: IntersectionObserver | null = null;
  private observed: Element | null = null;
  private paging = false;

  /** Names for the group switcher (groups the session may know of). */
  private readonly groupNames = new Task(this.host, {
    args: () => [this.host.api, this.host.groups, this.host.member?.id ?? null, this.host.reloadCount] as const,
    task: async ([backend, groups]) => {
      if (!backend || !groups.trim()) return new Map<string, string>();
      const list = await backend.feed.listGroups();
      return new Map(list.map((g) => [g.id, g.name]));
    },
  });

  /** Posts, comments, commitments, reports, reactions and the visitor's name saved offline: waiting, or refused on delivery. */
  readonly outbox: OutboxController;

  constructor(readonly host: DorfGroupFeed) {
    this.outbox = new OutboxController(host, {
      operations: ['feed.createPost', 'feed.addComment', 'feed.commit', 'feed.report', 'feed.react', 'session.updateProfile'],
      onEvent: (event) => this.onOutbox(event),
      describe: (entry) => this.describeQueued(entry),
    });
  }

  /** The outbox of this feed's writes, above the posts. */
  renderOutbox(): TemplateResult | typeof nothing {
    return this.outbox.render();
  }

  private describeQueued(entry: OutboxEntry): string | undefined {
    const input = entry.input as { title?: string; body?: string; note?: string; displayName?: string };
    const text = (input.title || input.body || input.note || input.displayName || '').trim();
    return text.length > 80 ? `${text.slice(0, 79)}…` : text || undefined;
  }

  /** A write made offline went through: show what it changed. */
  private onOutbox(event: OutboxEvent): void {
    if (event.type !== 'delivered' || !event.result) return;
    if (event.entry.operation === 'feed.addComment') void this.refreshComments();
    else if (event.entry.operation !== 'feed.report') void this.refreshPost((event.result as Post).id, false);
  }

  // -------------------------------------------------------------------------------------------
  // The host, as the parts see it

  get t(): FeedText {
    return feedText(this.host.l10n);
  }

  get f(): Formatters {
    return this.host.l10n.format;
  }

  get localize(): LocalizeController {
    return this.host.l10n;
  }

  msg(pick: (t: FeedText) => Message | undefined, params: Record<string, string | number> = {}): string {
    return feedMsg(this.host.l10n, pick, params);
  }

  get backend() {
    return this.host.api;
  }

  get member(): Member | null {
    return this.host.member;
  }

  get community(): string {
    return this.host.community;
  }

  get backendReady(): boolean {
    return this.host.api !== null;
  }

  get canModerate(): boolean {
    return this.host.canModerate;
  }

  get needsRules(): boolean {
    return this.host.needsRules;
  }

  get currentGroup(): Group | null {
    return this.host.currentGroup;
  }

  set currentGroup(group: Group | null) {
    this.host.currentGroup = group;
  }

  get renderRoot(): HTMLElement | DocumentFragment {
    return this.host.renderRoot;
  }

  get updateComplete(): Promise<boolean> {
    return this.host.updateComplete;
  }

  requestUpdate(): void {
    this.host.requestUpdate();
  }

  announce(text: string): void {
    this.host.announce(text);
  }

  /** The words for a field issue (the feed's codes are registered with its message section). */
  describe = (issue: FieldIssue): string => this.localize.issue(issue);

  /** A failed call in one sentence: the specific reason when the backend gave one, else by code. */
  sentence(error: unknown): string {
    return BackendError.is(error) ? this.localize.error(error) : this.t.state.error;
  }

  fail(error: unknown, action: string): void {
    const backendError = BackendError.is(error) ? error : new BackendError('unavailable', String(error));
    this.host.fire('dorf-error', { error: backendError, action });
  }

  async refreshPost(postId: string, created: boolean): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    try {
      const post = await backend.feed.getPost(postId);
      if (post.groupId !== this.host.activeGroup) return;
      const isNew = this.placePost(post);
      if (created && isNew && post.author.id !== this.member?.id && post.status === 'published') {
        this.announce(post.kind === 'urgent'
          ? this.msg((m) => m.feed.urgentAnnounce, { title: post.title })
          : this.msg((m) => m.feed.newPost, { title: post.title }));
      }
    } catch (error) {
      if (BackendError.is(error, 'not-found') || BackendError.is(error, 'forbidden')) this.dropPost(postId);
    }
  }

  /** Puts a post where it belongs now (urgent, pinned, list), returns whether it was not shown before. */
  placePost(post: Post): boolean {
    const shown = [this.host.urgentPosts, this.host.pinnedPosts, this.host.feedWindow.posts].some((list) => list.some((p) => p.id === post.id));
    if (this.host.tagFilter && !post.tags.includes(this.host.tagFilter) && !shown) return false;
    const highlight = post.kind === 'urgent' ? 'urgent' : post.pinned ? 'pinned' : 'list';
    this.host.urgentPosts = this.host.urgentPosts.filter((p) => p.id !== post.id);
    this.host.pinnedPosts = this.host.pinnedPosts.filter((p) => p.id !== post.id);
    if (highlight === 'urgent') this.host.urgentPosts = [post, ...this.host.urgentPosts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    else if (highlight === 'pinned') this.host.pinnedPosts = [post, ...this.host.pinnedPosts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    if (highlight !== 'list') this.host.feedWindow.remove(post.id);
    else if (!this.host.feedWindow.replace(post)) this.host.feedWindow.prepend(post);
    this.requestUpdate();
    return !shown;
  }

  dropPost(postId: string): void {
    this.host.urgentPosts = this.host.urgentPosts.filter((p) => p.id !== postId);
    this.host.pinnedPosts = this.host.pinnedPosts.filter((p) => p.id !== postId);
    this.host.feedWindow.remove(postId);
    this.forget(postId);
    this.requestUpdate();
  }

  async refreshComments(): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    // The change names the comment, not its post: re-read the posts on screen (a bounded few).
    const posts = [...this.host.urgentPosts, ...this.host.pinnedPosts, ...this.host.feedWindow.posts];
    await Promise.all(posts.map(async (post) => {
      try {
        const fresh = await backend.feed.getPost(post.id);
        if (fresh.commentCount !== post.commentCount || fresh.status !== post.status) this.placePost(fresh);
        if (this.isOpen(post.id)) await this.loadComments(fresh, false);
      } catch {
        // Gone: the post change removes it.
      }
    }));
  }

  // -------------------------------------------------------------------------------------------
  // Paging

  private loadPage = (cursor: string | null) =>
    this.backend!.feed.listPosts({ groupId: this.host.activeGroup, limit: this.host.limit, cursor, ...(this.host.tagFilter && { tag: this.host.tagFilter }) });

  private pruneUi(): void {
    this.prune(new Set([...this.host.urgentPosts, ...this.host.pinnedPosts, ...this.host.feedWindow.posts].map((p) => p.id)));
  }

  older(): Promise<void> {
    return this.page('older');
  }

  newer(): Promise<void> {
    return this.page('newer');
  }

  /** Slides the feed window one page; one page request at a time. */
  private async page(direction: 'older' | 'newer'): Promise<void> {
    const window = this.host.feedWindow;
    if (this.paging || !(direction === 'older' ? window.hasOlder : window.hasNewer) || !this.backend) return;
    this.paging = true;
    try {
      await window[direction](this.loadPage);
      this.pruneUi();
    } catch (error) {
      this.fail(error, 'listPosts');
    } finally {
      this.paging = false;
      this.requestUpdate();
    }
  }


  /** @internal Posts not yet expired. */
  live(posts: Post[]): Post[] {
    const now = new Date().toISOString();
    return posts.filter((p) => p.expiresAt === null || p.expiresAt > now);
  }


  /**
   * Loads the next older page when the visitor scrolls the end of the list into view. The
   * observer reports only real changes (not the state at the moment it starts observing), so a
   * short list on a tall screen never loads page after page by itself.
   */
  private observeSentinel(): void {
    const sentinel = this.renderRoot.querySelector('.sentinel');
    if (sentinel === this.observed || typeof IntersectionObserver === 'undefined') return;
    this.observer?.disconnect();
    this.observed = sentinel;
    if (!sentinel) return;
    let initial = true;
    this.observer = new IntersectionObserver((entries) => {
      if (initial) {
        initial = false;
        return;
      }
      if (entries.some((e) => e.isIntersecting)) void this.older();
    });
    this.observer.observe(sentinel);
  }

  /** Removes posts, notices included, the moment they expire. */
  private scheduleExpiry(): void {
    clearTimeout(this.expiryTimer);
    const now = Date.now();
    const next = [...this.host.urgentPosts, ...this.host.pinnedPosts, ...this.host.feedWindow.posts]
      .map((p) => (p.expiresAt ? Date.parse(p.expiresAt) : Infinity))
      .filter((at) => at > now)
      .reduce((a, b) => Math.min(a, b), Infinity);
    if (next === Infinity) return;
    this.expiryTimer = setTimeout(() => {
      // What expired must not linger in the live region either.
      this.host.clearAnnouncement();
      this.requestUpdate();
    }, Math.min(next - now + 50, 2 ** 31 - 1));
  }

  // -------------------------------------------------------------------------------------------
  // Interface state of posts

  postUi(postId: string): PostUi {
    let ui = this.ui.get(postId);
    if (!ui) this.ui.set(postId, (ui = { open: false }));
    return ui;
  }

  isOpen(postId: string): boolean {
    return this.ui.get(postId)?.open ?? false;
  }

  forget(postId: string): void {
    this.ui.delete(postId);
  }

  /** Forgets the interface state of posts no longer shown, unless something is typed there. */
  prune(shown: Set<string>): void {
    for (const [id, ui] of this.ui) {
      if (!shown.has(id) && !ui.edit && !ui.comments?.draft) this.ui.delete(id);
    }
  }

  filterTag(tag: string | null): void {
    this.host.filterTag(tag);
  }

  renderProfileForm(): TemplateResult {
    return renderProfileForm(this);
  }

  /** Image previews are object URLs: released when the element leaves the page. */
  releaseFiles(): void {
    for (const file of this.draft.files) {
      if (file.preview) URL.revokeObjectURL(file.preview);
      delete file.preview;
    }
  }

  /** Another group: its posts, reports and queue are not this one's. */
  reset(): void {
    this.ui.clear();
    this.reports.clear();
    this.queue = null;
    this.moderationOpen = false;
    this.invite.reset();
  }

  /** Live changes of the group: new, changed and removed posts and comments, memberships, reports. */
  async onChange(change: Change, closed: boolean): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    if (change.entity === 'membership' || change.entity === 'group') {
      try {
        this.currentGroup = await backend.feed.getGroup(this.host.activeGroup);
        if (closed) this.host.reloadFeed();
      } catch {
        // The next full load reports it.
      }
    } else if (change.entity === 'post') {
      if (change.kind === 'deleted') this.dropPost(change.id);
      else await this.refreshPost(change.id, change.kind === 'created');
    } else if (change.entity === 'comment') {
      await this.refreshComments();
    }
    if (this.moderationOpen && ['report', 'post', 'comment', 'membership'].includes(change.entity)) await this.loadQueue();
  }

  /** After each render of the host: expiry timer and the end-of-list observer follow what is shown. */
  afterUpdate(): void {
    this.scheduleExpiry();
    this.observeSentinel();
  }

  /** The host left the page: timers, observers and image previews go. */
  disconnect(): void {
    clearTimeout(this.expiryTimer);
    this.invite.reset();
    this.observer?.disconnect();
    this.observer = null;
    this.observed = null;
    this.releaseFiles();
  }

  // -------------------------------------------------------------------------------------------
  // Profile and membership

  async saveProfile(): Promise<void> {
    const { check, ProfileInput } = await validation();
    const result = check(ProfileInput, { displayName: this.profileName });
    if (!result.ok) {
      this.profileError = this.describe(result.issues[0]!);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
      return;
    }
    try {
      await this.backend!.session.updateProfile(result.value);
      this.profileError = undefined;
      this.announce(this.t.feed.nameSaved);
    } catch (error) {
      this.profileError = BackendError.is(error, 'validation') && error.issues[0] ? this.describe(error.issues[0]) : this.sentence(error);
      this.fail(error, 'updateProfile');
    }
  }

  async join(): Promise<void> {
    const group = this.currentGroup;
    if (!group || !this.backend) return;
    try {
      const membership = await this.backend.feed.join(group.id, this.joinMessage.trim() ? { message: this.joinMessage } : {});
      this.joinError = undefined;
      this.joinMessage = '';
      this.currentGroup = { ...group, membership };
      this.announce(membership.status === 'active' ? this.t.feed.joined : this.t.feed.requested);
      if (membership.status === 'active') this.host.reloadFeed();
    } catch (error) {
      this.joinError = BackendError.is(error, 'validation') && error.issues[0] ? this.describe(error.issues[0]) : this.sentence(error);
      this.fail(error, 'join');
    }
  }

  async leave(): Promise<void> {
    const group = this.currentGroup;
    if (!group || !this.backend) return;
    try {
      await this.backend.feed.leave(group.id);
      this.currentGroup = { ...group, membership: null, memberCount: Math.max(0, group.memberCount - 1) };
      this.announce(this.t.feed.left);
      if (group.visibility !== 'public') this.host.reloadFeed();
    } catch (error) {
      this.fail(error, 'leave');
      this.announce(this.sentence(error));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Composer

  async openComposer(open: boolean): Promise<void> {
    this.composerOpen = open;
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(open ? '#post-kind' : '#composer-toggle');
    target?.focus();
  }

  updateDraft(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
  }

  updateSlot(slotId: string, patch: Partial<DraftSlot>): void {
    this.updateDraft({ slots: this.draft.slots.map((s) => (s.id === slotId ? { ...s, ...patch } : s)) });
  }

  addSlot(): void {
    this.updateDraft({ slots: [...this.draft.slots, newSlot()] });
  }

  removeSlot(slotId: string): void {
    this.updateDraft({ slots: this.draft.slots.filter((s) => s.id !== slotId) });
  }

  /** Downscales images (metadata gone) and checks sizes; problems go to the field. */
  async addFiles(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    input.value = '';
    await this.acceptFiles(files);
  }

  async acceptFiles(files: File[]): Promise<void> {
    const errors = new Map(this.draftErrors);
    errors.delete('attachments');
    const added: Draft['files'] = [];
    let issue: FieldIssue | undefined;
    this.preparingFiles = true;
    const media = await import('../../core/media/image.js');
    for (const file of files) {
      if (this.draft.files.length + added.length >= MAX_FILES) {
        issue = { path: 'attachments', code: 'file.tooMany', params: { max: MAX_FILES } };
        break;
      }
      try {
        if (file.type === 'application/pdf') {
          if (file.size > FILE_LIMITS.pdf) throw new media.ImageError({ path: '', code: 'file.tooLarge', params: { max: FILE_LIMITS.pdf } });
          if (file.size === 0) throw new media.ImageError({ path: '', code: 'file.empty' });
          added.push({ id: newId(), name: file.name || 'document.pdf', blob: file, kind: 'pdf' });
        } else {
          const image = await media.prepareImage(file, { maxBytes: FILE_LIMITS.image });
          added.push({
            id: newId(), name: file.name || 'image', blob: image.blob, kind: 'image', width: image.width, height: image.height,
            preview: URL.createObjectURL(image.blob),
          });
        }
      } catch (error) {
        issue = error instanceof media.ImageError ? { ...error.issue, path: 'attachments' } : { path: 'attachments', code: 'image.unreadable' };
      }
    }
    this.preparingFiles = false;
    if (issue) errors.set('attachments', this.describe(issue));
    this.draftErrors = errors;
    this.updateDraft({ files: [...this.draft.files, ...added] });
    if (issue) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#post-files')?.focus();
    }
  }

  removeFile(fileId: string): void {
    const file = this.draft.files.find((f) => f.id === fileId);
    if (file?.preview) URL.revokeObjectURL(file.preview);
    this.updateDraft({ files: this.draft.files.filter((f) => f.id !== fileId) });
  }

  private async showErrors(issues: FieldIssue[]): Promise<void> {
    this.draftErrors = issuesByField(normalizeIssues(issues), this.describe, fieldOf);
    this.formStatus = html`<p part="form-error" class="form-error" role="alert">${this.t.errors.validation}</p>`;
    await this.updateComplete;
    focusFirstInvalid(this.renderRoot.querySelector('#composer'));
  }

  /** Validates with the schema, accepts the rules, uploads files, creates the post. */
  async submitPost(): Promise<void> {
    const backend = this.backend;
    const group = this.currentGroup;
    if (!backend || !group || this.sending) return;
    const draft = this.draft;
    const tz = this.localize.timeZone;
    const { check, PostInput } = await validation();
    const result = check(PostInput, draftToInput(draft, group.id, tz, draft.files.map((f) => f.id)));
    const issues = result.ok ? [] : [...result.issues];
    if (this.needsRules && !draft.rulesAccepted) issues.push({ path: 'rules', code: 'feed.rulesNotAccepted' });
    if (issues.length) return this.showErrors(issues);
    this.draftErrors = new Map();
    this.formStatus = nothing;
    this.sending = true;
    try {
      if (this.needsRules || (!group.membership && !this.canModerate)) {
        const membership = await backend.feed.acceptRules(group.id);
        this.currentGroup = { ...group, membership };
      }
      for (const file of draft.files) {
        await backend.files.upload({ id: file.id, name: file.name, blob: file.blob, ...(file.width && { width: file.width, height: file.height }) });
      }
      const post = await backend.feed.createPost(draftToInput(draft, group.id, tz, draft.files.map((f) => f.id)));
      this.finishDraft();
      this.placePost(post);
      this.formStatus = nothing;
      this.announce(post.status === 'pending' ? this.t.feed.pendingApproval : this.t.feed.published);
      this.host.fire('dorf-post-created', { postId: post.id, groupId: post.groupId, status: post.status });
      await this.openComposer(false);
    } catch (error) {
      this.fail(error, 'createPost');
      if (BackendError.is(error, 'queued')) {
        this.finishDraft();
        this.formStatus = renderStatus(this.localize, 'queued');
      } else if (BackendError.is(error, 'validation') && error.issues.length) {
        await this.showErrors(error.issues.map((i) => (i.path.startsWith('blob') ? { ...i, path: 'attachments' } : i)));
      } else {
        this.formStatus = html`<p part="form-error" class="form-error" role="alert">${this.sentence(error)}</p>`;
      }
    } finally {
      this.sending = false;
    }
  }

  private finishDraft(): void {
    for (const file of this.draft.files) if (file.preview) URL.revokeObjectURL(file.preview);
    this.draft = emptyDraft();
    this.draftErrors = new Map();
  }

  // -------------------------------------------------------------------------------------------
  // Post actions

  private setNotice(post: Post, text: string, kind: 'status' | 'error' = 'status'): void {
    this.postUi(post.id).notice = { text, kind };
    this.requestUpdate();
  }

  async react(post: Post, reaction: Reaction): Promise<void> {
    if (!this.backend) return;
    try {
      const updated = await this.backend.feed.react({ postId: post.id, reaction, on: !post.myReactions.includes(reaction) });
      this.postUi(post.id).notice = undefined;
      this.placePost(updated);
    } catch (error) {
      this.fail(error, 'react');
      this.setNotice(post, BackendError.is(error, 'queued') ? this.t.errors.queued : this.sentence(error), BackendError.is(error, 'queued') ? 'status' : 'error');
    }
  }

  /**
   * Pinned posts are standing announcements: a disclosure with the title, the post itself only
   * while open, so they do not weigh on the page at every scroll position.
   */
  private renderPinned(post: Post): TemplateResult {
    const ui = this.postUi(post.id);
    return html`<details part="pinned-item" class="pinned-item" data-post=${post.id} ?open=${ui.expanded === true}
      @toggle=${(e: Event) => {
        ui.expanded = (e.target as HTMLDetailsElement).open;
        this.requestUpdate();
      }}>
      <summary part="pinned-summary" class="pinned-item__summary">${post.title}</summary>
      ${ui.expanded ? renderPost(this, post, 4) : nothing}
    </details>`;
  }

  async toggleComments(post: Post, open: boolean): Promise<void> {
    const ui = this.postUi(post.id);
    ui.open = open;
    this.requestUpdate();
    if (open) {
      ui.comments ??= { items: [], next: null, loading: false, draft: '', id: newId() };
      await this.loadComments(post, false);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#comment-${post.id}`)?.focus();
    } else {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#comments-toggle-${post.id}`)?.focus();
    }
  }

  /** Loads the first page of comments, or (`more`) the next one. */
  async loadComments(post: Post, more: boolean): Promise<void> {
    const state = this.postUi(post.id).comments;
    if (!state || !this.backend) return;
    state.loading = true;
    this.requestUpdate();
    try {
      if (more) {
        const page = await this.backend.feed.listComments({ postId: post.id, cursor: state.next, limit: 10 });
        state.items = [...state.items, ...page.items.filter((c) => !state.items.some((s) => s.id === c.id))];
        state.next = page.nextCursor;
      } else {
        // Re-read as many as are shown, at least the first page.
        const pages: Comment[] = [];
        let cursor: string | null = null;
        do {
          const page = await this.backend.feed.listComments({ postId: post.id, cursor, limit: 10 });
          pages.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor && pages.length < state.items.length);
        state.items = pages;
        state.next = cursor;
      }
    } catch (error) {
      this.fail(error, 'listComments');
      state.formError = this.sentence(error);
    } finally {
      state.loading = false;
      this.requestUpdate();
    }
  }

  setCommentDraft(post: Post, value: string): void {
    const state = this.postUi(post.id).comments;
    if (state) state.draft = value;
  }

  async submitComment(post: Post): Promise<void> {
    const state = this.postUi(post.id).comments;
    if (!state || !this.backend) return;
    const input = { id: state.id, postId: post.id, body: state.draft };
    const { check, CommentInput } = await validation();
    const result = check(CommentInput, input);
    state.formError = undefined;
    if (!result.ok) {
      state.error = this.describe(result.issues[0]!);
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#comment-${post.id}`)?.focus();
      return;
    }
    state.error = undefined;
    try {
      const comment = await this.backend.feed.addComment(result.value);
      state.draft = '';
      state.id = newId();
      if (!state.items.some((c) => c.id === comment.id)) state.items = [...state.items, comment];
      this.setNotice(post, this.t.feed.commentAdded);
      this.host.fire('dorf-comment-added', { postId: post.id, commentId: comment.id });
      const fresh = await this.backend.feed.getPost(post.id);
      this.placePost(fresh);
    } catch (error) {
      this.fail(error, 'addComment');
      if (BackendError.is(error, 'queued')) {
        state.draft = '';
        state.id = newId();
        this.setNotice(post, this.t.errors.queued);
      } else if (BackendError.is(error, 'validation') && error.issues[0]) {
        state.error = this.describe(error.issues[0]);
      } else {
        state.formError = this.sentence(error);
      }
      this.requestUpdate();
    }
  }

  async deleteComment(comment: Comment): Promise<void> {
    if (!this.backend) return;
    try {
      await this.backend.feed.deleteComment(comment.id);
      const state = this.postUi(comment.postId).comments;
      if (state) state.items = state.items.filter((c) => c.id !== comment.id);
      await this.refreshPost(comment.postId, false);
    } catch (error) {
      this.fail(error, 'deleteComment');
    }
  }

  startEdit(post: Post): void {
    this.postUi(post.id).edit = { title: post.title, body: post.body, tags: post.tags.join(', '), errors: new Map() };
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#edit-title-${post.id}`)?.focus());
  }

  setEdit(post: Post, name: 'title' | 'body' | 'tags', value: string): void {
    const edit = this.postUi(post.id).edit;
    if (edit) edit[name] = value;
  }

  cancelEdit(post: Post): void {
    delete this.postUi(post.id).edit;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#edit-${post.id}`)?.focus());
  }

  async saveEdit(post: Post): Promise<void> {
    const edit = this.postUi(post.id).edit;
    if (!edit || !this.backend) return;
    const patch = { title: edit.title, body: edit.body, tags: parseTags(edit.tags) };
    const { check, PostPatch } = await validation();
    const result = check(PostPatch, patch);
    const focusError = async () => {
      this.requestUpdate();
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot.querySelector(`[data-post="${post.id}"] form`));
    };
    if (!result.ok) {
      edit.errors = issuesByField(result.issues, this.describe);
      return focusError();
    }
    try {
      const updated = await this.backend.feed.updatePost(post.id, result.value);
      delete this.postUi(post.id).edit;
      this.placePost(updated);
      this.setNotice(updated, this.t.feed.updated);
    } catch (error) {
      this.fail(error, 'updatePost');
      if (BackendError.is(error, 'validation') && error.issues.length) {
        edit.errors = issuesByField(error.issues, this.describe);
        return focusError();
      }
      edit.formError = this.sentence(error);
      this.requestUpdate();
    }
  }

  askDelete(post: Post, ask: boolean): void {
    this.postUi(post.id).confirmDelete = ask;
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(ask ? `#confirm-delete-${post.id}` : `#delete-${post.id}`)?.focus());
  }

  async deletePost(post: Post): Promise<void> {
    if (!this.backend) return;
    try {
      await this.backend.feed.deletePost(post.id);
      this.dropPost(post.id);
      this.announce(this.t.feed.deleted);
    } catch (error) {
      this.fail(error, 'deletePost');
      this.postUi(post.id).confirmDelete = false;
      this.setNotice(post, this.sentence(error), 'error');
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reports

  openReport(target: ReportTarget): void {
    this.reports.set(targetKey(target), { id: newId(), reason: '', note: '', errors: new Map() });
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#report-reason-${targetKey(target)}`)?.focus());
  }

  updateReport(target: ReportTarget, patch: Partial<Pick<ReportDraft, 'reason' | 'note'>>): void {
    const report = this.reports.get(targetKey(target));
    if (report) Object.assign(report, patch);
  }

  cancelReport(target: ReportTarget): void {
    this.reports.delete(targetKey(target));
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#report-${targetKey(target)}`)?.focus());
  }

  async submitReport(target: ReportTarget): Promise<void> {
    const key = targetKey(target);
    const report = this.reports.get(key);
    if (!report || !this.backend) return;
    const { check, ReportInput } = await validation();
    const result = check(ReportInput, { id: report.id, target, reason: report.reason, note: report.note });
    report.formError = undefined;
    if (!result.ok) {
      report.errors = issuesByField(result.issues, this.describe);
      this.requestUpdate();
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot.querySelector(`[aria-labelledby="report-title-${key}"]`));
      return;
    }
    try {
      await this.backend.feed.report(result.value);
      report.sent = true;
      this.host.fire('dorf-report-sent', { target });
    } catch (error) {
      this.fail(error, 'report');
      if (BackendError.is(error, 'queued')) report.sent = true;
      else report.formError = this.sentence(error);
    }
    this.requestUpdate();
  }

  // -------------------------------------------------------------------------------------------
  // "Mach mit!"

  setSlotCount(key: string, value: string): void {
    this.slotCounts.set(key, value);
  }

  async commit(post: Post, slot: CallSlot): Promise<void> {
    if (!this.backend) return;
    const key = `${post.id}:${slot.id}`;
    const raw = this.slotCounts.get(key) ?? String(slot.mine || 1);
    const input = { id: newId(), postId: post.id, slotId: slot.id, count: raw === '' ? Number.NaN : Number(raw) };
    const focus = async () => {
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#count-${post.id}-${slot.id}`)?.focus();
    };
    try {
      const updated = await this.backend.feed.commit(input);
      this.slotErrors.delete(key);
      this.slotCounts.delete(key);
      this.placePost(updated);
      this.setNotice(updated, this.t.feed.call.committed);
      this.host.fire('dorf-commitment-changed', { postId: post.id, slotId: slot.id, count: input.count });
    } catch (error) {
      this.fail(error, 'commit');
      const issue = BackendError.is(error) ? error.issues[0] : undefined;
      if (BackendError.is(error, 'conflict') || BackendError.is(error, 'validation')) {
        this.slotErrors.set(key, issue ? this.describe({ ...issue, path: 'count' }) : this.sentence(error));
        if (BackendError.is(error, 'conflict')) await this.refreshPost(post.id, false);
        return focus();
      }
      this.setNotice(post, BackendError.is(error, 'queued') ? this.t.errors.queued : this.sentence(error), BackendError.is(error, 'queued') ? 'status' : 'error');
    }
  }

  async withdraw(post: Post, slot: CallSlot): Promise<void> {
    if (!this.backend) return;
    try {
      const updated = await this.backend.feed.withdraw({ postId: post.id, slotId: slot.id });
      this.slotErrors.delete(`${post.id}:${slot.id}`);
      this.placePost(updated);
      this.setNotice(updated, this.t.feed.call.withdrawn);
      this.host.fire('dorf-commitment-changed', { postId: post.id, slotId: slot.id, count: 0 });
    } catch (error) {
      this.fail(error, 'withdraw');
      this.setNotice(post, this.sentence(error), 'error');
    }
  }

  // -------------------------------------------------------------------------------------------
  // Moderation

  async toggleModeration(open: boolean): Promise<void> {
    this.moderationOpen = open;
    if (open) await this.loadQueue();
    else {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#moderation-toggle')?.focus();
    }
  }

  private async loadQueue(): Promise<void> {
    const backend = this.backend;
    const groupId = this.host.activeGroup;
    if (!backend || !groupId) return;
    try {
      const [pending, reports, members] = await Promise.all([
        backend.feed.listPending(groupId, { limit: 50 }),
        backend.feed.listReports({ groupId, status: 'open', limit: 50 }),
        backend.feed.listMembers(groupId, { limit: 100 }),
      ]);
      this.queue = { pending: pending.items, reports: reports.items, requests: members.items.filter((m) => m.status === 'pending') };
    } catch (error) {
      this.fail(error, 'listReports');
      this.queue = { pending: [], reports: [], requests: [] };
    }
  }

  async moderate(action: ModerationAction): Promise<void> {
    if (!this.backend) return;
    try {
      await this.backend.feed.moderate(action);
      if (action.action === 'hide' && action.target.type === 'comment') await this.refreshComments();
      else if ('postId' in action) await this.refreshPost(action.postId, false);
      else if (action.action === 'hide') await this.refreshPost(action.target.id, false);
      if (this.moderationOpen) await this.loadQueue();
    } catch (error) {
      this.fail(error, 'moderate');
      this.announce(this.sentence(error));
    }
  }


  // -------------------------------------------------------------------------------------------
  // Rendering

  renderSwitcher(): TemplateResult | typeof nothing {
    const ids = this.host.groupList;
    if (ids.length < 2) return nothing;
    const names = new Map(this.groupNames.value);
    if (this.currentGroup) names.set(this.currentGroup.id, this.currentGroup.name);
    return html`<nav part="switcher" class="switcher" aria-label=${this.t.feed.groups}>
      ${ids.map((id) => html`<button part="button switch" class="switch" type="button" aria-pressed=${id === this.host.activeGroup ? 'true' : 'false'}
        @click=${() => this.host.selectGroup(id)}>${names.get(id) ?? id}</button>`)}
    </nav>`;
  }

  private renderHeader(group: Group): TemplateResult {
    const t = this.t.feed;
    return html`<div part="header" class="header">
      <h2 class="header__title">${group.name}</h2>
      <p class="meta">${t.visibility[group.visibility]} · ${this.msg((m) => m.feed.members, { count: group.memberCount })}</p>
      ${group.description ? html`<p class="text">${group.description}</p>` : nothing}
      ${group.membership?.status === 'active' && group.membership.role === 'member'
        ? html`<button part="button leave" class="link-button" type="button" @click=${() => this.leave()}>${t.leave}</button>`
        : nothing}
    </div>`;
  }

  renderFeed(data: FeedData): TemplateResult {
    const t = this.t.feed;
    const group = this.currentGroup ?? data.group;
    if (data.closed) {
      return html`${this.renderHeader(group)}
        ${renderStatus(this.localize, 'forbidden', {
          message: group.visibility === 'private' || !data.reason ? t.closed : this.localize.error(data.reason),
        })}
        <div class="participation">${renderParticipation(this)}</div>`;
    }
    const urgent = this.live(this.host.urgentPosts);
    const pinned = this.live(this.host.pinnedPosts);
    const posts = this.live(this.host.feedWindow.posts);
    return html`
      ${this.renderHeader(group)}
      ${urgent.length
        ? html`<section part="urgent" class="urgent" aria-labelledby="urgent-heading">
            <h3 id="urgent-heading" class="visually-hidden">${t.urgentHeading}</h3>
            ${urgent.map((p) => renderPost(this, p, 4))}
          </section>`
        : nothing}
      ${renderModeration(this)}
      <div class="participation">${renderParticipation(this)}</div>
      ${pinned.length
        ? html`<section part="pinned" class="pinned" aria-labelledby="pinned-heading">
            <h3 id="pinned-heading" class="section-title">${t.pinnedHeading}</h3>
            ${pinned.map((p) => this.renderPinned(p))}
          </section>`
        : nothing}
      <section part="list" class="list" aria-labelledby="latest-heading">
        <h3 id="latest-heading" class="section-title">${t.latest}</h3>
        ${this.host.tagFilter
          ? html`<p class="row filter" role="status">${this.msg((m) => m.feed.tagFilter, { tag: this.host.tagFilter! })}
              <button part="button" class="link-button" type="button" @click=${() => this.host.filterTag(null)}>${t.clearTag}</button></p>`
          : nothing}
        ${this.host.feedWindow.hasNewer
          ? html`<button part="button newer" class="button" type="button" @click=${() => this.newer()}>${t.newer}</button>`
          : nothing}
        ${posts.length === 0 && !this.host.feedWindow.hasOlder && urgent.length + pinned.length === 0
          ? html`<slot name="empty">${renderStatus(this.localize, 'empty', { message: t.empty })}</slot>`
          : posts.map((p) => renderPost(this, p, 4))}
        ${this.host.feedWindow.hasOlder
          ? html`<button part="button older" class="button sentinel" type="button" @click=${() => this.older()}>${t.older}</button>`
          : posts.length
            ? html`<p class="muted end">${t.end}</p>`
            : nothing}
      </section>
    `;
  }

}
