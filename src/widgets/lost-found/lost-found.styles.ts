import { css } from 'lit';
import { fieldStyles } from '../../core/ui/field.js';
import { buttonStyles, textStyles } from '../../core/ui/widget.styles.js';

const own = css`
  .title {
    font-size: 1.4em;
  }
  .header {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .filters,
  .form,
  .receipt,
  .manage,
  .subform,
  .matches,
  .detail {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .detail {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    background: var(--_color-bg);
    border: 1px solid var(--_color-border);
  }
  .row,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  .row > .field {
    flex: 1 1 12rem;
  }
  .actions {
    align-items: center;
  }
  .fieldset {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    margin: 0 0 calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.75);
  }
  .fieldset legend {
    font-weight: 600;
    padding-inline: 0.25em;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.5rem;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: var(--_space);
  }
  .card {
    display: grid;
    grid-template-rows: auto 1fr;
    height: 100%;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_color-bg);
    transition: box-shadow var(--_duration);
  }
  .card:focus-within,
  .card:hover {
    box-shadow: var(--_shadow);
  }
  .card--lost {
    border-top: 4px solid var(--_color-urgent);
  }
  .card--found {
    border-top: 4px solid var(--_color-accent);
  }
  .card__photo {
    width: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    display: block;
    height: auto;
  }
  .card__photo--none {
    display: grid;
    place-items: center;
    background: var(--_color-surface);
    color: var(--_color-text-muted);
  }
  .card__body {
    padding: calc(var(--_space) * 0.75);
    display: grid;
    gap: calc(var(--_space) * 0.25);
    align-content: start;
  }
  .card__title {
    font-size: 1.05em;
  }
  .card__open {
    text-align: start;
    font-weight: 600;
  }
  .card__badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_color-border);
    font-size: 0.85em;
    color: var(--_color-text);
  }
  .badge--lost {
    border-color: var(--_color-urgent);
    background: var(--_color-urgent-surface);
    color: var(--_color-urgent);
    font-weight: 600;
  }
  .badge--found {
    border-color: var(--_color-accent);
    color: var(--_color-accent);
    font-weight: 600;
  }
  .badge--closed {
    background: var(--_color-surface);
  }
  .detail__photo {
    max-width: min(100%, 40rem);
    height: auto;
    border-radius: var(--_radius);
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em var(--_space);
    margin: 0;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  /* The coarse map point: a button in the forms, a line with a plain OpenStreetMap link on the item. */
  .point__add {
    justify-self: start;
  }
  .point__value,
  .point__facts {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em var(--_space);
    margin: 0;
  }
  .point-link {
    color: var(--_color-accent);
    text-decoration: underline;
    overflow-wrap: anywhere;
  }
  .matches__list,
  .messages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .match {
    display: grid;
  }
  .message {
    padding: calc(var(--_space) * 0.5);
    border-inline-start: 3px solid var(--_color-accent);
    background: var(--_color-bg);
  }
  .photo-preview {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .photo-preview img {
    border-radius: var(--_radius);
    object-fit: cover;
  }
  .notice {
    margin: 0 0 calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    background: var(--_color-success-surface);
  }
  .notice--error {
    background: var(--_color-danger-surface);
    border-inline-start: 4px solid var(--_color-danger);
  }
  .notice--queued {
    background: var(--_color-warning-surface);
  }
  .token {
    overflow-wrap: anywhere;
    font-size: 0.95em;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  .edit summary {
    cursor: pointer;
    min-height: 2.5rem;
    display: flex;
    align-items: center;
    color: var(--_color-accent);
  }
  /* The flyer: A4 portrait on paper, a framed sheet on screen. */
  .flyer {
    background: var(--_color-bg);
    color: var(--_color-text);
    border: 1px solid var(--_color-border);
    padding: calc(var(--_space) * 1.5);
    display: grid;
    gap: calc(var(--_space) * 0.75);
    max-width: 42rem;
  }
  .flyer__kind {
    margin: 0;
    font-size: 2.6em;
    font-weight: 800;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    text-align: center;
    color: var(--_color-urgent);
  }
  .flyer--found .flyer__kind {
    color: var(--_color-accent);
  }
  .flyer__title {
    font-size: 1.8em;
    text-align: center;
  }
  .flyer__photo {
    max-width: 100%;
    max-height: 50vh;
    object-fit: contain;
    justify-self: center;
  }
  .flyer__facts,
  .flyer__via {
    margin: 0;
    font-size: 1.1em;
  }
  .flyer__link {
    overflow-wrap: anywhere;
  }
  .flyer__strips {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(8, 1fr);
    border-top: 2px dashed var(--_color-text-muted);
  }
  .strip {
    writing-mode: vertical-rl;
    min-height: 12rem;
    padding: 0.5em 0.25em;
    border-inline-start: 1px dashed var(--_color-text-muted);
    font-size: 0.75em;
    overflow-wrap: anywhere;
    display: flex;
    gap: 0.5em;
  }
  .strip:first-child {
    border-inline-start: none;
  }
  .strip__title {
    font-weight: 700;
  }
  @media print {
    .no-print,
    [part~='announcer'],
    [part~='status'] {
      display: none !important;
    }
    .base {
      display: block;
    }
    /* Paper is light whatever the screen's theme. */
    :host,
    :host(:state(theme-dark)) {
      color-scheme: light;
    }
    .flyer {
      border: none;
      max-width: none;
      padding: 0;
      break-inside: avoid;
    }
    .strip {
      break-inside: avoid;
    }
  }
`;

export const viewStyles = [buttonStyles, textStyles, fieldStyles, own];
