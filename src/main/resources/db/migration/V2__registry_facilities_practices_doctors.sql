-- Registry (SPEC §2): facilities (botilbud), practices (klinikker) and doctors.

-- Which legal bases are in scope is a dated setting: the scheme widens over time (SPEC §2, seeds 002, 004).
create table legal_basis_scope (
    legal_basis text not null check (legal_basis in ('SEL_108', 'ABL_105', 'SEL_107', 'BL_43')),
    valid_from  date not null,
    valid_to    date,
    check (valid_to is null or valid_to >= valid_from),
    primary key (legal_basis, valid_from),
    exclude using gist (
        int4range(hashtext(legal_basis), hashtext(legal_basis), '[]') with &&,
        daterange(valid_from, valid_to, '[]') with &&)
);

-- Phase 1 of Aftale25: SEL § 108 and ABL § 105 (with help under SEL § 85) from 1 January 2025.
insert into legal_basis_scope (legal_basis, valid_from) values
    ('SEL_108', date '2025-01-01'),
    ('ABL_105', date '2025-01-01');

create function legal_basis_in_scope(p_legal_basis text, p_date date) returns boolean
    language sql stable as $$
    select exists (select 1 from legal_basis_scope
                    where legal_basis = p_legal_basis
                      and valid_from <= p_date and (valid_to is null or valid_to >= p_date))
$$;

-- Facilities at the same address or under common management (SPEC R7) share one doctor.
create table facility_group (
    id                bigserial primary key,
    name              text    not null check (btrim(name) <> ''),
    kind              text    not null check (kind in ('SAME_ADDRESS', 'COMMON_MANAGEMENT')),
    municipality_code char(3) not null references municipality (code),
    version           integer not null default 0
);

create table facility (
    id                bigserial primary key,
    name              text    not null check (btrim(name) <> ''),
    address           text    not null check (btrim(address) <> ''),
    municipality_code char(3) not null references municipality (code),
    operator          text    not null check (operator in ('MUNICIPAL', 'REGIONAL', 'PRIVATE')),
    -- private facilities are self-owning or commercial
    private_ownership text check (private_ownership in ('SELF_OWNING', 'COMMERCIAL')),
    legal_basis       text    not null check (legal_basis in ('SEL_108', 'ABL_105', 'SEL_107', 'BL_43')),
    places            integer not null check (places between 0 and 10000),
    residents         integer not null check (residents between 0 and 10000),
    temporary_places  integer not null default 0 check (temporary_places between 0 and 10000),
    latitude          numeric(8, 5) check (latitude between -90 and 90),
    longitude         numeric(8, 5) check (longitude between -180 and 180),
    group_id          bigint references facility_group (id),
    version           integer not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (operator = 'PRIVATE' or private_ownership is null),
    check (residents <= places),
    check ((latitude is null) = (longitude is null))
);
create index facility_municipality_idx on facility (municipality_code);
create index facility_group_idx on facility (group_id) where group_id is not null;
create index facility_name_idx on facility (lower(name) text_pattern_ops);

-- A facility with more than 30 residents may be split into sections of at least 30 residents each (SPEC R4).
create table facility_section (
    id          bigserial primary key,
    facility_id bigint  not null references facility (id) on delete cascade,
    name        text    not null check (btrim(name) <> ''),
    residents   integer not null check (residents >= 30),
    unique (facility_id, name)
);

create table practice (
    id                    bigserial primary key,
    -- ydernummer
    provider_number       text    not null unique check (provider_number ~ '^[0-9]{6}$'),
    name                  text    not null check (btrim(name) <> ''),
    address               text    not null check (btrim(address) <> ''),
    municipality_code     char(3) not null references municipality (code),
    clinic_type           text    not null check (clinic_type in ('ORDINARY', 'TENDER', 'REGIONAL')),
    doctor_capacity       integer not null check (doctor_capacity between 1 and 100),
    open_for_new_patients boolean not null,
    vat_registered        boolean not null,
    latitude              numeric(8, 5) check (latitude between -90 and 90),
    longitude             numeric(8, 5) check (longitude between -180 and 180),
    version               integer not null default 0,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    check ((latitude is null) = (longitude is null))
);
create index practice_municipality_idx on practice (municipality_code);

create table doctor (
    id                  bigserial primary key,
    practice_id         bigint  not null references practice (id),
    name                text    not null check (btrim(name) <> ''),
    -- plejehjemslæge: counts against the rules R1-R3
    nursing_home_doctor boolean not null default false,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index doctor_practice_idx on doctor (practice_id);
