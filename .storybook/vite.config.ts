/**
 * Vite settings for Storybook only (see main.ts `viteConfigPath`). TypeScript and legacy
 * decorators come from tsconfig.json, exactly as for the demo server and the library build.
 * Storybook keeps only `build.target` from a config file's `build`; other build options are
 * set in main.ts `viteFinal`.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  // Storybook prints its own progress; Vite's per-file listing only buries warnings in CI logs.
  logLevel: 'warn',
  build: { target: 'es2022' },
});
