-- People and API clients (SPEC §1). A user's role fixes its scope.
create table app_user (
    username          text primary key check (username ~ '^[a-z0-9._-]{2,64}$'),
    password_hash     text    not null,
    display_name      text    not null,
    role              text    not null check (role in ('REGION', 'MUNICIPALITY', 'FACILITY', 'DOCTOR', 'NATIONAL')),
    region_code       char(4) references region (code),
    municipality_code char(3) references municipality (code),
    facility_id       bigint references facility (id),
    doctor_id         bigint references doctor (id),
    enabled           boolean not null default true,
    check ((role = 'REGION') = (region_code is not null)),
    check ((role = 'MUNICIPALITY') = (municipality_code is not null)),
    check ((role = 'FACILITY') = (facility_id is not null)),
    check ((role = 'DOCTOR') = (doctor_id is not null))
);
