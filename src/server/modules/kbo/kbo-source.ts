import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** A folder or a zip of register files, read as streams (never whole into memory). */
export interface KboSource {
  /** Lower-case base names present, e.g. 'enterprise.csv', 'meta.csv'. */
  names: string[];
  size(name: string): number;
  open(name: string): Promise<Readable>;
  close(): void;
}

export class KboSourceError extends Error {}

/** A zip that declares more than this (unless the caller says otherwise) is refused before reading. */
export const KBO_MAX_UNCOMPRESSED_BYTES = 20 * 1024 ** 3;
const KBO_MAX_ENTRIES = 1000;

export async function openKboSource(
  location: string,
  maxUncompressedBytes = KBO_MAX_UNCOMPRESSED_BYTES,
): Promise<KboSource> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch {
    throw new KboSourceError(`${location}: no such file or folder`);
  }
  if (stat.isDirectory()) {
    const files = new Map<string, string>();
    for (const entry of fs.readdirSync(location)) {
      const full = path.join(location, entry);
      if (fs.statSync(full).isFile()) files.set(entry.toLowerCase(), full);
    }
    return {
      names: [...files.keys()],
      size: (name) => fs.statSync(files.get(name) as string).size,
      open: async (name) => fs.createReadStream(files.get(name) as string, { highWaterMark: 1 << 20 }),
      close: () => {},
    };
  }
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(location, { lazyEntries: true, autoClose: false }, (error, file) =>
      error || !file
        ? reject(new KboSourceError(`${location}: not a readable zip (${error?.message ?? 'unknown error'})`))
        : resolve(file),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  let declared = 0;
  let count = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      count += 1;
      if (declared > maxUncompressedBytes || count > KBO_MAX_ENTRIES) {
        zip.close();
        reject(
          new KboSourceError(
            `${location}: the zip would expand to more than ${Math.floor(maxUncompressedBytes / 1024 ** 2)} MB ` +
              `or holds more than ${KBO_MAX_ENTRIES} files; refused before reading (KBO_MAX_UNCOMPRESSED_MB)`,
          ),
        );
        return;
      }
      if (!entry.fileName.endsWith('/')) entries.set(path.basename(entry.fileName).toLowerCase(), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: Error) =>
      reject(new KboSourceError(`${location}: damaged zip (${error.message})`)),
    );
    zip.readEntry();
  });
  return {
    names: [...entries.keys()],
    size: (name) => entries.get(name)?.uncompressedSize ?? 0,
    open: (name) =>
      new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entries.get(name) as yauzl.Entry, (error, stream) =>
          error || !stream
            ? reject(new KboSourceError(`${name} in ${location}: ${error?.message ?? 'cannot be read'}`))
            : resolve(stream),
        ),
      ),
    close: () => zip.close(),
  };
}
