-- The region ends an agreement that can no longer run (SPEC §3, issue 11 item 4): the doctor leaves
-- general practice, the facility closes. The ending has a reason, a date (today or later) and who ended
-- it; until that date the agreement is NOTICE_GIVEN, after it ENDED (agreement_state). An ending is not a
-- notice: it may come without a notice date, so the status check now accepts either.
alter table agreement
    add column end_reason text,
    add column ended_by   text,
    add column ended_at   timestamptz;

do $$
declare
    old_check text;
begin
    select conname into old_check
      from pg_constraint
     where conrelid = 'agreement'::regclass and contype = 'c'
       and pg_get_constraintdef(oid) like '%notice_date IS NOT NULL%';
    execute format('alter table agreement drop constraint %I', old_check);
end $$;

alter table agreement
    add constraint agreement_notice_or_ending
        check ((status = 'NOTICE_GIVEN') = (notice_date is not null or end_reason is not null)),
    add constraint agreement_ending_complete
        check ((end_reason is null) = (ended_by is null) and (end_reason is null) = (ended_at is null)
               and (end_reason is null or (end_date is not null and btrim(end_reason) <> '')));
