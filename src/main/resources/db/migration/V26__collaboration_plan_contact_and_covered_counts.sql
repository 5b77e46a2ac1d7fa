-- Issue 13, session 5 (cooperation plan and resident counts).
-- 1. Each plan version carries the facility's contact person as drafted; the dated contact history
--    (cooperation_contact) records only the contacts of ACCEPTED versions, so a draft that is never accepted
--    leaves the history alone. Existing versions take the contact that was current when they were drafted.
alter table cooperation_plan_version
    add column contact_name text check (length(contact_name) between 1 and 200),
    add column contact_role text check (contact_role in ('HEALTH_PROFESSIONAL', 'HEALTH_LEADER')),
    add column contact_email text check (length(contact_email) between 3 and 200),
    add column contact_phone text check (length(contact_phone) between 1 and 30);

update cooperation_plan_version v
   set contact_name = c.name, contact_role = c.role, contact_email = c.email, contact_phone = c.phone
  from (select distinct on (v2.agreement_id, v2.version) v2.agreement_id, v2.version, c.name, c.role, c.email, c.phone
          from cooperation_plan_version v2
          join cooperation_contact c on c.agreement_id = v2.agreement_id and c.valid_from <= v2.drafted_at
         order by v2.agreement_id, v2.version, c.valid_from desc, c.id desc) c
 where c.agreement_id = v.agreement_id and c.version = v.version;

-- 2. The residents' choice (C5) counts a facility's month only when an approved agreement covered the facility
--    in that month: 'enrolled with the fixed doctor' means nothing without one.
create or replace view collaboration_resident_choice as
select rc.facility_id, rc.month, rc.residents, rc.enrolled, rc.temporary, rc.told_about_choice
  from resident_count rc
 where exists (select 1 from agreement_overview o
                where rc.facility_id = any(o.facility_ids)
                  and o.status in ('ACTIVE', 'NOTICE_GIVEN', 'ENDED')
                  and o.start_date <= (rc.month + interval '1 month' - interval '1 day')::date
                  and (o.end_date is null or o.end_date >= rc.month));
