package dk.botilbudslaege.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Issue 16 item 5 (i16-rest): every limit a round's proposals and unmatched facilities carry reads in words, never
 * as {@code ??matching.limit.null_da_DK??}. Renders the real fragments with the real messages.
 */
class LimitTextTest {

    @Test
    void every_limit_of_a_proposal_and_of_an_unmatched_facility_reads_in_words() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        List<String> limits = List.of(
                "R1:Anne Kjær",
                "R2:Peter Holm",
                "R3:Mette Lund",
                "DISPENSATION:",
                "NO_OFFERS",
                "NOT_RANKED",
                "NO_DOCTOR_WITHIN:25",
                "NO_COORDINATES:",
                "CLOSED:");
        Context context = new Context(Locale.forLanguageTag("da-DK"));
        context.setVariable("rows", List.of(new Rounds.UnmatchedRow(1, "Skovstjernen", limits)));
        String html = engine.process("matching/fragments", java.util.Set.of("unmatched(rows)"), context);
        assertThat(html)
                .doesNotContain("??")
                .contains("Anne Kjær har allerede sin faste lægerolle (R1)")
                .contains("Lægen har dispensation til flere botilbud")
                .contains("Ingen læge med plads inden for 25 km")
                .contains("Fik intet forslag, da runden blev lukket");
    }
}
