package dk.botilbudslaege.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.registry.RegionMergers;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 15 item 4, settlement after the 2027 merger (code 1086 here) in lists and exports, as the single-month read
 * does: a 1086 user reads December 2026 under 1084 and 1085 (the regions of that month), a municipality user its own
 * municipality's region of that month, a 1084 user before the merger the same as ever. Every merger is registered in
 * a transaction that is rolled back (RegionMerger2027Test's way); the page is read through MockMvc in that
 * transaction's thread.
 */
@IntegrationTest
class SettlementAfterMergerTest {

    static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    static final YearMonth JANUARY = YearMonth.of(2027, 1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RegionMergers mergers;

    @Autowired
    ReferenceData reference;

    @Autowired
    Settlements settlements;

    @Autowired
    PaymentFiles files;

    @Autowired
    UserDetailsService users;

    @Autowired
    WebApplicationContext context;

    static CurrentUser region(String code) {
        return new CurrentUser("r-" + code, "r", Role.REGION, code, null, null, null, null);
    }

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
        jdbc.sql("select nextval('coverage_data_version')").query(Long.class).single();
        reference.refresh();
    }

    void merged() {
        mergers.register(
                new CurrentUser("admin", "admin", Role.ADMIN, null, null, null, null, null),
                new RegionMergers.Proposal(
                        "1086", "Region Østdanmark", LocalDate.of(2027, 1, 1), List.of("1084", "1085")));
        jdbc.sql("""
                        insert into settlement_month (region_code, month, status, run_by, run_at)
                        values ('1084', date '2026-12-01', 'OPEN', 'x', now()),
                               ('1085', date '2026-12-01', 'OPEN', 'x', now())
                        """).update();
    }

    @Test
    void a_user_of_the_new_region_reads_and_exports_the_months_of_its_predecessors() {
        rolledBack(x -> {
            merged();
            CurrentUser ostdanmark = region("1086");
            assertThat(settlements.regions(ostdanmark, DECEMBER)).containsExactly("1084", "1085");
            assertThat(settlements.regions(ostdanmark, JANUARY)).containsExactly("1086");

            // without a region code: the first predecessor of that month; with one, that predecessor
            Settlements.MonthView december = settlements.month(ostdanmark, DECEMBER, null);
            assertThat(december.regionCode()).isEqualTo("1084");
            assertThat(december.state()).as("1084's stored month").isNotNull();
            assertThat(settlements.month(ostdanmark, DECEMBER, "1085").regionCode())
                    .isEqualTo("1085");
            assertThat(settlements.month(ostdanmark, JANUARY, null).regionCode())
                    .isEqualTo("1086");
            // exports take the same view: named after the predecessor
            assertThat(PaymentFiles.filename(settlements.month(ostdanmark, DECEMBER, "1085"), "csv"))
                    .isEqualTo("UDKAST-afregning-1085-2026-12.csv");
            assertThat(new String(files.csv(december), StandardCharsets.UTF_8)).contains("UDKAST");
            // a neighbour reads none of it
            assertThatThrownBy(() -> settlements.month(region("1082"), DECEMBER, "1084"))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(settlements.regions(region("1082"), DECEMBER)).containsExactly("1082");

            // a municipality user (Greve, 1086 from the date) reads its own municipality's region of that month
            CurrentUser greve = new CurrentUser("m", "m", Role.MUNICIPALITY, "1086", "253", null, null, null);
            assertThat(settlements.month(greve, DECEMBER, null).regionCode()).isEqualTo("1085");
            assertThat(settlements.month(greve, DECEMBER, "1084").regionCode()).isEqualTo("1084");
            assertThatThrownBy(() -> settlements.month(greve, DECEMBER, "1082")).isInstanceOf(ForbiddenException.class);
        });
    }

    @Test
    void a_user_of_an_old_region_before_the_merger_reads_as_before() {
        rolledBack(x -> {
            merged();
            CurrentUser hovedstaden = region("1084");
            assertThat(settlements.regions(hovedstaden, DECEMBER)).containsExactly("1084");
            assertThat(settlements.regions(hovedstaden, JANUARY)).containsExactly("1084");
            assertThat(settlements.month(hovedstaden, DECEMBER, null).regionCode())
                    .isEqualTo("1084");
            assertThat(settlements.month(hovedstaden, JANUARY, null).regionCode())
                    .isEqualTo("1084");
            assertThatThrownBy(() -> settlements.month(hovedstaden, DECEMBER, "1085"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> settlements.month(hovedstaden, DECEMBER, "1086"))
                    .isInstanceOf(ForbiddenException.class);
        });
    }

    @Test
    void the_page_of_a_month_before_the_merger_offers_each_predecessor_and_its_files() throws Exception {
        rolledBack(x -> {
            merged();
            jdbc.sql("""
                            insert into app_user (username, password_hash, display_name, role, region_code)
                            values ('region-ostdanmark-test', null, 'Østdanmark test', 'REGION', '1086')
                            """).update();
            UserDetails principal = users.loadUserByUsername("region-ostdanmark-test");
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                    .apply(
                            org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
                                    .springSecurity())
                    .build();
            try {
                String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/settlements?month=2026-12&regionCode=1085")
                                .with(user(principal)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(page)
                        .contains(
                                "id=\"merged-regions\"",
                                "href=\"/settlements?month=2026-12&amp;regionCode=1084\"",
                                "href=\"/api/v1/settlements/2026-12/export.csv?regionCode=1085\"",
                                "href=\"/api/v1/settlements/2026-12/export.xlsx?regionCode=1085\"");
                String january = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/settlements?month=2027-01")
                                .with(user(principal)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(january)
                        .doesNotContain("id=\"merged-regions\"")
                        .contains("href=\"/api/v1/settlements/2027-01/export.csv\"");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
