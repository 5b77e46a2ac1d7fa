package dk.botilbudslaege.benchmark;

import dk.botilbudslaege.matching.solver.Matching;
import dk.botilbudslaege.matching.solver.MatchingInstance;
import dk.botilbudslaege.matching.solver.StableMatching;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue "Matchmaking", performance: stable matching of the whole country (SPEC §6 M3), goal under
 * 20 ms. A synthetic national instance: 3,500 doctors of capacity 1, each ranking 10 random openings
 * among the 1,136 in-scope facilities; each facility ranks, in random order, the doctors who ranked it.
 * Run with {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark=StableMatchingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StableMatchingBenchmark {

    static final int DOCTORS = 3_500;
    static final int FACILITIES = 1_136;
    static final int WISHES = 10;

    List<List<Long>> wishes;
    List<List<Long>> priorities;
    MatchingInstance instance;

    @Setup
    public void setUp() {
        Random random = new Random(2026);
        wishes = new ArrayList<>();
        priorities = new ArrayList<>();
        for (int f = 0; f < FACILITIES; f++) {
            priorities.add(new ArrayList<>());
        }
        List<Long> facilities = new ArrayList<>();
        for (long f = 0; f < FACILITIES; f++) {
            facilities.add(f);
        }
        for (int d = 0; d < DOCTORS; d++) {
            Collections.shuffle(facilities, random);
            List<Long> ranked = List.copyOf(facilities.subList(0, WISHES));
            wishes.add(ranked);
            for (long f : ranked) {
                priorities.get((int) f).add((long) d);
            }
        }
        priorities.forEach(list -> Collections.shuffle(list, random));
        instance = buildInstance();
    }

    @Benchmark
    public Matching doctorProposing() {
        return StableMatching.doctorProposing(instance);
    }

    @Benchmark
    public Matching facilityProposing() {
        return StableMatching.facilityProposing(instance);
    }

    /** Building the instance from id lists, as the wiring will do on every request. */
    @Benchmark
    public MatchingInstance buildInstance() {
        MatchingInstance.Builder b = MatchingInstance.builder();
        for (int d = 0; d < DOCTORS; d++) {
            b.doctor(d, 1, wishes.get(d));
        }
        for (int f = 0; f < FACILITIES; f++) {
            b.facility(f, priorities.get(f));
        }
        return b.build();
    }
}
