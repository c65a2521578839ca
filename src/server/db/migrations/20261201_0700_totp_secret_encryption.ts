import { sql, type Kysely } from 'kysely';
import { migrationContext } from '../migration-context';
import { isSealedTotpSecret, sealTotpSecret } from '../../modules/auth/totp-secret-box';

/**
 * Frozen: TOTP secrets encrypted at rest (AES-256-GCM, see totp-secret-box.ts). Every secret
 * still stored as base32 text is sealed with the configured key, and a check keeps plain text out
 * from then on. Refuses (changing nothing) when there are secrets to seal and no key was given.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const rows = await db.selectFrom('user_totp').select(['user_id', 'secret']).execute();
  const plain = (rows as { user_id: string; secret: string }[]).filter((r) => !isSealedTotpSecret(r.secret));
  if (plain.length > 0) {
    const keyOf = migrationContext().totpKey;
    if (!keyOf)
      throw new Error('Sealing the TOTP secrets needs the TOTP key: run the migration through the CLI');
    const key = keyOf();
    for (const row of plain)
      await db
        .updateTable('user_totp')
        .set({ secret: sealTotpSecret(key, row.user_id, row.secret) })
        .where('user_id', '=', row.user_id)
        .execute();
  }
  await sql`
    alter table user_totp drop constraint if exists user_totp_secret_sealed;
    alter table user_totp add constraint user_totp_secret_sealed check (secret like 'v1.%');
  `.execute(db);
}
