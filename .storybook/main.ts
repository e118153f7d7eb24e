/**
 * Storybook for Dorfplatz: every widget in every state, for designers and for docs.
 * Stories live in `stories/**\/*.stories.ts`; autodocs read `custom-elements.json`, which
 * `npm run storybook` / `npm run build-storybook` regenerate first (`npm run analyze`).
 */
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    // Our own small Vite config, not the demo server's vite.config.ts (its `/` page and
    // optimizeDeps entries are for the demo sites).
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (config) => ({
    ...config,
    build: {
      ...config.build,
      reportCompressedSize: false,
      // The preview iframe bundles Storybook's runtime and every story: big by nature.
      chunkSizeWarningLimit: 4000,
    },
  }),
};

export default config;
