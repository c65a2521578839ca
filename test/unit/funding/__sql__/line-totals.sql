select l.id, l.amount_cents,
      coalesce((select sum(r.amount_cents) from funding_reallocations r where r.to_line_id = l.id),
        0)::bigint as realloc_in,
      coalesce((select sum(r.amount_cents) from funding_reallocations r where r.from_line_id = l.id),
        0)::bigint as realloc_out,
      coalesce((select sum(c.amount_cents) from funding_commitments c where c.line_id = l.id), 0)::bigint as committed,
      coalesce((select sum(c.amount_cents) from funding_commitments c join projects p on p.id = c.project_id
        where c.line_id = l.id and p.kind = 'inter_cluster_project'), 0)::bigint as inter,
      coalesce((select sum(c.cofunding_cents) from funding_commitments c where c.line_id = l.id), 0)::bigint
        as cofunding,
      coalesce((select sum(p.amount_cents) from funding_payments p where p.line_id = l.id), 0)::bigint as planned,
      coalesce((select sum(p.amount_cents) from funding_payments p where p.line_id = l.id and p.status =
        'released'), 0)::bigint as paid
    from funding_lines l