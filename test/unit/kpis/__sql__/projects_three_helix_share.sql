with active as (
  select p.*
  from projects p
  where p.id in (select l.id from projects l where l.lead_cluster_id = $1::uuid
                 union
                 select pc.project_id from project_clusters pc where pc.cluster_id = $1::uuid)
    and p.starts_on <= $3::date
    and p.ends_on >= $2::date),
helixes as (
  select a.id, count(distinct o.helix) as categories
  from active a
  left join project_participants pp on pp.project_id = a.id
  left join organisations o on o.id = pp.organisation_id
  group by a.id
)
select count(*) filter (where categories >= 3) as numerator, count(*) as denominator,
  case when count(*) = 0 then null
       else round(100.0 * count(*) filter (where categories >= 3) / count(*), 2) end as value
from helixes
