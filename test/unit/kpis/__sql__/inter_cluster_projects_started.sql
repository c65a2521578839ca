with started as (
  select p.*
  from projects p
  where p.id in (select l.id from projects l where l.lead_cluster_id = $1::uuid
                 union
                 select pc.project_id from project_clusters pc where pc.cluster_id = $1::uuid)
    and p.starts_on between $2::date and $3::date)
select count(*) filter (where kind = 'inter_cluster_project')::numeric as value
from started
