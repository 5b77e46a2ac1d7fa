package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.common.SqlConditions;
import dk.botilbudslaege.web.DanishTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for practices and their doctors. */
@Repository
class PracticeRepository {

    private static final String SELECT_PRACTICE = """
            select p.id, p.provider_number, p.name, p.address, p.municipality_code, m.name as municipality_name,
                   pr.region_code, p.clinic_type, p.doctor_capacity, p.open_for_new_patients,
                   practice_vat_registered_on(p.id, cast(:today as date)) as vat_registered,
                   p.latitude, p.longitude, p.version,
                   (select count(*) from doctor d where d.practice_id = p.id) as doctor_count
              from practice p
              join municipality m on m.code = p.municipality_code
              join current_municipality_region pr on pr.municipality_code = p.municipality_code
            """;

    private static final String SELECT_DOCTOR = """
            select d.id, d.practice_id, p.name as practice_name, p.provider_number, pr.region_code, d.name,
                   d.nursing_home_doctor, d.capacities, d.version
              from doctor d
              join practice p on p.id = d.practice_id
              join current_municipality_region pr on pr.municipality_code = p.municipality_code
            """;

    /** The practice list's sort keys (i16 lists). */
    static final dk.botilbudslaege.common.SortColumns PRACTICE_SORT = new dk.botilbudslaege.common.SortColumns(
            Map.of(
                    "name", "p.name",
                    "providerNumber", "p.provider_number",
                    "municipality", "m.name",
                    "clinicType", "p.clinic_type",
                    "doctorCount", "(select count(*) from doctor d where d.practice_id = p.id)",
                    "capacity", "p.doctor_capacity",
                    "open", "p.open_for_new_patients"),
            "name",
            false,
            "p.id");

    /** The doctor list's sort keys (i16 lists). */
    static final dk.botilbudslaege.common.SortColumns DOCTOR_SORT = new dk.botilbudslaege.common.SortColumns(
            Map.of(
                    "name", "d.name",
                    "practice", "p.name",
                    "providerNumber", "p.provider_number",
                    "nursingHomeDoctor", "d.nursing_home_doctor"),
            "name",
            false,
            "d.id");

    private final JdbcClient jdbc;
    private final RegistryCommitments commitments;

    PracticeRepository(JdbcClient jdbc, RegistryCommitments commitments) {
        this.jdbc = jdbc;
        this.commitments = commitments;
    }

