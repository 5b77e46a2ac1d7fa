package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: which agreements the hours page lists. A large area shows its municipalities' subtotals with links and
 * lists the agreements one municipality at a time; those short of hours, all of them, a small area's, a
 * municipality's and a doctor's are listed at once.
 */
class HoursPageTest {

    static final Function<BigDecimal, String> HOURS = h -> h == null ? "–" : HoursFormat.number(h) + " timer";
    static final Function<BigDecimal, String> PERCENT = share -> share.movePointRight(2) + " %";

    /** {@code rows} agreements alternating between Aalborg (851) and Hjørring (860), every third one short. */
    static Hours.Overview region(int rows) {
        List<Hours.OverviewRow> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean aalborg = i % 2 == 0;
            list.add(new Hours.OverviewRow(
                    1000 + i,
                    "Bo " + i,
                    "Læge " + i,
                    aalborg ? "851" : "860",
                    aalborg ? "Aalborg" : "Hjørring",
                    LocalDate.of(2025, 1, 1),
                    new BigDecimal("2"),
                    i % 3 == 0 ? new BigDecimal("1.5") : new BigDecimal("2"),
                    new BigDecimal("1.75"),
                    i % 3 == 0 ? 4 : 0,
                    i % 3 == 0));
        }
        List<Hours.Subtotal> municipalities = List.of(
                Hours.total(
                        "851",
                        "Aalborg",
                        list.stream()
                                .filter(r -> r.municipalityCode().equals("851"))
                                .toList()),
                Hours.total(
                        "860",
                        "Hjørring",
                        list.stream()
                                .filter(r -> r.municipalityCode().equals("860"))
                                .toList()));
        Hours.Subtotal total = Hours.total("1081", "Region Nordjylland", list);
        return Hours.Overview.of("REGION", "1081", "Region Nordjylland", total, municipalities, List.of(), list);
    }

    static HoursPage page(Hours.Overview overview, String chosen, boolean onlyShort, boolean all) {
        return HoursPage.of(
                overview,
                chosen,
                onlyShort,
                all,
                new HoursPage.Formats(HOURS, PERCENT, (n, name) -> n + " under aftalt i " + name),
                "");
    }

    @Test
    void a_region_with_many_agreements_shows_its_municipalities_and_lists_no_agreement_until_one_is_chosen() {
        Hours.Overview large = region(HoursPage.LISTED_AT_ONCE + 1);
        HoursPage page = page(large, null, false, false);
        assertThat(page.listed()).isFalse();
        assertThat(page.lines()).isEmpty();
        assertThat(page.municipalities())
                .extracting(HoursPage.SubtotalLine::href)
                .containsExactly(
                        "/hours?level=REGION&code=1081&municipality=851",
                        "/hours?level=REGION&code=1081&municipality=860");
        assertThat(page.municipalities().get(1).shortHref())
                .isEqualTo("/hours?level=REGION&code=1081&municipality=860&onlyShort=true");
        assertThat(page.shortHref()).isEqualTo("/hours?level=REGION&code=1081&onlyShort=true");
        assertThat(page.allHref()).isEqualTo("/hours?level=REGION&code=1081&all=true");

        assertThat(page(region(HoursPage.LISTED_AT_ONCE), null, false, false).lines())
                .as("a small region lists its agreements at once")
                .hasSize(HoursPage.LISTED_AT_ONCE);
    }

    @Test
    void a_chosen_municipality_lists_its_own_agreements_and_only_its_short_ones_when_asked() {
        Hours.Overview large = region(120);
        HoursPage hjoerring = page(large, "860", false, false);
        assertThat(hjoerring.listed()).isTrue();
        assertThat(hjoerring.lines()).hasSize(60).allMatch(l -> l.municipality().equals("Hjørring"));
        assertThat(hjoerring.lines().get(0).href()).isEqualTo("/agreements/1001/sessions");
        assertThat(page(large, "860", true, false).lines())
                .hasSize(20)
                .allMatch(l -> l.shortfall() && l.municipality().equals("Hjørring"));
    }

    @Test
    void every_agreement_short_of_hours_in_the_area_is_one_link_away() {
        HoursPage onlyShort = page(region(120), null, true, false);
        assertThat(onlyShort.listed()).isTrue();
        assertThat(onlyShort.lines()).hasSize(40).allMatch(HoursPage.Line::shortfall);
        assertThat(onlyShort.lines()).extracting(HoursPage.Line::municipality).contains("Aalborg", "Hjørring");
        assertThat(page(region(120), null, false, true).lines()).as("all=true").hasSize(120);
    }

    @Test
    void a_line_carries_its_figures_formatted() {
        HoursPage.Line first = page(region(3), null, false, false).lines().get(0);
        assertThat(first)
                .isEqualTo(new HoursPage.Line(
                        "/agreements/1000/sessions",
                        "Bo 0",
                        "Læge 0",
                        "Aalborg",
                        "2,00 timer",
                        "1,50 timer",
                        "1,75 timer",
                        4,
                        true));
    }

    @Test
    void a_doctor_and_an_area_of_one_municipality_see_their_rows_directly() {
        Hours.Overview large = region(120);
        Hours.Overview doctor = Hours.Overview.of(
                "DOCTOR", "17", "Læge", large.asSubtotal(), large.municipalities(), List.of(), large.rows());
        assertThat(page(doctor, null, false, false).lines()).hasSize(120);
        Hours.Overview municipality = Hours.Overview.of(
                "MUNICIPALITY",
                "851",
                "Aalborg",
                large.asSubtotal(),
                large.municipalities().subList(0, 1),
                List.of(),
                large.rows());
        assertThat(page(municipality, null, false, false).listed()).isTrue();
    }

    @Test
    void the_subtotals_carry_their_figures_and_link_only_when_the_area_has_several_municipalities() {
        HoursPage page = page(region(3), null, false, false);
        assertThat(page.municipalities().get(0))
                .isEqualTo(new HoursPage.SubtotalLine(
                        "Aalborg",
                        2,
                        1,
                        "4,00 timer",
                        "3,50 timer",
                        "87.50 %",
                        "/hours?level=REGION&code=1081&municipality=851",
                        "/hours?level=REGION&code=1081&municipality=851&onlyShort=true",
                        "1 under aftalt i Aalborg"));
        assertThat(page.municipalities().get(1).shortHref())
                .as("Hjørring: none short")
                .isNull();
        assertThat(page.total().agreements()).isEqualTo(3);
        Hours.Overview large = region(3);
        Hours.Overview one = new Hours.Overview(
                "MUNICIPALITY",
                "851",
                "Aalborg",
                2,
                1,
                new BigDecimal("4"),
                new BigDecimal("3.5"),
                new BigDecimal("0.875"),
                large.municipalities().subList(0, 1),
                List.of(),
                large.rows().stream()
                        .filter(r -> r.municipalityCode().equals("851"))
                        .toList());
        HoursPage.SubtotalLine aalborg =
                page(one, null, false, false).municipalities().get(0);
        assertThat(aalborg.href()).isNull();
        assertThat(aalborg.shortHref()).isNull();
        assertThat(aalborg.shortLabel()).isNull();
    }
}
