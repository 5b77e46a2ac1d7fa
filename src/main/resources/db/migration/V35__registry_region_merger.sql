-- Issue 15 item 4 (SPEC §2): regions merge into a new one from a date (the 2027 merger of Region Hovedstaden and
-- Region Sjælland into Region Østdanmark). The merger is registered ahead of time: the new region and the
-- municipalities' new membership are dated rows (region, municipality_region), so every report by date keeps the
-- old regions. Rows that store a region code are not rewritten: region_successor resolves a stored code on a date.
create table region_merger (
    id              bigserial   primary key,
    new_region_code char(4)     not null unique references region (code),
    effective_date  date        not null,
    registered_by   text        not null,
    registered_at   timestamptz not null default now()
);

create table region_merger_source (
    merger_id       bigint  not null references region_merger (id),
    -- a region merges once
    old_region_code char(4) not null unique references region (code),
    primary key (merger_id, old_region_code)
);

-- The region that a stored region code stands for on a date: the region it merged into, if that merger took
-- effect on or before the date (through several mergers), else the code itself. Null for null.
create function region_successor(p_code char(4), p_date date) returns char(4)
    language sql stable as $$
    with recursive chain (code, depth) as (
        select p_code, 0 where p_code is not null
        union all
        select m.new_region_code, c.depth + 1
          from chain c
          join region_merger_source s on s.old_region_code = c.code
          join region_merger m on m.id = s.merger_id and m.effective_date <= p_date
         where c.depth < 20
    )
    select code from chain order by depth desc limit 1
$$;

-- A region and every region that merged into it (directly or through earlier mergers): whose history it reads.
create function region_lineage(p_code char(4)) returns setof char(4)
    language sql stable as $$
    with recursive lineage (code, depth) as (
        select p_code, 0 where p_code is not null
        union all
        select s.old_region_code, l.depth + 1
          from lineage l
          join region_merger m on m.new_region_code = l.code
          join region_merger_source s on s.merger_id = m.id
         where l.depth < 20
    )
    select code from lineage
$$;

-- Published: the mergers, for other modules' reads.
create view registry_region_merger as
select m.id, m.new_region_code, m.effective_date, s.old_region_code
  from region_merger m join region_merger_source s on s.merger_id = m.id;
