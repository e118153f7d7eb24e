/**
 * Which backend the demo sites use: the reference server when `npm start` started one (it passes
 * its URL to Vite), otherwise the browser's own storage (`npm run start:local`). Imported before
 * the elements are defined, so no provider opens a backend it would drop right away.
 */
const server = import.meta.env?.VITE_DORF_BACKEND;
if (server) for (const provider of document.querySelectorAll('dorf-provider')) provider.setAttribute('backend', server);

export const demoBackend = server ?? 'local';
