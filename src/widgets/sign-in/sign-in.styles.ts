import { css } from 'lit';
import { fieldStyles } from '../../core/ui/field.js';
import { buttonStyles, textStyles } from '../../core/ui/widget.styles.js';

const own = css`
  .card {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    max-width: 28rem;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
  }
  .card:focus {
    outline: none;
  }
  .card:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  .title {
    font-size: 1.2em;
  }
  .form {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.5rem;
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  .code input {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.2em;
    max-width: 10rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
    background: var(--_color-danger-surface);
    border-inline-start: 4px solid var(--_color-danger);
  }
  .notice:empty {
    display: none;
  }
  .who {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .needs-server {
    border-inline-start: 4px solid var(--_color-accent);
  }
`;

export const signInStyles = [buttonStyles, textStyles, fieldStyles, own];
