-- Issue 10 item 2: the region owns a practice's VAT status, provider number, capacities and clinic
-- type and a doctor's nursing-home flag; a doctor asks for a change, the region decides.

-- SPEC F5: VAT status is dated. The status of a day is the row with the latest valid_from on or
-- before it (before the first row: the first row). practice.vat_registered mirrors the status in
-- force when it was last written and is no longer read for money.
create table practice_vat_status (
    practice_id    bigint  not null references practice (id),
    valid_from     date    not null,
    vat_registered boolean not null,
    created_by     text    not null default 'system',
    created_at     timestamptz not null default now(),
    primary key (practice_id, valid_from)
);

-- Today's flag holds from the start of the scheme (Aftale25, 1 January 2025).
insert into practice_vat_status (practice_id, valid_from, vat_registered)
select id, date '2025-01-01', vat_registered from practice;

-- Every practice created later (form, API, import, demo data) starts its history the same way.
create function practice_vat_status_seed() returns trigger language plpgsql as $$
begin
    insert into practice_vat_status (practice_id, valid_from, vat_registered)
    values (new.id, date '2025-01-01', new.vat_registered)
    on conflict do nothing;
    return new;
end
$$;
create trigger practice_vat_status_seed after insert on practice
    for each row execute function practice_vat_status_seed();

create function practice_vat_registered_on(p_practice_id bigint, p_day date) returns boolean
    language sql stable as $$
select coalesce(
    (select s.vat_registered from practice_vat_status s
      where s.practice_id = p_practice_id and s.valid_from <= p_day order by s.valid_from desc limit 1),
    (select s.vat_registered from practice_vat_status s
      where s.practice_id = p_practice_id order by s.valid_from limit 1),
    (select p.vat_registered from practice p where p.id = p_practice_id))
$$;

create table change_request (
    id              bigserial primary key,
    practice_id     bigint      not null references practice (id),
    -- set for a doctor's field (nursingHomeDoctor), else null
    doctor_id       bigint      references doctor (id),
    field           text        not null check (field in ('vatRegistered', 'providerNumber', 'doctorCapacity',
                                                          'clinicType', 'nursingHomeDoctor')),
    new_value       text        not null,
    old_value       text,
    valid_from      date        not null,
    reason          text        not null check (btrim(reason) <> ''),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    filed_by        text        not null,
    filed_at        timestamptz not null default now(),
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text,
    check ((field = 'nursingHomeDoctor') = (doctor_id is not null)),
    check ((status = 'PENDING') = (decided_at is null)),
    check (status <> 'REJECTED' or btrim(coalesce(decision_reason, '')) <> '')
);
create index change_request_practice_idx on change_request (practice_id, status);
