// Vite/Rolldown settings shared by build.mjs (npm + CDN), size.mjs and bench/run.mjs, so that
// what we measure is what we ship. Vite's JavaScript API, no config file: vite.config.ts is
// the demo dev server.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { root } from './run.mjs';

export const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Same syntax level as tsconfig.json; every browser that runs Lit 3 runs it. */
export const TARGET = 'es2022';

/** Runtime dependencies: external in the npm build, inlined everywhere else. */
export const runtimeDeps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });

/** Lit's own packages stay external too when imported directly (`lit-html/…`, `@lit/…`). */
const EXTERNAL_PREFIXES = [...runtimeDeps, '@lit', 'lit-html', 'lit-element'];

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id);

/** True for `lit`, `lit/decorators.js`, `zod/mini`, `@lit/context`… */
export function isRuntimeDependency(id) {
  return isBare(id) && EXTERNAL_PREFIXES.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * Fails the build when library code imports a package that is not a runtime dependency:
 * it would work here (devDependencies are installed) and break for every user of the package.
 * Compiler helpers (Oxc's decorator runtime) are bundled and allowed.
 */
export function guardImports() {
  return {
    name: 'dorf-guard-imports',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!importer || !isBare(id) || isRuntimeDependency(id) || id.startsWith('@oxc-project/runtime')) return null;
      const from = relative(root, importer).split(sep).join('/');
      if (!from.startsWith('src/')) return null;
      this.error(`${from} imports "${id}", which is not in package.json "dependencies".`);
    },
  };
}

/** Production settings for anything a visitor's browser runs: Lit prod build, no dev checks. */
export const productionDefine = { 'process.env.NODE_ENV': JSON.stringify('production') };

const licenseOf = (name) => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).license ?? 'see package';
  } catch {
    return 'see package';
  }
};

/** One licence notice for the whole bundle instead of one per inlined module. */
export function bundleBanner() {
  const deps = runtimeDeps.map((name) => `${name} (${licenseOf(name)})`).join(', ');
  return `/*! ${pkg.name} ${pkg.version} | ${pkg.license} | includes ${deps} */`;
}

/**
 * A self-contained, minified ES bundle: one file per entry, every dependency inlined, Lit in
 * production mode. Used for the CDN file, the size budgets and the benchmark pages.
 *
 * @param {object} o
 * @param {Record<string, string>} o.entry  name → module path (relative to the repo root)
 * @param {string} [o.outDir]
 * @param {boolean} [o.write]               false: return the output in memory
 * @param {boolean} [o.emptyOutDir]
 * @param {boolean} [o.sourcemap]
 * @param {boolean} [o.banner]
 * @param {boolean} [o.splitting]           allow shared chunks between several entries
 * @param {any[]} [o.plugins]
 * @returns {import('vite').InlineConfig}
 */
export function bundleConfig({ entry, outDir = 'dist/cdn', write = true, emptyOutDir = true, sourcemap = false, banner = false, splitting = false, plugins = [] }) {
  return {
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    clearScreen: false,
    define: productionDefine,
    plugins,
    build: {
      outDir,
      emptyOutDir,
      write,
      target: TARGET,
      sourcemap,
      reportCompressedSize: false,
      minify: 'oxc',
      lib: { entry, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: {
        output: {
          // Lib mode keeps whitespace and /*#__PURE__*/ for later bundlers; this file is final.
          minify: true,
          comments: { legal: false, annotation: false, jsdoc: false },
          ...(splitting ? { chunkFileNames: 'chunks/[name]-[hash].js' } : { codeSplitting: false }),
          ...(banner ? { postBanner: bundleBanner() } : {}),
        },
      },
    },
  };
}

/**
 * The npm build: unbundled, one output module per source module, runtime dependencies external,
 * not minified (the user's bundler minifies; readable stack traces), with source maps.
 *
 * @param {Record<string, string>} entry  every public source module, name → path
 * @returns {import('vite').InlineConfig}
 */
export function npmConfig(entry) {
  return {
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    clearScreen: false,
    plugins: [guardImports()],
    build: {
      outDir: 'dist',
      // dist/types (tsc) and dist/cdn are written by the other steps; build.mjs cleans dist/.
      emptyOutDir: false,
      target: TARGET,
      sourcemap: true,
      minify: false,
      reportCompressedSize: false,
      lib: { entry, formats: ['es'] },
      rolldownOptions: {
        external: isRuntimeDependency,
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: '[name].js',
          // Bundled compiler helpers (decorators) land in dist/_virtual/.
          virtualDirname: '_virtual',
        },
      },
    },
  };
}
