package dk.botilbudslaege.matching;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SPEC §6 M2: a doctor's wish list of facilities and a facility's priority list of doctors, each an
 * ordered list that its owner replaces as a whole until the round closes. A doctor keeps their own
 * list (or the region of their practice on their behalf); a facility's list is kept by its contact,
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
                .param("d", doctorId).query(Long.class).list();
    }

    @Transactional
    public List<Long> replaceWishes(CurrentUser user, long doctorId, List<Long> facilityIds) {
        requireDoctorList(user, doctorId);
        List<Long> wanted = checked(facilityIds, "facility");
        List<Long> before = jdbc.sql("select facility_id from doctor_wish where doctor_id = :d order by rank")
                .param("d", doctorId).query(Long.class).list();
        java.util.Set<Long> involved = new java.util.LinkedHashSet<>(before);
        involved.addAll(wanted);
        java.util.Set<Long> fixed = finalAmong(involved);
        // the final facilities keep their presence and their order among themselves
        if (!before.stream().filter(fixed::contains).toList().equals(wanted.stream().filter(fixed::contains).toList())) {
            throw new ConflictException("ROUND_CLOSED", "matching.round.closed");
        }
        return replace("doctor_wish", "doctor_id", "facility_id", doctorId, wanted);
    }

    @Transactional(readOnly = true)
    public List<Long> priorities(CurrentUser user, long facilityId) {
        requireFacilityList(user, facilityId);
        return jdbc.sql("select doctor_id from facility_priority where facility_id = :f order by rank")
                .param("f", facilityId).query(Long.class).list();
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
        Map<Long, long[]> latest = new java.util.HashMap<>();
        jdbc.sql("""
                        select o.facility_id, r.id, r.status = 'CLOSED' as closed
                          from matching_round r join matching_opening o on o.round_id = r.id
                         where o.facility_id in (:ids)
                           for share of r
                        """).param("ids", List.copyOf(facilityIds))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getBoolean(3) ? 1 : 0}).list()
                .forEach(row -> latest.merge(row[0], row, (x, y) -> x[1] > y[1] ? x : y));
        java.util.Set<Long> result = new HashSet<>();
        latest.forEach((facility, row) -> {
            if (row[2] == 1) {
                result.add(facility);
            }
        });
        return result;
    }

    /** Replaces an owner's ranked list in one batch: rank 1 is the first id. */
    private List<Long> replace(String table, String ownerColumn, String itemColumn, long ownerId, List<Long> ids) {
        jdbc.sql("delete from " + table + " where " + ownerColumn + " = :owner").param("owner", ownerId).update();
        jdbcTemplate.batchUpdate("insert into " + table + " (" + ownerColumn + ", " + itemColumn + ", rank) values (?, ?, ?)",
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
        if (list.contains(null) || new HashSet<>(list).size() != list.size()) {
            problems.add(FieldProblem.of("ids", "matching.list.repeated"));
        } else if (list.size() > MAX_LENGTH) {
            problems.add(FieldProblem.of("ids", "matching.list.tooLong", MAX_LENGTH));
        } else if (!list.isEmpty()) {
            long known = jdbc.sql("select count(*) from " + table + " where id in (:ids)").param("ids", list)
                    .query(Long.class).single();
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
        String region = jdbc.sql("""
                        select r.region_code from doctor d join practice p on p.id = d.practice_id
                          join current_municipality_region r on r.municipality_code = p.municipality_code
                         where d.id = :d
                        """).param("d", doctorId).query(String.class).optional()
                .orElseThrow(() -> NotFoundException.of("DOCTOR", doctorId));
        boolean allowed = (user.is(Role.DOCTOR) && user.doctorId() != null && user.doctorId() == doctorId)
                || (user.is(Role.REGION) && user.inRegion(region));
        if (!allowed) {
            throw new ForbiddenException("scope.matching.wishes");
        }
    }

    private void requireFacilityList(CurrentUser user, long facilityId) {
        Map<String, Object> facility = jdbc.sql("""
                        select f.municipality_code, f.operator, r.region_code from facility f
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where f.id = :f
                        """).param("f", facilityId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> NotFoundException.of("FACILITY", facilityId));
        boolean allowed = switch (user.role()) {
            case FACILITY -> user.facilityId() != null && user.facilityId() == facilityId;
            case MUNICIPALITY -> user.inMunicipality((String) facility.get("municipality_code"))
                    && !"REGIONAL".equals(facility.get("operator"));
            case REGION -> user.inRegion((String) facility.get("region_code"));
            case DOCTOR, NATIONAL, ADMIN -> false;
        };
        if (!allowed) {
            throw new ForbiddenException("scope.matching.priorities");
        }
    }
}
