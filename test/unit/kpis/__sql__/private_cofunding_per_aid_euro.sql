-- Companies' own contribution (their budget minus their aid) per euro of public aid to all participants.
with active as (
  select p.*
  from projects p
  where p.id in (select l.id from projects l where l.lead_cluster_id = $1::uuid
                 union
                 select pc.project_id from project_clusters pc where pc.cluster_id = $1::uuid)
    and p.starts_on <= $3::date
    and p.ends_on >= $2::date)
select coalesce(sum(pp.budget_cents - pp.aid_cents)
       filter (where o.helix = 'company' and pp.budget_cents > pp.aid_cents), 0) as numerator, coalesce(sum(pp.aid_cents), 0) as denominator,
  case when coalesce(sum(pp.aid_cents), 0) = 0 then null
       else round(1.0 * coalesce(sum(pp.budget_cents - pp.aid_cents)
       filter (where o.helix = 'company' and pp.budget_cents > pp.aid_cents), 0) / coalesce(sum(pp.aid_cents), 0), 2) end as value
from active a
join project_participants pp on pp.project_id = a.id
join organisations o on o.id = pp.organisation_id
