/** The moderators' panel: posts waiting for approval and the queue of open reports. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Membership, Post, Report } from '../../data/schema/index.js';
import type { FeedUi } from './feed-ui.js';
import { renderInvite } from './invite.js';

export interface ModerationQueue {
  pending: Post[];
  reports: Report[];
  /** Memberships waiting for a decision (join policy `request`). */
  requests: Membership[];
}

function renderRequest(host: FeedUi, membership: Membership): TemplateResult {
  const t = host.t.feed;
  const decide = (approve: boolean) =>
    host.moderate({ action: 'decide-membership', groupId: membership.groupId, memberId: membership.member.id, approve });
  return html`<li part="queue-item" class="queue-item">
    <p><strong>${membership.member.displayName}</strong> ·
      <time datetime=${membership.since}>${host.f.dateTime(membership.since)}</time></p>
    ${membership.message ? html`<blockquote class="text">${membership.message}</blockquote>` : nothing}
    <div class="row row--small">
      <button part="button accept" class="button button--primary" type="button" @click=${() => decide(true)}>${t.accept}</button>
      <button part="button" class="button" type="button" @click=${() => decide(false)}>${t.decline}</button>
    </div>
  </li>`;
}

function renderPending(host: FeedUi, post: Post): TemplateResult {
  const t = host.t.feed;
  return html`<li part="queue-item" class="queue-item">
    <p><strong>${post.title}</strong> · ${host.msg((m) => m.feed.by, { name: post.author.displayName })}</p>
    <p class="text clamp">${post.body}</p>
    <div class="row row--small">
      <button part="button approve" class="button button--primary" type="button"
        @click=${() => host.moderate({ action: 'approve', postId: post.id })}>${t.approve}</button>
      <button part="button" class="button" type="button"
        @click=${() => host.moderate({ action: 'hide', target: { type: 'post', id: post.id }, on: true })}>${t.hide}</button>
    </div>
  </li>`;
}

function renderReport(host: FeedUi, report: Report): TemplateResult {
  const t = host.t.feed;
  return html`<li part="queue-item" class="queue-item">
    <p><strong>${host.msg((m) => m.feed.reportedItem, { type: report.target.type, reason: t.reasons[report.reason] })}</strong> ·
      <time datetime=${report.createdAt}>${host.f.dateTime(report.createdAt)}</time></p>
    <blockquote class="text clamp">${report.excerpt}</blockquote>
    ${report.note ? html`<p class="text">${report.note}</p>` : nothing}
    <div class="row row--small">
      <button part="button" class="button" type="button"
        @click=${() => host.moderate({ action: 'hide', target: report.target, on: true })}>${t.hideReported}</button>
      <button part="button resolve" class="button button--primary" type="button"
        @click=${() => host.moderate({ action: 'resolve-report', reportId: report.id })}>${t.resolve}</button>
    </div>
  </li>`;
}

export function renderModeration(host: FeedUi): TemplateResult | typeof nothing {
  if (!host.canModerate) return nothing;
  const t = host.t.feed;
  const queue = host.queue;
  const open = host.moderationOpen;
  const count = queue ? queue.pending.length + queue.reports.length + queue.requests.length : 0;
  return html`
    <div part="moderation" class="moderation">
      <button part="button moderation-toggle" class="button" type="button" id="moderation-toggle" aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'moderation-panel' : nothing} @click=${() => host.toggleModeration(!open)}>
        ${t.moderation}${queue && count ? html` (${count})` : nothing}
      </button>
      ${open
        ? html`<section part="moderation-panel" class="moderation__panel" id="moderation-panel" aria-labelledby="moderation-toggle"
            @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && host.toggleModeration(false)}>
            ${!queue
              ? html`<p class="muted" role="status">${host.t.common.loading}</p>`
              : html`
                  <h3>${t.pendingPosts}</h3>
                  ${queue.pending.length ? html`<ul class="queue">${queue.pending.map((p) => renderPending(host, p))}</ul>` : html`<p class="muted">${t.noPending}</p>`}
                  <h3>${t.joinRequests}</h3>
                  ${queue.requests.length ? html`<ul class="queue">${queue.requests.map((m) => renderRequest(host, m))}</ul>` : html`<p class="muted">${t.noJoinRequests}</p>`}
                  ${renderInvite(host, host.host.activeGroup)}
                  <h3>${t.reportsHeading}</h3>
                  ${queue.reports.length ? html`<ul class="queue">${queue.reports.map((r) => renderReport(host, r))}</ul>` : html`<p class="muted">${t.noReports}</p>`}`}
          </section>`
        : nothing}
    </div>
  `;
}
