import type { Command } from 'commander';
import { registerServe } from './serve';
import { registerMigrate } from './migrate';
import { registerUser } from './user';
import { registerDemo } from './demo';
import { registerAudit } from './audit';
import { registerCalls } from './calls';
import { registerKbo } from './kbo';
import { registerReview } from './review';
import { registerPartnershipReminders } from './partnership-reminders';
import { registerPolicy } from './policy';
import { registerFunding } from './funding';
import { registerKpis } from './kpis';

/** Every CLI command group; a feature module adds its `register…` here. */
export const commandRegistrars: ((program: Command) => void)[] = [
  registerServe,
  registerMigrate,
  registerUser,
  registerDemo,
  registerAudit,
  registerCalls,
  registerReview,
  registerPolicy,
  registerPartnershipReminders,
  registerFunding,
  registerKbo,
  registerKpis,
];
