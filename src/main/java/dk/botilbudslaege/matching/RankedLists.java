package dk.botilbudslaege.matching;

import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SPEC §6 M2: a doctor's wish list of facilities and a facility's priority list of doctors, each an
 * ordered list that its owner replaces as a whole until the round closes. A doctor keeps their own
 * list, or on their behalf the region of their practice or (issue 11 item 14, through its practice
 * consultant) the municipality their practice lies in; each entry records who entered it and when, and
 * keeps that while it is only moved. A facility's list is kept by its contact,
 * its municipality (municipal and private facilities) or its region. When the latest round that published a
 * facility has closed, the lists are final for that facility until a new round publishes it again.
 */
@Service
public class RankedLists {

    static final int MAX_LENGTH = 50;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    RankedLists(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    @Transactional(readOnly = true)
    public List<Long> wishes(CurrentUser user, long doctorId) {
        requireDoctorList(user, doctorId);
        return jdbc.sql("select facility_id from doctor_wish where doctor_id = :d order by rank")
                .param("d", doctorId)
                .query(Long.class)
                .list();
    }

    @Transactional
    public List<Long> replaceWishes(CurrentUser user, long doctorId, List<Long> facilityIds) {
        requireDoctorList(user, doctorId);
        List<Long> wanted = checked(facilityIds, "facility");
        List<Long> before = jdbc.sql("select facility_id from doctor_wish where doctor_id = :d order by rank")
                .param("d", doctorId)
                .query(Long.class)
                .list();
        java.util.Set<Long> involved = new java.util.LinkedHashSet<>(before);
        involved.addAll(wanted);
        java.util.Set<Long> fixed = finalAmong(involved);
        // the final facilities keep their presence and their order among themselves
        if (!before.stream()
                .filter(fixed::contains)
                .toList()
                .equals(wanted.stream().filter(fixed::contains).toList())) {
            throw new ConflictException("ROUND_CLOSED", "matching.round.closed");
        }
        return replaceWishes(user, doctorId, wanted, before);
    }

    /**
     * Replaces a doctor's wish list: the entries that stay keep who entered them and when; the new ones are
     * the user's, now.
     */
    private List<Long> replaceWishes(CurrentUser user, long doctorId, List<Long> wanted, List<Long> before) {
        record Entered(long facilityId, String enteredBy, java.sql.Timestamp enteredAt) {}
        Map<Long, Entered> entered = new java.util.HashMap<>();
        jdbc.sql("select facility_id, entered_by, entered_at from doctor_wish where doctor_id = :d")
                .param("d", doctorId)
                .query(Entered.class)
                .list()
                .forEach(row -> entered.put(row.facilityId(), row));
        java.sql.Timestamp now =
                jdbc.sql("select now()").query(java.sql.Timestamp.class).single();
        jdbc.sql("delete from doctor_wish where doctor_id = :d")
                .param("d", doctorId)
                .update();
        jdbcTemplate.batchUpdate(
                "insert into doctor_wish (doctor_id, facility_id, rank, entered_by, entered_at) values (?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        long facility = wanted.get(i);
                        Entered old = before.contains(facility) ? entered.get(facility) : null;
                        ps.setLong(1, doctorId);
                        ps.setLong(2, facility);
                        ps.setInt(3, i + 1);
                        ps.setString(4, old == null ? user.username() : old.enteredBy());
                        ps.setTimestamp(5, old == null ? now : old.enteredAt());
                    }

                    @Override
                    public int getBatchSize() {
                        return wanted.size();
                    }
                });
        return wanted;
    }

    /** A doctor's wish list with who entered each entry and when (issue 11 item 14). */
    public record Wish(
            long facilityId,
            String facilityName,
            String municipalityName,
            String enteredBy,
            java.time.Instant enteredAt) {}

    @Transactional(readOnly = true)
    public List<Wish> wishEntries(CurrentUser user, long doctorId) {
        requireDoctorList(user, doctorId);
        return jdbc.sql("""
                        select f.id as facility_id, f.name as facility_name, m.name as municipality_name,
                               coalesce(u.display_name, w.entered_by) as entered_by, w.entered_at
                          from doctor_wish w join registry_facility f on f.id = w.facility_id
                          join registry_municipality m on m.code = f.municipality_code
                          left join security_user u on u.username = w.entered_by
                         where w.doctor_id = :d order by w.rank
                        """).param("d", doctorId).query(Wish.class).list();
    }

    /**
     * The doctors whose wish list a municipality keeps on their behalf (issue 11 item 14): those whose
     * practice lies in the municipality. Empty for any other role.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> keptFor(CurrentUser user) {
        if (!user.is(Role.MUNICIPALITY) || user.municipalityCode() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select d.id, d.name, p.name as practice,
                               (select count(*) from doctor_wish w where w.doctor_id = d.id) as wishes
                          from registry_doctor d join registry_practice p on p.id = d.practice_id
                         where p.municipality_code = :m order by d.name, d.id
                        """).param("m", user.municipalityCode()).query().listOfRows();
    }

    @Transactional(readOnly = true)
    public List<Long> priorities(CurrentUser user, long facilityId) {
        requireFacilityList(user, facilityId);
        return jdbc.sql("select doctor_id from facility_priority where facility_id = :f order by rank")
                .param("f", facilityId)
                .query(Long.class)
                .list();
    }

    @Transactional
    public List<Long> replacePriorities(CurrentUser user, long facilityId, List<Long> doctorIds) {
        requireFacilityList(user, facilityId);
        if (listsFinal(facilityId)) {
            throw new ConflictException("ROUND_CLOSED", "matching.round.closed");
        }
        return replace("facility_priority", "facility_id", "doctor_id", facilityId, checked(doctorIds, "doctor"));
    }

    /** Whether the latest round that published a facility has closed: its lists are then final (M2). */
    boolean listsFinal(long facilityId) {
        return finalAmong(List.of(facilityId)).contains(facilityId);
    }

    /**
     * The facilities among these whose latest round has closed. The rounds are share-locked, so a list
     * change and a round closing never overlap: the one waits for the other, and a round's outcome is
     * always computed from the lists it then makes final.
     */
    private java.util.Set<Long> finalAmong(java.util.Collection<Long> facilityIds) {
        if (facilityIds.isEmpty()) {
            return java.util.Set.of();
        }
        record Opened(long facilityId, long roundId, boolean closed) {}
        Map<Long, Opened> latest = new java.util.HashMap<>();
        jdbc.sql("""
                        select o.facility_id, r.id as round_id, r.status = 'CLOSED' as closed
                          from matching_round r join matching_opening o on o.round_id = r.id
                         where o.facility_id in (:ids)
                           for share of r
                        """)
                .param("ids", List.copyOf(facilityIds))
                .query(Opened.class)
                .list()
                .forEach(row -> latest.merge(row.facilityId(), row, (x, y) -> x.roundId() > y.roundId() ? x : y));
        java.util.Set<Long> result = new HashSet<>();
        latest.forEach((facility, row) -> {
            if (row.closed()) {
                result.add(facility);
            }
        });
        return result;
    }

    /** Replaces an owner's ranked list in one batch: rank 1 is the first id. */
    private List<Long> replace(String table, String ownerColumn, String itemColumn, long ownerId, List<Long> ids) {
        jdbc.sql("delete from " + table + " where " + ownerColumn + " = :owner")
                .param("owner", ownerId)
                .update();
        jdbcTemplate.batchUpdate(
                "insert into " + table + " (" + ownerColumn + ", " + itemColumn + ", rank) values (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setLong(1, ownerId);
                        ps.setLong(2, ids.get(i));
                        ps.setInt(3, i + 1);
                    }

                    @Override
                    public int getBatchSize() {
                        return ids.size();
                    }
                });
        return ids;
    }

    /** No nulls, no repeats, at most {@link #MAX_LENGTH}, every id known. */
    private List<Long> checked(List<Long> ids, String table) {
        List<Long> list = ids == null ? List.of() : ids;
        List<FieldProblem> problems = new ArrayList<>();
        if (list.stream().anyMatch(java.util.Objects::isNull) || new HashSet<>(list).size() != list.size()) {
            problems.add(FieldProblem.of("ids", "matching.list.repeated"));
        } else if (list.size() > MAX_LENGTH) {
            problems.add(FieldProblem.of("ids", "matching.list.tooLong", MAX_LENGTH));
        } else if (!list.isEmpty()) {
            long known = jdbc.sql("select count(*) from " + table + " where id in (:ids)")
                    .param("ids", list)
                    .query(Long.class)
                    .single();
            if (known != list.size()) {
                problems.add(FieldProblem.of("ids", "matching.list.unknown"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        return List.copyOf(list);
    }

    private void requireDoctorList(CurrentUser user, long doctorId) {
        record Place(String regionCode, String municipalityCode) {}
        Place place = jdbc.sql("""
                        select r.region_code, p.municipality_code from registry_doctor d join registry_practice p on p.id = d.practice_id
                          join current_municipality_region r on r.municipality_code = p.municipality_code
                         where d.id = :d
                        """)
                .param("d", doctorId)
                .query(Place.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("DOCTOR", doctorId));
        // the region of the doctor's practice, or the municipality it lies in (its practice consultant)
        boolean allowed = (user.is(Role.DOCTOR) && user.doctorId() != null && user.doctorId() == doctorId)
                || (user.is(Role.REGION) && user.inRegion(place.regionCode()))
                || (user.is(Role.MUNICIPALITY) && user.inMunicipality(place.municipalityCode()));
        if (!allowed) {
            throw new ForbiddenException("scope.matching.wishes");
        }
    }

    private void requireFacilityList(CurrentUser user, long facilityId) {
        Map<String, Object> facility = jdbc.sql("""
                        select f.municipality_code, f.operator, r.region_code from registry_facility f
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where f.id = :f
                        """).param("f", facilityId).query().listOfRows().stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("FACILITY", facilityId));
        boolean allowed = switch (user.role()) {
            case FACILITY -> user.facilityId() != null && user.facilityId() == facilityId;
            case MUNICIPALITY ->
                user.inMunicipality((String) facility.get("municipality_code"))
                        && !"REGIONAL".equals(facility.get("operator"));
            case REGION -> user.inRegion((String) facility.get("region_code"));
            case DOCTOR, NATIONAL, ADMIN -> false;
        };
        // a facility the caller cannot see at all (another facility's contact, another region) is not found:
        // a refusal would tell which ids exist
        boolean hidden = user.is(Role.FACILITY)
                || (user.regionCode() != null && !user.inRegion((String) facility.get("region_code")));
        if (!allowed && hidden) {
            throw NotFoundException.of("FACILITY", facilityId);
        }
        if (!allowed) {
            throw new ForbiddenException("scope.matching.priorities");
        }
    }

    /** The doctor's name, for the wish list's heading. */
    String doctorName(long doctorId) {
        return jdbc.sql("select name from registry_doctor where id = :d")
                .param("d", doctorId)
                .query(String.class)
                .single();
    }

    /** The facility's name, for the priority list's heading. */
    String facilityName(long facilityId) {
        return jdbc.sql("select name from registry_facility where id = :f")
                .param("f", facilityId)
                .query(String.class)
                .single();
    }

    /** The openings of the open rounds a user keeps priority lists for. */
    List<Map<String, Object>> facilityChoices(CurrentUser user) {
        if (!(user.is(Role.MUNICIPALITY) || user.is(Role.REGION))) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct f.id, f.name from matching_round r join matching_opening o on o.round_id = r.id
                          join registry_facility f on f.id = o.facility_id
                         where r.status = 'OPEN' and r.region_code = :region
                           and (:municipality = '' or (f.municipality_code = :municipality and f.operator <> 'REGIONAL'))
                         order by f.name
                        """)
                .param("region", user.regionCode() == null ? "" : user.regionCode())
                .param("municipality", user.is(Role.MUNICIPALITY) ? user.municipalityCode() : "")
                .query()
                .listOfRows();
    }
}
