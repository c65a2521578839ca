import type { BuildOptions, Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What `speerpunt serve` loads before it answers: the modules of the compiled command reached by
 * static imports (dynamic imports load on first use). A restart must not load the libraries only
 * some requests use (spreadsheets, PDFs and their charts, SMTP), and Kysely is compiled in rather
 * than read as hundreds of files. The exports themselves are tested in test/integration/documents.
 */
const LOADED_ON_FIRST_USE = ['exceljs', 'pdfkit', 'svg-to-pdfkit', 'echarts', 'nodemailer'];

async function serveStaticImports(): Promise<{ packages: Set<string>; bundled: Set<string> }> {
  const { build } = await import('esbuild');
  const { serverBuildOptions } = (await import(
    new URL('../../../scripts/build.mjs', import.meta.url).href
  )) as {
    serverBuildOptions: () => BuildOptions;
  };
  const result = await build({ ...serverBuildOptions(), write: false, sourcemap: false, logLevel: 'error' });
  const { outputs, inputs } = result.metafile as Metafile;
  const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint === 'src/cli/main.ts');
  const serve = Object.keys(outputs).find((o) => outputs[o].inputs['src/cli/commands/serve.ts']);
  expect(entry && serve).toBeTruthy();
  const packages = new Set<string>();
  const seen = new Set<string>();
  const walk = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of outputs[output].imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) packages.add(imported.path);
      else walk(imported.path);
    }
  };
  walk(entry ?? '');
  walk(serve ?? '');
  const bundled = new Set(
    Object.keys(inputs)
      .filter((file) => file.startsWith('node_modules/'))
      .map((file) => file.split('/')[1]),
  );
  return { packages, bundled };
}

describe('compiled start-up', () => {
  it('serve loads no export or mail library at start, and Kysely is compiled in', async () => {
    const { packages, bundled } = await serveStaticImports();
    const early = [...packages].filter((name) =>
      LOADED_ON_FIRST_USE.some((heavy) => name === heavy || name.startsWith(`${heavy}/`)),
    );
    expect(early).toEqual([]);
    // The database and the command line are loaded at start, as before.
    expect(packages).toContain('@electric-sql/pglite');
    expect(packages).toContain('commander');
    expect(packages).not.toContain('kysely');
    expect([...bundled]).toEqual(['kysely']);
  }, 60_000);
});
