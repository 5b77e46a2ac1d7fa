package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 11 item 5: before an action with legal or financial effect the page asks for confirmation and
 * states the consequences in plain Danish; nothing happens until the second form is sent. Plain HTTP,
 * no JavaScript.
 */
@IntegrationTest
class AgreementConfirmationPagesTest {

    private static final LocalDate START = LocalDate.of(2025, 6, 1);
    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    AgreementScenarios given;
    LocalDate today;

    @BeforeEach
    void setUp() {
        given = new AgreementScenarios(Api.on(port), jdbc, users);
        today = LocalDate.now();
    }

    @Test
    void giving_notice_first_shows_the_end_date_and_the_last_month_paid_and_changes_nothing() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        WebSession municipality = WebSession.signIn(port, NORDDJURS);
        LocalDate end = NoticePeriod.endDate(today);
        String version = given.read(id).path("version").asString();

        HttpResponse<String> confirm = municipality.post(
                page(id) + "/notice", page(id), Map.of("noticeDate", today.toString(), "version", version));

        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(text(confirm))
                .contains(
                        "Opsig aftalen",
                        "Aftalen opsiges pr. " + danish(today) + " og slutter " + danish(end),
                        "Sidste måned, der betales, er " + month(YearMonth.from(end)) + " (til og med " + danish(end)
                                + ")",
                        "name=\"confirmed\" value=\"true\"",
                        "name=\"noticeDate\" value=\"" + today + "\"",
                        "name=\"version\" value=\"" + version + "\"");
        assertThat(given.status(id)).isEqualTo("ACTIVE");

