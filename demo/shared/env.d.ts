/** What Vite puts on `import.meta.env` for the demo sites (see scripts/start.mjs). */
interface ImportMeta {
  readonly env?: { readonly VITE_DORF_BACKEND?: string };
}
