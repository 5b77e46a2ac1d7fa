package dk.botilbudslaege.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The openings a preview or an outcome leaves without a doctor name their reason from messages: a limit with an
 * argument ({@code NO_DOCTOR_WITHIN:25}) and one without ({@code NO_OFFERS}) alike; none reads as a missing
 * message ({@code ??matching.limit.null_da_DK??}, found by the issue 12 review).
 */
@IntegrationTest
class UnmatchedLimitsShownTest {

    @Autowired
    ITemplateEngine templates;

    /** What the fragment reads of an unmatched opening. */
    public record Row(String facilityName, List<String> limits) {}

    @Test
    void limits_with_and_without_an_argument_read_as_their_danish_messages() {
        Context context = new Context(Locale.forLanguageTag("da-DK"));
        context.setVariable(
                "rows",
                List.of(
                        new Row("Skovbrynet", List.of("NO_OFFERS")),
                        new Row("Engly", List.of("NO_DOCTOR_WITHIN:25", "NO_COORDINATES"))));

        String html = templates.process("matching/fragments", Set.of("unmatched"), context);

        assertThat(html)
                .contains("Ingen læge har ønsket botilbuddet")
                .contains("Ingen læge med plads inden for 25 km")
                .contains("Botilbuddet har ingen koordinater")
                .doesNotContain("??");
    }
}
