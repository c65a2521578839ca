// What `npm start` runs first: compiles the server (dist/server) and the web app (dist/web) only
// when they are missing or older than their sources. After `npm ci` (whose `prepare` step built
// both) it does nothing; after editing sources it rebuilds what changed. `--web` checks only the web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, buildWeb } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function serverIsStale() {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist/server/inputs.json'), 'utf8'));
    return manifest.inputs.some((file) => fs.statSync(path.join(root, file)).mtimeMs > manifest.builtAt);
  } catch {
    return true;
  }
}

function webIsStale() {
  const output = path.join(root, 'dist/web/index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'src/web')),
    newestMtime(path.join(root, 'src/shared')),
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
    fs.statSync(path.join(root, 'package-lock.json')).mtimeMs,
  );
  return !fs.existsSync(output) || fs.statSync(output).mtimeMs < sources;
}

export async function buildIfStale({ server = true, web = true } = {}) {
  if (server && serverIsStale()) await buildServer();
  if (web && webIsStale()) buildWeb();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await buildIfStale({ server: !process.argv.includes('--web') });
