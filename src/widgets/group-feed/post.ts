/** One post: header, text with safe links, attachments, tags, call, reactions, comments, actions. */
import { live } from 'lit/directives/live.js';
import { html, nothing, type TemplateResult } from 'lit';
import { field } from '../../core/ui/field.js';
import type { Comment, Post, Reaction, ReportTarget } from '../../data/schema/feed.js';
import { MAX_TAGS, REACTIONS, REPORT_REASONS } from './options.js';
import { renderCall } from './call.js';
import type { FeedUi } from './feed-ui.js';
import { richText } from './rich-text.js';

const REACTION_ICONS: Record<Reaction, string> = { like: '👍', heart: '❤️', thanks: '🙏', clap: '👏' };

export const targetKey = (target: ReportTarget): string => `${target.type}-${target.id}`;

/** The inline report form for a post or a comment. */
export function renderReportForm(host: FeedUi, target: ReportTarget): TemplateResult | typeof nothing {
  const key = targetKey(target);
  const report = host.reports.get(key);
  if (!report) return nothing;
  const t = host.t.feed;
  if (report.sent) return html`<p part="notice" class="notice notice--success" role="status">${t.reportSent}</p>`;
  return html`
    <form part="report-form" class="subform" aria-labelledby="report-title-${key}" novalidate
      @submit=${(e: Event) => (e.preventDefault(), host.submitReport(target))}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && host.cancelReport(target)}>
      <h4 class="subform__title" id="report-title-${key}">${t.reportTitle}</h4>
      ${field({ id: `report-reason-${key}`, label: t.reason, error: report.errors.get('reason'), hint: host.t.common.required }, (a) => html`
        <select id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} required
          @change=${(e: Event) => host.updateReport(target, { reason: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${report.reason === ''}></option>
          ${REPORT_REASONS.map((r) => html`<option value=${r} ?selected=${report.reason === r}>${t.reasons[r]}</option>`)}
        </select>`)}
      ${field({ id: `report-note-${key}`, label: t.reportNote, error: report.errors.get('note'), hint: host.t.common.optional }, (a) => html`
        <textarea id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(report.note)}
          @input=${(e: Event) => host.updateReport(target, { note: (e.target as HTMLTextAreaElement).value })}></textarea>`)}
      ${report.formError ? html`<p part="form-error" class="form-error" role="alert">${report.formError}</p>` : nothing}
      <div class="row">
        <button part="button submit" class="button button--primary" type="submit">${host.t.common.send}</button>
        <button part="button" class="button" type="button" @click=${() => host.cancelReport(target)}>${host.t.common.cancel}</button>
      </div>
    </form>
  `;
}

function renderComment(host: FeedUi, comment: Comment): TemplateResult {
  const t = host.t.feed;
  const target: ReportTarget = { type: 'comment', id: comment.id };
  const own = host.member?.id === comment.author.id;
  return html`
    <li part="comment" class="comment ${comment.status === 'hidden' ? 'is-hidden' : ''}">
      <p class="meta"><strong part="author">${comment.author.displayName}</strong> ·
        <time datetime=${comment.createdAt}>${host.f.dateTime(comment.createdAt)}</time>
        ${comment.status === 'hidden' ? html` · <span part="badge" class="badge">${t.status.hidden}</span>` : nothing}</p>
      <p part="comment-body" class="text">${richText(comment.body)}</p>
      <div class="row row--small">
        ${host.reports.has(targetKey(target)) ? nothing : html`<button part="button report" class="link-button" type="button"
          id="report-${targetKey(target)}" @click=${() => host.openReport(target)}>${t.report}</button>`}
        ${own ? html`<button part="button delete" class="link-button" type="button" @click=${() => host.deleteComment(comment)}>${host.t.common.delete}</button>` : nothing}
        ${host.canModerate
          ? html`<button part="button moderate" class="link-button" type="button"
              @click=${() => host.moderate({ action: 'hide', target, on: comment.status !== 'hidden' })}>${comment.status === 'hidden' ? t.unhide : t.hide}</button>`
          : nothing}
      </div>
      ${renderReportForm(host, target)}
    </li>
  `;
}

function renderComments(host: FeedUi, post: Post): TemplateResult | typeof nothing {
  const ui = host.postUi(post.id);
  const state = ui.comments;
  if (!ui.open || !state) return nothing;
  const t = host.t.feed;
  const id = `comment-${post.id}`;
  const canWrite = host.member !== null && (!post.commentsLocked || host.canModerate) && post.status === 'published';
  return html`
    <div part="comments" class="comments" id="comments-${post.id}"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && host.toggleComments(post, false)}>
      ${state.items.length === 0 && !state.loading ? html`<p class="muted">${t.noComments}</p>` : nothing}
      <ul class="comment-list">${state.items.map((c) => renderComment(host, c))}</ul>
      ${state.loading ? html`<p class="muted" role="status">${host.t.common.loading}</p>` : nothing}
      ${state.next && !state.loading
        ? html`<button part="button more-comments" class="button" type="button" @click=${() => host.loadComments(post, true)}>${t.moreComments}</button>`
        : nothing}
      ${post.commentsLocked ? html`<p class="muted">${t.commentsLocked}</p>` : nothing}
      ${canWrite
        ? html`<form part="comment-form" class="subform" novalidate @submit=${(e: Event) => (e.preventDefault(), host.submitComment(post))}>
            ${field({ id, label: t.comment, error: state.error }, (a) => html`
              <textarea id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} rows="2" .value=${live(state.draft)}
                @input=${(e: Event) => host.setCommentDraft(post, (e.target as HTMLTextAreaElement).value)}></textarea>`)}
            ${state.formError ? html`<p part="form-error" class="form-error" role="alert">${state.formError}</p>` : nothing}
            <button part="button submit" class="button button--primary" type="submit">${t.addComment}</button>
          </form>`
        : nothing}
    </div>
  `;
}

function renderEditForm(host: FeedUi, post: Post): TemplateResult {
  const edit = host.postUi(post.id).edit!;
  const t = host.t.feed;
  const id = (name: string) => `edit-${name}-${post.id}`;
  const set = (name: 'title' | 'body' | 'tags') => (e: Event) => host.setEdit(post, name, (e.target as HTMLInputElement).value);
  return html`
    <form part="edit-form" class="subform" novalidate aria-label=${host.t.common.edit}
      @submit=${(e: Event) => (e.preventDefault(), host.saveEdit(post))}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && host.cancelEdit(post)}>
      ${field({ id: id('title'), label: t.title, error: edit.errors.get('title') }, (a) => html`
        <input id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(edit.title)} @input=${set('title')} />`)}
      ${field({ id: id('body'), label: t.body, help: t.bodyHelp, error: edit.errors.get('body') }, (a) => html`
        <textarea id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(edit.body)} @input=${set('body')}></textarea>`)}
      ${field({ id: id('tags'), label: t.tags, help: host.msg((m) => m.feed.tagsHelp, { max: MAX_TAGS }), error: edit.errors.get('tags') }, (a) => html`
        <input id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(edit.tags)} @input=${set('tags')} />`)}
      ${edit.formError ? html`<p part="form-error" class="form-error" role="alert">${edit.formError}</p>` : nothing}
      <div class="row">
        <button part="button submit" class="button button--primary" type="submit">${host.t.common.save}</button>
        <button part="button" class="button" type="button" @click=${() => host.cancelEdit(post)}>${host.t.common.cancel}</button>
      </div>
    </form>
  `;
}

