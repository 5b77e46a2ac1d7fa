package dk.botilbudslaege.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes generated registry rows in batches; used by the demo data and the national data set. */
@Component
class RegistryLoader {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    RegistryLoader(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    List<SyntheticRegistry.MunicipalityInfo> municipalities() {
        return jdbc.sql("select code, name, main_town, latitude, longitude, population from municipality order by code")
                .query(SyntheticRegistry.MunicipalityInfo.class)
                .list();
    }

    boolean registryIsEmpty() {
        return jdbc.sql("select not exists (select 1 from facility) and not exists (select 1 from practice)")
                .query(Boolean.class)
                .single();
    }

    void insertFacilities(List<SyntheticRegistry.FacilityRow> rows) {
        jdbcTemplate.batchUpdate("""
                        insert into facility (name, address, municipality_code, operator, private_ownership, legal_basis,
                                              places, residents, temporary_places, latitude, longitude)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, rows, 500, (ps, f) -> {
            ps.setString(1, f.name());
            ps.setString(2, f.address());
            ps.setString(3, f.municipalityCode());
            ps.setString(4, f.operator());
            ps.setString(5, f.privateOwnership());
            ps.setString(6, f.legalBasis());
            ps.setInt(7, f.places());
            ps.setInt(8, f.residents());
            ps.setInt(9, f.temporaryPlaces());
            ps.setBigDecimal(10, BigDecimal.valueOf(f.latitude()));
            ps.setBigDecimal(11, BigDecimal.valueOf(f.longitude()));
        });
    }

    void insertPractices(List<SyntheticRegistry.PracticeRow> rows) {
        jdbcTemplate.batchUpdate("""
                        insert into practice (provider_number, name, address, municipality_code, clinic_type,
                                              doctor_capacity, open_for_new_patients, vat_registered, latitude, longitude)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, rows, 500, (ps, p) -> {
            ps.setString(1, p.providerNumber());
            ps.setString(2, p.name());
            ps.setString(3, p.address());
            ps.setString(4, p.municipalityCode());
            ps.setString(5, p.clinicType());
            ps.setInt(6, p.doctorCapacity());
            ps.setBoolean(7, p.openForNewPatients());
            ps.setBoolean(8, p.vatRegistered());
            ps.setBigDecimal(9, BigDecimal.valueOf(p.latitude()));
            ps.setBigDecimal(10, BigDecimal.valueOf(p.longitude()));
        });
        record DoctorInsert(String providerNumber, SyntheticRegistry.DoctorRow doctor) {}
        List<DoctorInsert> doctors = new ArrayList<>();
        rows.forEach(p -> p.doctors().forEach(d -> doctors.add(new DoctorInsert(p.providerNumber(), d))));
        jdbcTemplate.batchUpdate("""
                        insert into doctor (practice_id, name, nursing_home_doctor)
                        select id, ?, ? from practice where provider_number = ?
                        """, doctors, 500, (ps, d) -> {
            ps.setString(1, d.doctor().name());
            ps.setBoolean(2, d.doctor().nursingHomeDoctor());
            ps.setString(3, d.providerNumber());
        });
    }

    long facilityId(String name, String municipalityCode) {
        return jdbc.sql("select id from facility where name = :n and municipality_code = :m")
                .param("n", name)
                .param("m", municipalityCode)
                .query(Long.class)
                .single();
    }

    long doctorId(String name) {
        return jdbc.sql("select id from doctor where name = :n order by id limit 1")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    /**
     * Benchmark data: every in-scope facility gets an approved agreement with a free doctor of its
     * region, started some day of 2025 (one in twenty ended after notice), written in bulk.
     */
    void coverEveryInScopeFacility() {
        jdbc.sql("""
                        with f as (select f.id, r.region_code,
                                          row_number() over (partition by r.region_code order by f.id) as rn
                                     from facility f
                                     join current_municipality_region r on r.municipality_code = f.municipality_code
                                    where f.legal_basis in ('SEL_108', 'ABL_105')),
                             d as (select d.id, r.region_code,
                                          row_number() over (partition by r.region_code order by d.id) as rn
                                     from doctor d join practice p on p.id = d.practice_id
                                     join current_municipality_region r on r.municipality_code = p.municipality_code
                                    where not d.nursing_home_doctor)
                        insert into agreement (doctor_id, unit_kind, facility_id, status, start_date, end_date,
                                               notice_date, notice_by, match_method, created_by, decided_by, decided_at)
                        select d.id, 'FACILITY', f.id,
                               case when f.id % 20 = 0 then 'NOTICE_GIVEN' else 'ACTIVE' end,
                               date '2025-01-01' + (f.id * 37 % 365)::int,
                               case when f.id % 20 = 0 then date '2026-06-30' end,
                               case when f.id % 20 = 0 then date '2026-03-15' end,
                               case when f.id % 20 = 0 then 'system' end,
                               'OTHER', 'system', 'system', now()
                          from f join d on d.region_code = f.region_code and d.rn = f.rn
                        """).update();
        jdbc.sql("""
                        insert into agreement_coverage (agreement_id, facility_id, section_id, section_range, period)
                        select id, facility_id, null, int8range(null, null), daterange(start_date, end_date, '[]')
                          from agreement where status in ('ACTIVE', 'NOTICE_GIVEN')
                        """).update();
    }
}
