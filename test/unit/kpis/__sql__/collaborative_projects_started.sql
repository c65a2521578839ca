-- Projects of the cluster that started in the period with at least two participants.
with started as (
  select p.*
  from projects p
  where p.id in (select l.id from projects l where l.lead_cluster_id = $1::uuid
                 union
                 select pc.project_id from project_clusters pc where pc.cluster_id = $1::uuid)
    and p.starts_on between $2::date and $3::date)
select count(*)::numeric as value
from started s
where (select count(*) from project_participants pp where pp.project_id = s.id) >= 2
