/**
 * Define module for `<dorf-provider>`; every widget's define module imports it, so the provider
 * is defined before any widget and the page-wide default is in place.
 */
import { createLocalBackend } from '../data/adapters/local/index.js';
import '../data/adapters/http/register.js';
import { registerBackend } from './backends.js';
import { installDefaultProvider } from './default-provider.js';
import { define } from './dorf-element.js';
import { DorfProvider } from './provider.element.js';

registerBackend((backend) => backend === 'local', ({ community }) => createLocalBackend({ community }));
define('dorf-provider', DorfProvider);
installDefaultProvider();

export { DorfProvider };

declare global {
  interface HTMLElementTagNameMap {
    'dorf-provider': DorfProvider;
  }
}
