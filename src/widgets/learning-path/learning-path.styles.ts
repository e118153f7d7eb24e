import { css } from 'lit';
import { fieldStyles } from '../../core/ui/field.js';
import { buttonStyles, textStyles } from '../../core/ui/widget.styles.js';

const own = css`
  .title {
    font-size: 1.4em;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  .catalogue {
    display: grid;
    gap: var(--_space);
  }
  .level-filter {
    max-width: 20rem;
    margin: 0;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
  }
  .card {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .card h3 {
    font-size: 1.1em;
  }
  .card .text {
    display: -webkit-box;
    -webkit-line-clamp: 4;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .header {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .pills,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
  }
  .pill {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_color-border);
    background: var(--_color-bg);
    font-size: 0.85em;
    font-weight: 600;
  }
  .pill--done {
    border-color: var(--_color-success);
    color: var(--_color-success);
  }
  .pill--awaiting-sign-off {
    background: var(--_color-warning-surface);
  }
  .pill--milestone {
    border-color: var(--_color-accent);
    color: var(--_color-accent);
  }
  .prerequisites {
    margin: 0;
  }
  .prerequisites ul {
    display: inline;
    padding: 0;
    list-style: none;
  }
  .prerequisites li {
    display: inline;
  }
  .prerequisites li + li::before {
    content: ', ';
  }
  .progress,
  .cohort,
  .mentor,
  .completed,
  .celebration,
  .subform {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .progress {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .progress p {
    margin: 0;
  }
  .progress__bar {
    appearance: none;
    width: 100%;
    height: 0.85rem;
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    background: var(--_color-bg);
    overflow: hidden;
  }
  .progress__bar::-webkit-progress-bar {
    background: var(--_color-bg);
  }
  .progress__bar::-webkit-progress-value {
    background: var(--_color-accent);
    transition: width var(--_duration) ease-out;
  }
  .progress__bar::-moz-progress-bar {
    background: var(--_color-accent);
  }
  .steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
    counter-reset: step;
  }
  .step {
    display: grid;
    grid-template-columns: 2.25rem 1fr;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    border-inline-start: 4px solid var(--_color-border);
  }
  .step--done {
    border-inline-start-color: var(--_color-success);
  }
  .step--awaiting-sign-off {
    border-inline-start-color: var(--_color-accent);
    background: var(--_color-warning-surface);
  }
  .step__marker {
    display: grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 50%;
    border: 2px solid var(--_color-border);
    background: var(--_color-bg);
    font-weight: 700;
  }
  .step--done .step__marker {
    border-color: var(--_color-success);
    background: var(--_color-success);
    color: var(--_color-bg);
  }
  .step--milestone .step__marker {
    border-radius: 0.4rem;
    transform: rotate(45deg);
  }
  .step--milestone .step__marker > span {
    transform: rotate(-45deg);
  }
  .step__body {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
  }
  .step__title {
    font-size: 1.1em;
  }
  .step__title:focus {
    outline: none;
  }
  .step__title:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  .resources h4 {
    font-size: 0.95em;
    margin: 0;
  }
  .resources ul,
  .mentor ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  a {
    color: var(--_color-accent);
  }
  .evidence {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding-inline-start: calc(var(--_space) * 0.75);
    border-inline-start: 2px solid var(--_color-border);
  }
  .evidence img,
  .photo-preview img {
    max-width: min(100%, 16rem);
    height: auto;
    border-radius: var(--_radius);
  }
  .evidence-form {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    border: 1px solid var(--_color-border);
  }
  .photo-preview {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
  }
  .notice--error {
    background: var(--_color-danger-surface);
    color: var(--_color-text);
    border-inline-start: 4px solid var(--_color-danger);
  }
  .notice--queued {
    background: var(--_color-warning-surface);
  }
  .notice--status {
    background: var(--_color-success-surface);
  }
  .celebration {
    position: relative;
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: var(--_space);
    background: var(--_color-success-surface);
    border: 2px solid var(--_color-success);
    overflow: hidden;
    animation: dorf-lp-pop calc(var(--_duration) * 4) ease-out both;
  }
  .celebration__icon {
    font-size: 2em;
    line-height: 1;
    animation: dorf-lp-bounce calc(var(--_duration) * 6) ease-in-out 2;
  }
  .celebration h3 {
    font-size: 1.1em;
  }
  .celebration p {
    margin: 0;
  }
  @keyframes dorf-lp-pop {
    /* Movement only: the text keeps its full contrast from the first frame. */
    from {
      transform: scale(0.92);
    }
    60% {
      transform: scale(1.03);
    }
    to {
      transform: none;
    }
  }
  @keyframes dorf-lp-bounce {
    50% {
      transform: translateY(-0.3em) rotate(-8deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .celebration,
    .celebration__icon {
      animation: none;
    }
  }
  .completed {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    background: var(--_color-success-surface);
  }
  .completed p {
    margin: 0;
  }
  .badge {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    gap: var(--_space);
  }
  .badge__image {
    width: 4.5rem;
    height: 4.5rem;
    object-fit: contain;
  }
  .badge h3 {
    color: var(--_color-success);
  }
  .cohort,
  .mentor {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .cohort p {
    margin: 0;
  }
  .stats {
    font-size: 1.1em;
    font-weight: 600;
  }
  .streak strong {
    font-size: 1.4em;
    color: var(--_color-accent);
  }
  .days {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 3px;
  }
  .day {
    width: 1.1rem;
    height: 1.1rem;
    border-radius: 3px;
    border: 1px solid var(--_color-border);
    background: var(--_color-bg);
  }
  .day--checked {
    background: var(--_color-success);
    border-color: var(--_color-success);
  }
  .day--today {
    outline: 2px solid var(--_color-accent);
    outline-offset: 1px;
  }
  .day--future {
    opacity: 0.45;
  }
  .sign-off {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding-block: calc(var(--_space) * 0.5);
    border-block-end: 1px solid var(--_color-border);
  }
  .sign-off:last-child {
    border-block-end: none;
  }
  .mentor ul.sign-offs {
    list-style: none;
    padding: 0;
  }
`;

/** Everything the loaded path shows, beyond the states that load with the element. */
export const viewStyles = [textStyles, buttonStyles, fieldStyles, own];
