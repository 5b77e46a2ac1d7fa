-- Issue 11, items 11 and 12 (SPEC §3; seed 004 § 65).

-- How many of the practice's doctor capacities each doctor holds ("en læge med ekstra kapacitet"):
-- default 1; the sum over a practice's doctors never exceeds the practice's doctor_capacity (checked
-- when a doctor or a practice is written).
alter table doctor add column capacities integer not null default 1 check (capacities between 1 and 100);

-- An application for a dispensation, filed by a municipality or by the doctor; the region of the
-- doctor's practice grants it (which creates the dispensation) or refuses it with a reason.
create table dispensation_application (
    id                bigserial primary key,
    kind              text     not null check (kind in ('MULTIPLE_FACILITIES', 'NURSING_HOME_AND_FACILITY', 'HOURS')),
    doctor_id         bigint   not null references doctor (id),
    facility_ids      bigint[] not null check (cardinality(facility_ids) >= 1),
    hours             numeric(4, 1) check (hours > 0 and hours <= 20),
    reason            text     not null check (btrim(reason) <> ''),
    status            text     not null default 'PENDING' check (status in ('PENDING', 'GRANTED', 'REFUSED')),
    applicant_role    text     not null check (applicant_role in ('MUNICIPALITY', 'DOCTOR')),
    -- the applying municipality (null when the doctor applied)
    municipality_code text references municipality (code),
    applied_by        text     not null,
    applied_at        timestamptz not null default now(),
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    dispensation_id   bigint references dispensation (id),
    check ((kind = 'HOURS') = (hours is not null)),
    check ((status = 'GRANTED') = (dispensation_id is not null)),
    check ((status = 'PENDING') = (decided_at is null))
);
create index dispensation_application_doctor_idx on dispensation_application (doctor_id);
create index dispensation_application_pending_idx on dispensation_application (status) where status = 'PENDING';

-- A doctor may ask the region to change its capacities (a region-owned field, like the nursing-home
-- flag): the change request's field list and its "doctor's field" rule take 'capacities'.
do $$
declare c record;
begin
    for c in select conname from pg_constraint
              where conrelid = 'change_request'::regclass and contype = 'c'
                and pg_get_constraintdef(oid) like '%nursingHomeDoctor%'
    loop
        execute format('alter table change_request drop constraint %I', c.conname);
    end loop;
end
$$;
alter table change_request add constraint change_request_field_check
    check (field in ('vatRegistered', 'providerNumber', 'doctorCapacity', 'clinicType', 'nursingHomeDoctor',
                     'capacities'));
alter table change_request add constraint change_request_doctor_field_check
    check ((field in ('nursingHomeDoctor', 'capacities')) = (doctor_id is not null));