function renderActions(host: FeedUi, post: Post): TemplateResult {
  const t = host.t.feed;
  const ui = host.postUi(post.id);
  const own = host.member?.id === post.author.id;
  const target: ReportTarget = { type: 'post', id: post.id };
  if (ui.confirmDelete) {
    return html`<div part="confirm" class="row confirm" role="group" aria-label=${t.confirmDelete}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && host.askDelete(post, false)}>
      <span>${t.confirmDelete}</span>
      <button part="button delete" class="button button--danger" type="button" id="confirm-delete-${post.id}" @click=${() => host.deletePost(post)}>${host.t.common.delete}</button>
      <button part="button" class="button" type="button" @click=${() => host.askDelete(post, false)}>${host.t.common.cancel}</button>
    </div>`;
  }
  return html`
    <div part="actions" class="row row--small" role="group" aria-label=${t.actions}>
      ${host.reports.has(targetKey(target)) ? nothing : html`<button part="button report" class="link-button" type="button"
        id="report-${targetKey(target)}" @click=${() => host.openReport(target)}>${t.report}</button>`}
      ${own || host.canModerate
        ? html`<button part="button edit" class="link-button" type="button" id="edit-${post.id}" @click=${() => host.startEdit(post)}>${host.t.common.edit}</button>
            <button part="button delete" class="link-button" type="button" id="delete-${post.id}" @click=${() => host.askDelete(post, true)}>${host.t.common.delete}</button>`
        : nothing}
      ${host.canModerate
        ? html`<button part="button moderate" class="link-button" type="button" @click=${() => host.moderate({ action: 'pin', postId: post.id, on: !post.pinned })}>${post.pinned ? t.unpin : t.pin}</button>
            <button part="button moderate" class="link-button" type="button"
              @click=${() => host.moderate({ action: 'hide', target, on: post.status !== 'hidden' })}>${post.status === 'hidden' ? t.unhide : t.hide}</button>
            <button part="button moderate" class="link-button" type="button"
              @click=${() => host.moderate({ action: 'lock-comments', postId: post.id, on: !post.commentsLocked })}>${post.commentsLocked ? t.unlock : t.lock}</button>`
        : nothing}
    </div>
  `;
}

