// Compiles what runs: the server and CLI into dist/server (esbuild, one ES module per command group,
// loaded on demand) and the web app into dist/web (vite). Runs at install (`prepare`), so
// `npm start` and `npx speerpunt` never compile TypeScript at run time.
//   node scripts/build.mjs            both
//   node scripts/build.mjs --server   only the server and CLI (about a second)
//   node scripts/build.mjs --web      only the web app
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--server') ? 'server' : process.argv.includes('--web') ? 'web' : 'both';

/**
 * Packages compiled into dist/server rather than loaded from node_modules at run time. Kysely's ES
 * build is 263 small files: resolving and reading them was a tenth of a restart. Only packages no
 * other (external) package imports belong here, so that there is never a second copy of one.
 */
const BUNDLED = new Set(['kysely']);

function externalPackages() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  return names.filter((name) => !BUNDLED.has(name));
}

/** esbuild's options for dist/server (a test builds with them too, to check what a start loads). */
export function serverBuildOptions() {
  return {
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outdir: 'dist/server',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  };
}

export async function buildServer() {
  const started = Date.now();
  const { build } = await import('esbuild');
  const outdir = path.join(root, 'dist/server');
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build(serverBuildOptions());
  // The sources this build read: bin/speerpunt.mjs runs the sources instead when one is newer.
  const inputs = Object.keys(result.metafile.inputs).filter((file) => file.startsWith('src/'));
  fs.writeFileSync(path.join(outdir, 'inputs.json'), `${JSON.stringify({ builtAt: Date.now(), inputs })}\n`);
  process.stdout.write(
    `speerpunt: server and CLI compiled to dist/server (${inputs.length} sources, ${Date.now() - started} ms)\n`,
  );
}

export function buildWeb() {
  const started = Date.now();
  process.stdout.write('speerpunt: building the web app into dist/web…\n');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  process.stdout.write(`speerpunt: web app built (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (only !== 'web') await buildServer();
  if (only !== 'server') buildWeb();
}
