import { sql, type RawBuilder } from 'kysely';

/**
 * The date an organisation (aliased `o` in the calling query) first took part in a cluster or a
 * consortium (a project): the input of the pioneer rule. One fragment for every query that needs it.
 */
export function firstParticipationOn(): RawBuilder<string | null> {
  return sql<string | null>`least(
    (select min(fp_m.valid_from) from memberships fp_m where fp_m.organisation_id = o.id),
    (select min(fp_p.starts_on) from project_participants fp_pp join projects fp_p on fp_p.id =
      fp_pp.project_id where fp_pp.organisation_id = o.id)
  )`;
}
