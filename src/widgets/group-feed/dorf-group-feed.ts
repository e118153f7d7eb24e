/**
 * Define module for `<dorf-group-feed>`: importing it registers the element, after the provider,
 * so a bare tag finds its data. The feed's view (posts, forms, moderation) loads on first use.
 */
import '../../core/provider.js';
import { define } from '../../core/dorf-element.js';
import { DorfGroupFeed } from './group-feed.element.js';

define('dorf-group-feed', DorfGroupFeed);

export { DorfGroupFeed };

declare global {
  interface HTMLElementTagNameMap {
    'dorf-group-feed': DorfGroupFeed;
  }
}
