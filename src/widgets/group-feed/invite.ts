/**
 * The moderators' "invite a member" picker: a debounced search over the community members who
 * are not in the group yet (`feed.inviteCandidates`), paged with "more", each with an invite
 * button (`moderate({ action: 'invite' })`). Part of the lazily loaded view; the search itself is
 * `core/ui/member-search.ts`.
 */
import { live } from 'lit/directives/live.js';
import { html, nothing, type TemplateResult } from 'lit';
import { field } from '../../core/ui/field.js';
import { MemberSearch } from '../../core/ui/member-search.js';
import { BackendError } from '../../data/backend.js';
import type { PublicMember } from '../../data/schema/index.js';
import type { FeedUi } from './feed-ui.js';

/** Candidates per page. */
export const INVITE_PAGE = 10;
/** Wait this long after the last keystroke before searching. */
export const INVITE_DEBOUNCE = 300;

export class InvitePicker extends MemberSearch {
  /** Members being invited right now (their buttons are busy). */
  readonly busy = new Set<string>();
  private groupId = '';

  constructor(private readonly ui: FeedUi) {
    super(ui, {
      source: () => {
        const backend = ui.backend;
        const groupId = this.groupId;
        return backend && groupId ? (query) => backend.feed.inviteCandidates(groupId, query) : undefined;
      },
      action: 'inviteCandidates',
      limit: INVITE_PAGE,
      debounce: INVITE_DEBOUNCE,
    });
  }

  /** Loads the first page once per group (when the moderation panel shows the picker). */
  ensure(groupId: string): void {
    if (this.groupId === groupId) return;
    this.reset();
    this.groupId = groupId;
    // Not during the render that asked: the result arrives as a new render.
    queueMicrotask(() => void this.load(false));
  }

  /** Back to the start; an answer still on its way is dropped. */
  override reset(): void {
    super.reset();
    this.busy.clear();
    this.groupId = '';
  }

  async invite(member: PublicMember): Promise<void> {
    const backend = this.ui.backend;
    const groupId = this.groupId;
    if (!backend || !groupId || this.busy.has(member.id)) return;
    const index = this.items.findIndex((m) => m.id === member.id);
    this.busy.add(member.id);
    this.ui.requestUpdate();
    try {
      await backend.feed.moderate({ action: 'invite', groupId, memberId: member.id });
      this.items = this.items.filter((m) => m.id !== member.id);
      this.listError = undefined;
      this.ui.announce(this.ui.msg((m) => m.feed.invite.invited, { name: member.displayName }));
      // Focus stays in the list: the next person's button, else the search field.
      await this.ui.updateComplete;
      const buttons = [...this.ui.renderRoot.querySelectorAll<HTMLElement>('[part~="invite-item"] button')];
      (buttons[Math.min(Math.max(index, 0), buttons.length - 1)] ?? this.ui.renderRoot.querySelector<HTMLElement>('#invite-search'))?.focus();
    } catch (error) {
      this.ui.fail(error, 'moderate');
      this.listError = BackendError.is(error, 'queued') ? this.ui.t.errors.queued : this.ui.sentence(error);
    } finally {
      this.busy.delete(member.id);
      this.ui.requestUpdate();
    }
  }
}

export function renderInvite(host: FeedUi, groupId: string): TemplateResult {
  const picker = host.invite;
  picker.ensure(groupId);
  const t = host.t.feed.invite;
  return html`<section part="invite" class="invite" aria-labelledby="invite-title">
    <h3 id="invite-title">${t.heading}</h3>
    ${field({ id: 'invite-search', label: t.search, help: t.searchHelp, error: picker.fieldError, part: 'invite-field' }, (a) => html`
      <input id=${a.id} type="search" autocomplete="off" maxlength="60" aria-describedby=${a.describedBy} aria-invalid=${a.invalid}
        aria-controls="invite-list" .value=${live(picker.query)}
        @input=${(e: Event) => picker.type((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            picker.searchNow();
          } else if (e.key === 'Escape' && picker.query) {
            // Escape clears the search first; a second Escape closes the panel.
            e.stopPropagation();
            picker.type('');
            picker.searchNow();
            (e.target as HTMLInputElement).value = '';
          }
        }} />`)}
    ${picker.listError ? html`<p part="invite-error" class="form-error" role="alert">${picker.listError}</p>` : nothing}
    <ul part="invite-list" class="queue invite__list" id="invite-list" aria-labelledby="invite-title" aria-busy=${picker.loading ? 'true' : 'false'}>
      ${picker.items.map((m) => html`<li part="invite-item" class="queue-item invite__item">
        <span id="invite-name-${m.id}">${m.displayName}</span>
        <button part="button invite-button" class="button" type="button" aria-describedby="invite-name-${m.id}"
          @click=${() => picker.invite(m)}>${t.button}</button>
      </li>`)}
    </ul>
    <p class="muted" role="status">${picker.loading
      ? t.searching
      : picker.loaded && !picker.items.length && !picker.listError && !picker.fieldError ? t.none : nothing}</p>
    ${picker.next
      ? html`<button part="button invite-more" class="button" type="button" ?disabled=${picker.loading} @click=${() => picker.load(true)}>${t.more}</button>`
      : nothing}
  </section>`;
}
