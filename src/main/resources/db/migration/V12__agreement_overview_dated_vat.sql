-- The agreement's VAT status is the practice's dated status in force today (SPEC §4 F5, V11), not the
-- mirror column practice.vat_registered, which a change approved for a future date reaches only when the
-- practice is written again. current_date is the Danish day (the JVM's zone, handed over by the driver).
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
                        when 'GROUP' then (select coalesce(sum(gf.residents), 0) from facility gf
                                            where gf.group_id = a.group_id)::int
                        else f.residents end as residents,
       case a.unit_kind when 'GROUP' then array(select gf.id from facility gf where gf.group_id = a.group_id
                                                 order by gf.id)
                        else array[a.facility_id] end as facility_ids,
       a.start_date, a.end_date, a.notice_date, a.notice_by, a.match_method, a.decision_reason, a.decided_by,
       a.decided_at, a.created_by, a.created_at, a.version,
       (select dh.monthly_hours from dispensation dh
         where dh.doctor_id = a.doctor_id and dh.kind = 'HOURS'
           and dh.valid_from <= greatest(current_date, a.start_date)
           and (dh.valid_to is null or dh.valid_to >= greatest(current_date, a.start_date))
         order by dh.valid_from desc limit 1) as dispensation_hours
  from agreement_state a
  join doctor d on d.id = a.doctor_id
  join practice p on p.id = d.practice_id
  left join facility f on f.id = a.facility_id
  left join facility_section s on s.id = a.section_id
  left join facility_group g on g.id = a.group_id
  join municipality m on m.code = coalesce(f.municipality_code, g.municipality_code)
  join current_municipality_region r on r.municipality_code = m.code;
