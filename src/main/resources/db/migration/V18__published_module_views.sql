-- Modules own their tables (issue 12). Each module publishes, as views named <module>_<what>, the columns other
-- modules read; other modules read only these views (or the module's Java API), never its tables.
-- Written down and checked in ModuleTablesTest. The views are plain projections: PostgreSQL inlines them.

-- registry
create view registry_region as
select code, name, valid_from, valid_to from region;

create view registry_municipality as
select code, name, main_town, latitude, longitude, population from municipality;

create view registry_municipality_region as
select municipality_code, region_code, valid_from, valid_to from municipality_region;

create view registry_facility_group as
select id, name, kind, municipality_code from facility_group;

create view registry_facility as
select id, name, address, municipality_code, operator, private_ownership, legal_basis, places, residents,
       temporary_places, latitude, longitude, group_id
  from facility;

create view registry_facility_section as
select id, facility_id, name, residents from facility_section;

-- the dated history of facility.residents (written by the trigger of V6)
create view registry_facility_residents as
select facility_id, valid_from, residents from facility_residents;

create view registry_legal_basis_scope as
select legal_basis, valid_from, valid_to from legal_basis_scope;

-- no vat_registered: a practice's VAT status is dated, read registry_practice_vat_status or
-- practice_vat_registered_on(practice, day)
create view registry_practice as
select id, provider_number, name, address, municipality_code, clinic_type, doctor_capacity, open_for_new_patients,
       latitude, longitude
  from practice;

create view registry_practice_vat_status as
select practice_id, valid_from, vat_registered from practice_vat_status;

create view registry_doctor as
select id, practice_id, name, nursing_home_doctor, capacities from doctor;

-- agreement
create view agreement_facility_coverage as
select agreement_id, facility_id, section_id, section_range, period from agreement_coverage;

create view agreement_dispensation as
select id, doctor_id, kind, max_facilities, monthly_hours, valid_from, valid_to from dispensation;

create view agreement_information_form as
select agreement_id, filed_by, filed_at from information_form;

-- security
create view security_user as
select username, display_name, role, region_code from app_user;

-- agreement_overview reads the registry's published views, no longer its tables (same columns, same rows)
create or replace view agreement_overview as
select a.id, a.effective_status as status, a.doctor_id, d.name as doctor_name, d.nursing_home_doctor,
       p.id as practice_id, p.provider_number, p.name as practice_name,
       practice_vat_registered_on(p.id, current_date) as vat_registered,
       a.unit_kind, a.facility_id, a.section_id, a.group_id,
       case a.unit_kind when 'SECTION' then f.name || ' – ' || s.name
                        when 'GROUP' then g.name
                        else f.name end as unit_name,
       m.code as municipality_code, m.name as municipality_name, r.region_code,
       case a.unit_kind when 'SECTION' then s.residents
                        when 'GROUP' then (select coalesce(sum(gf.residents), 0) from registry_facility gf
                                            where gf.group_id = a.group_id)::int
                        else f.residents end as residents,
       case a.unit_kind when 'GROUP' then array(select gf.id from registry_facility gf
                                                 where gf.group_id = a.group_id order by gf.id)
                        else array[a.facility_id] end as facility_ids,
       a.start_date, a.end_date, a.notice_date, a.notice_by, a.match_method, a.decision_reason, a.decided_by,
       a.decided_at, a.created_by, a.created_at, a.version,
       (select dh.monthly_hours from dispensation dh
         where dh.doctor_id = a.doctor_id and dh.kind = 'HOURS'
           and dh.valid_from <= greatest(current_date, a.start_date)
           and (dh.valid_to is null or dh.valid_to >= greatest(current_date, a.start_date))
         order by dh.valid_from desc limit 1) as dispensation_hours
  from agreement_state a
  join registry_doctor d on d.id = a.doctor_id
  join registry_practice p on p.id = d.practice_id
  left join registry_facility f on f.id = a.facility_id
  left join registry_facility_section s on s.id = a.section_id
  left join registry_facility_group g on g.id = a.group_id
  join registry_municipality m on m.code = coalesce(f.municipality_code, g.municipality_code)
  join current_municipality_region r on r.municipality_code = m.code;
