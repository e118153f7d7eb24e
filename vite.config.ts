/**
 * Vite for Dorfplatz.
 *
 * - `npm start`: the dev server for the demo sites. `demo/<site>/index.html` imports `/src/...`
 *   modules directly, so every edit in `src/` reloads the demo. `/` lists the demo sites.
 * - The library build (npm ESM + CDN bundle + types + manifest) is `npm run build`, driven by
 *   `scripts/build.mjs` through Vite's JavaScript API (shared settings in
 *   `scripts/lib/vite.mjs`); `npm run size` and `npm run bench` reuse the same settings.
 *
 * TypeScript: Vite (Oxc) compiles legacy decorators because tsconfig.json has
 * `experimentalDecorators` and `useDefineForClassFields: false`; keep both.
 */
import { readdirSync, existsSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

const demoSites = (): string[] =>
  readdirSync('demo', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`demo/${entry.name}/index.html`))
    .map((entry) => entry.name)
    .sort();

/** `/` on the dev server: a plain list of the demo sites instead of a 404. */
function demoIndex(): Plugin {
  return {
    name: 'dorf-demo-index',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== '/' && req.url !== '/index.html') return next();
        const links = demoSites()
          .map((site) => `<li><a href="/demo/${site}/">${site}</a></li>`)
          .join('\n');
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(
          `<!doctype html><html lang="en"><meta charset="utf-8"><title>Dorfplatz demos</title>` +
            `<h1>Dorfplatz demo sites</h1><ul>${links || '<li>No demo/&lt;site&gt;/index.html yet.</li>'}</ul>`,
        );
      });
    },
  };
}

export default defineConfig({
  plugins: [demoIndex()],
  server: {
    port: 5173,
    // Never serve files from outside the repository (the default also allows the workspace root).
    fs: { strict: true },
  },
  // Only the demo pages are app entries; don't crawl dist/, storybook-static/ or coverage/.
  optimizeDeps: { entries: ['demo/**/*.html'] },
  build: { target: 'es2022' },
});
