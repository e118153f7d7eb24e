import { css } from 'lit';
import { fieldStyles } from '../../core/ui/field.js';
import { textStyles } from '../../core/ui/widget.styles.js';

const own = css`
  .title {
    font-size: 1.4em;
  }
  .header {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .rules,
  .form,
  .receipt,
  .manage,
  .admin,
  .list {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .rules ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .rules__sub {
    font-weight: 600;
    margin: calc(var(--_space) * 0.5) 0 0;
  }
  .toolbar,
  .nav,
  .views,
  .switcher,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .toolbar {
    justify-content: space-between;
  }
  .month-title {
    min-width: 10em;
    text-align: center;
    font-size: 1.15em;
  }
  .help {
    margin-block-end: calc(var(--_space) * -0.5);
  }
  .grid {
    width: 100%;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 2px;
  }
  .grid th {
    font-weight: 600;
    font-size: 0.85em;
    padding: 0.25em 0;
    color: var(--_color-text-muted);
  }
  .day {
    position: relative;
    vertical-align: top;
    height: 4.25rem;
    padding: 0.25em 0.35em;
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_color-bg);
    cursor: pointer;
    overflow: hidden;
  }
  .day__number {
    display: block;
    font-weight: 600;
  }
  .day__state {
    display: block;
    font-size: 0.75em;
    line-height: 1.2;
    overflow-wrap: anywhere;
    color: var(--_color-text-muted);
  }
  .day--requested {
    background: var(--_color-warning-surface);
  }
  .day--confirmed {
    background: var(--_color-danger-surface);
  }
  .day--requested .day__state,
  .day--confirmed .day__state {
    color: var(--_color-text);
    font-weight: 600;
  }
  .day--blackout {
    background: repeating-linear-gradient(135deg, var(--_color-surface) 0 6px, var(--_color-bg) 6px 12px);
  }
  .day--unavailable {
    cursor: not-allowed;
  }
  .day--outside .day__number {
    font-weight: normal;
    color: var(--_color-text-muted);
  }
  .day--today {
    border: 2px solid var(--_color-accent);
  }
  .day--selected,
  .day--selected.day--blackout {
    background: var(--_color-accent);
    color: var(--_color-accent-contrast);
  }
  .day.day--selected .day__state,
  .day.day--selected .day__number {
    color: var(--_color-accent-contrast);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 0.9em;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .swatch {
    width: 1em;
    height: 1em;
    border: 1px solid var(--_color-border);
    border-radius: 2px;
    background: var(--_color-bg);
  }
  .swatch--requested {
    background: var(--_color-warning-surface);
  }
  .swatch--confirmed {
    background: var(--_color-danger-surface);
  }
  .swatch--blackout {
    background: repeating-linear-gradient(135deg, var(--_color-surface) 0 3px, var(--_color-border) 3px 5px);
  }
  .agenda {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .agenda__item {
    padding: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .week__days {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .week__day {
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    display: grid;
    gap: 0.25em;
  }
  .week__day h4 {
    font-size: 1em;
  }
  .week__day .muted {
    margin: 0;
  }
  .week__day--today {
    border: 2px solid var(--_color-accent);
  }
  .week__day--selected {
    box-shadow: inset 4px 0 0 var(--_color-accent);
  }
  .week__day .button {
    justify-self: start;
  }
  .week__bookings {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.25em;
  }
  .week__booking {
    padding: 0.15em 0.5em;
    border-radius: calc(var(--_radius) * 0.5);
  }
  .week__booking--requested {
    background: var(--_color-warning-surface);
  }
  .week__booking--confirmed {
    background: var(--_color-danger-surface);
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    column-gap: var(--_space);
  }
  .contact {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    padding: var(--_space);
  }
  .contact legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .contact .muted {
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .house-rules {
    margin-block-end: var(--_space);
  }
  .house-rules summary {
    cursor: pointer;
    font-weight: 600;
  }
  .conflict {
    padding: calc(var(--_space) * 0.75);
    margin-block-end: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-danger-surface);
    border-inline-start: 4px solid var(--_color-danger);
  }
  .conflict p {
    margin: 0 0 0.5em;
  }
  .alternatives {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .notice {
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
    background: var(--_color-success-surface);
  }
  .notice--queued {
    background: var(--_color-warning-surface);
  }
  .notice--error {
    background: var(--_color-danger-surface);
    border-inline-start: 4px solid var(--_color-danger);
  }
  .receipt {
    border-inline-start: 4px solid var(--_color-success);
  }
  .token {
    display: inline-block;
    padding: 0.25em 0.5em;
    border-radius: var(--_radius);
    background: var(--_color-bg);
    font-size: 1.05em;
    overflow-wrap: anywhere;
    user-select: all;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em var(--_space);
    margin: 0 0 var(--_space);
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .admin-list {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space);
  }
  .admin-item {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-bg);
  }
  .admin-item p {
    margin: 0 0 0.25em;
  }
  a {
    color: var(--_color-accent);
  }
  a.button {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  .subscribe {
    margin-block-end: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .subscribe__help {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .confirm {
    margin-block-start: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.5);
    border-inline-start: 4px solid var(--_color-danger);
    border-radius: var(--_radius);
    background: var(--_color-danger-surface);
  }
  .confirm p {
    margin: 0 0 0.5em;
  }
  @media (max-width: 30rem) {
    .day {
      height: 3.25rem;
      padding: 0.15em;
    }
    .day__state {
      font-size: 0.65em;
    }
  }
`;

/** The calendar view's styles, adopted when the view loads (the element itself has host and status styles). */
/** Buttons come with the element's status styles; text basics and fields are shared. */
export const viewStyles = [textStyles, fieldStyles, own];
