-- Members on the first day of the period that are still members on its last day.
select count(distinct m.organisation_id)::numeric as value
from memberships m
where m.cluster_id = $1::uuid
  and m.valid_from < $2::date
  and (m.valid_to is null or m.valid_to >= $3::date)
