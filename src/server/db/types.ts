import type { CoreTables } from './core.tables';
import type { SharedTables } from './shared.tables';
import type { PortfolioTables } from '../modules/portfolio/portfolio.tables';
import type { FundingTables } from '../modules/funding/funding.tables';
import type { CallsTables } from '../modules/calls/calls.tables';
import type { PartnershipTables } from '../modules/partnership/partnership.tables';
import type { KpisTables } from '../modules/kpis/kpis.tables';
import type { ReviewTables } from '../modules/review/review.tables';
import type { PolicyTables } from '../modules/policy/policy.tables';
import type { SigninTables } from '../modules/auth/signin.tables';

/**
 * The one type of the current schema. Each feature module declares its tables in
 * `<area>.tables.ts` and is added to this list when its migration lands.
 */
export interface DB
  extends
    CoreTables,
    SharedTables,
    PortfolioTables,
    FundingTables,
    CallsTables,
    PartnershipTables,
    KpisTables,
    ReviewTables,
    PolicyTables,
    SigninTables {}
