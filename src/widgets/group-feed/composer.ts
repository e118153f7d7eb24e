/** The post form, and what comes before it: a name to post under, joining, the house rules. */
import { live } from 'lit/directives/live.js';
import { html, nothing, type TemplateResult } from 'lit';
import { field } from '../../core/ui/field.js';
import type { PostKind } from '../../data/schema/feed.js';
import { FILE_LIMITS, MAX_TAGS } from './options.js';
import { MAX_FILES, type Draft, type DraftSlot } from './draft.js';
import type { FeedUi } from './feed-ui.js';

function renderSlots(host: FeedUi, draft: Draft): TemplateResult {
  const t = host.t.feed;
  const errors = host.draftErrors;
  const set = (slot: DraftSlot, patch: Partial<DraftSlot>) => host.updateSlot(slot.id, patch);
  return html`
    <fieldset part="slots-fieldset" class="fieldset">
      <legend>${t.slots}</legend>
      ${errors.get('call.slots') ? html`<p class="field__error">${errors.get('call.slots')}</p>` : nothing}
      ${draft.slots.map((slot, i) => {
        const n = i + 1;
        const path = `call.slots.${i}`;
        return html`<div part="slot-editor" class="slot-editor">
          ${field({ id: `slot-label-${slot.id}`, label: host.msg((m) => m.feed.slotLabel, { n }), error: errors.get(`${path}.label`) }, (a) => html`
            <input id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(slot.label)}
              @input=${(e: Event) => set(slot, { label: (e.target as HTMLInputElement).value })} />`)}
          ${field({ id: `slot-kind-${slot.id}`, label: host.msg((m) => m.feed.slotKind, { n }), error: errors.get(`${path}.kind`) }, (a) => html`
            <select id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid}
              @change=${(e: Event) => set(slot, { kind: (e.target as HTMLSelectElement).value as DraftSlot['kind'] })}>
              <option value="people" ?selected=${slot.kind === 'people'}>${t.slotKinds.people}</option>
              <option value="item" ?selected=${slot.kind === 'item'}>${t.slotKinds.item}</option>
            </select>`)}
          ${field({ id: `slot-capacity-${slot.id}`, label: host.msg((m) => m.feed.slotCapacity, { n }), error: errors.get(`${path}.capacity`) }, (a) => html`
            <input id=${a.id} type="number" min="1" max="10000" inputmode="numeric" aria-describedby=${a.describedBy} aria-invalid=${a.invalid}
              .value=${live(slot.capacity)} @input=${(e: Event) => set(slot, { capacity: (e.target as HTMLInputElement).value })} />`)}
          ${draft.slots.length > 1
            ? html`<button part="button" class="link-button" type="button" @click=${() => host.removeSlot(slot.id)}>${host.msg((m) => m.feed.removeSlot, { n })}</button>`
            : nothing}
        </div>`;
      })}
      <button part="button" class="button" type="button" @click=${() => host.addSlot()}>${t.addSlot}</button>
    </fieldset>
  `;
}

