/**
 * What every widget's shadow DOM shares beyond the tokens: text basics and the button family.
 * One place, so five widgets look like one library and a designer's `::part(button)` finds the
 * same structure everywhere.
 */
import { css } from 'lit';

export const buttonStyles = css`
  .button {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.4em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_color-accent);
    background: var(--_color-bg);
    color: var(--_color-accent);
    cursor: pointer;
  }
  .button:hover {
    background: var(--_color-surface);
  }
  .button--primary,
  .button--primary:hover {
    background: var(--_color-accent);
    color: var(--_color-accent-contrast);
  }
  .button--primary:hover {
    filter: brightness(1.1);
  }
  .button--danger {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .link-button {
    font: inherit;
    background: none;
    border: none;
    padding: 0.25em 0;
    min-height: 1.75rem;
    color: var(--_color-accent);
    text-decoration: underline;
    cursor: pointer;
  }
`;

export const textStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  .section-title {
    font-size: 1.1em;
    margin-block: calc(var(--_space) * 0.5);
  }
  .muted {
    color: var(--_color-text-muted);
    margin: 0;
    font-size: 0.9em;
  }
  /* User text: line breaks kept, long words wrap, each paragraph finds its own direction. */
  .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
    margin: 0;
    unicode-bidi: plaintext;
  }
`;
