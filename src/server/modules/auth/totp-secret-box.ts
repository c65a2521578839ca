import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Config } from '../../../config';

/**
 * TOTP secrets at rest: AES-256-GCM with a key from outside the database, the user id bound in as
 * associated data (a sealed secret copied to another account does not open). A sealed value reads
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), never the base32 secret, so a database dump or backup
 * alone does not give the second factor away. Neither the key nor a secret is ever logged.
 */
const VERSION = 'v1';
const KEY_FILE = 'totp-encryption.key';

/** `TOTP_ENCRYPTION_KEY`: 32 bytes as 64 hex characters or as base64/base64url. */
export function parseTotpKey(text: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32)
    throw new Error('TOTP_ENCRYPTION_KEY: expected 32 bytes (64 hex characters or 44 base64 characters)');
  return key;
}

const keyFiles = new Map<string, Buffer>();

/**
 * The key: `TOTP_ENCRYPTION_KEY` when set; otherwise (the demo, a single server) a random key made
 * once and kept in `<dataDir>/totp-encryption.key` (mode 0600), beside the embedded database.
 */
export function totpKeyOf(config: Pick<Config, 'totpEncryptionKey' | 'dataDir'>): Buffer {
  if (config.totpEncryptionKey) return config.totpEncryptionKey;
  const file = path.join(config.dataDir, KEY_FILE);
  const known = keyFiles.get(file);
  if (known) return known;
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = parseTotpKey(fs.readFileSync(file, 'utf8'));
  keyFiles.set(file, key);
  return key;
}

const associatedData = (userId: string) => Buffer.from(`user_totp:${userId}`, 'utf8');

export function isSealedTotpSecret(value: string): boolean {
  return value.startsWith(`${VERSION}.`);
}

export function sealTotpSecret(key: Buffer, userId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(userId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The base32 secret; throws (without the value) when the key is not the one it was sealed with. */
export function openTotpSecret(key: Buffer, userId: string, sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined)
    throw new Error('A TOTP secret in the database is not sealed (run the migrations)');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(associatedData(userId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (error) {
    throw new Error('A TOTP secret does not open with this TOTP_ENCRYPTION_KEY', { cause: error });
  }
}
