package dk.botilbudslaege.settlement;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import dk.botilbudslaege.web.DanishTime;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The settlement pages without JavaScript (issue 11 items 5-7): a later month is a preview that cannot
 * be approved, approving goes through a confirmation page that states the totals, and the payment
 * file links of a month not approved say they are drafts. Region Midtjylland's January 2026 is run
 * here and never approved.
 */
@IntegrationTest
class SettlementPagesTest {

    static final String CONSEQUENCE = "Måneden låses; senere rettelser bliver reguleringslinjer i en senere måned";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Review 18: the month and year links stop at the range settlement answers for (2025–2100), never a 400. */
    @Test
    void the_month_and_year_links_stop_at_the_edges_of_the_range() {
        WebSession region = WebSession.signIn(port, "region-midt");
        String first = region.get("/settlements?month=2025-01").body();
        assertThat(first).contains("month=2025-02").doesNotContain("month=2024-12");
        String last = region.get("/settlements?month=2100-12").body();
        assertThat(last).contains("month=2100-11").doesNotContain("month=2101-01");
        String middle = region.get("/settlements?month=2026-06").body();
        assertThat(middle).contains("month=2026-05", "month=2026-07");

        assertThat(region.get("/settlements/budget?year=2025").body())
                .contains("year=2026")
                .doesNotContain("year=2024");
        assertThat(region.get("/settlements/budget?year=2100").body())
                .contains("year=2099")
                .doesNotContain("year=2101");
    }

    @Test
    void a_later_month_is_a_preview_and_approving_it_from_the_page_says_it_is_not_due() {
        WebSession region = WebSession.signIn(port, "region-midt");
        YearMonth later = YearMonth.now(DanishTime.DENMARK).plusMonths(1);

        String page = region.get("/settlements?month=" + later).body();
        assertThat(page)
                .contains("Forhåndsvisning", "Skovstjernen", "Udkast til betalingsfil (CSV)")
                .doesNotContain("id=\"approve\"", "id=\"run\"");

        HttpResponse<String> approve =
                region.post("/settlements/approve", "/settlements", Map.of("month", later.toString()));
        assertThat(approve.statusCode()).isEqualTo(302);
        String location = approve.headers().firstValue("Location").orElseThrow();
        assertThat(region.get(location.substring(location.indexOf("/settlements")))
                        .body())
                .contains("Måneden er endnu ikke forfalden: kun indeværende eller en tidligere måned kan godkendes");

        String confirm = region.get("/settlements/approve?month=" + later).body();
        assertThat(confirm).contains("Måneden er endnu ikke forfalden").doesNotContain("confirm-approve");

        // running it from the page stores nothing
        region.post("/settlements/run", "/settlements", Map.of("month", later.toString()));
        assertThat(jdbc.sql("select count(*) from settlement_month where region_code = '1082' and month = :m")
                        .param("m", later.atDay(1))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_run_that_no_longer_matches_what_is_due_is_said_so_and_offers_no_approval() {
        WebSession region = WebSession.signIn(port, "region-midt");
        region.post("/settlements/run", "/settlements?month=2025-06", Map.of("month", "2025-06"));
        // as if a rate or an agreement had changed since the run
        jdbc.sql("""
                update settlement_line set amount_ex_vat = amount_ex_vat + 1, amount_incl_vat = amount_incl_vat + 1
                 where id = (select min(id) from settlement_line where region_code = '1082' and month = date '2025-06-01')
                """).update();

        String confirm = region.get("/settlements/approve?month=2025-06").body();

        assertThat(confirm)
                .contains("Måneden kan ikke godkendes, før afregningen er kørt igen og gennemset.")
                .doesNotContain("id=\"confirm-approve\"");
        assertProblem(
                Api.on(port).as("region-midt").post("/api/v1/settlements/2025-06/approve", ""),
                409,
                "MONTH_CHANGED_SINCE_RUN");
    }

    @Test
    void approving_a_due_month_asks_first_and_states_its_lines_and_totals() {
        WebSession region = WebSession.signIn(port, "region-midt");
        HttpResponse<String> run =
                region.post("/settlements/run", "/settlements?month=2026-01", Map.of("month", "2026-01"));
        assertThat(run.statusCode()).isEqualTo(302);
        String page = region.get("/settlements?month=2026-01").body();
        assertThat(page)
                .contains("href=\"/settlements/approve?month=2026-01\"", "Udkast til betalingsfil (XLSX)")
                .doesNotContain("action=\"/settlements/approve\"");

        JsonNode month = Api.on(port)
                .as("region-midt")
                .get("/api/v1/settlements/2026-01")
                .json();
        String confirm = region.get("/settlements/approve?month=2026-01").body();
        assertThat(confirm)
                .contains(
                        "Godkend og lås 2026-01",
                        CONSEQUENCE,
                        "id=\"confirm-approve\"",
                        "action=\"/settlements/approve\"",
                        "<dd id=\"confirm-lines\">" + month.path("lines").size() + "</dd>",
                        "<dd id=\"confirm-ex-vat\">"
                                + danish(month.path("totalExVat").decimalValue()) + " kr.</dd>",
                        "<dd id=\"confirm-vat\">"
                                + danish(month.path("totalVat").decimalValue()) + " kr.</dd>",
                        "<dd id=\"confirm-incl-vat\">"
                                + danish(month.path("totalInclVat").decimalValue()) + " kr.</dd>");
        assertThat(month.path("lines").size()).isPositive();
        // asking locks nothing
        assertThat(Api.on(port)
                        .as("region-midt")
                        .get("/api/v1/settlements/2026-01")
                        .json()
                        .path("locked")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void only_the_region_is_asked_to_approve() {
        assertThat(WebSession.signIn(port, "kommune-norddjurs")
                        .get("/settlements/approve?month=2026-01")
                        .statusCode())
                .isEqualTo(403);
    }

    static String danish(java.math.BigDecimal amount) {
        java.text.DecimalFormat format = new java.text.DecimalFormat(
                "#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("da-DK")));
        return format.format(amount);
    }
}
