/**
 * Define module for `<dorf-learning-path>`: importing it registers the element, after the
 * provider, so a bare tag finds its data. The path's view (steps, evidence form, cohort, mentor
 * queue) loads on first use.
 */
import '../../core/provider.js';
import { define } from '../../core/dorf-element.js';
import { DorfLearningPath } from './learning-path.element.js';

define('dorf-learning-path', DorfLearningPath);

export { DorfLearningPath };

declare global {
  interface HTMLElementTagNameMap {
    'dorf-learning-path': DorfLearningPath;
  }
}
