#!/usr/bin/env node
// Runs the TypeScript sources through tsx (the server imports the widget library's schemas and
// rules directly from ../src, so both always agree).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
