package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementStatus.ACTIVE;
import static dk.botilbudslaege.agreement.AgreementStatus.DRAFT;
import static dk.botilbudslaege.agreement.AgreementStatus.ENDED;
import static dk.botilbudslaege.agreement.AgreementStatus.NOTICE_GIVEN;
import static dk.botilbudslaege.agreement.AgreementStatus.REJECTED;
import static dk.botilbudslaege.agreement.AgreementStatus.SUBMITTED;
import static dk.botilbudslaege.agreement.AgreementStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.agreement.AgreementStatus.Step;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lifecycle table (SPEC §3), walked from a draft. */
class AgreementStatusTest {

    @Test
    void a_draft_reaches_every_stored_status_and_the_decided_ones_go_nowhere() {
        Set<AgreementStatus> reached = EnumSet.of(DRAFT);
        var todo = new ArrayDeque<>(reached);
        while (!todo.isEmpty()) {
            AgreementStatus status = todo.pop();
            for (Step step : Step.values()) {
                if (step.allowedFrom(status) && reached.add(step.target())) {
                    todo.push(step.target());
                }
            }
        }
        // ENDED is derived from the dates, never a step's target
        assertThat(reached).containsExactlyInAnyOrder(DRAFT, SUBMITTED, ACTIVE, NOTICE_GIVEN, REJECTED, WITHDRAWN);
        for (AgreementStatus end : EnumSet.of(REJECTED, WITHDRAWN, ENDED)) {
            assertThat(Step.values()).noneMatch(step -> step.allowedFrom(end));
        }
    }

    @Test
    void each_step_from_where_it_may_be_taken() {
        assertThat(from(Step.CHANGE)).containsExactly(DRAFT);
        assertThat(from(Step.SUBMIT)).containsExactly(DRAFT);
        assertThat(from(Step.APPROVE)).containsExactly(SUBMITTED);
        assertThat(from(Step.REJECT)).containsExactly(SUBMITTED);
        assertThat(from(Step.WITHDRAW)).containsExactly(DRAFT, SUBMITTED);
        assertThat(from(Step.GIVE_NOTICE)).containsExactly(ACTIVE, NOTICE_GIVEN);
        assertThat(from(Step.END)).containsExactly(ACTIVE, NOTICE_GIVEN);
        assertThat(Step.APPROVE.target()).isEqualTo(ACTIVE);
        assertThat(Step.WITHDRAW.target()).isEqualTo(WITHDRAWN);
    }

    @Test
    void every_refusal_is_said_in_danish_and_english() throws IOException {
        for (String bundle : new String[] {"/messages_da.properties", "/messages_en.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getResourceAsStream(bundle)) {
                messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (Step step : Step.values()) {
                assertThat(messages).as(bundle).containsKey(step.refusal());
            }
        }
    }

    private static Set<AgreementStatus> from(Step step) {
        Set<AgreementStatus> from = EnumSet.noneOf(AgreementStatus.class);
        for (AgreementStatus status : AgreementStatus.values()) {
            if (step.allowedFrom(status)) {
                from.add(status);
            }
        }
        return from;
    }
}
