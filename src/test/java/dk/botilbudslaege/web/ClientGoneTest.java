package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * i19: a client that closes its connection while an answer is written (a browser leaving a page, the end of a load
 * test's run against the static css) is not a bug: nothing is answered and nothing is logged at ERROR, while a real
 * exception still is.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientGoneTest {

    private final ErrorResponses responses = new ErrorResponses(new StaticMessageSource(), new FixedLocaleResolver());

    @Test
    void a_broken_pipe_while_writing_is_no_error(CapturedOutput output) {
        var request = new MockHttpServletRequest("GET", "/css/app.css");

        Object answer = responses.unexpected(
                new ClientAbortException(new IOException("Broken pipe")), request, new MockHttpServletResponse());

        assertThat(answer).isNull();
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("Unexpected error");
    }

    @Test
    void any_other_exception_is_still_logged_as_an_error(CapturedOutput output) {
        var request = new MockHttpServletRequest("GET", "/api/v1/facilities");
        request.addHeader("Accept", "application/json");

        responses.unexpected(new IllegalStateException("a bug"), request, new MockHttpServletResponse());

        assertThat(output.getAll()).contains("Unexpected error on GET /api/v1/facilities");
    }
}
