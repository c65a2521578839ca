-- EU contribution (euro) to members in EU projects that started in the period.
with members as (
  select distinct o.id, o.helix, o.size_class
  from memberships m
  join organisations o on o.id = m.organisation_id
  where m.cluster_id = $1::uuid
    and m.valid_from <= $3::date
    and (m.valid_to is null or m.valid_to >= $3::date))
select round(coalesce(sum(ep.ec_contribution_cents), 0) / 100.0, 2) as value
from eu_participations ep
join eu_projects p on p.id = ep.eu_project_id
join members m on m.id = ep.organisation_id
where p.starts_on between $2::date and $3::date