export function renderComposer(host: FeedUi): TemplateResult {
  const t = host.t.feed;
  const draft = host.draft;
  const errors = host.draftErrors;
  const kinds: PostKind[] = host.canModerate ? ['note', 'news', 'urgent', 'call'] : ['note', 'news', 'call'];
  const set = (name: 'title' | 'body' | 'tags' | 'expiresAt' | 'start' | 'end' | 'place') => (e: Event) =>
    host.updateDraft({ [name]: (e.target as HTMLInputElement).value });
  const group = host.currentGroup;
  if (!host.composerOpen) {
    return html`<button part="button composer-toggle" class="button button--primary" type="button" id="composer-toggle"
      aria-expanded="false" @click=${() => host.openComposer(true)}>${t.composer}</button>`;
  }
  return html`
    <form part="composer" class="composer" id="composer" novalidate aria-labelledby="composer-title"
      @submit=${(e: Event) => (e.preventDefault(), host.submitPost())}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && host.openComposer(false)}>
      <h3 id="composer-title" class="composer__title">${t.composer}</h3>
      ${field({ id: 'post-kind', label: t.kind }, (a) => html`
        <select id=${a.id} aria-describedby=${a.describedBy}
          @change=${(e: Event) => host.updateDraft({ kind: (e.target as HTMLSelectElement).value as PostKind })}>
          ${kinds.map((k) => html`<option value=${k} ?selected=${draft.kind === k}>${t.kinds[k]}</option>`)}
        </select>`)}
      ${field({ id: 'post-title', label: t.title, hint: host.t.common.required, error: errors.get('title') }, (a) => html`
        <input id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} required maxlength="140" .value=${live(draft.title)} @input=${set('title')} />`)}
      ${field({ id: 'post-body', label: t.body, hint: host.t.common.required, help: t.bodyHelp, error: errors.get('body') }, (a) => html`
        <textarea id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} required .value=${live(draft.body)} @input=${set('body')}></textarea>`)}
      ${draft.kind === 'call'
        ? html`
            ${field({ id: 'call-start', label: t.callStart, hint: host.t.common.required, error: errors.get('call.start') }, (a) => html`
              <input id=${a.id} type="datetime-local" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(draft.start)} @input=${set('start')} />`)}
            ${field({ id: 'call-end', label: t.callEnd, hint: host.t.common.optional, error: errors.get('call.end') }, (a) => html`
              <input id=${a.id} type="datetime-local" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(draft.end)} @input=${set('end')} />`)}
            ${field({ id: 'call-place', label: t.place, hint: host.t.common.required, error: errors.get('call.place') }, (a) => html`
              <input id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(draft.place)} @input=${set('place')} />`)}
            ${renderSlots(host, draft)}`
        : nothing}
      ${field({ id: 'post-expires', label: t.expiresAt, hint: draft.kind === 'urgent' ? host.t.common.required : host.t.common.optional,
        help: t.expiresHelp, error: errors.get('expiresAt') }, (a) => html`
        <input id=${a.id} type="datetime-local" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(draft.expiresAt)} @input=${set('expiresAt')} />`)}
      ${field({ id: 'post-tags', label: t.tags, hint: host.t.common.optional, help: host.msg((m) => m.feed.tagsHelp, { max: MAX_TAGS }), error: errors.get('tags') }, (a) => html`
        <input id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(draft.tags)} @input=${set('tags')} />`)}
      ${field({ id: 'post-files', label: t.attachments, hint: host.t.common.optional,
        help: host.msg((m) => m.feed.attachmentsHelp, { max: MAX_FILES, pdf: FILE_LIMITS.pdf }), error: errors.get('attachments') }, (a) => html`
        <input id=${a.id} type="file" multiple accept="image/*,application/pdf" aria-describedby=${a.describedBy} aria-invalid=${a.invalid}
          @change=${(e: Event) => host.addFiles(e.target as HTMLInputElement)} />`)}
      ${host.preparingFiles ? html`<p class="muted" role="status">${t.preparing}</p>` : nothing}
      ${draft.files.length
        ? html`<ul part="file-list" class="file-list">${draft.files.map((file) => html`<li>
            ${file.preview ? html`<img src=${file.preview} alt="" width="48" height="48" />` : nothing}
            <span>${file.name} (${host.f.bytes(file.blob.size)})</span>
            <button part="button" class="link-button" type="button" @click=${() => host.removeFile(file.id)}>${host.msg((m) => m.feed.removeAttachment, { name: file.name })}</button>
          </li>`)}</ul>`
        : nothing}
      ${host.needsRules && group
        ? html`<section part="rules" class="rules" aria-labelledby="rules-title">
            <h4 id="rules-title">${t.rules}</h4>
            <p class="text">${group.rules}</p>
            ${field({ id: 'post-rules', label: t.rulesAccept, error: errors.get('rules'), inline: true }, (a) => html`
              <input id=${a.id} type="checkbox" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .checked=${live(draft.rulesAccepted)}
                @change=${(e: Event) => host.updateDraft({ rulesAccepted: (e.target as HTMLInputElement).checked })} />`)}
          </section>`
        : nothing}
      ${host.formStatus}
      <div class="row">
        <button part="button submit" class="button button--primary" type="submit" ?disabled=${host.sending}>${host.sending ? t.sending : t.publish}</button>
        <button part="button" class="button" type="button" @click=${() => host.openComposer(false)}>${t.closeComposer}</button>
      </div>
    </form>
  `;
}

/** The name an anonymous visitor takes part under (a local member profile). */
export function renderProfileForm(host: FeedUi): TemplateResult {
  const t = host.t.feed;
  return html`<form part="profile-form" class="subform" novalidate aria-labelledby="profile-intro"
      @submit=${(e: Event) => (e.preventDefault(), host.saveProfile())}>
      <p id="profile-intro">${t.profileIntro}</p>
      ${field({ id: 'profile-name', label: t.displayName, error: host.profileError }, (a) => html`
        <input id=${a.id} autocomplete="nickname" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(host.profileName)}
          @input=${(e: Event) => (host.profileName = (e.target as HTMLInputElement).value)} />`)}
      <button part="button submit" class="button button--primary" type="submit">${t.saveName}</button>
    </form>`;
}

/** A name first (anonymous visitors), then joining, then the composer. */
export function renderParticipation(host: FeedUi): TemplateResult | typeof nothing {
  const t = host.t.feed;
  const group = host.currentGroup;
  if (!group || !host.backendReady) return nothing;
  if (!host.member) return renderProfileForm(host);
  const membership = group.membership;
  const active = membership?.status === 'active';
  if (active || host.canModerate || (group.visibility === 'public' && group.joinPolicy === 'open')) return renderComposer(host);
  if (membership?.status === 'pending') return html`<p part="notice" class="notice">${t.joinPending}</p>`;
  if (group.joinPolicy === 'invite' && membership?.status !== 'invited') return html`<p part="notice" class="notice">${t.inviteOnly}</p>`;
  if (group.joinPolicy === 'request' && membership?.status !== 'invited') {
    return html`<form part="join-form" class="subform" novalidate @submit=${(e: Event) => (e.preventDefault(), host.join())}>
      ${field({ id: 'join-message', label: t.joinMessage, help: t.joinMessageHelp, error: host.joinError }, (a) => html`
        <textarea id=${a.id} rows="2" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(host.joinMessage)}
          @input=${(e: Event) => (host.joinMessage = (e.target as HTMLTextAreaElement).value)}></textarea>`)}
      <button part="button submit" class="button button--primary" type="submit">${t.requestJoin}</button>
    </form>`;
  }
  return html`${membership?.status === 'invited' ? html`<p part="notice" class="notice">${t.invitedNotice}</p>` : nothing}
    <button part="button join" class="button button--primary" type="button" @click=${() => host.join()}>${t.join}</button>
    ${host.joinError ? html`<p class="form-error" role="alert">${host.joinError}</p>` : nothing}`;
}
