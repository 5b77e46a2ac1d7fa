package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.ConcurrentMisses;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * i17-load: concurrent misses of one key compute the answer once; the others wait for it (under load the
 * dashboard's queries ran once per waiting request whenever an entry expired).
 */
@IntegrationTest
class CoverageCacheTest {

    @Autowired
    CoverageCache cache;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrent_misses_of_one_key_compute_once() throws Exception {
        String key = "test|" + UUID.randomUUID();
        ConcurrentMisses.assertComputedOnce(compute -> cache.get(key, compute));
    }

    @Test
    void a_failed_computation_is_not_kept() {
        String key = "test|" + UUID.randomUUID();
        try {
            cache.get(key, () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the next call computes again
        }
        assertThat(cache.<List<String>>get(key, () -> List.of("second"))).containsExactly("second");
    }

    /**
     * i18-misc: a GET request reads the data version once (the /coverage page looked it up about 14 times), so its
     * answers are one consistent reading; a request that changes data, and work outside any request, read it anew
     * for every answer and so see a change at once.
     */
    @Test
    void a_get_request_reads_the_version_once_a_change_request_and_work_outside_requests_every_time() {
        assertThat(answersAcrossAChange("GET")).containsExactly("before", "before");
        assertThat(answersAcrossAChange("POST")).containsExactly("before", "after");
        assertThat(answersAcrossAChange(null)).containsExactly("before", "after");
    }

    private List<String> answersAcrossAChange(String method) {
        String key = "test|" + UUID.randomUUID();
        if (method != null) {
            RequestContextHolder.setRequestAttributes(
                    new ServletRequestAttributes(new MockHttpServletRequest(method, "/coverage")));
        }
        try {
            String first = cache.get(key, () -> "before");
            jdbc.sql("select nextval('coverage_data_version')")
                    .query(Long.class)
                    .single(); // a change committed
            String second = cache.get(key, () -> "after");
            return List.of(first, second);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
