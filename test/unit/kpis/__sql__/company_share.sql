with members as (
  select distinct o.id, o.helix, o.size_class
  from memberships m
  join organisations o on o.id = m.organisation_id
  where m.cluster_id = $1::uuid
    and m.valid_from <= $3::date
    and (m.valid_to is null or m.valid_to >= $3::date))
select count(*) filter (where helix = 'company') as numerator, count(*) as denominator,
  case when count(*) = 0 then null
       else round(100.0 * count(*) filter (where helix = 'company') / count(*), 2) end as value
from members
