import type { Migration } from 'kysely';
import * as foundation from './20261127_0100_foundation';
import * as sharedCore from './20261127_0200_shared_core';

/**
 * Every migration, by name. Names sort in the order they run (timestamp first). Landed
 * migrations are frozen: add a new file and a line here, never edit an old one.
 */
export const migrations: Record<string, Migration> = {
  '20261127_0100_foundation': foundation,
  '20261127_0200_shared_core': sharedCore,
};
