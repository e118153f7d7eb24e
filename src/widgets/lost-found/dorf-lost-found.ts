/**
 * Define module for `<dorf-lost-found>`: importing it registers the element, after the provider,
 * so a bare tag finds its data. The board's view (list, forms, relay, flyer, moderation) loads on
 * first use.
 */
import '../../core/provider.js';
import { define } from '../../core/dorf-element.js';
import { DorfLostFound } from './lost-found.element.js';

define('dorf-lost-found', DorfLostFound);

export { DorfLostFound };

declare global {
  interface HTMLElementTagNameMap {
    'dorf-lost-found': DorfLostFound;
  }
}
