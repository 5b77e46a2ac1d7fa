-- Issue 13 item 5 (SPEC §5 C5, §7): each facility's monthly resident counts, written by the facility side.
-- Counts only: no person, name or CPR number. One row per facility and month; a PUT replaces it (audited).
create table resident_count (
    facility_id       bigint      not null references facility (id) on delete cascade,
    month             date        not null,
    residents         integer     not null check (residents >= 0),
    enrolled          integer     not null check (enrolled >= 0 and enrolled <= residents),
    temporary         integer     not null check (temporary >= 0 and temporary <= residents),
    told_about_choice integer     not null check (told_about_choice >= 0 and told_about_choice <= residents),
    updated_by        text        not null,
    updated_at        timestamptz not null default now(),
    primary key (facility_id, month),
    check (month = date_trunc('month', month)::date and month >= date '2024-01-01')
);

-- Published for the coverage module (C5 on the dashboard, /coverage/targets and the report): the counts
-- without who wrote them.
create view collaboration_resident_choice as
select facility_id, month, residents, enrolled, temporary, told_about_choice from resident_count;
