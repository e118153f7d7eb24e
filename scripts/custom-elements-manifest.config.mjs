// Configuration of `npm run analyze` (@custom-elements-manifest/analyzer) → custom-elements.json,
// which feeds Storybook's docs tables, IDE hints and the package's "customElements" field.
//
// Dorfplatz registers elements through its guarded helper `define('dorf-x', DorfX)` (it tolerates
// a second registration), which the analyzer does not recognize: it would see one bogus
// definition named "name" inside the helper and no tag names at all. The plugin below reads
// every `define('<tag>', <Class>)` call instead, gives the class its `tagName` and adds the
// `custom-element-definition` export to the define module, as `customElements.define` would.

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function dorfDefinePlugin() {
  /** @type {Array<{ tag: string, className: string, module: string }>} */
  const calls = [];
  return {
    name: 'dorf-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, cls] = node.arguments;
      if (tag && cls && ts.isStringLiteralLike(tag) && ts.isIdentifier(cls) && tag.text.includes('-')) {
        calls.push({ tag: tag.text, className: cls.text, module: moduleDoc.path });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      // Drop the helper's own `customElements.define(name, constructor)`.
      for (const mod of modules) {
        mod.exports = (mod.exports ?? []).filter(
          (e) => !(e.kind === 'custom-element-definition' && e.declaration?.name === 'constructor'),
        );
      }
      for (const { tag, className, module } of calls) {
        const dir = module.slice(0, module.lastIndexOf('/') + 1);
        const homes = modules.filter((m) => m.declarations?.some((d) => d.kind === 'class' && d.name === className));
        const home = homes.find((m) => m.path.startsWith(dir)) ?? homes[0];
        const declaration = home?.declarations.find((d) => d.kind === 'class' && d.name === className);
        if (!home || !declaration) {
          console.warn(`[dorf-define] ${module}: define('${tag}', ${className}) — class ${className} not found`);
          continue;
        }
        declaration.tagName = tag;
        declaration.customElement = true;
        const defining = modules.find((m) => m.path === module);
        if (defining && !defining.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === tag)) {
          (defining.exports ??= []).push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: home.path },
          });
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already has "customElements": "custom-elements.json"; never rewrite the file.
  packagejson: false,
  plugins: [dorfDefinePlugin()],
};
