import type { StepContext } from '../server/http/request-context';
import { systemActor } from '../server/http/actor';
import type { CliDatabase } from './open-database';

/** A step context for commands run by an operator on the server machine. */
export function cliContext(database: CliDatabase): StepContext {
  return {
    db: database.db,
    actor: null,
    auditActor: systemActor('cli'),
    requestId: null,
    now: () => new Date(),
    config: database.config,
  };
}
