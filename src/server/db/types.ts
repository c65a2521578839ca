import type { CoreTables } from './core.tables';
import type { SharedTables } from './shared.tables';

/**
 * The one type of the current schema. Each feature module declares its tables in
 * `<area>.tables.ts` and is added to this list when its migration lands.
 */
export interface DB extends CoreTables, SharedTables {}
