-- Projects of the cluster that started in the period with at least two participants.
with started as (
  select p.*
  from projects p
  where (p.lead_cluster_id = $1::uuid
         or exists (select 1 from project_clusters pc where pc.project_id = p.id and pc.cluster_id = $1::uuid))
    and p.starts_on between $2::date and $3::date)
select count(*)::numeric as value
from started s
where (select count(*) from project_participants pp where pp.project_id = s.id) >= 2
