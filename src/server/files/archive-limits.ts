import yauzl from 'yauzl';
import { AppError, detail } from '../errors/app-error';

/** How far an uploaded zip (XLSX, DOCX) may expand, checked before any library inflates it. */
export interface ArchiveLimits {
  maxUncompressedBytes: number;
  maxEntries: number;
}

const megabytes = (bytes: number) => Math.floor(bytes / 1024 / 1024);

function tooLarge(path: string, code: string, nl: string, en: string): AppError {
  return new AppError('FILE_TOO_LARGE', { details: [detail(path, code, nl, en)] });
}

/**
 * Refuses a decompression bomb before it is opened: first on the central directory (entry count
 * and declared sizes), then by inflating every entry into nothing while counting bytes, so a zip
 * that lies about its sizes stops at the limit too. Memory stays at one inflate window.
 */
export async function checkZipExpansion(buffer: Buffer, limits: ArchiveLimits, path = 'file'): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, file) =>
        error || !file ? reject(error ?? new Error('unreadable')) : resolve(file),
      ),
    );
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', {
      details: [
        detail(
          path,
          'damaged',
          'Het bestand is geen leesbaar zip-archief.',
          'The file is not a readable zip.',
        ),
      ],
    });
  }
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        declared += entry.uncompressedSize;
        if (entries.length > limits.maxEntries) {
          reject(
            tooLarge(
              path,
              'too_many_entries',
              `Het archief bevat meer dan ${limits.maxEntries} bestanden.`,
              `The archive holds more than ${limits.maxEntries} files.`,
            ),
          );
          return;
        }
        if (declared > limits.maxUncompressedBytes) {
          reject(
            tooLarge(
              path,
              'uncompressed_too_big',
              `Uitgepakt is het bestand groter dan ${megabytes(limits.maxUncompressedBytes)} MB.`,
              `Uncompressed, the file is larger than ${megabytes(limits.maxUncompressedBytes)} MB.`,
            ),
          );
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
    let inflated = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (error, readable) =>
          error || !readable ? reject(error ?? new Error('unreadable entry')) : resolve(readable),
        ),
      );
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > limits.maxUncompressedBytes) {
          (stream as unknown as { destroy(): void }).destroy();
          throw tooLarge(
            path,
            'uncompressed_too_big',
            `Uitgepakt is het bestand groter dan ${megabytes(limits.maxUncompressedBytes)} MB.`,
            `Uncompressed, the file is larger than ${megabytes(limits.maxUncompressedBytes)} MB.`,
          );
        }
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IMPORT_FILE_UNREADABLE', {
      details: [
        detail(
          path,
          'damaged',
          `Het zip-archief is beschadigd (${(error as Error).message.slice(0, 120)}).`,
          `The zip archive is damaged (${(error as Error).message.slice(0, 120)}).`,
        ),
      ],
    });
  } finally {
    zip.close();
  }
}
