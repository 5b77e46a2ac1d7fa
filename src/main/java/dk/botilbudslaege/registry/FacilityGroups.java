package dk.botilbudslaege.registry;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups of facilities that should share one doctor (SPEC R7): at the same address or under common
 * management. The system proposes groups of facilities registered at the same address, shows a
 * group's total residents, and lets the municipality or region form a group.
 */
@Service
public class FacilityGroups {

    static final String ENTITY = "FACILITY_GROUP";

    private final JdbcClient jdbc;
    private final Facilities facilities;
    private final ApplicationEventPublisher events;

    FacilityGroups(JdbcClient jdbc, Facilities facilities, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.facilities = facilities;
        this.events = events;
    }

    /** Facilities at the same address, in the caller's scope, not yet in a group: a proposed group. */
    public record Proposal(
            String address, String municipalityCode, List<Long> facilityIds, List<String> names, int residents) {}

    /** A group with its members and their residents summed. */
    public record GroupView(
            long id,
            String name,
            GroupKind kind,
            String municipalityCode,
            List<Long> facilityIds,
            List<String> names,
            int residents) {}

    @Transactional(readOnly = true)
    public List<Proposal> proposals(CurrentUser user) {
        var scope = RegistryAccess.facilityFilter(user);
        return jdbc.sql("""
                        select lower(regexp_replace(btrim(f.address), '\\s+', ' ', 'g')) as address_key,
                               min(f.address) as address, f.municipality_code,
                               array_agg(f.id order by f.name) as ids, array_agg(f.name order by f.name) as names,
                               sum(f.residents) as residents
                          from facility f
                          join current_municipality_region fr on fr.municipality_code = f.municipality_code
                         where f.group_id is null and\s""" + scope.sql() + """

                         group by address_key, f.municipality_code
                        having count(*) > 1
                         order by min(f.address)
                         limit 200
                        """)
                .param(scope.param(), scope.value())
                .query((rs, i) -> new Proposal(
                        rs.getString("address"),
                        rs.getString("municipality_code"),
                        Arrays.stream((Long[]) rs.getArray("ids").getArray()).toList(),
                        Arrays.asList((String[]) rs.getArray("names").getArray()),
                        rs.getInt("residents")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<GroupView> groups(CurrentUser user) {
        var scope = RegistryAccess.facilityFilter(user);
        return jdbc.sql("""
                        select g.id, g.name, g.kind, g.municipality_code,
                               array_agg(f.id order by f.name) as ids, array_agg(f.name order by f.name) as names,
                               sum(f.residents) as residents
                          from facility_group g
                          join facility f on f.group_id = g.id
                          join current_municipality_region fr on fr.municipality_code = f.municipality_code
                         where\s""" + scope.sql() + """

                         group by g.id order by g.name
                        """)
                .param(scope.param(), scope.value())
                .query((rs, i) -> new GroupView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        GroupKind.valueOf(rs.getString("kind")),
                        rs.getString("municipality_code"),
                        Arrays.stream((Long[]) rs.getArray("ids").getArray()).toList(),
                        Arrays.asList((String[]) rs.getArray("names").getArray()),
                        rs.getInt("residents")))
                .list();
    }

    static final int MAX_NAME = 200;
    /** More facilities than any one municipality has at one address or under one management. */
    static final int MAX_MEMBERS = 200;

    /** Forms a group of facilities of one municipality that the caller may change. */
    @Transactional
    public GroupView create(CurrentUser user, String name, GroupKind kind, List<Long> facilityIds) {
        List<FieldProblem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of("name", "group.name.required"));
        } else if (trimmed.length() > MAX_NAME) {
            problems.add(FieldProblem.of("name", "validation.size.max.n", MAX_NAME));
        }
        if (kind == null) {
            problems.add(FieldProblem.of("kind", "group.kind.required"));
        }
        List<Long> ids = facilityIds == null
                ? List.of()
                : facilityIds.stream().distinct().toList();
        if (ids.size() < 2) {
            problems.add(FieldProblem.of("facilityIds", "group.facilityIds.atLeastTwo"));
        } else if (ids.size() > MAX_MEMBERS) {
            problems.add(FieldProblem.of("facilityIds", "validation.count.max", MAX_MEMBERS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        List<Facility> members =
                ids.stream().map(id -> facilities.get(user, id)).toList();
        for (Facility member : members) {
            if (!facilities.canEdit(user, member)) {
                throw new ForbiddenException(RegistryAccess.facilityWriteRefusal(user));
            }
            if (member.groupId() != null) {
                throw InvalidInputException.of(
                        FieldProblem.of("facilityIds", "group.facilityIds.alreadyGrouped", member.name()));
            }
        }
        if (members.stream().map(Facility::municipalityCode).distinct().count() > 1) {
            throw InvalidInputException.of(FieldProblem.of("facilityIds", "group.facilityIds.oneMunicipality"));
        }
        long id = jdbc.sql("""
                        insert into facility_group (name, kind, municipality_code) values (:n, :k, :m) returning id
                        """)
                .param("n", trimmed)
                .param("k", kind.name())
                .param("m", members.get(0).municipalityCode())
                .query(Long.class)
                .single();
        jdbc.sql("update facility set group_id = :g, version = version + 1, updated_at = now() where id in (:ids)")
                .param("g", id)
                .param("ids", ids)
                .update();
        events.publishEvent(new RegistryEvents.GroupCreated(
                id,
                Map.of(
                        "name",
                        new AuditTrail.Change(null, trimmed),
                        "kind",
                        new AuditTrail.Change(null, kind.name()),
                        "members",
                        new AuditTrail.Change(
                                null,
                                String.join(
                                        ", ",
                                        members.stream().map(Facility::name).toList()))),
                CurrentUsers.actor()));
        for (Facility member : members) {
            events.publishEvent(new RegistryEvents.FacilityChanged(
                    member.id(), Map.of("groupId", new AuditTrail.Change(null, id)), CurrentUsers.actor()));
        }
        return groups(user).stream().filter(g -> g.id() == id).findFirst().orElseThrow();
    }
}
