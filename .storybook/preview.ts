/**
 * Storybook preview: docs from the custom-elements manifest, toolbar globals for language and
 * theme, and the `<dorf-provider>` decorator with per-story sample data (dorf-decorator.ts).
 */
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { dorfLoader, withDorfProvider } from './dorf-decorator.js';

// custom-elements.json is generated (npm run analyze, run by `npm run storybook` and
// `npm run build-storybook`) and not committed; a glob keeps the preview working without it.
const manifests = import.meta.glob<{ default: unknown }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);
else console.warn('custom-elements.json is missing: run `npm run analyze` for the API tables.');

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'de', right: 'DE', title: 'Deutsch' },
          { value: 'en', right: 'EN', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme of the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'auto', icon: 'mirror', title: 'Auto (system)' },
          { value: 'light', icon: 'sun', title: 'Light' },
          { value: 'dark', icon: 'moon', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'de', theme: 'auto' },
  loaders: [dorfLoader],
  decorators: [withDorfProvider],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, matchers: { color: /(background|color)$/i, date: /Date$/i } },
    docs: { toc: true },
  },
};

export default preview;
