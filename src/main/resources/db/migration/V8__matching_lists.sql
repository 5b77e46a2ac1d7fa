-- Matchmaking (SPEC §6 M2): doctors rank the openings they want; facilities rank the doctors who offered.
create table doctor_wish (
    doctor_id   bigint  not null references doctor (id) on delete cascade,
    facility_id bigint  not null references facility (id) on delete cascade,
    rank        integer not null check (rank >= 1),
    primary key (doctor_id, facility_id),
    unique (doctor_id, rank)
);
create index doctor_wish_facility_idx on doctor_wish (facility_id);

create table facility_priority (
    facility_id bigint  not null references facility (id) on delete cascade,
    doctor_id   bigint  not null references doctor (id) on delete cascade,
    rank        integer not null check (rank >= 1),
    primary key (facility_id, doctor_id),
    unique (facility_id, rank)
);
create index facility_priority_doctor_idx on facility_priority (doctor_id);
