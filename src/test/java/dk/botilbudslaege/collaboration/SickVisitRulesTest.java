package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The rules of a sick-visit request on worked examples (SPEC §7; seeds 003, 004). */
class SickVisitRulesTest {

    static final Instant ASKED = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void a_visit_wanted_23_hours_59_minutes_after_the_request_is_short_notice() {
        assertThat(SickVisitRules.shortNotice(
                        ASKED, ASKED.plus(Duration.ofHours(23).plusMinutes(59))))
                .isTrue();
    }

    @Test
    void a_visit_wanted_24_hours_after_the_request_is_not_short_notice() {
        assertThat(SickVisitRules.shortNotice(ASKED, ASKED.plus(Duration.ofHours(24))))
                .isFalse();
        assertThat(SickVisitRules.shortNotice(ASKED, ASKED.plus(Duration.ofDays(3))))
                .isFalse();
    }

    @Test
    void text_that_looks_like_a_cpr_number_is_found() {
        assertThat(SickVisitRules.looksLikeCpr("010190-1234")).isTrue();
        assertThat(SickVisitRules.looksLikeCpr("cpr 010190 1234")).isTrue();
        assertThat(SickVisitRules.looksLikeCpr("0101901234")).isTrue();
        assertThat(SickVisitRules.looksLikeCpr("værelse 4")).isFalse();
        assertThat(SickVisitRules.looksLikeCpr("lejlighed 12, 1. sal")).isFalse();
        assertThat(SickVisitRules.looksLikeCpr("tlf 86 12 34 56")).isFalse();
        assertThat(SickVisitRules.looksLikeCpr("01234567890")).isFalse();
        assertThat(SickVisitRules.looksLikeCpr(null)).isFalse();
        // other ways of writing one (issue 13 review)
        assertThat(SickVisitRules.looksLikeCpr("01.01.90-1234")).isTrue();
        assertThat(SickVisitRules.looksLikeCpr("01/01/90 1234")).isTrue();
        assertThat(SickVisitRules.looksLikeCpr("010190\u20131234")).isTrue();
        assertThat(SickVisitRules.looksLikeCpr("０１０１９０１２３４")).isTrue();
        // ten digits that cannot begin with a date are not one
        assertThat(SickVisitRules.looksLikeCpr("9999999999")).isFalse();
    }

    @Test
    void a_request_is_kept_90_days_after_the_visit_and_deleted_on_the_91st() {
        LocalDate visit = LocalDate.of(2026, 3, 1);
        assertThat(SickVisitRules.expired(visit, LocalDate.of(2026, 5, 30))).isFalse();
        assertThat(SickVisitRules.expired(visit, LocalDate.of(2026, 5, 31))).isTrue();
    }
}
