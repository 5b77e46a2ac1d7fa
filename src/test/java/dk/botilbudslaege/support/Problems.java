package dk.botilbudslaege.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem answers (API.md errors), shared by the API tests of every module. */
public final class Problems {

    private Problems() {}

    /**
     * An RFC 9457 answer with this status and code, and the fields every problem has: status, title,
     * detail and code; never a stack trace.
     */
    public static JsonNode assertProblem(Api.Response answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("content type of %s", answer).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asString()).as("code of %s", answer).isEqualTo(code);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "trace");
        return body;
    }
}
