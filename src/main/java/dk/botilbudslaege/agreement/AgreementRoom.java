package dk.botilbudslaege.agreement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The room the agreement rules leave doctors and their practices on a date (SPEC §3 R1-R3): what the
 * agreement module checks when it validates an agreement, and what matching asks before it proposes one.
 * One set-based query for any number of practices; the counting is {@link AgreementRules}'.
 */
@Service
public class AgreementRoom {

    /**
     * A doctor's roles and dispensations from a date on: the approved agreements running then or to come.
     *
     * @param facilityRoles       approved facility roles overlapping the date onwards (R1)
     * @param sectionFacilities   the facility of each of those roles that is a section (R1 with extra capacity)
     * @param maxFacilities       a MULTIPLE_FACILITIES dispensation's maximum valid on the date, or null (R1)
     * @param nursingHomeDispensation a NURSING_HOME_AND_FACILITY dispensation valid on the date (R2)
     */
    public record DoctorRoom(
            long doctorId,
            long practiceId,
            boolean nursingHomeDoctor,
            int capacities,
            int facilityRoles,
            List<Long> sectionFacilities,
            Integer maxFacilities,
            boolean nursingHomeDispensation) {

        public DoctorRoom {
            sectionFacilities = List.copyOf(sectionFacilities);
        }

        /** R2 holds the doctor back from any facility role. */
        public boolean heldBackByR2() {
            return !AgreementRules.nursingHomeAllowed(nursingHomeDoctor, nursingHomeDispensation);
        }

        /** A dispensation lets the doctor hold a role beyond the first without the practice's room (R3). */
        public boolean dispensed() {
            return maxFacilities != null || nursingHomeDispensation;
        }

        /** How many facility roles R1 allows the doctor. */
        public int allowedRoles() {
            return maxFacilities == null ? 1 : maxFacilities;
        }

        /** The roles R1 counts: sections of one facility held on extra capacities count as one. */
        public int countedFacilityRoles() {
            return facilityRoles - AgreementRules.capacityRelief(sectionFacilities, null, capacities);
        }

        /** How many more whole facilities the doctor may take under R1 and R2, before the practice's room. */
        public int room() {
            return heldBackByR2() ? 0 : Math.max(0, allowedRoles() - countedFacilityRoles());
        }

        /** The doctor's load on the practice's capacities (R3). */
        public AgreementRules.DoctorLoad load() {
            return new AgreementRules.DoctorLoad(
                    nursingHomeDoctor,
                    facilityRoles,
                    dispensed(),
                    AgreementRules.capacityRelief(sectionFacilities, null, capacities));
        }

        /** The roles the doctor counts against the practice's capacities (R3). */
        public int countedRoles() {
            return load().countedRoles();
        }

        /** The fewest capacities the doctor must keep for its roles (R1 with extra capacity, seed 004 § 65). */
        public int capacitiesInUse() {
            return AgreementRules.capacitiesInUse(facilityRoles, sectionFacilities, maxFacilities);
        }
    }

    /** A practice's doctor capacities and the roles that count against them (R3). */
    public record PracticeRoom(long practiceId, int capacity, int countedRoles) {

        public int room() {
            return Math.max(0, capacity - countedRoles);
        }
    }

    public record Rooms(Map<Long, DoctorRoom> doctors, Map<Long, PracticeRoom> practices) {}

    private final JdbcClient jdbc;

    AgreementRoom(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The room of every doctor of these practices, and of the practices, from {@code day} on. */
    public Rooms of(Collection<Long> practiceIds, LocalDate day) {
        Map<Long, DoctorRoom> doctors = new LinkedHashMap<>();
        Map<Long, Integer> capacity = new LinkedHashMap<>();
        Map<Long, Integer> counted = new LinkedHashMap<>();
        if (practiceIds.isEmpty()) {
            return new Rooms(doctors, Map.of());
        }
        record Row(DoctorRoom doctor, int practiceCapacity) {}
        List<Row> rows = jdbc.sql(SQL + " where d.practice_id = any (:p) order by d.practice_id, d.id")
                .param("p", practiceIds.toArray(Long[]::new))
                .param("start", day)
                .param("except", (Long) null)
                .query((rs, i) -> new Row(doctor(rs, i), rs.getInt("doctor_capacity")))
                .list();
        for (Row r : rows) {
            doctors.put(r.doctor().doctorId(), r.doctor());
            capacity.putIfAbsent(r.doctor().practiceId(), r.practiceCapacity());
            counted.merge(r.doctor().practiceId(), r.doctor().load().countedRoles(), Integer::sum);
        }
        Map<Long, PracticeRoom> practices = new LinkedHashMap<>();
        capacity.forEach((id, c) -> practices.put(id, new PracticeRoom(id, c, counted.get(id))));
        return new Rooms(doctors, practices);
    }

    /** One doctor's room from {@code day} on (none for an unknown doctor). */
    public java.util.Optional<DoctorRoom> ofDoctor(long doctorId, LocalDate day) {
        return jdbc.sql(SQL + " where d.id = :d")
                .param("d", doctorId)
                .param("start", day)
                .param("except", (Long) null)
                .query(AgreementRoom::doctor)
                .optional();
    }

    /** Every doctor of a practice from {@code start} on, leaving one agreement out (one being changed). */
    List<DoctorRoom> practiceDoctors(long practiceId, LocalDate start, Long exceptAgreement) {
        return jdbc.sql(SQL + " where d.practice_id = :p order by d.id")
                .param("p", practiceId)
                .param("start", start)
                .param("except", exceptAgreement)
                .query(AgreementRoom::doctor)
                .list();
    }

    private static DoctorRoom doctor(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new DoctorRoom(
                rs.getLong("id"),
                rs.getLong("practice_id"),
                rs.getBoolean("nursing_home_doctor"),
                rs.getInt("capacities"),
                rs.getInt("roles"),
                AgreementRepository.longs(rs.getArray("section_facilities")),
                (Integer) rs.getObject("max_facilities"),
                rs.getBoolean("nursing_home_dispensation"));
    }

    /** Approved roles overlapping [start, ∞) and dispensations valid on start, per doctor. */
    private static final String SQL = """
            select d.id, d.practice_id, d.nursing_home_doctor, d.capacities, p.doctor_capacity,
                   coalesce(a.roles, 0) as roles, coalesce(a.section_facilities, '{}') as section_facilities,
                   x.max_facilities, coalesce(x.nursing_home_dispensation, false) as nursing_home_dispensation
              from registry_doctor d join registry_practice p on p.id = d.practice_id
              left join (select doctor_id, count(*) as roles,
                                array_agg(facility_id order by facility_id) filter (where unit_kind = 'SECTION')
                                    as section_facilities
                           from agreement
                          where status in ('ACTIVE', 'NOTICE_GIVEN')
                            and (end_date is null or end_date >= :start)
                            and (cast(:except as bigint) is null or id <> :except)
                          group by doctor_id) a on a.doctor_id = d.id
              left join (select doctor_id,
                                max(max_facilities) filter (where kind = 'MULTIPLE_FACILITIES') as max_facilities,
                                bool_or(kind = 'NURSING_HOME_AND_FACILITY') as nursing_home_dispensation
                           from dispensation
                          where valid_from <= :start and (valid_to is null or valid_to >= :start)
                          group by doctor_id) x on x.doctor_id = d.id
            """;
}
