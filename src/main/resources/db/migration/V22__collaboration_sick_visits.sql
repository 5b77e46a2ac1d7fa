-- Sick-visit requests (issue 13 item 4; SPEC §7; seeds 003, 004): the facility asks the doctor of its running
-- agreement to see a number of enrolled residents in a time window. No names, no CPR numbers: residents are
-- named only by the facility's own reference (e.g. a room). A request is deleted 90 days after the visit
-- (SickVisitDeletion).
create table sick_visit (
    id              bigserial primary key,
    facility_id     bigint      not null references facility (id) on delete cascade,
    agreement_id    bigint      not null,
    doctor_id       bigint      not null,
    wanted_from     timestamptz not null,
    wanted_to       timestamptz not null,
    residents       integer     not null check (residents between 1 and 10000),
    refs            text[]      not null default '{}',
    note            text,
    short_notice    boolean     not null,
    status          text        not null default 'REQUESTED'
                    check (status in ('REQUESTED', 'ACKNOWLEDGED', 'DONE')),
    requested_at    timestamptz not null default now(),
    requested_by    text        not null,
    acknowledged_at timestamptz,
    done_at         timestamptz,
    check (wanted_to > wanted_from),
    check (cardinality(refs) <= residents),
    check (note is null or length(note) <= 500),
    check ((status = 'REQUESTED') = (acknowledged_at is null)),
    check ((status = 'DONE') = (done_at is not null))
);

create index sick_visit_facility on sick_visit (facility_id, wanted_from desc);
create index sick_visit_doctor_open on sick_visit (doctor_id, wanted_from) where status <> 'DONE';
