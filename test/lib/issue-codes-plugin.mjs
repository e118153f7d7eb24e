// Serves /__dorf/issue-codes.json: every field-issue code the library can emit, found by reading
// src/ on the test server (the browser cannot list files). The catalogue test checks that each
// one has words in German and English, so no visitor ever sees a bare code.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Issue objects, the adapters' invalid(path, code) helper, and zod refinements' messages.
const PATTERNS = [
  /\bcode:\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g,
  /\binvalid\(\s*[^,]+,\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g,
  /\bmessage:\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g,
];
// Not for visitors: importing a dataset that names another community is a developer's mistake.
const INTERNAL = /^seed\./;
const SCANNED = ['src/data', 'src/core', 'src/widgets'];

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.ts$/.test(entry.name) && !/\.(test|stories)\.ts$/.test(entry.name)) yield path;
  }
}

export function issueCodesPlugin(root) {
  return {
    name: 'dorf-issue-codes',
    serve(context) {
      if (context.path !== '/__dorf/issue-codes.json') return undefined;
      const codes = {};
      for (const folder of SCANNED) {
        let files;
        try {
          files = [...sourceFiles(join(root, folder))];
        } catch {
          continue;
        }
        for (const file of files) {
          // The contract kit quotes codes to check adapters; it emits none itself.
          if (file.includes(`${join('src', 'data', 'contract')}`)) continue;
          const text = readFileSync(file, 'utf8');
          for (const pattern of PATTERNS) {
            for (const match of text.matchAll(pattern)) {
              if (!INTERNAL.test(match[1])) (codes[match[1]] ??= new Set()).add(relative(root, file));
            }
          }
        }
      }
      const body = Object.fromEntries(Object.entries(codes).map(([code, files]) => [code, [...files]]));
      return { body: JSON.stringify(body), type: 'json' };
    },
  };
}
