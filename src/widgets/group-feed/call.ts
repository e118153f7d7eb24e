/** The "Mach mit!" part of a call post: date, place, slots with capacity, commit and withdraw, .ics. */
import { live } from 'lit/directives/live.js';
import { html, nothing, type TemplateResult } from 'lit';
import { field } from '../../core/ui/field.js';
import type { CallSlot, Post } from '../../data/schema/index.js';
import type { FeedUi } from './feed-ui.js';

function renderSlot(host: FeedUi, post: Post, slot: CallSlot): TemplateResult {
  const t = host.t.feed.call;
  const free = Math.max(0, slot.capacity - slot.committed);
  const key = `${post.id}:${slot.id}`;
  const value = host.slotCounts.get(key) ?? String(slot.mine || 1);
  const error = host.slotErrors.get(key);
  const canCommit = host.member !== null && (free > 0 || slot.mine > 0);
  const id = `count-${post.id}-${slot.id}`;
  return html`
    <li part="slot" class="slot ${free === 0 ? 'slot--full' : ''}">
      <div class="slot__head">
        <span part="slot-label" class="slot__label">${slot.label} <span class="muted">(${host.t.feed.slotKinds[slot.kind]})</span></span>
        <span part="slot-count">${host.msg((m) => m.feed.call.progress, { committed: slot.committed, capacity: slot.capacity })}
          · ${free === 0 ? t.full : host.msg((m) => m.feed.call.free, { free })}${slot.mine > 0
            ? html` · <strong>${host.msg((m) => m.feed.call.mine, { count: slot.mine })}</strong>`
            : nothing}</span>
      </div>
      <progress part="slot-bar" class="slot__bar" max=${slot.capacity} .value=${slot.committed} aria-hidden="true"></progress>
      ${canCommit
        ? html`<div class="slot__actions">
            ${field({ id, label: host.msg((m) => m.feed.call.count, { label: slot.label }), error, part: 'slot-field' }, (a) => html`
              <input id=${a.id} type="number" inputmode="numeric" min="1" max=${free + slot.mine}
                aria-describedby=${a.describedBy} aria-invalid=${a.invalid} .value=${live(value)}
                @input=${(e: Event) => host.setSlotCount(key, (e.target as HTMLInputElement).value)}
                @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && host.commit(post, slot)} />`)}
            <button part="button commit" class="button button--primary" type="button" @click=${() => host.commit(post, slot)}>
              ${slot.mine > 0 ? t.change : t.commit}
            </button>
            ${slot.mine > 0
              ? html`<button part="button withdraw" class="button" type="button" @click=${() => host.withdraw(post, slot)}>${t.withdraw}</button>`
              : nothing}
          </div>`
        : nothing}
    </li>
  `;
}

export function renderCall(host: FeedUi, post: Post): TemplateResult | typeof nothing {
  const call = post.call;
  if (!call) return nothing;
  const t = host.t.feed.call;
  const f = host.f;
  const sameDay = call.end && f.date(call.start) === f.date(call.end);
  return html`
    <div part="call" class="call">
      <dl class="call__facts">
        <dt>${t.when}</dt>
        <dd><time datetime=${call.start}>${f.dateTime(call.start, { dateStyle: 'full', timeStyle: 'short' })}</time>${call.end
          ? html` – <time datetime=${call.end}>${sameDay ? f.time(call.end) : f.dateTime(call.end)}</time>`
          : nothing}</dd>
        <dt>${t.where}</dt>
        <dd>${call.place}</dd>
      </dl>
      <ul part="slots" class="slots" aria-label=${t.slots}>
        ${call.slots.map((slot) => renderSlot(host, post, slot))}
      </ul>
      <button part="button calendar" class="button" type="button" @click=${() => void import('./ics.js').then((m) => m.downloadCall(post, host.community))}>${t.calendar}</button>
    </div>
  `;
}