export function renderPost(host: FeedUi, post: Post, headingLevel: 3 | 4 = 3): TemplateResult {
  const t = host.t.feed;
  const f = host.f;
  const ui = host.postUi(post.id);
  const titleId = `title-${post.id}`;
  const title = headingLevel === 3
    ? html`<h3 part="post-title" class="post__title" id=${titleId}>${post.title}</h3>`
    : html`<h4 part="post-title" class="post__title" id=${titleId}>${post.title}</h4>`;
  return html`
    <article part="post post-${post.kind}" class="post post--${post.kind} ${post.status !== 'published' ? 'is-muted' : ''}"
      aria-labelledby=${titleId} data-post=${post.id}>
      <header class="post__header">
        <p class="kicker">
          ${post.kind === 'urgent' ? html`<span class="urgent-icon" aria-hidden="true">⚠</span>` : nothing}${t.kinds[post.kind]}${post.pinned
            ? html` · <span part="badge" class="badge">${t.pinned}</span>` : nothing}${post.status !== 'published'
            ? html` · <span part="badge" class="badge badge--warn">${t.status[post.status]}</span>` : nothing}
        </p>
        ${title}
        <p part="meta" class="meta">
          ${host.msg((m) => m.feed.by, { name: post.author.displayName })} ·
          <time datetime=${post.createdAt}>${f.dateTime(post.createdAt)}</time>${post.editedAt ? html` · ${t.edited}` : nothing}${post.expiresAt
            ? html` · ${host.msg((m) => m.feed.until, { date: f.dateTime(post.expiresAt) })}` : nothing}
        </p>
      </header>
      ${ui.edit
        ? renderEditForm(host, post)
        : html`<p part="post-body" class="text">${richText(post.body)}</p>
          ${post.attachments.length
            ? html`<ul part="attachments" class="attachments">${post.attachments.map((file) => html`<li>${file.kind === 'image'
                ? html`<a href=${file.url} target="_blank" rel="noopener"><img part="image" src=${file.url} alt=${file.name}
                    width=${file.width ?? nothing} height=${file.height ?? nothing} loading="lazy" /></a>`
                : html`<a part="file" href=${file.url} download=${file.name}>${file.name} (${f.bytes(file.size)})</a>`}</li>`)}</ul>`
            : nothing}
          ${post.tags.length
            ? html`<ul part="tags" class="tags">${post.tags.map((tag) => html`<li><button part="tag" class="tag" type="button"
                aria-label=${host.msg((m) => m.feed.tagLabel, { tag })} @click=${() => host.filterTag(tag)}>#${tag}</button></li>`)}</ul>`
            : nothing}`}
      ${renderCall(host, post)}
      ${post.status === 'published'
        ? html`<div part="reactions" class="row reactions" role="group" aria-label=${t.reactions}>
            ${REACTIONS.map((reaction) => {
              const count = post.reactions[reaction] ?? 0;
              return html`<button part="reaction" class="reaction" type="button" aria-pressed=${post.myReactions.includes(reaction) ? 'true' : 'false'}
                aria-label="${t.reactionNames[reaction]}, ${count}" data-reaction=${reaction}
                @click=${() => host.react(post, reaction)}>${REACTION_ICONS[reaction]} ${count}</button>`;
            })}
            <button part="button comments-toggle" class="button comments-toggle" type="button" id="comments-toggle-${post.id}"
              aria-expanded=${ui.open ? 'true' : 'false'} aria-controls=${ui.open ? `comments-${post.id}` : nothing}
              @click=${() => host.toggleComments(post, !ui.open)}>${host.msg((m) => m.feed.comments, { count: post.commentCount })}</button>
          </div>`
        : nothing}
      ${ui.notice ? html`<p part="notice" class="notice notice--${ui.notice.kind}" role=${ui.notice.kind === 'error' ? 'alert' : 'status'}>${ui.notice.text}</p>` : nothing}
      ${renderComments(host, post)}
      ${renderActions(host, post)}
      ${renderReportForm(host, { type: 'post', id: post.id })}
    </article>
  `;
}
