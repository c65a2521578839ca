select coalesce(sum(d.non_member_companies_reached), 0)::numeric as value
from diffusion_activities d
where d.cluster_id = $1::uuid and d.held_on between $2::date and $3::date