    PageResult<Practice> searchPractices(SqlConditions conditions, PageRequest page) {
        long total = conditions
                .bind(jdbc.sql("""
                        select count(*) from practice p
                          join current_municipality_region pr on pr.municipality_code = p.municipality_code
                        """ + conditions.where()))
                .query(Long.class)
                .single();
        List<Practice> rows = conditions
                .bind(jdbc.sql(SELECT_PRACTICE + conditions.where() + " order by " + page.orderBy(PRACTICE_SORT)
                        + " limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .param("today", today())
                .query(Practice.class)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    Optional<Practice> findPractice(long id) {
        return jdbc.sql(SELECT_PRACTICE + " where p.id = :id")
                .param("id", id)
                .param("today", today())
                .query(Practice.class)
                .optional();
    }

    Optional<Long> practiceIdByProviderNumber(String providerNumber) {
        return jdbc.sql("select id from practice where provider_number = :n")
                .param("n", providerNumber)
                .query(Long.class)
                .optional();
    }

    long insertPractice(Practice.PracticeData d) {
        return bindPractice(jdbc.sql("""
                        insert into practice (provider_number, name, address, municipality_code, clinic_type,
                                              doctor_capacity, open_for_new_patients, vat_registered, latitude,
                                              longitude)
                        values (:providerNumber, :name, :address, :municipalityCode, :clinicType, :doctorCapacity,
                                :openForNewPatients, :vatRegistered, :latitude, :longitude)
                        returning id
                        """), d).query(Long.class).single();
    }

    boolean updatePractice(long id, int version, Practice.PracticeData d) {
        return bindPractice(jdbc.sql("""
                        update practice set provider_number = :providerNumber, name = :name, address = :address,
                               municipality_code = :municipalityCode, clinic_type = :clinicType,
                               doctor_capacity = :doctorCapacity, open_for_new_patients = :openForNewPatients,
                               vat_registered = :vatRegistered, latitude = :latitude, longitude = :longitude,
                               version = version + 1, updated_at = now()
                         where id = :id and version = :version
                        """), d)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Today in Denmark: the day whose VAT status a practice shows (SPEC F5). */
    static LocalDate today() {
        return LocalDate.now(DanishTime.DENMARK);
    }

    /**
     * Records the practice's VAT status from a day on (SPEC F5; replaces a row from the same day). Every
     * reader asks {@code practice_vat_registered_on} (the practice API, the agreement view since V12,
     * settlement by day), so the column {@code practice.vat_registered} is only the status a new practice
     * starts with (seeded into {@code practice_vat_status} by trigger) and needs no keeping in step.
     */
    void setVatStatus(long practiceId, LocalDate validFrom, boolean vatRegistered, String by) {
        jdbc.sql("""
                        insert into practice_vat_status (practice_id, valid_from, vat_registered, created_by)
                        values (:id, :from, :vat, :by)
                        on conflict (practice_id, valid_from)
                        do update set vat_registered = excluded.vat_registered, created_by = excluded.created_by,
                                      created_at = now()
                        """)
                .param("id", practiceId)
                .param("from", validFrom)
                .param("vat", vatRegistered)
                .param("by", by)
                .update();
    }

    /** The practice's VAT status on a day (SPEC F5). */
    boolean vatRegisteredOn(long practiceId, LocalDate day) {
        return Boolean.TRUE.equals(jdbc.sql("select practice_vat_registered_on(:id, :day)")
                .param("id", practiceId)
                .param("day", day)
                .query(Boolean.class)
                .single());
    }

    /** The region-owned fields a change request sets (not VAT, which is dated): one field, version bumped. */
    void setProviderNumber(long practiceId, String providerNumber) {
        jdbc.sql("update practice set provider_number = :v, version = version + 1, updated_at = now() where id = :id")
                .param("v", providerNumber)
                .param("id", practiceId)
                .update();
    }

    void setDoctorCapacity(long practiceId, int capacity) {
        jdbc.sql("update practice set doctor_capacity = :v, version = version + 1, updated_at = now() where id = :id")
                .param("v", capacity)
                .param("id", practiceId)
                .update();
    }

    void setDoctorCapacities(long doctorId, int capacities) {
        jdbc.sql("update doctor set capacities = :v, version = version + 1, updated_at = now() where id = :id")
                .param("v", capacities)
                .param("id", doctorId)
                .update();
    }

    /**
     * The capacities the practice's doctors hold together, leaving one doctor out (null: none). Locks the
     * practice row first, so that two writes to one practice's doctors are checked one after the other.
     */
    PracticeCapacities.Held heldCapacities(long practiceId, Long exceptDoctor) {
        jdbc.sql("select id from practice where id = :p for update")
                .param("p", practiceId)
                .query(Long.class)
                .list();
        return jdbc.sql("""
                        select coalesce(sum(capacities), 0) as total, coalesce(max(capacities), 0) as most from doctor
                         where practice_id = :p and (:except::bigint is null or id <> :except)
                        """)
                .param("p", practiceId)
                .param("except", exceptDoctor)
                .query(PracticeCapacities.Held.class)
                .single();
    }

    /**
     * The capacities the doctor's facility roles take under R1 with extra capacity, as the agreement module
     * counts them ({@link RegistryCommitments}). The doctor row is locked so that an approval that reads the
     * capacities waits.
     */
    int capacitiesInUse(long doctorId) {
        jdbc.sql("select id from doctor where id = :d for update")
                .param("d", doctorId)
                .query(Long.class)
                .list();
        return commitments.capacitiesInUse(doctorId);
    }

    void setClinicType(long practiceId, ClinicType clinicType) {
        jdbc.sql("update practice set clinic_type = :v, version = version + 1, updated_at = now() where id = :id")
                .param("v", clinicType.name())
                .param("id", practiceId)
                .update();
    }

    void setNursingHomeDoctor(long doctorId, boolean nursingHomeDoctor) {
        jdbc.sql("""
                        update doctor set nursing_home_doctor = :v, version = version + 1, updated_at = now()
                         where id = :id
                        """).param("v", nursingHomeDoctor).param("id", doctorId).update();
    }

    PageResult<Doctor> searchDoctors(SqlConditions conditions, PageRequest page) {
        long total = conditions
                .bind(jdbc.sql("""
                        select count(*) from doctor d
                          join practice p on p.id = d.practice_id
                          join current_municipality_region pr on pr.municipality_code = p.municipality_code
                        """ + conditions.where()))
                .query(Long.class)
                .single();
        List<Doctor> rows = conditions
                .bind(jdbc.sql(SELECT_DOCTOR + conditions.where() + " order by " + page.orderBy(DOCTOR_SORT)
                        + " limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Doctor.class)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    Optional<Doctor> findDoctor(long id) {
        return jdbc.sql(SELECT_DOCTOR + " where d.id = :id")
                .param("id", id)
                .query(Doctor.class)
                .optional();
    }

    long insertDoctor(Doctor.DoctorData d) {
        return jdbc.sql("""
                        insert into doctor (practice_id, name, nursing_home_doctor, capacities)
                        values (:practiceId, :name, :nursingHomeDoctor, :capacities) returning id
                        """)
                .param("practiceId", d.practiceId())
                .param("name", d.name())
                .param("nursingHomeDoctor", d.nursingHomeDoctor())
                .param("capacities", d.capacities())
                .query(Long.class)
                .single();
    }

    boolean updateDoctor(long id, int version, Doctor.DoctorData d) {
        return jdbc.sql("""
                        update doctor set practice_id = :practiceId, name = :name,
                               nursing_home_doctor = :nursingHomeDoctor, capacities = :capacities,
                               version = version + 1, updated_at = now()
                         where id = :id and version = :version
                        """)
                        .param("practiceId", d.practiceId())
                        .param("name", d.name())
                        .param("nursingHomeDoctor", d.nursingHomeDoctor())
                        .param("capacities", d.capacities())
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec bindPractice(JdbcClient.StatementSpec spec, Practice.PracticeData d) {
        return spec.param("providerNumber", d.providerNumber())
                .param("name", d.name())
                .param("address", d.address())
                .param("municipalityCode", d.municipalityCode())
                .param("clinicType", d.clinicType().name())
                .param("doctorCapacity", d.doctorCapacity())
                .param("openForNewPatients", d.openForNewPatients())
                .param("vatRegistered", d.vatRegistered())
                .param("latitude", d.latitude() == null ? null : BigDecimal.valueOf(d.latitude()))
                .param("longitude", d.longitude() == null ? null : BigDecimal.valueOf(d.longitude()));
    }
}
