import { css } from 'lit';
import { fieldStyles } from '../../core/ui/field.js';
import { textStyles } from '../../core/ui/widget.styles.js';

const own = css`
  .header__title {
    font-size: 1.4em;
  }
  .meta,
  .muted,
  .kicker {
    color: var(--_color-text-muted);
    margin: 0;
    font-size: 0.9em;
  }
  .kicker {
    text-transform: uppercase;
    letter-spacing: 0.04em;
    font-size: 0.8em;
    font-weight: 600;
  }
  .clamp {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  a {
    color: var(--_color-accent);
    overflow-wrap: anywhere;
  }
  .switcher,
  .row,
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
  }
  .row--small {
    gap: calc(var(--_space) * 0.75);
    font-size: 0.9em;
  }
  .switch,
  .reaction,
  .tag {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border: 1px solid var(--_color-border);
    background: var(--_color-bg);
    border-radius: 999px;
    padding: 0.25em 0.8em;
    min-height: 2.25rem;
  }
  .tag {
    min-height: 1.75rem;
    padding: 0.1em 0.6em;
    font-size: 0.85em;
    color: var(--_color-accent);
  }
  .switch[aria-pressed='true'],
  .reaction[aria-pressed='true'] {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-accent-contrast);
  }
  .tags,
  .attachments,
  .comment-list,
  .slots,
  .queue,
  .file-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .post,
  .composer,
  .moderation__panel,
  .subform {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .list,
  .pinned,
  .urgent {
    display: grid;
    gap: var(--_space);
  }
  .pinned-item {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .pinned-item__summary {
    padding: calc(var(--_space) * 0.75) var(--_space);
    font-weight: 600;
    cursor: pointer;
  }
  .pinned-item[open] > .pinned-item__summary {
    border-block-end: 1px solid var(--_color-border);
  }
  .pinned-item > .post {
    border: 0;
  }
  .post.is-muted {
    border-style: dashed;
  }
  .post--urgent {
    background: var(--_color-urgent-surface);
    border: 2px solid var(--_color-urgent);
    border-inline-start-width: 0.5rem;
  }
  .urgent-icon {
    color: var(--_color-urgent);
    margin-inline-end: 0.35em;
    font-size: 1.2em;
  }
  .post--call {
    border-inline-start: 0.35rem solid var(--_color-accent);
  }
  .badge {
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.5em;
  }
  .badge--warn,
  .notice {
    background: var(--_color-warning-surface);
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
  }
  .notice--status {
    background: var(--_color-success-surface);
  }
  .notice--error,
  .form-error {
    background: var(--_color-danger-surface);
    color: var(--_color-text);
    border-inline-start: 4px solid var(--_color-danger);
    padding: calc(var(--_space) * 0.5);
    margin: 0;
  }
  .attachments {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .attachments img {
    max-inline-size: min(100%, 20rem);
    block-size: auto;
    border-radius: var(--_radius);
  }
  .comments {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    border-block-start: 1px solid var(--_color-border);
    padding-block-start: calc(var(--_space) * 0.5);
  }
  .comment {
    padding-block: calc(var(--_space) * 0.5);
    border-block-end: 1px solid var(--_color-border);
  }
  .comment.is-hidden {
    opacity: 0.7;
  }
  .call {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .call__facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em var(--_space);
    margin: 0;
  }
  .call__facts dt {
    font-weight: 600;
  }
  .call__facts dd {
    margin: 0;
  }
  .slots {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .slot__head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }
  .slot__label {
    font-weight: 600;
  }
  .slot__bar {
    appearance: none;
    display: block;
    inline-size: 100%;
    block-size: 0.5rem;
    background: var(--_color-bg);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    overflow: hidden;
  }
  .slot__bar::-webkit-progress-bar {
    background: var(--_color-bg);
  }
  .slot__bar::-webkit-progress-value {
    background: var(--_color-accent);
    transition: inline-size var(--_duration);
  }
  .slot__bar::-moz-progress-bar {
    background: var(--_color-accent);
  }
  .slot--full .slot__bar::-webkit-progress-value {
    background: var(--_color-success);
  }
  .slot--full .slot__bar::-moz-progress-bar {
    background: var(--_color-success);
  }
  .slot__actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: end;
  }
  .slot__actions .field {
    margin: 0;
  }
  .slot__actions input {
    inline-size: 7rem;
  }
  .call > .button {
    justify-self: start;
  }
  .fieldset {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
  }
  .slot-editor {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: calc(var(--_space) * 0.5);
    align-items: start;
  }
  .rules {
    border-inline-start: 4px solid var(--_color-accent);
    padding-inline-start: var(--_space);
  }
  .file-list li {
    display: flex;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
  }
  .file-list img {
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
  }
  .subform__title,
  .composer__title {
    font-size: 1em;
  }
  blockquote {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_color-border);
  }
  .end {
    text-align: center;
  }
  .invite {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .invite__item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }
`;

/** The feed view's styles, adopted when the view loads (the element itself has host and status styles). */
/** Buttons come with the element's status styles; text basics and fields are shared. */
export const viewStyles = [textStyles, fieldStyles, own];
