-- Agreements (SPEC §3): one doctor bound to one unit (a facility, a section or a group of facilities).

create table agreement (
    id               bigserial primary key,
    doctor_id        bigint  not null references doctor (id),
    unit_kind        text    not null check (unit_kind in ('FACILITY', 'SECTION', 'GROUP')),
    facility_id      bigint references facility (id),
    section_id       bigint references facility_section (id),
    group_id         bigint references facility_group (id),
    status           text    not null check (status in
                         ('DRAFT', 'SUBMITTED', 'ACTIVE', 'NOTICE_GIVEN', 'REJECTED', 'WITHDRAWN')),
    start_date       date    not null,
    end_date         date,
    match_method     text    not null check (match_method in ('PRACTICE_CONSULTANT', 'PRIORITY_LIST', 'WISH_LIST',
                         'DEVELOPMENT_NURSE', 'JOB_POSTING', 'EXISTING_RELATION', 'STABLE_MATCHING', 'COVERAGE_PLAN',
                         'OTHER')),
    notice_date      date,
    notice_by        text,
    decision_reason  text,
    decided_by       text,
    decided_at       timestamptz,
    created_by       text    not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0,
    check (end_date is null or end_date >= start_date),
    check (unit_kind <> 'FACILITY' or (facility_id is not null and section_id is null and group_id is null)),
    check (unit_kind <> 'SECTION' or (facility_id is not null and section_id is not null and group_id is null)),
    check (unit_kind <> 'GROUP' or (group_id is not null and facility_id is null and section_id is null)),
    check ((status = 'NOTICE_GIVEN') = (notice_date is not null))
);
create index agreement_doctor_idx on agreement (doctor_id);
create index agreement_facility_idx on agreement (facility_id) where facility_id is not null;
create index agreement_group_idx on agreement (group_id) where group_id is not null;
create index agreement_status_idx on agreement (status);

-- What an approved agreement covers, facility by facility, over its period. Rows are written when an
-- agreement is approved and its period is shortened by a notice. The exclusion constraint is R4 in the
-- database itself: a whole facility (section_range unbounded) or one section of it is covered by at
-- most one approved agreement on any date, so two approvals racing each other cannot both succeed.
create table agreement_coverage (
    agreement_id  bigint    not null references agreement (id),
    facility_id   bigint    not null references facility (id),
    section_id    bigint references facility_section (id),
    section_range int8range not null,
    period        daterange not null,
    primary key (agreement_id, facility_id),
    exclude using gist (
        int8range(facility_id, facility_id, '[]') with &&,
        section_range with &&,
        period with &&)
);
create index agreement_coverage_period_idx on agreement_coverage using gist (period);
create index agreement_coverage_facility_idx on agreement_coverage (facility_id);

-- Dispensations granted by the region (SPEC §3, seed 004 § 65 stk. 2), dated.
create table dispensation (
    id             bigserial primary key,
    doctor_id      bigint  not null references doctor (id),
    kind           text    not null check (kind in ('MULTIPLE_FACILITIES', 'NURSING_HOME_AND_FACILITY', 'HOURS')),
    max_facilities integer check (max_facilities between 2 and 20),
    monthly_hours  numeric(4, 1) check (monthly_hours > 0 and monthly_hours <= 20),
    valid_from     date    not null,
    valid_to       date,
    reason         text,
    granted_by     text    not null,
    granted_at     timestamptz not null default now(),
    check (valid_to is null or valid_to >= valid_from),
    check ((kind = 'MULTIPLE_FACILITIES') = (max_facilities is not null)),
    check ((kind = 'HOURS') = (monthly_hours is not null))
);
create index dispensation_doctor_idx on dispensation (doctor_id);

-- The information form (oplysningsskema, SPEC §3), filed once per agreement; the snapshot keeps the
-- facts as they were filed.
create table information_form (
    agreement_id      bigint primary key references agreement (id),
    filed_by          text        not null,
    filed_at          timestamptz not null default now(),
    contact_name      text        not null check (btrim(contact_name) <> ''),
    contact_role      text        not null check (btrim(contact_role) <> ''),
    contact_email     text,
    contact_phone     text,
    no_other_contract boolean     not null check (no_other_contract),
    snapshot          jsonb       not null
);

-- The status a reader sees: an agreement whose notice period has run out has ended.
create view agreement_state as
select a.*,
       case when a.status in ('ACTIVE', 'NOTICE_GIVEN') and a.end_date < current_date then 'ENDED'
            else a.status end as effective_status
  from agreement a;

-- One row per agreement with its unit, doctor, practice, residents and region, for lists and details.
create view agreement_overview as
select a.id, a.effective_status as status, a.doctor_id, d.name as doctor_name, d.nursing_home_doctor,
       p.id as practice_id, p.provider_number, p.name as practice_name, p.vat_registered,
       a.unit_kind, a.facility_id, a.section_id, a.group_id,
       case a.unit_kind when 'SECTION' then f.name || ' – ' || s.name
                        when 'GROUP' then g.name
                        else f.name end as unit_name,
       m.code as municipality_code, m.name as municipality_name, r.region_code,
       case a.unit_kind when 'SECTION' then s.residents
                        when 'GROUP' then (select coalesce(sum(gf.residents), 0) from facility gf
                                            where gf.group_id = a.group_id)::int
                        else f.residents end as residents,
       case a.unit_kind when 'GROUP' then array(select gf.id from facility gf where gf.group_id = a.group_id
                                                 order by gf.id)
                        else array[a.facility_id] end as facility_ids,
       a.start_date, a.end_date, a.notice_date, a.notice_by, a.match_method, a.decision_reason, a.decided_by,
       a.decided_at, a.created_by, a.created_at, a.version,
       (select dh.monthly_hours from dispensation dh
         where dh.doctor_id = a.doctor_id and dh.kind = 'HOURS'
           and dh.valid_from <= greatest(current_date, a.start_date)
           and (dh.valid_to is null or dh.valid_to >= greatest(current_date, a.start_date))
         order by dh.valid_from desc limit 1) as dispensation_hours
  from agreement_state a
  join doctor d on d.id = a.doctor_id
  join practice p on p.id = d.practice_id
  left join facility f on f.id = a.facility_id
  left join facility_section s on s.id = a.section_id
  left join facility_group g on g.id = a.group_id
  join municipality m on m.code = coalesce(f.municipality_code, g.municipality_code)
  join current_municipality_region r on r.municipality_code = m.code;
