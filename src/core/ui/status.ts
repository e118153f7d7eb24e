/**
 * The states every widget shares: loading, empty, error, offline, queued, no permission.
 * One template so they look, sound (roles, live regions) and read the same everywhere.
 */
import type { initialState, Task } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { BackendError } from '../../data/backend.js';
import type { LocalizeController } from '../localize.js';
import { buttonStyles } from './widget.styles.js';

export type StatusKind = 'loading' | 'empty' | 'error' | 'offline' | 'queued' | 'forbidden';

export interface StatusOptions {
  /** Replaces the default sentence, e.g. a widget-specific empty text. */
  message?: string;
  /** Shows a "Try again" button (errors). */
  onRetry?: () => void;
  /** For `error`: the failure, turned into a sentence by its code. */
  error?: unknown;
}

/** The status kind that matches a failed call. */
export function statusForError(error: unknown): StatusKind {
  if (BackendError.is(error, 'forbidden')) return 'forbidden';
  if (BackendError.is(error, 'queued')) return 'queued';
  return 'error';
}

export function renderStatus(localize: LocalizeController, kind: StatusKind, options: StatusOptions = {}): TemplateResult {
  const t = localize.t;
  const text =
    options.message ??
    (kind === 'error' && BackendError.is(options.error) && options.error.code !== 'validation'
      ? localize.error(options.error)
      : {
          loading: t.common.loading,
          empty: t.state.empty,
          error: t.state.error,
          offline: t.state.offline,
          queued: t.state.queued,
          forbidden: t.state.noPermission,
        }[kind]);
  // Errors interrupt (alert); everything else is announced politely (status).
  const role = kind === 'error' ? 'alert' : 'status';
  return html`
    <div part="status status-${kind}" class="status status--${kind}" role=${role} aria-busy=${kind === 'loading' ? 'true' : nothing}>
      ${kind === 'loading' ? html`<span class="status__spinner" aria-hidden="true"></span>` : nothing}
      <span part="status-text">${text}</span>
      ${options.onRetry
        ? html`<button part="button status-retry" class="button" type="button" @click=${options.onRetry}>${t.common.retry}</button>`
        : nothing}
    </div>
  `;
}

/** A failed load: its status, with "Try again" only for errors that may pass (not no permission, not queued). */
export function renderFailure(
  localize: LocalizeController,
  error: unknown,
  retry: () => void,
  options: StatusOptions = {},
): TemplateResult {
  const kind = statusForError(error);
  return renderStatus(localize, kind, { error, ...(kind === 'error' && { onRetry: retry }), ...options });
}

/**
 * A widget's data `Task` on screen, the same in every widget: loading until both the data and the
 * lazily loaded view are here (the last data stays on screen while it loads again), then the view;
 * a failed load as its status with a retry. `environmentError` (the provider could not make a
 * backend) is shown instead of all of that.
 * @param view Renders the data; returns `null`/`undefined` while the view module is still loading.
 * @param failed Replaces the default failure status, for a widget that offers more there.
 */
export function renderLoaded<R>(
  localize: LocalizeController,
  task: Task<readonly unknown[], R>,
  view: (data: Exclude<R, typeof initialState>) => unknown,
  environmentError: unknown,
  failed: (error: unknown) => unknown = (error) => renderFailure(localize, error, () => void task.run()),
): unknown {
  if (environmentError) return renderStatus(localize, 'error', { error: environmentError });
  // Without data (`initial`, a first `pending`), or while the view is loading: the loading state.
  const show = (data?: R) => (data ? view(data as Exclude<R, typeof initialState>) : null) ?? renderStatus(localize, 'loading');
  return task.render({ initial: show, pending: () => show(task.value), error: failed, complete: show });
}

/** Whether a failure is browser storage (full, blocked, lost, not allowed), as opposed to the network or the server. */
export function isStorageFailure(error: unknown): boolean {
  return BackendError.is(error, 'unavailable') && (error.issues[0]?.code ?? '').startsWith('storage.');
}

// The outbox's view lives in `./outbox.ts` (with its controller), so that it loads with a widget's
// lazily loaded view and not with its define module; these names stay importable from here.
export { renderOutbox, outboxStyles, type OutboxOptions } from './outbox.js';

/** The states' own styles; their retry button comes from the shared button styles. */
export const statusStyles = [
  buttonStyles,
  css`
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
  }
  .status--loading {
    color: var(--_color-text-muted);
    /* Reserve roughly the height of the first content so nothing jumps when it arrives. */
    min-height: calc(var(--_space) * 6);
  }
  .status--error {
    background: var(--_color-danger-surface);
    border-inline-start: 4px solid var(--_color-danger);
  }
  .status--queued,
  .status--offline {
    background: var(--_color-warning-surface);
  }
  .status--forbidden,
  .status--empty {
    color: var(--_color-text-muted);
  }
  .status__spinner {
    width: 1.25em;
    height: 1.25em;
    border: 2px solid var(--_color-border);
    border-top-color: var(--_color-accent);
    border-radius: 50%;
    animation: dorf-spin calc(var(--_duration) * 6) linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .status__spinner {
      animation: none;
    }
  }
  @keyframes dorf-spin {
    to {
      transform: rotate(1turn);
    }
  }
`,
];
