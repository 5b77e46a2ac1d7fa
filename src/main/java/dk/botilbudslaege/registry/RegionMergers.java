package dk.botilbudslaege.registry;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.RegionMergerParticipant;
import dk.botilbudslaege.common.RegionMergerParticipant.Consequence;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Region mergers (issue 15 item 4, SPEC §2): the administrator registers, ahead of time, that regions merge into a
 * new one from a date. One transaction: the new region from the date, the old regions ending the day before, every
 * municipality of theirs in the new region from the date, the audit row and {@link RegionsMerged} (the modules that
 * store region codes follow it: neighbours, open settlement months). History is not rewritten: a report on an
 * earlier date still shows the old regions, and stored region codes resolve by date ({@code region_successor}).
 */
@Service
public class RegionMergers {

    static final String ENTITY = "REGION";
    public static final LocalDate DEFAULT_DATE = LocalDate.of(2027, 1, 1);
    public static final int NAME_MAX = 100;
    public static final int YEARS_AHEAD = 10;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final List<RegionMergerParticipant> participants;
    private final ReferenceData reference;

    RegionMergers(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            List<RegionMergerParticipant> participants,
            ReferenceData reference) {
        this.jdbc = jdbc;
        this.events = events;
        this.participants = participants;
        this.reference = reference;
    }

    /** What the administrator asks for: the new region's code and name, the date and the merging regions. */
    public record Proposal(String code, String name, LocalDate date, List<String> oldCodes) {
        public Proposal {
            code = code == null ? null : code.strip();
            name = name == null ? null : name.strip();
            oldCodes = oldCodes == null
                    ? List.of()
                    : List.copyOf(new LinkedHashSet<>(oldCodes.stream()
                            .filter(c -> c != null && !c.isBlank())
                            .map(String::strip)
                            .toList()));
        }
    }

    /** The consequences of a proposal, counted today: what moves to the new region from the date. */
    public record Preview(Proposal proposal, List<Region> merging, List<Consequence> consequences) {}

    /** A region with its validity and, when it has merged, the region it merged into and from when. */
    public record RegionRow(
            String code, String name, LocalDate validFrom, LocalDate validTo, String mergedInto, LocalDate mergedOn) {
        public boolean current() {
            LocalDate today = LocalDate.now(DanishTime.DENMARK);
            return !validFrom.isAfter(today) && (validTo == null || !validTo.isBefore(today));
        }
    }

    @Transactional(readOnly = true)
    public List<RegionRow> regions(CurrentUser user) {
        requireAdmin(user);
        return jdbc.sql("""
                        select r.code, r.name, r.valid_from, r.valid_to, m.new_region_code as merged_into,
                               m.effective_date as merged_on
                          from region r
                          left join region_merger_source s on s.old_region_code = r.code
                          left join region_merger m on m.id = s.merger_id
                         order by r.valid_from, r.code
                        """).query(RegionRow.class).list();
    }

    /** Checks the proposal and counts what it touches; refuses it as {@link #register} would. */
    @Transactional(readOnly = true)
    public Preview preview(CurrentUser user, Proposal proposal) {
        requireAdmin(user);
        List<Region> merging = check(proposal);
        return new Preview(proposal, merging, consequences(proposal));
    }

    /** Registers the merger, all or nothing. */
    @Transactional
    public Preview register(CurrentUser user, Proposal proposal) {
        requireAdmin(user);
        // one merger at a time: a second administrator waits, then sees the first one's regions as taken
        jdbc.sql("lock table region in share row exclusive mode").update();
        List<Region> merging = check(proposal);
        List<Consequence> consequences = consequences(proposal);
        LocalDate date = proposal.date();
        LocalDate dayBefore = date.minusDays(1);
        List<String> old = proposal.oldCodes();
        jdbc.sql("insert into region (code, name, valid_from) values (:c, :n, :d)")
                .param("c", proposal.code())
                .param("n", proposal.name())
                .param("d", date)
                .update();
        jdbc.sql("update region set valid_to = :e where code in (:old)")
                .param("e", dayBefore)
                .param("old", old)
                .update();
        jdbc.sql("""
                        update municipality_region set valid_to = :e
                         where region_code in (:old) and valid_to is null
                        """).param("e", dayBefore).param("old", old).update();
        jdbc.sql("""
                        insert into municipality_region (municipality_code, region_code, valid_from)
                        select municipality_code, :c, :d from municipality_region
                         where region_code in (:old) and valid_to = :e
                        """)
                .param("c", proposal.code())
                .param("d", date)
                .param("old", old)
                .param("e", dayBefore)
                .update();
        long id = jdbc.sql("""
                        insert into region_merger (new_region_code, effective_date, registered_by)
                        values (:c, :d, :by) returning id
                        """)
                .param("c", proposal.code())
                .param("d", date)
                .param("by", user.username())
                .query(Long.class)
                .single();
        for (String code : old) {
            jdbc.sql("insert into region_merger_source (merger_id, old_region_code) values (:id, :c)")
                    .param("id", id)
                    .param("c", code)
                    .update();
        }
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("name", new AuditTrail.Change(null, proposal.name()));
        changes.put("validFrom", new AuditTrail.Change(null, date.toString()));
        changes.put("mergedRegions", new AuditTrail.Change(null, String.join(", ", old)));
        events.publishEvent(new RegistryEvents.RegionsMergerRegistered(proposal.code(), changes, user.username()));
        events.publishEvent(new RegionsMerged(old, proposal.code(), proposal.name(), date));
        reference.refresh();
        return new Preview(proposal, merging, consequences);
    }

