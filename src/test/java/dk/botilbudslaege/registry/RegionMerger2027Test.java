package dk.botilbudslaege.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.coverage.Coverage;
import dk.botilbudslaege.coverage.CoverageRow;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.ScopedPrincipal;
import dk.botilbudslaege.settlement.Budget;
import dk.botilbudslaege.settlement.Settlements;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 item 4: the 2027 merger of Region Hovedstaden (1084) and Region Sjælland (1085) into a new region
 * (code 1086 here: no official code is in the seeds). Every merger is registered inside a transaction that is rolled
 * back (the registry is shared by every test), and the coverage cache and reference data are made to forget.
 */
@IntegrationTest
class RegionMerger2027Test {

    static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);
    static final CurrentUser ADMIN = user("admin", Role.ADMIN, null);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RegionMergers mergers;

    @Autowired
    ReferenceData reference;

    @Autowired
    Budget budget;

    @Autowired
    Coverage coverage;

    @Autowired
    Settlements settlements;

    @Autowired
    UserDetailsService users;

    @Autowired
    RegionMergerJob job;

    @LocalServerPort
    int port;

    static CurrentUser user(String name, Role role, String region) {
        return new CurrentUser(name, name, role, region, null, null, null, null);
    }

    static RegionMergers.Proposal ostdanmark(LocalDate date) {
        return new RegionMergers.Proposal("1086", "Region Østdanmark", date, List.of("1084", "1085"));
    }

    /** Runs the body in a transaction that is rolled back, whatever happens. */
    void rolledBack(Consumer<Void> body) {
        transactions.executeWithoutResult(status -> {
            try {
                body.accept(null);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    @AfterEach
    void forget() {
        // answers computed inside the rolled-back transaction must not be served to later tests
        jdbc.sql("select nextval('coverage_data_version')").query(Long.class).single();
        reference.refresh();
        assertThat(reference.regionName("1086")).isEmpty();
    }

    /** A Hovedstaden and a Sjælland facility, a region user of 1084, an open December and January settlement. */
    void hovedstadenAndSjaelland() {
        jdbc.sql("""
                        insert into facility (name, address, municipality_code, operator, legal_basis, places, residents)
                        values ('Test Kbh regional', 'Vej 1', '101', 'REGIONAL', 'SEL_108', 10, 8),
                               ('Test Greve', 'Vej 2', '253', 'MUNICIPAL', 'SEL_108', 12, 12)
                        """).update();
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code)
                        values ('region-hovedstaden-test', null, 'Hovedstaden test', 'REGION', '1084')
                        """).update();
        jdbc.sql("""
                        insert into settlement_month (region_code, month, status, run_by, run_at)
                        values ('1084', date '2026-12-01', 'OPEN', 'x', now()),
                               ('1084', date '2027-01-01', 'OPEN', 'x', now())
                        """).update();
    }

    @Test
    void the_2027_merger_moves_municipalities_budget_and_settlement_from_its_date_and_history_keeps_the_old_regions() {
        rolledBack(x -> {
            hovedstadenAndSjaelland();
            RegionMergers.Preview preview = mergers.preview(ADMIN, ostdanmark(NEW_YEAR));
            Map<String, Long> counts = counts(preview);
            assertThat(counts.get("merger.consequence.municipalities")).isEqualTo(46L);
            assertThat(counts.get("merger.consequence.facilities")).isGreaterThanOrEqualTo(2L);
            assertThat(counts.get("merger.consequence.regionalFacilities")).isGreaterThanOrEqualTo(1L);
            assertThat(counts.get("merger.consequence.users")).isGreaterThanOrEqualTo(1L);
            assertThat(counts.get("merger.consequence.settlementMonths")).isEqualTo(1L);
            assertThat(counts)
                    .containsKeys(
                            "merger.consequence.openForms",
                            "merger.consequence.runningSurveys",
                            "merger.consequence.openRounds");

            mergers.register(ADMIN, ostdanmark(NEW_YEAR));

            // municipalities and settlement region per month: December under the old regions, January the new one
            assertThat(reference.regionOf("101", LocalDate.of(2026, 12, 31))).contains("1084");
            assertThat(reference.regionOf("253", LocalDate.of(2026, 12, 1))).contains("1085");
            assertThat(reference.regionOf("101", NEW_YEAR)).contains("1086");
            assertThat(reference.regionOf("253", NEW_YEAR)).contains("1086");
            assertThat(reference.regionOf("751", NEW_YEAR)).contains("1082");
            assertThat(reference.regionsOn(LocalDate.of(2026, 12, 31)))
                    .extracting(Region::code)
                    .containsExactly("1081", "1082", "1083", "1084", "1085");
            assertThat(reference.regionsOn(NEW_YEAR))
                    .extracting(Region::code)
                    .containsExactly("1081", "1082", "1083", "1086");
            // today's lists are unchanged until the date
            assertThat(reference.regions())
                    .extracting(Region::code)
                    .contains("1084", "1085")
                    .doesNotContain("1086");

            // the scope of a 1084 region user: 1084 until the date, 1086 from it
            assertThat(successor("1084", LocalDate.of(2026, 12, 31))).isEqualTo("1084");
            assertThat(successor("1084", NEW_YEAR)).isEqualTo("1086");
            assertThat(successor("1082", NEW_YEAR)).isEqualTo("1082");
            assertThat(successor(null, NEW_YEAR)).isNull();
            assertThat(((ScopedPrincipal) users.loadUserByUsername("region-hovedstaden-test"))
                            .user()
                            .regionCode())
                    .as("before the date, the user still acts for 1084")
                    .isEqualTo("1084");

            // settlement: the open January month of 1084 is gone (a re-run puts it under 1086), December stays
            assertThat(jdbc.sql("select region_code || ' ' || month from settlement_month where run_by = 'x'")
                            .query(String.class)
                            .list())
                    .containsExactly("1084 2026-12-01");
            // the new region reads (and settles) its predecessors' months; a neighbour does not
            settlements.month(user("r", Role.REGION, "1086"), YearMonth.of(2026, 12), "1084");
            assertThatThrownBy(() -> settlements.month(user("r", Role.REGION, "1082"), YearMonth.of(2026, 12), "1084"))
                    .isInstanceOf(ForbiddenException.class);

            // budget by year: 2026 the five regions, 2027 the new one with both regions' population share
            CurrentUser national = user("n", Role.NATIONAL, null);
            assertThat(budget.year(national, 2026).regions())
                    .extracting(Budget.Row::code)
                    .containsExactly("1081", "1082", "1083", "1084", "1085");
            Budget.Year y2027 = budget.year(national, 2027);
            assertThat(y2027.regions()).extracting(Budget.Row::code).containsExactly("1081", "1082", "1083", "1086");
            Budget.Year y2026 = budget.year(national, 2026);
            assertThat(frame(y2027, "1086"))
                    .isEqualByComparingTo(frame(y2026, "1084").add(frame(y2026, "1085")));

            // the coverage report: December 2026 by the old regions, January 2027 by the new one
            assertThat(coverage.table("2026-12-31", "REGION", null))
                    .extracting(CoverageRow::code)
                    .contains("1084", "1085")
                    .doesNotContain("1086");
            assertThat(coverage.table("2027-01-31", "REGION", null))
                    .extracting(CoverageRow::code)
                    .contains("1086")
                    .doesNotContain("1084", "1085");

            // neighbours: the union, both ways
            assertThat(jdbc.sql("select neighbour_code from region_neighbour where region_code = '1086'")
                            .query(String.class)
                            .list())
                    .containsExactly("1083");
            assertThat(jdbc.sql(
                                    "select count(*) from region_neighbour where region_code = '1083' and neighbour_code = '1086'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
            // the audit row
            assertThat(jdbc.sql("""
                            select actor || ' ' || action from audit_event where entity_type = 'REGION' and entity_id = '1086'
                            """).query(String.class).list()).containsExactly("admin MERGER_REGISTERED");
            // a second merger of the same regions is refused
            assertRefused(
                    new RegionMergers.Proposal("1087", "Region X", NEW_YEAR, List.of("1084", "1085")),
                    "merger.regions.unknown");
        });
    }

    @Test
    void on_its_date_a_region_user_acts_for_the_new_region_and_open_rounds_and_running_surveys_move() {
        rolledBack(x -> {
            hovedstadenAndSjaelland();
            LocalDate today = LocalDate.now(DanishTime.DENMARK);
            jdbc.sql("""
                            insert into matching_round (region_code, local_method, opened_by)
                            values ('1085', 'STABLE_MATCHING', 'x')
                            """).update();
            jdbc.sql("""
                            insert into survey (region_code, title, deadline, status, created_by, sent_by, sent_at)
                            values ('1084', 'Kører', :d, 'SENT', 'x', 'x', now()),
                                   ('1084', 'Udløbet', :past, 'SENT', 'x', 'x', now())
                            """)
                    .param("d", today.plusDays(5))
                    .param("past", today.minusDays(1))
                    .update();
            mergers.register(
                    ADMIN, new RegionMergers.Proposal("1086", "Region Østdanmark", today, List.of("1084", "1085")));
            assertThat(((ScopedPrincipal) users.loadUserByUsername("region-hovedstaden-test"))
                            .user()
                            .regionCode())
                    .isEqualTo("1086");
            assertThat(job.run(today)).isEqualTo(2);
            assertThat(job.run(today)).as("idempotent").isZero();
            assertThat(jdbc.sql("select region_code from matching_round where opened_by = 'x'")
                            .query(String.class)
                            .single())
                    .isEqualTo("1086");
            assertThat(jdbc.sql("select title || ' ' || region_code from survey where created_by = 'x' order by title")
                            .query(String.class)
                            .list())
                    .containsExactly("Kører 1086", "Udløbet 1084");
        });
    }

    @Test
    void refusals_name_the_field_and_save_nothing() {
        rolledBack(x -> {
            assertRefused(
                    new RegionMergers.Proposal("1084", "Ny", NEW_YEAR, List.of("1084", "1085")), "merger.code.taken");
            assertRefused(
                    new RegionMergers.Proposal("10a6", "Ny", NEW_YEAR, List.of("1084", "1085")), "merger.code.invalid");
            assertRefused(
                    new RegionMergers.Proposal("1086", " ", NEW_YEAR, List.of("1084", "1085")), "merger.name.invalid");
            assertRefused(
                    new RegionMergers.Proposal("1086", "Ny\u0007", NEW_YEAR, List.of("1084", "1085")),
                    "merger.name.invalid");
            assertRefused(new RegionMergers.Proposal("1086", "Ny", NEW_YEAR, List.of("1084")), "merger.regions.tooFew");
            assertRefused(
                    new RegionMergers.Proposal("1086", "Ny", NEW_YEAR, List.of("1084", "1084")),
                    "merger.regions.tooFew");
            assertRefused(new RegionMergers.Proposal("1086", "Ny", NEW_YEAR, null), "merger.regions.tooFew");
            assertRefused(
                    new RegionMergers.Proposal("1086", "Ny", NEW_YEAR, List.of("1084", "9999")),
                    "merger.regions.unknown");
            assertRefused(
                    new RegionMergers.Proposal("1086", "Ny", LocalDate.of(2020, 1, 1), List.of("1084", "1085")),
                    "merger.date.range");
            assertRefused(
                    new RegionMergers.Proposal("1086", "Ny", null, List.of("1084", "1085")), "merger.date.invalid");

            jdbc.sql("""
                            insert into settlement_month (region_code, month, status, run_by, run_at, approved_by, approved_at)
                            values ('1085', date '2027-02-01', 'APPROVED', 'x', now(), 'x', now())
                            """).update();
            assertRefused(ostdanmark(NEW_YEAR), "merger.refused.approvedSettlement");
            jdbc.sql("delete from settlement_month where run_by = 'x'").update();

            jdbc.sql("""
                            insert into matching_round (region_code, local_method, opened_by)
                            values ('1084', 'STABLE_MATCHING', 'x'), ('1085', 'STABLE_MATCHING', 'x')
                            """).update();
            assertRefused(ostdanmark(NEW_YEAR), "merger.refused.openRounds");

            for (Role role : Role.values()) {
                if (role != Role.ADMIN) {
                    assertThatThrownBy(() -> mergers.register(user("u", role, "1084"), ostdanmark(NEW_YEAR)))
                            .as(role.name())
                            .isInstanceOf(ForbiddenException.class);
                    assertThatThrownBy(() -> mergers.preview(user("u", role, "1084"), ostdanmark(NEW_YEAR)))
                            .isInstanceOf(ForbiddenException.class);
                }
            }
            assertThat(jdbc.sql("select count(*) from region where code in ('1086', '1087')")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from region_merger")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from municipality_region where valid_to is not null")
                            .query(Long.class)
                            .single())
                    .isZero();
        });
    }

    @Test
    void only_the_administrator_opens_the_page_or_registers_and_bad_input_is_a_message_not_an_error() {
        for (String name :
                new String[] {"region-midt", "kommune-norddjurs", "laege-norddjurs", "botilbud-skovstjernen", "national"
                }) {
            WebSession session = WebSession.signIn(port, name);
            assertThat(session.get("/admin/regions").statusCode()).as(name).isEqualTo(403);
            assertThat(session.get("/admin/regions/preview?code=1086&name=X&date=2027-01-01&regions=1084&regions=1085")
                            .statusCode())
                    .as(name)
                    .isEqualTo(403);
            assertThat(session.post(
                                    "/admin/regions",
                                    "/",
                                    Map.of("code", "1086", "name", "X", "date", "2027-01-01", "confirmed", "true"))
                            .statusCode())
                    .as(name)
                    .isEqualTo(403);
        }
        WebSession admin = WebSession.signIn(port, "admin");
        var page = admin.get("/admin/regions");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("01-01-2027", "Region Hovedstaden", "merge-1085");
        var bad = admin.get("/admin/regions/preview?code=12&name=&date=i-morgen&regions=1084");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body())
                .contains(
                        "Regionskoden skal være 4 cifre fra 1000 til 1999",
                        "Den nye regions navn skal udfyldes",
                        "Datoen for sammenlægningen skal udfyldes",
                        "Vælg mindst to regioner");
        var preview = admin.get("/admin/regions/preview?code=1086&name=Region+%C3%98stdanmark&date=2027-01-01"
                + "&regions=1084&regions=1085");
        assertThat(preview.body()).contains("kan ikke fortrydes", "consequence-municipalities");
        // without the confirmation nothing is registered
        admin.post("/admin/regions", "/admin/regions", Map.of("code", "1086", "name", "X", "date", "2027-01-01"));
        assertThat(reference.regionName("1086")).isEmpty();
    }

    @Test
    void the_regions_table_names_its_columns_the_start_is_no_date_code_0000_is_refused_and_a_stale_page_says_so() {
        WebSession admin = WebSession.signIn(port, "admin");
        String page = admin.get("/admin/regions").body();
        String table = page.substring(page.indexOf("id=\"regions\""), page.indexOf("id=\"merger\""));
        assertThat(table).contains("<th>Navn</th>", "fra start").doesNotContain("Den nye regions navn", "01-01-1970");
        for (String code : new String[] {"0000", "0851", "9999", "2000"}) {
            assertThat(admin.get("/admin/regions/preview?code=" + code + "&name=Region+Ny&date=2027-01-01"
                                    + "&regions=1084&regions=1085")
                            .body())
                    .as(code)
                    .contains("Regionskoden skal være 4 cifre fra 1000 til 1999")
                    .doesNotContain("kan ikke fortrydes");
        }
        assertRefused(
                new RegionMergers.Proposal("0000", "Region Nul", LocalDate.of(2027, 1, 1), List.of("1084", "1085")),
                "merger.code.invalid");
        // a POST without (or with a stale) CSRF token: the page was old, not the role wrong
        var stale = admin.request(
                "POST",
                "/admin/regions",
                "code=1086&name=X&date=2027-01-01&regions=1084&regions=1085&confirmed=true",
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body())
                .contains("Siden var forældet. Hent den igen og prøv på ny.")
                .doesNotContain("Din rolle giver ikke adgang");
        var wrongToken = admin.request(
                "POST",
                "/admin/regions",
                "_csrf=stale&code=1086&name=X&date=2027-01-01&regions=1084&regions=1085&confirmed=true",
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(wrongToken.body()).contains("Siden var forældet");
        assertThat(reference.regionName("1086")).isEmpty();
        // a role that may not is still told so, not that the page was old
        var refused = WebSession.signIn(port, "region-midt").get("/admin/regions");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Ingen adgang").doesNotContain("Siden var forældet");
    }

    private void assertRefused(RegionMergers.Proposal proposal, String key) {
        assertThatThrownBy(() -> mergers.register(ADMIN, proposal))
                .as(key)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::messageKey)
                                .contains(key));
    }

    private String successor(String code, LocalDate date) {
        return jdbc.sql("select region_successor(:c, :d)")
                .param("c", code)
                .param("d", date)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static java.math.BigDecimal frame(Budget.Year year, String code) {
        return year.regions().stream()
                .filter(r -> code.equals(r.code()))
                .findFirst()
                .orElseThrow()
                .frame();
    }

    private static Map<String, Long> counts(RegionMergers.Preview preview) {
        Map<String, Long> counts = new java.util.HashMap<>();
        preview.consequences().forEach(c -> counts.put(c.messageKey(), c.count()));
        return counts;
    }
}
