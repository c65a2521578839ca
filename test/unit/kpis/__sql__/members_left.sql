select count(distinct m.organisation_id)::numeric as value
from memberships m
where m.cluster_id = $1::uuid
  and m.valid_to >= $2::date and m.valid_to < $3::date
  and not exists (select 1 from memberships e
                  where e.cluster_id = m.cluster_id and e.organisation_id = m.organisation_id
                    and e.valid_from <= $3::date and (e.valid_to is null or e.valid_to >= $3::date))
