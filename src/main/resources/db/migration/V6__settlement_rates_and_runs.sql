-- Fee settlement (SPEC §4).

-- F1: the hourly rate, dated; indexation adds a row. April 2024 level, includes travel time (seed 004 § 65).
create table hourly_rate (
    valid_from  date primary key,
    hourly_rate numeric(10, 2) not null check (hourly_rate > 0),
    created_by  text not null default 'system',
    created_at  timestamptz not null default now()
);
insert into hourly_rate (valid_from, hourly_rate) values (date '2024-04-01', 1072.01);

-- F2 needs the residents of a unit on every day: the registry's residents are kept as dated history.
create table facility_residents (
    facility_id bigint  not null references facility (id) on delete cascade,
    valid_from  date    not null,
    residents   integer not null check (residents >= 0),
    primary key (facility_id, valid_from)
);

create function record_facility_residents() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.residents is distinct from old.residents then
        insert into facility_residents (facility_id, valid_from, residents)
        values (new.id, current_date, new.residents)
        on conflict (facility_id, valid_from) do update set residents = excluded.residents;
    end if;
    return new;
end
$$;

create trigger facility_residents_history after insert or update of residents on facility
    for each row execute function record_facility_residents();

insert into facility_residents (facility_id, valid_from, residents)
select id, current_date, residents from facility;

-- F5: a month's settlement per region: run (lines stored), reviewed, approved (locked).
create table settlement_month (
    region_code char(4) not null references region (code),
    month       date    not null check (extract(day from month) = 1),
    status      text    not null check (status in ('OPEN', 'APPROVED')),
    run_by      text,
    run_at      timestamptz,
    approved_by text,
    approved_at timestamptz,
    primary key (region_code, month),
    check ((status = 'APPROVED') = (approved_at is not null))
);

create table settlement_line (
    id              bigserial primary key,
    region_code     char(4)       not null,
    month           date          not null,
    agreement_id    bigint        not null references agreement (id),
    doctor_id       bigint        not null references doctor (id),
    provider_number text          not null,
    kind            text          not null check (kind in ('FEE', 'ADJUSTMENT')),
    corrects_month  date,
    days            integer       not null check (days >= 0),
    hours           numeric(4, 1) not null,
    amount_ex_vat   numeric(12, 2) not null,
    vat             numeric(12, 2) not null,
    amount_incl_vat numeric(12, 2) not null,
    foreign key (region_code, month) references settlement_month (region_code, month),
    check ((kind = 'ADJUSTMENT') = (corrects_month is not null)),
    check (corrects_month is null or corrects_month < month),
    check (amount_incl_vat = amount_ex_vat + vat)
);
create unique index settlement_line_fee_once on settlement_line (month, agreement_id) where kind = 'FEE';
create index settlement_line_month_idx on settlement_line (region_code, month);
create index settlement_line_agreement_idx on settlement_line (agreement_id);

-- A locked month's lines never change.
create function refuse_locked_settlement_change() returns trigger language plpgsql as $$
declare
    locked boolean;
begin
    select status = 'APPROVED' into locked from settlement_month
     where region_code = coalesce(new.region_code, old.region_code) and month = coalesce(new.month, old.month);
    if locked then
        raise exception 'settlement month % of region % is approved and locked',
            coalesce(new.month, old.month), coalesce(new.region_code, old.region_code)
            using errcode = '23514';
    end if;
    return coalesce(new, old);
end
$$;

create trigger settlement_line_locked before insert or update or delete on settlement_line
    for each row execute function refuse_locked_settlement_change();

-- F6: the budget frame, national and per region, a setting with defaults (6.3 MDKK a year for 250
-- facilities; regional shares by population until the parties set others).
create table budget_frame (
    year          integer        not null,
    region_code   char(4)        references region (code),
    annual_amount numeric(14, 2) not null check (annual_amount >= 0),
    unique nulls not distinct (year, region_code)
);
