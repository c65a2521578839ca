-- Companies that joined in the period and are young (founded less than five years before the
-- period started) or take part for the first time (no earlier membership of any cluster).
select count(distinct m.organisation_id)::numeric as value
from memberships m
join organisations o on o.id = m.organisation_id
where m.cluster_id = $1::uuid
  and o.helix = 'company'
  and m.valid_from between $2::date and $3::date
  and ((o.founded_on is not null and o.founded_on > ($2::date - interval '5 years')::date)
       or not exists (select 1 from memberships e
                      where e.organisation_id = m.organisation_id and e.valid_from < m.valid_from))
