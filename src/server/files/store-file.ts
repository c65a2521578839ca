import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types';
import { AppError, detail } from '../errors/app-error';

/** What the platform accepts as attachments or evidence, recognised by content, not by name. */
export const ALLOWED_FILE_TYPES = {
  'application/pdf': { extensions: ['pdf'], magic: [[0x25, 0x50, 0x44, 0x46]] },
  'image/png': { extensions: ['png'], magic: [[0x89, 0x50, 0x4e, 0x47]] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: [[0xff, 0xd8, 0xff]] },
  // Office Open XML files are zip archives.
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  'text/csv': { extensions: ['csv'], magic: [] },
  'text/plain': { extensions: ['txt'], magic: [] },
} as const;

export type AllowedFileType = keyof typeof ALLOWED_FILE_TYPES;
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

function looksLikeText(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 4096);
  return !sample.includes(0) && !/^\s*<(!doctype|html|script|svg)/i.test(sample.toString('utf8'));
}

/**
 * Decides the type from the file's extension and checks that its content matches; refuses
 * anything else (HTML, SVG, executables). Throws FILE_TYPE_NOT_ALLOWED or FILE_TOO_LARGE.
 */
export function checkFile(
  filename: string,
  buffer: Buffer,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
  path = 'file',
): AllowedFileType {
  if (buffer.length > maxBytes) {
    throw new AppError('FILE_TOO_LARGE', {
      details: [
        detail(
          path,
          'too_big',
          `Hoogstens ${Math.floor(maxBytes / 1024 / 1024)} MB.`,
          `At most ${Math.floor(maxBytes / 1024 / 1024)} MB.`,
        ),
      ],
    });
  }
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  const entry = Object.entries(ALLOWED_FILE_TYPES).find(([, spec]) =>
    (spec.extensions as readonly string[]).includes(extension),
  );
  const refuse = () =>
    new AppError('FILE_TYPE_NOT_ALLOWED', {
      details: [
        detail(path, 'type', `Toegelaten: ${allowedExtensions()}.`, `Allowed: ${allowedExtensions()}.`),
      ],
    });
  if (!entry) throw refuse();
  const [type, spec] = entry as [AllowedFileType, (typeof ALLOWED_FILE_TYPES)[AllowedFileType]];
  const magicOk =
    spec.magic.length === 0
      ? looksLikeText(buffer)
      : spec.magic.some((bytes) => bytes.every((b, i) => buffer[i] === b));
  if (!magicOk) throw refuse();
  return type;
}

export function allowedExtensions(): string {
  return Object.values(ALLOWED_FILE_TYPES)
    .flatMap((s) => s.extensions)
    .join(', ');
}

/** Stores an uploaded file (in the database, so every server process sees it). Returns its id. */
export async function storeFile(
  tx: Transaction<DB> | Kysely<DB>,
  input: { purpose: string; filename: string; buffer: Buffer; uploadedBy: string | null; maxBytes?: number },
): Promise<{ id: string; sha256: string; contentType: AllowedFileType; sizeBytes: number }> {
  const contentType = checkFile(input.filename, input.buffer, input.maxBytes);
  const sha256 = createHash('sha256').update(input.buffer).digest('hex');
  const safeName = input.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200);
  const row = await tx
    .insertInto('stored_files')
    .values({
      purpose: input.purpose,
      filename: safeName,
      content_type: contentType,
      size_bytes: input.buffer.length,
      sha256,
      content: input.buffer,
      uploaded_by: input.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, sha256, contentType, sizeBytes: input.buffer.length };
}

/** Reads a stored file; callers check that the viewer may see the object it belongs to. */
export function readStoredFile(db: Kysely<DB>, id: string) {
  return db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirst();
}
