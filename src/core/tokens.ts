/**
 * Design tokens. Public `--dorf-*` custom properties are read once, on each widget's `:host`,
 * into private `--_*` properties with light/dark fallbacks; widget styles use only the private
 * ones. So a designer sets `--dorf-color-accent` anywhere above a widget (the page, a provider,
 * the widget itself) and it wins, while unset tokens keep working defaults in both themes.
 */
import { css, unsafeCSS } from 'lit';

interface Token {
  /** Light value, dark value (or one value for both). */
  value: readonly [string, string] | string;
  description: string;
}

/** Every public token, with its defaults and what it is for (also shown in Storybook). */
export const TOKENS = {
  'font-family': { value: 'inherit', description: 'Text font; inherits the host page’s font.' },
  'font-size': { value: '1rem', description: 'Base text size.' },
  'line-height': { value: '1.5', description: 'Base line height.' },
  'color-bg': { value: ['#ffffff', '#17191d'], description: 'Widget background.' },
  'color-surface': { value: ['#f5f6f8', '#202329'], description: 'Cards, list items, inputs.' },
  'color-surface-raised': { value: ['#ffffff', '#2a2e35'], description: 'Dialogs and popovers.' },
  'color-text': { value: ['#1d2127', '#e8eaed'], description: 'Body text.' },
  'color-text-muted': { value: ['#5a6270', '#a4abb6'], description: 'Secondary text (meets 4.5:1 on bg and surface).' },
  'color-border': { value: ['#c9ced6', '#3d434c'], description: 'Borders and dividers.' },
  'color-accent': { value: ['#0b5cad', '#7db4f0'], description: 'Links, primary buttons, selection.' },
  'color-accent-contrast': { value: ['#ffffff', '#0c1420'], description: 'Text on the accent colour.' },
  'color-focus': { value: ['#0b5cad', '#9cc8ff'], description: 'Focus ring.' },
  'color-danger': { value: ['#b3261e', '#ffb4ab'], description: 'Errors, destructive actions.' },
  'color-danger-surface': { value: ['#fdecea', '#3b1715'], description: 'Background of error messages.' },
  'color-urgent': { value: ['#a4262c', '#ff9d9d'], description: 'Urgent notices: border and icon.' },
  'color-urgent-surface': { value: ['#fff0f0', '#3a1b1d'], description: 'Urgent notices: background.' },
  'color-warning-surface': { value: ['#fff6db', '#352c12'], description: 'Pending, queued, not yet sent.' },
  'color-success': { value: ['#1e6b34', '#8fd6a4'], description: 'Confirmations.' },
  'color-success-surface': { value: ['#e8f5ec', '#16301f'], description: 'Background of confirmations.' },
  radius: { value: '0.5rem', description: 'Corner radius of cards and inputs.' },
  space: { value: '1rem', description: 'Base spacing unit; gaps and paddings are multiples of it.' },
  'focus-width': { value: '3px', description: 'Width of the focus ring.' },
  shadow: { value: ['0 1px 3px rgb(0 0 0 / 0.12)', '0 1px 3px rgb(0 0 0 / 0.5)'], description: 'Raised surfaces.' },
  duration: { value: '150ms', description: 'Transitions; 0 when the visitor prefers reduced motion.' },
} as const satisfies Record<string, Token>;

export type TokenName = keyof typeof TOKENS;

function fallback(value: Token['value']): string {
  return typeof value === 'string' ? value : `light-dark(${value[0]}, ${value[1]})`;
}

// `inherit` cannot travel through a custom property's fallback; such tokens are read directly
// where they apply (an unset `var()` on an inherited property inherits from the page).
const declarations = Object.entries(TOKENS as Record<string, Token>)
  .filter(([, token]) => token.value !== 'inherit')
  .map(([name, token]) => `--_${name}: var(--dorf-${name}, ${fallback(token.value)});`)
  .join('\n');

/**
 * Shared host styles for every widget: tokens, theme via `color-scheme`, inherited font,
 * reduced motion, and the focus ring.
 */
export const hostStyles = css`
  :host {
    ${unsafeCSS(declarations)}
    color-scheme: light dark;
    display: block;
    box-sizing: border-box;
    font-family: var(--dorf-font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_color-text);
  }
  :host(:state(theme-light)) {
    color-scheme: light;
  }
  :host(:state(theme-dark)) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
