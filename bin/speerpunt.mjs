#!/usr/bin/env node
// Runs the compiled CLI in dist/server (built at install by `npm run build`, the `prepare` step).
// Development fallback: when dist/server is missing, or a source it was built from has changed
// since, the TypeScript sources run through tsx instead (slower to start; `npm run build` to compile).
// SPEERPUNT_FROM_SOURCE=1 forces the sources.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function compiledIsCurrent() {
  if (process.env.SPEERPUNT_FROM_SOURCE === '1') return false;
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(`${root}dist/server/inputs.json`, 'utf8'));
  } catch {
    return false;
  }
  for (const file of manifest.inputs) {
    try {
      if (fs.statSync(`${root}${file}`).mtimeMs > manifest.builtAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}

if (compiledIsCurrent()) {
  await import('../dist/server/main.js');
} else {
  if (process.stderr.isTTY)
    process.stderr.write(
      'speerpunt: running the TypeScript sources (dist/server is missing or older); npm run build compiles them.\n',
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
