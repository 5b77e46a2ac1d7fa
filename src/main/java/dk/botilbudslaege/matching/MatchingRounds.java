package dk.botilbudslaege.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A stable matching round (SPEC §6 M3) over the stored wish and priority lists of an area. The
 * openings are the area's facilities in scope today without an agreement in force; a doctor's
 * capacity follows R1, R2 and their dispensations less the roles they already hold, and a
 * practice's remaining capacity follows R3 (roles a dispensation allows beyond the first do not
 * count), as in the agreement rules.
 */
@Service
public class MatchingRounds {

    public enum Proposing { DOCTORS, FACILITIES }

    private final JdbcClient jdbc;

    MatchingRounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Matching stable(CurrentUser user, String regionCode, String municipalityCode, Proposing proposing) {
        Area area = area(user, regionCode, municipalityCode);
        if (proposing == null) {
            throw InvalidInputException.of(FieldProblem.of("proposing", "matching.proposing.required"));
        }
        MatchingInstance instance = instance(area);
        return proposing == Proposing.DOCTORS ? StableMatching.doctorProposing(instance)
                : StableMatching.facilityProposing(instance);
    }

    private record Area(String column, String code) {
    }

    private Area area(CurrentUser user, String regionCode, String municipalityCode) {
        if (municipalityCode != null && !municipalityCode.isBlank()) {
            String region = jdbc.sql("select region_code from current_municipality_region where municipality_code = :m")
                    .param("m", municipalityCode).query(String.class).optional()
                    .orElseThrow(() -> InvalidInputException.of(
                            FieldProblem.of("municipalityCode", "facility.municipalityCode.unknown", municipalityCode)));
            boolean allowed = user.is(Role.REGION) ? user.inRegion(region)
                    : user.is(Role.MUNICIPALITY) && user.inMunicipality(municipalityCode);
            if (!allowed) {
                throw new ForbiddenException("scope.matching.round");
            }
            return new Area("f.municipality_code", municipalityCode);
        }
        if (user.is(Role.MUNICIPALITY)) {
            return new Area("f.municipality_code", user.municipalityCode());
        }
        if (!user.is(Role.REGION) || (regionCode != null && !regionCode.isBlank() && !user.inRegion(regionCode))) {
            throw new ForbiddenException("scope.matching.round");
        }
        return new Area("r.region_code", user.regionCode());
    }

    private MatchingInstance instance(Area area) {
        Map<Long, List<Long>> priorities = new LinkedHashMap<>();
        jdbc.sql("""
                        select f.id, array(select p.doctor_id from facility_priority p where p.facility_id = f.id
                                            order by p.rank) as doctors
                          from facility f
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where\s""" + area.column() + """
                         = :code and legal_basis_in_scope(f.legal_basis, current_date)
                           and not exists (select 1 from agreement_coverage c where c.facility_id = f.id
                                            and c.period && daterange(current_date, null))
                         order by f.id
                        """)
                .param("code", area.code())
                .query((rs, i) -> Map.entry(rs.getLong(1), longs(rs.getArray(2))))
                .list().forEach(e -> priorities.put(e.getKey(), e.getValue()));
        Map<Long, List<Long>> wishes = new LinkedHashMap<>();
        if (!priorities.isEmpty()) {
            jdbc.sql("select doctor_id, facility_id from doctor_wish where facility_id in (:ids) order by doctor_id, rank")
                    .param("ids", List.copyOf(priorities.keySet()))
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .list().forEach(e -> wishes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        MatchingInstance.Builder builder = MatchingInstance.builder();
        Map<Long, Long> practiceOf = new HashMap<>();
        if (!wishes.isEmpty()) {
            jdbc.sql("""
                            select d.id, d.practice_id,
                                   greatest(0, case when d.nursing_home_doctor and not exists (
                                            select 1 from dispensation x where x.doctor_id = d.id
                                               and x.kind = 'NURSING_HOME_AND_FACILITY' and x.valid_from <= current_date
                                               and (x.valid_to is null or x.valid_to >= current_date)) then 0
                                        else coalesce((select max(x.max_facilities) from dispensation x
                                                        where x.doctor_id = d.id and x.kind = 'MULTIPLE_FACILITIES'
                                                          and x.valid_from <= current_date
                                                          and (x.valid_to is null or x.valid_to >= current_date)), 1)
                                             - (select count(*) from agreement a where a.doctor_id = d.id
                                                  and a.status in ('ACTIVE', 'NOTICE_GIVEN')
                                                  and (a.end_date is null or a.end_date >= current_date)) end)
                                       as capacity
                              from doctor d where d.id in (:ids)
                            """)
                    .param("ids", List.copyOf(wishes.keySet()))
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                    .list().forEach(row -> {
                        practiceOf.put(row[0], row[1]);
                        builder.doctorInPractice(row[0], (int) row[2], row[1], wishes.get(row[0]));
                    });
            for (var practice : practiceRoom(List.copyOf(new java.util.HashSet<>(practiceOf.values()))).entrySet()) {
                builder.practice(practice.getKey(), practice.getValue());
            }
        }
        priorities.forEach((facility, doctors) -> builder.facility(facility,
                doctors.stream().filter(wishes::containsKey).toList()));
        return builder.build();
    }

    /** R3: doctor capacities less the counted roles (nursing home and facilities; dispensed doctors count one). */
    private Map<Long, Integer> practiceRoom(List<Long> practiceIds) {
        Map<Long, Integer> room = new HashMap<>();
        jdbc.sql("""
                        select p.id, p.doctor_capacity - coalesce(sum(case when x.dispensed then least(x.roles, 1)
                                                                           else x.roles end), 0) as room
                          from practice p
                          left join lateral (
                               select (case when d.nursing_home_doctor then 1 else 0 end)
                                      + (select count(*) from agreement a where a.doctor_id = d.id
                                           and a.status in ('ACTIVE', 'NOTICE_GIVEN')
                                           and (a.end_date is null or a.end_date >= current_date)) as roles,
                                      exists (select 1 from dispensation y where y.doctor_id = d.id
                                                 and y.kind in ('MULTIPLE_FACILITIES', 'NURSING_HOME_AND_FACILITY')
                                                 and y.valid_from <= current_date
                                                 and (y.valid_to is null or y.valid_to >= current_date)) as dispensed
                                 from doctor d where d.practice_id = p.id) x on true
                         where p.id in (:ids) group by p.id, p.doctor_capacity
                        """)
                .param("ids", practiceIds)
                .query((rs, i) -> Map.entry(rs.getLong(1), Math.max(0, rs.getInt(2))))
                .list().forEach(e -> room.put(e.getKey(), e.getValue()));
        return room;
    }

    private static List<Long> longs(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : java.util.Arrays.stream((Object[]) array.getArray())
                .map(o -> ((Number) o).longValue()).toList();
    }
}
