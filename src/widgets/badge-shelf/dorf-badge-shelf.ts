/**
 * Define module for `<dorf-badge-shelf>`: importing it registers the element, after the
 * provider, so a bare tag finds its data. The shelf's view (badges, detail, wall, award form,
 * certificate, Open Badges export) loads on first use.
 */
import '../../core/provider.js';
import { define } from '../../core/dorf-element.js';
import { DorfBadgeShelf } from './badge-shelf.element.js';

define('dorf-badge-shelf', DorfBadgeShelf);

export { DorfBadgeShelf };

declare global {
  interface HTMLElementTagNameMap {
    'dorf-badge-shelf': DorfBadgeShelf;
  }
}
