with active as (
  select p.*
  from projects p
  where p.id in (select l.id from projects l where l.lead_cluster_id = $1::uuid
                 union
                 select pc.project_id from project_clusters pc where pc.cluster_id = $1::uuid)
    and p.starts_on <= $3::date
    and p.ends_on >= $2::date)
select coalesce(sum(a.total_budget_cents) filter (where exists (
        select 1 from project_themes pt join themes t on t.id = pt.theme_id
        where pt.project_id = a.id and t.kind = 'transition')), 0) as numerator, coalesce(sum(a.total_budget_cents), 0) as denominator,
  case when coalesce(sum(a.total_budget_cents), 0) = 0 then null
       else round(100.0 * coalesce(sum(a.total_budget_cents) filter (where exists (
        select 1 from project_themes pt join themes t on t.id = pt.theme_id
        where pt.project_id = a.id and t.kind = 'transition')), 0) / coalesce(sum(a.total_budget_cents), 0), 2) end as value
from active a
