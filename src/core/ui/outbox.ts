/**
 * The offline outbox inside a widget: the writes of this widget that wait for the connection
 * ("Noch nicht gesendet"), and the ones the server refused on delivery with its reason and what to
 * do (send again, discard). Import it from a widget's lazily loaded view module only: nothing here
 * belongs in a widget's initial load.
 *
 * ```ts
 * // in the view's constructor; the host exposes `api`, `l10n` and `announce()`
 * this.outbox = new OutboxController(host, { operations: ['feed.createPost', 'feed.addComment'] });
 * // in the host's render
 * ${this.outbox.render()}
 * ```
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { outboxOf, type OutboxApi, type OutboxEntry, type OutboxEvent, type OutboxOperation, type OutboxStorage } from '../../data/adapters/http/outbox-api.js';
import { BackendError, type Backend } from '../../data/backend.js';
import { renderMessage, type LocalizeController } from '../localize.js';
import { outboxMessages } from '../../i18n/outbox.js';
// Field issues' words load with the forms.
import '../../i18n/fields.js';

export interface OutboxOptions {
  /** Where the entries are kept (`backend.outbox.storage`), said in one line under the title. */
  storage?: OutboxStorage;
  /** Send a refused write again. */
  onRetry: (entry: OutboxEntry) => void;
  /** Let a waiting or refused write go. */
  onDiscard: (entry: OutboxEntry) => void;
  /**
   * What a write is about in a few words (a post's title, a booking's dates). When given, every
   * waiting write is listed with it and a discard button; without it only their number is said.
   */
  describe?: (entry: OutboxEntry) => string | undefined;
  /** More help for a refused write (a booking's free alternatives), under the reason. */
  help?: (entry: OutboxEntry) => unknown;
}

/**
 * The outbox of a widget (from `outboxOf(backend).list()`, filtered to the widget's own writes):
 * how many wait for the connection (and, with `describe`, which), and each write the server refused
 * on delivery with the server's reason and what to do (send again, discard). Nothing when the list is empty.
 */
export function renderOutbox(localize: LocalizeController, entries: readonly OutboxEntry[], options: OutboxOptions): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  const t = localize.of(outboxMessages);
  const pending = entries.filter((e) => e.state === 'pending');
  const failed = entries.filter((e) => e.state === 'failed');
  const reason = (entry: OutboxEntry) => {
    const refusal = entry.refusal!;
    const error = new BackendError(refusal.code, refusal.message, refusal.details);
    const fields = refusal.code === 'validation' ? error.issues.map((issue) => localize.issue(issue)) : [localize.error(error)];
    return [...new Set(fields)].join(' ');
  };
  const what = (entry: OutboxEntry) => {
    const about = options.describe?.(entry);
    return html`<p class="outbox__what">
      <strong>${t.operations[entry.operation] ?? entry.operation}</strong>
      ${about ? html`<span part="outbox-about" class="outbox__about">${about}</span>` : nothing}
      <span class="outbox__when">${renderMessage(t.queuedAt, { at: entry.queuedAt }, localize.format)}</span>
    </p>`;
  };
  return html`
    <section part="outbox" class="outbox" aria-labelledby="dorf-outbox-title">
      <h3 part="outbox-title" id="dorf-outbox-title" class="outbox__title">${t.title}</h3>
      ${options.storage ? html`<p part="outbox-storage" class="outbox__note">${t.storage[options.storage]}</p>` : nothing}
      ${pending.length
        ? html`<p part="outbox-pending" class="outbox__pending" role="status">${renderMessage(t.pending, { count: pending.length }, localize.format)}</p>`
        : nothing}
      ${pending.length && options.describe
        ? html`<ul part="outbox-waiting" class="outbox__list" role="list">
            ${pending.map(
              (entry) => html`
                <li part="outbox-entry outbox-entry-pending" class="outbox__entry outbox__entry--pending" data-key=${entry.key}>
                  ${what(entry)}
                  <div class="outbox__actions">
                    <button part="button outbox-discard" class="button" type="button" @click=${() => options.onDiscard(entry)}>${t.discard}</button>
                  </div>
                </li>
              `,
            )}
          </ul>`
        : nothing}
      ${failed.length
        ? html`<ul part="outbox-list" class="outbox__list" role="list">
            ${failed.map(
              (entry) => html`
                <li part="outbox-entry" class="outbox__entry" data-key=${entry.key}>
                  ${what(entry)}
                  <p part="outbox-reason" class="outbox__reason" role="alert">${t.failed} ${reason(entry)}</p>
                  ${options.help?.(entry) ?? html`<p class="outbox__note">${t.whatNow}</p>`}
                  <div class="outbox__actions">
                    <button part="button outbox-retry" class="button" type="button" @click=${() => options.onRetry(entry)}>${t.retry}</button>
                    <button part="button outbox-discard" class="button" type="button" @click=${() => options.onDiscard(entry)}>${t.discard}</button>
                  </div>
                </li>
              `,
            )}
          </ul>`
        : nothing}
    </section>
  `;
}