        HttpResponse<String> done = municipality.post(
                page(id) + "/notice",
                page(id),
                Map.of("noticeDate", today.toString(), "version", version, "confirmed", "true"));

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(given.status(id)).isEqualTo("NOTICE_GIVEN");
        assertThat(given.read(id).path("endDate").asString()).isEqualTo(end.toString());
    }

    @Test
    void a_notice_date_out_of_the_window_is_refused_before_the_confirmation() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        WebSession municipality = WebSession.signIn(port, NORDDJURS);

        HttpResponse<String> answer = municipality.post(
                page(id) + "/notice",
                page(id),
                Map.of("noticeDate", today.minusDays(31).toString()));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(text(municipality.get(page(id))))
                .contains("Opsigelsesdatoen skal ligge fra " + danish(today.minusDays(30)) + " til " + danish(today));
        assertThat(given.status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void approving_a_start_in_the_past_states_the_back_pay_it_creates() {
        long id = given.submitted(given.doctorInRoomyPractice(), given.facility(12), START);
        WebSession region = WebSession.signIn(port, REGION_MIDT);
        BigDecimal rate = jdbc.sql("select hourly_rate from hourly_rate where valid_from <= current_date"
                        + " order by valid_from desc limit 1")
                .query(BigDecimal.class)
                .single();
        BigDecimal fee = MonthlyFee.of(new BigDecimal("2"), rate);
        BackPay backPay = BackPay.of(START, today, fee);

        HttpResponse<String> confirm = region.post(page(id) + "/approve", page(id), Map.of());

        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(text(confirm))
                .contains(
                        "Godkend aftalen",
                        "Aftalen bliver aktiv fra 01-06-2025",
                        "Honorar: " + money(fee) + " kr. om måneden ekskl. moms (2 timer à " + money(rate) + " kr.)",
                        "efterbetaling for " + backPay.months() + " måned(er), juni 2025 til "
                                + month(YearMonth.from(today).minusMonths(1)) + ", anslået "
                                + money(backPay.amountExVat())
                                + " kr. ekskl. moms");
        assertThat(given.status(id)).isEqualTo("SUBMITTED");

        assertThat(region.post(page(id) + "/approve", page(id), Map.of("confirmed", "true"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(given.status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void approving_a_start_next_month_says_there_is_no_back_pay() {
        LocalDate start = YearMonth.from(today).plusMonths(1).atDay(1);
        long id = given.submitted(given.doctorInRoomyPractice(), given.facility(12), start);

        HttpResponse<String> confirm =
                WebSession.signIn(port, REGION_MIDT).post(page(id) + "/approve", page(id), Map.of());

        assertThat(text(confirm))
                .contains("Der er ingen efterbetaling: første betaling kommer med afregningen for "
                        + month(YearMonth.from(start)));
    }

    @Test
    void rejecting_and_withdrawing_are_confirmed_first() {
        long filed = given.submitted(given.doctorInRoomyPractice(), given.facility(12), START);
        long draft = given.draft(given.doctorInRoomyPractice(), given.facility(12), START);
        WebSession region = WebSession.signIn(port, REGION_MIDT);
        WebSession municipality = WebSession.signIn(port, NORDDJURS);

        HttpResponse<String> reject =
                region.post(page(filed) + "/reject", page(filed), Map.of("reason", "Lægen bor for langt væk"));
        HttpResponse<String> withdraw = municipality.post(page(draft) + "/withdraw", page(draft), Map.of());

        assertThat(text(reject))
                .contains("Afvis oplysningsskemaet", "kan ikke genåbnes", "Begrundelse: Lægen bor for langt væk");
        assertThat(text(withdraw)).contains("Træk aftalen tilbage", "der udbetales intet honorar");
        assertThat(given.status(filed)).isEqualTo("SUBMITTED");
        assertThat(given.status(draft)).isEqualTo("DRAFT");

        region.post(
                page(filed) + "/reject", page(filed), Map.of("reason", "Lægen bor for langt væk", "confirmed", "true"));
        municipality.post(page(draft) + "/withdraw", page(draft), Map.of("confirmed", "true"));

        assertThat(given.status(filed)).isEqualTo("REJECTED");
        assertThat(given.status(draft)).isEqualTo("WITHDRAWN");
    }

    @Test
    void the_region_ends_an_agreement_after_confirming_and_both_parties_see_why() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        WebSession region = WebSession.signIn(port, REGION_MIDT);
        LocalDate end = today.plusDays(10);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("endDate", end.toString());
        form.put("reason", "Botilbuddet lukker");
        assertThat(text(region.get(page(id)))).contains("id=\"end-form\"");
        assertThat(text(WebSession.signIn(port, NORDDJURS).get(page(id)))).doesNotContain("id=\"end-form\"");

        HttpResponse<String> confirm = region.post(page(id) + "/end", page(id), form);

        assertThat(text(confirm))
                .contains(
                        "Regionen afslutter aftalen; den slutter " + danish(end),
                        "Sidste måned, der betales, er " + month(YearMonth.from(end)) + " (til og med " + danish(end)
                                + ")",
                        "Begrundelse: Botilbuddet lukker");
        assertThat(given.status(id)).isEqualTo("ACTIVE");

        form.put("confirmed", "true");
        assertThat(region.post(page(id) + "/end", page(id), form).statusCode()).isEqualTo(302);

        assertThat(given.status(id)).isEqualTo("NOTICE_GIVEN");
        assertThat(text(WebSession.signIn(port, NORDDJURS).get(page(id))))
                .contains("Afsluttet af regionen", "Botilbuddet lukker, fra " + danish(end));
    }

    @Test
    void an_ending_dated_yesterday_is_refused_before_the_confirmation() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        WebSession region = WebSession.signIn(port, REGION_MIDT);

        HttpResponse<String> answer = region.post(
                page(id) + "/end",
                page(id),
                Map.of("endDate", today.minusDays(1).toString(), "reason", "Lukker"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(text(region.get(page(id))))
                .contains("Slutdatoen skal være i dag (" + danish(today) + ") eller senere.");
        assertThat(given.status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void ending_a_dispensation_is_confirmed_first() {
        long doctor = given.doctorInRoomyPractice();
        long dispensation = given.multipleFacilities(doctor, 2, LocalDate.of(2025, 1, 1), null);
        WebSession region = WebSession.signIn(port, REGION_MIDT);
        LocalDate validTo = today.plusDays(3);

        HttpResponse<String> confirm = region.post(
                "/dispensations/" + dispensation + "/end", "/dispensations", Map.of("validTo", validTo.toString()));

        assertThat(text(confirm))
                .contains(
                        "Afslut dispensationen",
                        "gælder sidste gang " + danish(validTo),
                        "Fra " + danish(validTo.plusDays(1)) + " gælder reglerne uden denne undtagelse");
        assertThat(validTo(dispensation)).isNull();

        region.post(
                "/dispensations/" + dispensation + "/end",
                "/dispensations",
                Map.of("validTo", validTo.toString(), "confirmed", "true"));

        assertThat(validTo(dispensation)).isEqualTo(validTo);
    }

    private LocalDate validTo(long dispensation) {
        return jdbc.sql("select valid_to from dispensation where id = :id")
                .param("id", dispensation)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    private static String page(long id) {
        return "/agreements/" + id;
    }

    private static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }

    private static String danish(LocalDate date) {
        return DanishFormats.date(date);
    }

    private static String month(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", DANISH));
    }

    private static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(DANISH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }
}
