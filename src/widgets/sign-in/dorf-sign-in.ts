/**
 * Define module for `<dorf-sign-in>`: importing it registers the element, after the provider, so
 * a bare tag finds its backend and session.
 */
import '../../core/provider.js';
import { define } from '../../core/dorf-element.js';
import { DorfSignIn } from './sign-in.element.js';

define('dorf-sign-in', DorfSignIn);

export { DorfSignIn };

declare global {
  interface HTMLElementTagNameMap {
    'dorf-sign-in': DorfSignIn;
  }
}
