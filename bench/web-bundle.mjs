/**
 * Size of the web app's JavaScript: what the first page loads (the entry and its static imports,
 * plus the start page's chunk and its static imports), gzipped, beside the whole app.
 *   node bench/web-bundle.mjs [dist/web]      (after `npm run build`)
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? 'dist/web');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8'));
const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length;
const raw = (file) => fs.statSync(path.join(dir, file)).size;

/** The chunk and everything it imports statically. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const startPageKey = Object.keys(manifest).find((k) => /features\/home\/home-page\.tsx$/.test(k));
const loginKey = Object.keys(manifest).find((k) => /features\/auth\/login-page\.tsx$/.test(k));
const firstPage = closure(entryKey);
if (startPageKey) closure(startPageKey, firstPage);
const files = (keys) => [...new Set([...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js')))];
const sum = (list, size) => list.reduce((total, file) => total + size(file), 0);
const all = fs
  .readdirSync(path.join(dir, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

const first = files(firstPage);
const heaviest = [...all].sort((a, b) => raw(b) - raw(a)).slice(0, 5);
console.log(`web app JavaScript (${dir})`);
console.log(
  `  first page (entry + start ` +
    (`page${loginKey && firstPage.has(loginKey) ? ', login included' : ''}): ` +
      `${first.length} files, ${kb(sum(first, raw))}, `) +
    `gzipped ${kb(sum(first, gzip))}  (target ≤ 250 KB gzipped)`,
);
console.log(`  whole app: ${all.length} files, ${kb(sum(all, raw))}, gzipped ${kb(sum(all, gzip))}`);
console.log(`  largest chunks: ${heaviest.map((f) => `${path.basename(f)} ${kb(gzip(f))} gz`).join(', ')}`);
