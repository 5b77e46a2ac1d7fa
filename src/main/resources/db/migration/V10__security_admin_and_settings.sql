-- Issue 10, item 1: the administrator (SPEC §1) keeps the national settings: the hourly rate (F1), the
-- legal bases in scope (§2) and the coverage targets (C3), each dated, with its history kept.

-- The role ADMIN: national scope, no region, municipality, facility or doctor.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('REGION', 'MUNICIPALITY', 'FACILITY', 'DOCTOR', 'NATIONAL', 'ADMIN'));

-- §2: each decision "this legal basis enters (or leaves) the scope from this date" is a row; rows are
-- only added, never changed, so the history is the table. legal_basis_scope (V2), which every query and
-- legal_basis_in_scope read, is derived from it by the trigger below in the same transaction.
create table legal_basis_scope_change (
    id          bigserial primary key,
    legal_basis text    not null check (legal_basis in ('SEL_108', 'ABL_105', 'SEL_107', 'BL_43')),
    valid_from  date    not null check (valid_from between date '2024-01-01' and date '2100-12-31'),
    in_scope    boolean not null,
    note        text    not null default '' check (length(note) <= 500),
    created_by  text    not null default 'system',
    created_at  timestamptz not null default now(),
    unique (legal_basis, valid_from)
);

insert into legal_basis_scope_change (legal_basis, valid_from, in_scope, note)
select legal_basis, valid_from, true, 'Aftale25, fase 1 (seed 004)' from legal_basis_scope;
insert into legal_basis_scope_change (legal_basis, valid_from, in_scope, note)
select legal_basis, valid_to + 1, false, '' from legal_basis_scope where valid_to is not null;

create function rebuild_legal_basis_scope() returns trigger language plpgsql as $$
begin
    delete from legal_basis_scope;
    insert into legal_basis_scope (legal_basis, valid_from, valid_to)
    select c.legal_basis, c.valid_from,
           (select min(o.valid_from) - 1 from legal_basis_scope_change o
             where o.legal_basis = c.legal_basis and o.valid_from > c.valid_from and not o.in_scope)
      from (select legal_basis, valid_from, in_scope,
                   lag(in_scope) over (partition by legal_basis order by valid_from) as before
              from legal_basis_scope_change) c
     where c.in_scope and c.before is distinct from true;
    return null;
end
$$;

create trigger legal_basis_scope_from_changes after insert or update or delete on legal_basis_scope_change
    for each statement execute function rebuild_legal_basis_scope();

-- C3: the coverage targets, dated. A row is only added; a later row for the same date replaces an
-- earlier one (the newest counts), so the history stays in the table.
create table coverage_target (
    id                 bigserial primary key,
    target_date        date    not null check (target_date between date '2025-01-01' and date '2100-12-31'),
    facilities         integer not null check (facilities between 1 and 100000),
    every_municipality boolean not null default true,
    note               text    not null default '' check (length(note) <= 500),
    created_by         text    not null default 'system',
    created_at         timestamptz not null default now()
);
create index coverage_target_date_idx on coverage_target (target_date, id);

insert into coverage_target (target_date, facilities, every_municipality, note)
values (date '2025-12-31', 250, true, 'Aftale25: mindst 250 botilbud med fast læge, mindst ét i hver kommune (seed 004)');
