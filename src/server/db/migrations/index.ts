import type { Migration } from 'kysely';
import * as foundation from './20261127_0100_foundation';
import * as sharedCore from './20261127_0200_shared_core';
import * as portfolio from './20261127_1000_portfolio';
import * as portfolioTaxonomy from './20261127_1001_portfolio_taxonomy';
import * as funding from './20261127_1400_funding';
import * as callsProposals from './20261127_1100_calls_proposals';
import * as review from './20261127_1200_review';
import * as reviewCallSettings from './20261127_1201_review_call_settings';
import * as partnership from './20261127_1500_partnership';
import * as partnershipKpiLinks from './20261127_1501_partnership_kpi_links';
import * as kpis from './20261127_1300_kpis';
import * as policyScenarios from './20261127_1600_policy_scenarios';
import * as callBudgetRule from './20261129_1100_call_budget_rule';
import * as searchIndexes from './20261129_1400_search_indexes';
import * as dataRevisions from './20261129_1401_data_revisions';
import * as analyticsIndexes from './20261129_1402_analytics_indexes';
import * as kpiRevisionTriggers from './20261129_1403_kpi_revision_triggers';
import * as loginThrottleDelays from './20261129_1600_login_throttle_delays';
import * as objectionRules from './20261129_1500_objection_rules';
import * as auditCheckpoints from './20261129_1601_audit_checkpoints';
import * as dropAccountLock from './20261130_0400_drop_account_lock';
import * as draftPartners from './20261130_0401_draft_partners';
import * as outboxMessages from './20261130_0500_outbox_messages';
import * as signin from './20261130_0700_signin';
import * as representativeProvider from './20261201_0200_representative_provider';
import * as objectiveTitleEn from './20261201_0400_objective_title_en';
import * as totpSecretEncryption from './20261201_0700_totp_secret_encryption';
import * as proposalRevision from './20261202_0100_proposal_revision';
import * as listRouteIndexes from './20261202_0400_list_route_indexes';
import * as validationQueueIndex from './20261202_0500_validation_queue_index';
import * as identitySecondFactor from './20261202_0700_identity_second_factor';
import * as organisationFoldedName from './20261203_0100_organisation_folded_name';
import * as peopleRevision from './20261203_0101_people_revision';
import * as reviewConflictsCallIndex from './20261203_0300_review_conflicts_call_index';

/**
 * Every migration, by name. Names sort in the order they run (timestamp first). Landed
 * migrations are frozen: add a new file and a line here, never edit an old one.
 */
export const migrations: Record<string, Migration> = {
  '20261127_0100_foundation': foundation,
  '20261127_0200_shared_core': sharedCore,
  '20261127_1000_portfolio': portfolio,
  '20261127_1001_portfolio_taxonomy': portfolioTaxonomy,
  '20261127_1400_funding': funding,
  '20261127_1100_calls_proposals': callsProposals,
  '20261127_1200_review': review,
  '20261127_1201_review_call_settings': reviewCallSettings,
  '20261127_1500_partnership': partnership,
  '20261127_1501_partnership_kpi_links': partnershipKpiLinks,
  '20261127_1300_kpis': kpis,
  '20261127_1600_policy_scenarios': policyScenarios,
  '20261129_1100_call_budget_rule': callBudgetRule,
  '20261129_1400_search_indexes': searchIndexes,
  '20261129_1401_data_revisions': dataRevisions,
  '20261129_1402_analytics_indexes': analyticsIndexes,
  '20261129_1403_kpi_revision_triggers': kpiRevisionTriggers,
  '20261129_1600_login_throttle_delays': loginThrottleDelays,
  '20261129_1500_objection_rules': objectionRules,
  '20261129_1601_audit_checkpoints': auditCheckpoints,
  '20261130_0400_drop_account_lock': dropAccountLock,
  '20261130_0401_draft_partners': draftPartners,
  '20261130_0500_outbox_messages': outboxMessages,
  '20261130_0700_signin': signin,
  '20261201_0200_representative_provider': representativeProvider,
  '20261201_0400_objective_title_en': objectiveTitleEn,
  '20261201_0700_totp_secret_encryption': totpSecretEncryption,
  '20261202_0100_proposal_revision': proposalRevision,
  '20261202_0400_list_route_indexes': listRouteIndexes,
  '20261202_0500_validation_queue_index': validationQueueIndex,
  '20261202_0700_identity_second_factor': identitySecondFactor,
  '20261203_0100_organisation_folded_name': organisationFoldedName,
  '20261203_0101_people_revision': peopleRevision,
  '20261203_0300_review_conflicts_call_index': reviewConflictsCallIndex,
};
