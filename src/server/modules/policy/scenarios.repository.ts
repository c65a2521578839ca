import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';

export interface ScenarioRow {
  id: string;
  code: string;
  position: number;
  name: string;
  description: string;
  is_placeholder: boolean;
  is_preferred_direction: boolean;
  is_example: boolean;
  updated_at: Date;
}

export interface CriterionRow {
  id: string;
  code: string;
  position: number;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  weight: string;
}

export interface StakeholderRow {
  id: string;
  kind: 'organisation' | 'account';
  name: string;
  organisation_id: string | null;
  user_id: string | null;
  user_role: string | null;
  is_example: boolean;
}

export interface ScoreRow {
  stakeholder_id: string;
  scenario_id: string;
  criterion_id: string;
  score: number;
  comment: string;
  updated_at: Date;
}

export interface ScenarioData {
  scenarios: ScenarioRow[];
  criteria: CriterionRow[];
  stakeholders: StakeholderRow[];
  scores: ScoreRow[];
}

export function findScenarios(db: Kysely<DB>): Promise<ScenarioRow[]> {
  return db
    .selectFrom('policy_scenarios')
    .select([
      'id',
      'code',
      'position',
      'name',
      'description',
      'is_placeholder',
      'is_preferred_direction',
      'is_example',
      'updated_at',
    ])
    .orderBy('position')
    .execute();
}

export function findCriteria(db: Kysely<DB>): Promise<CriterionRow[]> {
  return db
    .selectFrom('policy_criteria')
    .select(['id', 'code', 'position', 'name_nl', 'name_en', 'description_nl', 'description_en', 'weight'])
    .orderBy('position')
    .execute();
}

export function findStakeholders(db: Kysely<DB>): Promise<StakeholderRow[]> {
  return db
    .selectFrom('policy_stakeholders as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.kind',
      's.name',
      's.organisation_id',
      's.user_id',
      'u.role as user_role',
      's.is_example',
    ])
    .orderBy('s.kind', 'desc')
    .orderBy('s.name')
    .execute();
}

export function findStakeholderById(db: Kysely<DB>, id: string) {
  return db.selectFrom('policy_stakeholders').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findScores(db: Kysely<DB>): Promise<ScoreRow[]> {
  return db
    .selectFrom('policy_scores')
    .select(['stakeholder_id', 'scenario_id', 'criterion_id', 'score', 'comment', 'updated_at'])
    .execute();
}

export async function loadScenarioData(db: Kysely<DB>): Promise<ScenarioData> {
  const [scenarios, criteria, stakeholders, scores] = await Promise.all([
    findScenarios(db),
    findCriteria(db),
    findStakeholders(db),
    findScores(db),
  ]);
  return { scenarios, criteria, stakeholders, scores };
}
