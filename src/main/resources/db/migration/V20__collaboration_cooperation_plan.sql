-- The cooperation plan (samarbejdsplan) of a running agreement (SPEC §7, seed 003; issue 13 item 1).
-- One head row per agreement with the current version; every version kept as drafted, with who drafted it (the
-- facility side or the doctor) and, once the other party accepted it, who accepted it and when. The facility's
-- contact person is kept as dated rows: the newest is the current one, the older ones its history.
-- agreement_id names an agreement of the agreement module (read through agreement_overview): no foreign key
-- across modules.

create table cooperation_plan (
    agreement_id bigint primary key,
    version int not null check (version >= 1),
    created_at timestamptz not null default now()
);

create table cooperation_plan_version (
    agreement_id bigint not null references cooperation_plan (agreement_id),
    version int not null check (version >= 1),
    start_date date not null,
    scope text not null check (length(scope) between 1 and 4000),
    schedule text not null check (length(schedule) between 1 and 4000),
    meetings text not null check (length(meetings) between 1 and 4000),
    communication text not null check (length(communication) between 1 and 4000),
    substitute_doctor_id bigint,
    substitute_doctor_name text check (length(substitute_doctor_name) <= 200),
    drafted_by text not null,
    drafted_side text not null check (drafted_side in ('FACILITY', 'DOCTOR')),
    drafted_at timestamptz not null default now(),
    accepted_by text,
    accepted_at timestamptz,
    primary key (agreement_id, version),
    check ((accepted_by is null) = (accepted_at is null)),
    check ((substitute_doctor_id is null) = (substitute_doctor_name is null))
);

create table cooperation_contact (
    id bigserial primary key,
    agreement_id bigint not null references cooperation_plan (agreement_id),
    name text not null check (length(name) between 1 and 200),
    role text not null check (role in ('HEALTH_PROFESSIONAL', 'HEALTH_LEADER')),
    email text not null check (length(email) between 3 and 200),
    phone text not null check (length(phone) between 1 and 30),
    valid_from timestamptz not null default now(),
    changed_by text not null
);

create index cooperation_contact_agreement on cooperation_contact (agreement_id, valid_from desc, id desc);
