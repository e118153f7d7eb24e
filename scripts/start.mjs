#!/usr/bin/env node
// npm start: the reference server on its embedded database (PGlite in server/data) with the three
// sample communities, and the demo sites against it, so two browsers share one feed and one
// booking calendar. `npm run start:local` serves the demos on the browser's own storage instead.
//   PORT (8787) for the server; extra arguments go to Vite (e.g. `npm start -- --port 5200`).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib/run.mjs';

const port = Number(process.env.PORT ?? 8787);
const serverUrl = `http://127.0.0.1:${port}`;
const children = [];
const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

const server = spawn(process.execPath, [join(root, 'server', 'bin', 'dorfplatz-server.mjs'), 'start', '--samples'], {
  cwd: join(root, 'server'),
  env: { ...process.env, PORT: String(port) },
  stdio: 'inherit',
});
children.push(server);
server.on('exit', (code) => {
  if (code) console.error(`dorfplatz-server stopped (exit ${code}). Is port ${port} taken? Try PORT=8788 npm start, or npm run start:local without a server.`);
  stopAll();
  process.exitCode = code ?? 0;
});

// PGlite takes a few seconds on the first start (it creates the data folder and loads samples).
const ready = async () => {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) return false;
    try {
      if ((await fetch(`${serverUrl}/openapi.json`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
};
if (!(await ready())) {
  console.error(`dorfplatz-server did not answer at ${serverUrl} within a minute.`);
  stopAll();
  process.exit(1);
}

const vite = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), '--open', '/demo/municipality/', ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, VITE_DORF_BACKEND: serverUrl },
  stdio: 'inherit',
});
children.push(vite);
vite.on('exit', (code) => {
  stopAll();
  process.exitCode = code ?? 0;
});
