package dk.botilbudslaege.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Concurrent requests for one key's value share one computation: the first computes, the others wait for its answer
 * (or its exception) instead of each running the same queries. The version-keyed caches use it for their misses
 * ({@code coverage.CoverageCache}, {@code settlement.SettlementCache}); nothing is kept here once a computation ends.
 */
public final class SharedComputations {

    private final ConcurrentHashMap<String, CompletableFuture<Object>> running = new ConcurrentHashMap<>();

    /** The value of {@code computation} for {@code key}, computed once however many threads ask at the same time. */
    @SuppressWarnings("unchecked")
    public <T> T compute(String key, Supplier<T> computation) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> other = running.putIfAbsent(key, mine);
        if (other != null) {
            return (T) join(other);
        }
        try {
            T value = computation.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private static Object join(CompletableFuture<Object> other) {
        try {
            return other.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