/** The outbox's own styles (use with `statusStyles`). */
export const outboxStyles = css`
  .outbox {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-warning-surface);
    color: var(--_color-text);
  }
  .outbox__title {
    margin: 0;
    font-size: 1em;
  }
  .outbox p {
    margin: 0;
  }
  .outbox__list {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .outbox__entry {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.75);
    border-inline-start: 4px solid var(--_color-danger);
    background: var(--_color-surface);
    border-radius: var(--_radius);
  }
  .outbox__entry--pending {
    border-inline-start-color: var(--_color-border);
  }
  .outbox__what {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .outbox__when,
  .outbox__note {
    color: var(--_color-text-muted);
  }
  .outbox__actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
`;

/** What a widget hands the controller: its backend, words and live region. */
export interface OutboxHost extends ReactiveControllerHost {
  readonly api: Backend | null;
  readonly l10n: LocalizeController;
  readonly shadowRoot: ShadowRoot | null;
  announce(text: string): void;
}

export interface OutboxControllerOptions {
  /** The contract methods this widget writes with; only their entries are shown. */
  operations: readonly OutboxOperation[];
  /** A change of one of them, after the list was read again (a delivered booking shows its receipt). */
  onEvent?: (event: OutboxEvent) => void;
  describe?: OutboxOptions['describe'];
  help?: OutboxOptions['help'];
}

/**
 * Keeps a widget's outbox entries: follows `outboxOf(host.api)` when the backend changes, reads the
 * list again on every outbox event, stops listening on disconnect, and renders `renderOutbox` with
 * working send-again and discard buttons. Backends without an outbox (the local adapter) render nothing.
 */
export class OutboxController implements ReactiveController {
  /** The widget's waiting and refused writes, oldest first. */
  entries: readonly OutboxEntry[] = [];
  private outbox: OutboxApi | null = null;
  private backend: Backend | null | undefined = undefined;
  private stop: (() => void) | null = null;
  private reads = 0;
  private connected = false;
  /** The key of the entry whose button was pressed, so focus can land on what is left afterwards. */
  private refocus: string | null = null;

  constructor(private readonly host: OutboxHost, private readonly options: OutboxControllerOptions) {
    host.addController(this);
  }

  /** The outbox followed now (`null`: the backend has none). */
  get api(): OutboxApi | null {
    return this.outbox;
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostUpdated(): void {
    if (this.refocus === null) return;
    const root = this.host.shadowRoot;
    const key = this.refocus;
    this.refocus = null;
    // The same entry (refused again), else the first one left.
    const same = root?.querySelector<HTMLElement>(`[part~="outbox-entry"][data-key="${CSS.escape(key)}"] [part~="outbox-retry"]`);
    const next = root?.querySelector<HTMLElement>('[part~="outbox-entry"] button');
    (same ?? next)?.focus();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop?.();
    this.stop = null;
    this.outbox = null;
    this.backend = undefined;
  }

  private follow(): void {
    const backend = this.host.api;
    if (!this.connected || backend === this.backend) return;
    this.stop?.();
    this.stop = null;
    this.backend = backend;
    this.outbox = outboxOf(backend);
    this.entries = [];
    if (this.outbox) {
      this.stop = this.outbox.subscribe((event) => this.onEvent(event));
      void this.refresh();
    }
  }

  private mine(operation: OutboxOperation): boolean {
    return this.options.operations.includes(operation);
  }

  private onEvent(event: OutboxEvent): void {
    if (!this.mine(event.entry.operation)) return;
    const l10n = this.host.l10n;
    if (event.type === 'delivered') this.host.announce(`${l10n.of(outboxMessages).operations[event.entry.operation]}: ${l10n.of(outboxMessages).delivered}`);
    void this.refresh().then(() => this.options.onEvent?.(event));
  }

  /** Reads the widget's entries again (the latest read wins). */
  async refresh(): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return;
    const read = ++this.reads;
    let list: OutboxEntry[];
    try {
      list = await outbox.list();
    } catch {
      // Storage went away under us (another tab, a full disk): keep showing what we knew.
      return;
    }
    if (read !== this.reads || outbox !== this.outbox) return;
    this.entries = list.filter((entry) => this.mine(entry.operation));
    this.host.requestUpdate();
  }

  /** Sends a refused (or waiting) write again. */
  async retry(entry: OutboxEntry): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return;
    await outbox.retry(entry.key).catch(() => undefined);
    await this.refresh();
    this.settle(entry.key);
  }

  /** Lets a write go; it is never sent. */
  async discard(entry: OutboxEntry): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return;
    await outbox.discard(entry.key).catch(() => undefined);
    await this.refresh();
    this.settle(entry.key);
  }

  /** After a button's work is done: focus goes to what is left of the outbox, not to the page. */
  private settle(key: string): void {
    this.refocus = key;
    this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    if (!this.outbox) return nothing;
    return renderOutbox(this.host.l10n, this.entries, {
      storage: this.outbox.storage,
      onRetry: (entry) => void this.retry(entry),
      onDiscard: (entry) => void this.discard(entry),
      ...(this.options.describe && { describe: this.options.describe }),
      ...(this.options.help && { help: this.options.help }),
    });
  }
}
