import type { ColumnType, Generated } from 'kysely';
import type { InstantDefault } from '../../db/core.tables';

/** `numeric` arrives as a string from pg; write numbers or strings. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface PolicyScenariosTable {
  id: Generated<string>;
  code: string;
  position: number;
  name: string;
  description: Generated<string>;
  /** Seeded text that stands in for the green paper's own wording until an officer edits it. */
  is_placeholder: Generated<boolean>;
  /** VARIO's preferred direction (advice 36, recommendation 1). */
  is_preferred_direction: Generated<boolean>;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface PolicyCriteriaTable {
  id: Generated<string>;
  code: string;
  position: number;
  name_nl: string;
  name_en: string;
  description_nl: Generated<string>;
  description_en: Generated<string>;
  weight: Numeric;
  updated_at: InstantDefault;
}

export interface PolicyStakeholdersTable {
  id: Generated<string>;
  kind: 'organisation' | 'account';
  name: string;
  organisation_id: string | null;
  user_id: string | null;
  is_example: Generated<boolean>;
  created_by: string | null;
  created_at: InstantDefault;
}

export interface PolicyScoresTable {
  stakeholder_id: string;
  scenario_id: string;
  criterion_id: string;
  /** 1–5, higher is better for the policy (for cost: 5 = cheapest). */
  score: number;
  comment: Generated<string>;
  entered_by: string | null;
  updated_at: InstantDefault;
}

export interface PolicyTables {
  policy_scenarios: PolicyScenariosTable;
  policy_criteria: PolicyCriteriaTable;
  policy_stakeholders: PolicyStakeholdersTable;
  policy_scores: PolicyScoresTable;
}
