import { css } from 'lit';
import { fieldStyles } from '../../core/ui/field.js';
import { textStyles } from '../../core/ui/widget.styles.js';

const own = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }
  .title {
    font-size: 1.4em;
  }
  .shelf {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    gap: var(--_space);
  }
  .badge {
    display: grid;
    grid-template-rows: auto 1fr auto;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    /* Cards off screen skip layout and paint: a shelf of hundreds stays quick. */
    content-visibility: auto;
    contain-intrinsic-size: auto 18rem;
  }
  .badge__image {
    width: 6rem;
    height: 6rem;
    object-fit: contain;
    justify-self: center;
  }
  .badge__image--none {
    display: block;
    border-radius: 50%;
    border: 3px dashed var(--_color-border);
  }
  .badge--expired .badge__image {
    opacity: 0.6;
  }
  .badge--revoked .badge__image {
    filter: grayscale(1);
    opacity: 0.45;
  }
  .badge--revoked .badge__name {
    text-decoration: line-through;
  }
  .badge__name {
    font-size: 1.05em;
    margin: 0;
  }
  .badge__meta {
    margin: 0;
    font-size: 0.9em;
    color: var(--_color-text-muted);
  }
  .badge__text {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    align-content: start;
  }
  .status-tag {
    justify-self: start;
    font-size: 0.85em;
    font-weight: 600;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .status-tag--active {
    color: var(--_color-success);
  }
  .status-tag--expired {
    color: var(--_color-text);
    background: var(--_color-warning-surface);
  }
  .status-tag--revoked {
    color: var(--_color-danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
    background: var(--_color-success-surface);
  }
  .notice--queued {
    background: var(--_color-warning-surface);
  }
  .notice--error,
  .form-error {
    background: var(--_color-danger-surface);
    border-inline-start: 4px solid var(--_color-danger);
  }
  .form-error {
    margin: 0;
    padding: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
  }

  /* The detail view: a modal dialog. */
  .detail {
    width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    color: var(--_color-text);
  }
  .detail::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .detail__body {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
  }
  .detail__head {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_space);
    align-items: center;
  }
  .detail__facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) * 0.25) var(--_space);
    margin: 0;
  }
  .detail__facts dt {
    font-weight: 600;
  }
  .detail__facts dd {
    margin: 0;
  }
  .evidence {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .revoked-note {
    margin: 0;
    padding: calc(var(--_space) * 0.5);
    border-inline-start: 4px solid var(--_color-danger);
    background: var(--_color-danger-surface);
  }
  a {
    color: var(--_color-accent);
  }

  /* The moderators' award form. */
  .award-form,
  .picker {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .award-form fieldset {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    margin: 0 0 calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.75);
  }
  .award-form legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .picker__list,
  .chosen {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .picker__item {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }
  .chosen {
    display: flex;
    flex-wrap: wrap;
    margin-block: calc(var(--_space) * 0.5);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding: 0.1em 0.25em 0.1em 0.75em;
    border-radius: 999px;
    border: 1px solid var(--_color-accent);
    background: var(--_color-bg);
  }
  .chip .link-button {
    min-height: 2rem;
    min-width: 2rem;
    padding: 0 0.4em;
    text-decoration: none;
  }
  .field--invalid-group {
    border-color: var(--_color-danger) !important;
    border-width: 2px !important;
  }
  .group-error {
    margin: 0;
    color: var(--_color-danger);
    font-weight: 600;
    font-size: 0.9em;
  }

  /* The certificate: a light page, on screen as a preview and alone on paper. */
  .certificate {
    --_cert-ink: #1b1b1f;
    --_cert-paper: #ffffff;
    --_cert-rule: #8a6d1d;
    display: grid;
    justify-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 2);
    border: 6px double var(--_cert-rule);
    background: var(--_cert-paper);
    color: var(--_cert-ink);
    color-scheme: light;
    text-align: center;
  }
  .certificate__image {
    width: 8rem;
    height: 8rem;
  }
  .certificate__name {
    font-size: 1.6em;
  }
  .certificate__recipient {
    font-size: 1.4em;
    font-weight: 700;
    margin: 0;
  }
  .certificate p {
    margin: 0;
  }
  .certificate__criteria {
    max-width: 36rem;
    font-size: 0.95em;
  }
  .certificate-tools {
    display: flex;
    justify-content: center;
    gap: calc(var(--_space) * 0.5);
  }

  @media print {
    /* Only the certificate goes on paper, light and without the widget around it. */
    .base:has(> .certificate-view) {
      display: block;
    }
    .base:has(> .certificate-view) > :not(.certificate-view),
    .certificate-tools,
    .visually-hidden {
      display: none !important;
    }
    .certificate {
      border-color: #8a6d1d;
      background: #ffffff;
      color: #1b1b1f;
      break-inside: avoid;
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .detail[open] {
      animation: dorf-rise var(--_duration) ease-out;
    }
  }
  @keyframes dorf-rise {
    from {
      transform: translateY(0.5rem);
    }
  }
`;

/** The shelf view's styles, adopted when the view loads (the element itself has host and status styles). */
export const viewStyles = [textStyles, fieldStyles, own];
