package dk.botilbudslaege.matching;

import dk.botilbudslaege.matching.solver.Haversine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The doctors of an area and the room the agreement's rules leave them today, as the agreement rules
 * count it: R1 one facility role, or a dispensation's maximum, less the facility roles held; R2 none for a
 * nursing-home doctor without a dispensation for both; R3 the practice's capacities less its counted roles
 * (nursing homes and facilities; a doctor with a dispensation counts once).
 */
@Component
class AreaDoctors {

    /** Why a doctor has less room than one facility, or what gave it more: message codes. */
    enum Limit { R1, R2, R3, DISPENSATION }

    record DoctorRoom(long id, String name, long practiceId, int capacity, boolean dispensed, int heldRoles,
            Limit limit) {

        /** R3 counts a dispensed doctor once: one who holds a role already takes more without the practice's room. */
        boolean alreadyCounted() {
            return dispensed && heldRoles > 0;
        }
    }

    /**
     * A practice with its room left (R3) and where it lies; {@code reachKm} is how far its doctors may be
     * from an opening: null for a practice of the area (the plan's distance decides), the round's reach for
     * a practice elsewhere in the region or in a neighbouring region (issue 11 item 13).
     */
    record PracticeRoom(long id, String name, int room, Double latitude, Double longitude, Double reachKm) {

        /** Whether a doctor of this practice may take an opening at this place. */
        boolean reaches(Double lat, Double lon) {
            if (reachKm == null) {
                return true;
            }
            return latitude != null && lat != null && Haversine.km(latitude, longitude, lat, lon) <= reachKm;
        }
    }

    record Rooms(Map<Long, DoctorRoom> doctors, Map<Long, PracticeRoom> practices) {

        /** The practice of a doctor. */
        PracticeRoom practiceOf(long doctorId) {
            return practices.get(doctors.get(doctorId).practiceId());
        }

        /** The room a doctor has for matching: its capacity, none when its practice has no room left. */
        int matchingCapacity(long doctorId) {
            DoctorRoom d = doctors.get(doctorId);
            return practices.get(d.practiceId()).room() == 0 && !d.alreadyCounted() ? 0 : d.capacity();
        }

        /** The rule that limits a doctor, R3 when only the practice's room stops it. */
        Limit limitOf(long doctorId) {
            DoctorRoom d = doctors.get(doctorId);
            if (d.capacity() > 0 && matchingCapacity(doctorId) == 0) {
                return Limit.R3;
            }
            return d.limit();
        }
    }

    private final JdbcClient jdbc;

    AreaDoctors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The doctors of the area's practices (every practice of its region, and of the neighbouring regions
     * when the area includes them) with their room today; with {@code whatIfPerDoctor} above 0,
     * as if every doctor not held back by R2 had a dispensation for that many facilities.
     */
    Rooms rooms(Area area, int whatIfPerDoctor) {
        record Row(long id, String name, long practiceId, String practiceName, int practiceCapacity, Double lat,
                Double lon, boolean nursingHome, boolean bothDispensed, Integer maxFacilities, int facilityRoles,
                boolean ownRegion, String municipalityCode) {
        }
        List<Row> rows = jdbc.sql("""
                        select d.id, d.name, p.id as practice_id, p.name as practice_name, p.doctor_capacity,
                               p.latitude, p.longitude, d.nursing_home_doctor,
                               coalesce(x.both_dispensed, false) as both_dispensed, x.max_facilities,
                               coalesce(a.roles, 0) as facility_roles,
                               exists (select 1 from current_municipality_region cr
                                        where cr.municipality_code = p.municipality_code
                                          and cr.region_code = :areaRegion) as own_region, p.municipality_code
                          from doctor d join practice p on p.id = d.practice_id
                          left join (select doctor_id, count(*) as roles from agreement
                                      where status in ('ACTIVE', 'NOTICE_GIVEN')
                                        and (end_date is null or end_date >= current_date)
                                      group by doctor_id) a on a.doctor_id = d.id
                          left join (select doctor_id,
                                            bool_or(kind = 'NURSING_HOME_AND_FACILITY') as both_dispensed,
                                            max(max_facilities) filter (where kind = 'MULTIPLE_FACILITIES')
                                                as max_facilities
                                       from dispensation
                                      where valid_from <= current_date and (valid_to is null or valid_to >= current_date)
                                      group by doctor_id) x on x.doctor_id = d.id
                         where\s""" + area.doctorCondition("p.municipality_code") + """
                         order by p.id, d.id
                        """)
                .param("areaRegion", area.regionCode())
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                        SolverFacade.decimal(rs, 6), SolverFacade.decimal(rs, 7), rs.getBoolean(8),
                        rs.getBoolean(9), (Integer) rs.getObject(10, Integer.class), rs.getInt(11),
                        rs.getBoolean(12), rs.getString(13)))
                .list();
        Map<Long, DoctorRoom> doctors = new LinkedHashMap<>();
        Map<Long, Integer> counted = new LinkedHashMap<>();
        Map<Long, Row> practiceRows = new LinkedHashMap<>();
        for (Row r : rows) {
            boolean r2Blocked = r.nursingHome() && !r.bothDispensed();
            boolean dispensed = r.maxFacilities() != null || r.bothDispensed();
            int held = r.facilityRoles() + (r.nursingHome() ? 1 : 0);
            counted.merge(r.practiceId(), dispensed ? Math.min(held, 1) : held, Integer::sum);
            practiceRows.putIfAbsent(r.practiceId(), r);
            int allowed = r.maxFacilities() == null ? 1 : r.maxFacilities();
            Limit limit = r2Blocked ? Limit.R2 : r.facilityRoles() >= allowed ? Limit.R1
                    : r.maxFacilities() != null ? Limit.DISPENSATION : null;
            if (whatIfPerDoctor > 0 && !r2Blocked) {
                allowed = Math.max(allowed, whatIfPerDoctor);
                dispensed = true;
                limit = r.facilityRoles() >= allowed ? Limit.R1 : Limit.DISPENSATION;
            }
            int capacity = r2Blocked ? 0 : Math.max(0, allowed - r.facilityRoles());
            doctors.put(r.id(), new DoctorRoom(r.id(), r.name(), r.practiceId(), capacity, dispensed, held, limit));
        }
        Map<Long, PracticeRoom> practices = new LinkedHashMap<>();
        practiceRows.forEach((id, r) -> {
            Double reach = area.reachOf(r.ownRegion(), r.municipalityCode());
            boolean outside = !r.ownRegion()
                    || (!area.regional() && !area.municipalityCode().equals(r.municipalityCode()));
            if (outside && (r.lat() == null || r.lon() == null)) {
                // a practice outside the area with no coordinates is within no reach: it takes no part,
                // and is not reported as the area's own doctors without coordinates are
                doctors.values().removeIf(d -> d.practiceId() == id);
                return;
            }
            practices.put(id, new PracticeRoom(id, r.practiceName(),
                    Math.max(0, r.practiceCapacity() - counted.get(id)), r.lat(), r.lon(), reach));
        });
        return new Rooms(doctors, practices);
    }
}
