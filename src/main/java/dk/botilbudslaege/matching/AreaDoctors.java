package dk.botilbudslaege.matching;

import dk.botilbudslaege.agreement.AgreementRoom;
import dk.botilbudslaege.matching.solver.Haversine;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The doctors of an area and the room the agreement's rules leave them today, as the agreement module
 * counts it ({@link AgreementRoom}): R1 one facility role, or a dispensation's maximum, less the facility roles held; R2 none for a
 * nursing-home doctor without a dispensation for both; R3 the practice's capacities less its counted roles
 * (nursing homes and facilities; a doctor with a dispensation counts once).
 */
@Component
class AreaDoctors {

    /** Why a doctor has less room than one facility, or what gave it more: message codes. */
    enum Limit {
        R1,
        R2,
        R3,
        DISPENSATION
    }

    record DoctorRoom(
            long id, String name, long practiceId, int capacity, boolean dispensed, int heldRoles, Limit limit) {

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
    private final AgreementRoom room;

    AreaDoctors(JdbcClient jdbc, AgreementRoom room) {
        this.jdbc = jdbc;
        this.room = room;
    }

    /**
     * The doctors of the area's practices (every practice of its region, and of the neighbouring regions
     * when the area includes them) with their room today, as the agreement module counts it
     * ({@link AgreementRoom}); with {@code whatIfPerDoctor} above 0, as if every doctor not held back by R2
     * had a dispensation for that many facilities.
     */
    Rooms rooms(Area area, int whatIfPerDoctor) {
        record Row(
                long id,
                String name,
                long practiceId,
                String practiceName,
                Double lat,
                Double lon,
                boolean ownRegion,
                String municipalityCode) {}
        List<Row> rows = jdbc.sql("""
                        select d.id, d.name, p.id as practice_id, p.name as practice_name,
                               p.latitude as lat, p.longitude as lon,
                               exists (select 1 from current_municipality_region cr
                                        where cr.municipality_code = p.municipality_code
                                          and cr.region_code = :areaRegion) as own_region, p.municipality_code
                          from registry_doctor d join registry_practice p on p.id = d.practice_id
                         where\s""" + area.doctorCondition("p.municipality_code") + """
                         order by p.id, d.id
                        """)
                .param("areaRegion", area.regionCode())
                .query(Row.class)
                .list();
        AgreementRoom.Rooms today =
                room.of(rows.stream().map(Row::practiceId).distinct().toList(), LocalDate.now());
        Map<Long, DoctorRoom> doctors = new LinkedHashMap<>();
        Map<Long, Row> practiceRows = new LinkedHashMap<>();
        for (Row r : rows) {
            AgreementRoom.DoctorRoom d = today.doctors().get(r.id());
            practiceRows.putIfAbsent(r.practiceId(), r);
            boolean r2Blocked = d.heldBackByR2();
            boolean dispensed = d.dispensed();
            int held = d.facilityRoles() + (d.nursingHomeDoctor() ? 1 : 0);
            int roles = d.countedFacilityRoles();
            int allowed = d.allowedRoles();
            Limit limit = r2Blocked
                    ? Limit.R2
                    : roles >= allowed ? Limit.R1 : d.maxFacilities() != null ? Limit.DISPENSATION : null;
            if (whatIfPerDoctor > 0 && !r2Blocked) {
                allowed = Math.max(allowed, whatIfPerDoctor);
                dispensed = true;
                limit = roles >= allowed ? Limit.R1 : Limit.DISPENSATION;
            }
            int capacity = r2Blocked ? 0 : Math.max(0, allowed - roles);
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
            practices.put(
                    id,
                    new PracticeRoom(
                            id, r.practiceName(), today.practices().get(id).room(), r.lat(), r.lon(), reach));
        });
        return new Rooms(doctors, practices);
    }
}
