/**
 * Accessible form fields, after Lion's FormControlMixin: every control has a visible label,
 * optional help text and a feedback slot, tied to the control with `for`/`id` and
 * `aria-describedby` (help first, then the error); an error sets `aria-invalid` and is shown
 * at the field in the visitor's language. Values live in the widget's state, never in the
 * DOM only, so a failed submit never loses what was typed.
 *
 * ```ts
 * field({ id: 'title', label: t.feed.title, error: errors.get('title') },
 *   (a) => html`<input id=${a.id} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} …>`)
 * ```
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { FieldIssue } from '../../data/backend.js';

export interface FieldOptions {
  /** The control's id, unique within the shadow root. */
  id: string;
  label: string;
  help?: string | undefined;
  /** The message to show; `undefined` when the field is fine. */
  error?: string | undefined;
  /** Appended to the label, e.g. "(required)". */
  hint?: string | undefined;
  /** Part name prefix; default `field`. */
  part?: string;
  /** Label beside the control (checkboxes). */
  inline?: boolean;
}

/** What the control template spreads onto its element. */
export interface ControlAttributes {
  id: string;
  /** `aria-describedby` value, or `nothing`. */
  describedBy: string | typeof nothing;
  /** `aria-invalid` value, or `nothing`. */
  invalid: 'true' | typeof nothing;
}

export function field(options: FieldOptions, control: (a: ControlAttributes) => TemplateResult): TemplateResult {
  const { id, label, help, error, hint, inline } = options;
  const part = options.part ?? 'field';
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const attributes: ControlAttributes = { id, describedBy: describedBy || nothing, invalid: error ? 'true' : nothing };
  const labelTemplate = html`<label part="${part}-label" class="field__label" for=${id}
    >${label}${hint ? html` <span class="field__hint">(${hint})</span>` : nothing}</label
  >`;
  return html`
    <div part=${part} class="field ${inline ? 'field--inline' : ''} ${error ? 'field--invalid' : ''}">
      ${inline ? html`${control(attributes)}${labelTemplate}` : html`${labelTemplate}${control(attributes)}`}
      ${help ? html`<p part="${part}-help" class="field__help" id=${helpId}>${help}</p>` : nothing}
      ${error ? html`<p part="${part}-error" class="field__error" id=${errorId}>${error}</p>` : nothing}
    </div>
  `;
}

/**
 * Groups field issues by the field they belong to: `key(path)` maps an issue path
 * (`tags.20`, `call.slots.0.label`) to a field key; the first issue per field wins.
 */
export function issuesByField(
  issues: readonly FieldIssue[],
  describe: (issue: FieldIssue) => string,
  key: (path: string) => string = (path) => path.split('.')[0] ?? '',
): Map<string, string> {
  const result = new Map<string, string>();
  for (const issue of issues) {
    const name = key(issue.path);
    if (!result.has(name)) result.set(name, describe(issue));
  }
  return result;
}

/**
 * Moves focus to the first invalid control inside `container` (after it rendered) and returns
 * whether there was one.
 */
export function focusFirstInvalid(container: ParentNode | null | undefined): boolean {
  const first = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
  return !!first;
}

/** Focus a render asked for, kept until the element is there; `''` when nothing is pending. */
export interface PendingFocus {
  /** The container whose first invalid field gets focus (after a refused submit). */
  invalidIn: string;
  /** The element to focus next (after a view change, a removal…). */
  selector: string;
}

/**
 * Call after every update: focuses the first invalid field in `pending.invalidIn`, then
 * `pending.selector`, each once its element is rendered; what was done is cleared from `pending`.
 */
export function applyPendingFocus(root: ParentNode, pending: PendingFocus): void {
  if (pending.invalidIn) {
    const container = root.querySelector(pending.invalidIn);
    if (container) {
      pending.invalidIn = '';
      focusFirstInvalid(container);
    }
  }
  if (pending.selector) {
    const target = root.querySelector<HTMLElement>(pending.selector);
    if (target) {
      pending.selector = '';
      target.focus();
    }
  }
}

export const fieldStyles = css`
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .field--inline {
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: calc(var(--_space) * 0.5);
  }
  .field--inline .field__help,
  .field--inline .field__error {
    grid-column: 2;
  }
  .field__label {
    font-weight: 600;
  }
  .field__hint,
  .field__help {
    color: var(--_color-text-muted);
    font-weight: normal;
  }
  .field__help,
  .field__error {
    margin: 0;
    font-size: 0.9em;
  }
  .field__error {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .field input:not([type='checkbox']),
  .field textarea,
  .field select {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 2.5rem;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
  }
  .field input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15em 0 0;
  }
  .field textarea {
    min-height: 6rem;
    resize: vertical;
  }
  .field--invalid input,
  .field--invalid textarea,
  .field--invalid select {
    border-color: var(--_color-danger);
    border-width: 2px;
  }
`;
