/**
 * The backend of the strict-CSP demo: `?backend=https://dorf.example.org` (or the server that
 * `npm start` passes to Vite) points every provider on the page at a Dorfplatz server before the
 * elements are defined; otherwise the browser's own storage is used. Imported first by `main.ts`.
 */
const fromQuery = new URLSearchParams(location.search).get('backend');
const requested = fromQuery ?? import.meta.env?.VITE_DORF_BACKEND ?? null;

/** The server's URL, or `local`. Only http(s) addresses are taken. */
export const cspBackend = requested && /^https?:\/\/[^\s]+$/.test(requested) ? requested : 'local';

if (cspBackend !== 'local') for (const provider of document.querySelectorAll('dorf-provider')) provider.setAttribute('backend', cspBackend);
