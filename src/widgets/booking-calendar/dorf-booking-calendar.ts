/**
 * Define module for `<dorf-booking-calendar>`: importing it registers the element, after the
 * provider, so a bare tag finds its data. The calendar's view (grid, list, forms, admin) loads on
 * first use.
 */
import '../../core/provider.js';
import { define } from '../../core/dorf-element.js';
import { DorfBookingCalendar } from './booking-calendar.element.js';

define('dorf-booking-calendar', DorfBookingCalendar);

export { DorfBookingCalendar };

declare global {
  interface HTMLElementTagNameMap {
    'dorf-booking-calendar': DorfBookingCalendar;
  }
}
