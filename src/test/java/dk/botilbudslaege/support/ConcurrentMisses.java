package dk.botilbudslaege.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/** For the tests of the version-keyed caches: concurrent misses of one key share one computation. */
public final class ConcurrentMisses {

    private ConcurrentMisses() {}

    /**
     * Eight threads ask {@code get} at once for one key's answer, whose computation takes 300 ms: each gets the answer,
     * and it was computed once.
     */
    public static void assertComputedOnce(Function<Supplier<List<String>>, List<String>> get) throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return get.apply(() -> {
                        computed.incrementAndGet();
                        sleep(300);
                        return List.of("answer");
                    });
                }));
            }
            start.countDown();
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly("answer");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computed).hasValue(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