    private List<Consequence> consequences(Proposal proposal) {
        List<String> old = proposal.oldCodes();
        List<Consequence> result = new ArrayList<>();
        result.add(new Consequence(
                "merger.consequence.municipalities",
                count("select count(*) from current_municipality_region where region_code in (:old)", old)));
        result.add(new Consequence("merger.consequence.facilities", count("""
                        select count(*) from facility f
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where r.region_code in (:old)
                        """, old)));
        result.add(new Consequence("merger.consequence.regionalFacilities", count("""
                        select count(*) from facility f
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where r.region_code in (:old) and f.operator = 'REGIONAL'
                        """, old)));
        result.add(new Consequence(
                "merger.consequence.users",
                count("select count(*) from security_user where region_code in (:old)", old)));
        for (RegionMergerParticipant p : participants) {
            result.addAll(p.consequences(old, proposal.date()));
        }
        return result;
    }

    private long count(String sql, List<String> old) {
        return jdbc.sql(sql).param("old", old).query(Long.class).single();
    }

    private List<Region> check(Proposal proposal) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = proposal.code();
        // a region code is 4 digits in the 1000 series (DAGI / Danmarks Statistik: the regions are 1081-1085);
        // 0000 or a municipality-like 0851 is refused
        if (code == null || !code.matches("1[0-9]{3}")) {
            problems.add(FieldProblem.of("code", "merger.code.invalid"));
        } else if (reference.regionName(code).isPresent()) {
            problems.add(FieldProblem.of("code", "merger.code.taken", code));
        }
        String name = proposal.name();
        if (name == null || name.isEmpty() || name.length() > NAME_MAX || !LegalBasisScopes.plain(name)) {
            problems.add(FieldProblem.of("name", "merger.name.invalid", NAME_MAX));
        } else if (jdbc.sql("select count(*) from region where lower(name) = lower(:n) and valid_to is null")
                        .param("n", name)
                        .query(Long.class)
                        .single()
                > 0) {
            problems.add(FieldProblem.of("name", "merger.name.taken", name));
        }
        LocalDate today = LocalDate.now(DanishTime.DENMARK);
        LocalDate date = proposal.date();
        if (date == null) {
            problems.add(FieldProblem.of("date", "merger.date.invalid"));
        } else if (date.isBefore(today) || date.isAfter(today.plusYears(YEARS_AHEAD))) {
            problems.add(FieldProblem.of("date", "merger.date.range", YEARS_AHEAD));
        }
        List<String> old = proposal.oldCodes();
        List<Region> merging = new ArrayList<>();
        if (old.size() < 2) {
            problems.add(FieldProblem.of("regions", "merger.regions.tooFew"));
        } else {
            for (String c : old) {
                // a current region, not ending and not already merging
                jdbc.sql("""
                                select r.code, r.name from region r
                                 where r.code = :c and r.valid_from <= current_date and r.valid_to is null
                                   and not exists (select 1 from region_merger_source s where s.old_region_code = r.code)
                                """)
                        .param("c", c)
                        .query(Region.class)
                        .optional()
                        .ifPresentOrElse(
                                merging::add,
                                () -> problems.add(FieldProblem.of("regions", "merger.regions.unknown", c)));
            }
        }
        if (problems.isEmpty()
                && count(
                                "select count(*) from municipality_region where region_code in (:old) and valid_from >= :d",
                                old,
                                date)
                        > 0) {
            problems.add(FieldProblem.of("date", "merger.date.beforeChange"));
        }
        if (problems.isEmpty()) {
            for (RegionMergerParticipant p : participants) {
                problems.addAll(p.refusals(old, date));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        return merging;
    }

    private long count(String sql, List<String> old, LocalDate date) {
        return jdbc.sql(sql)
                .param("old", old)
                .param("d", date)
                .query(Long.class)
                .single();
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("scope.admin.only");
        }
    }
}
