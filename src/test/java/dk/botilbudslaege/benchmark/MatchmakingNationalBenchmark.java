package dk.botilbudslaege.benchmark;

import dk.botilbudslaege.matching.solver.BlockingPairs;
import dk.botilbudslaege.matching.solver.CoverageInstance;
import dk.botilbudslaege.matching.solver.CoveragePlan;
import dk.botilbudslaege.matching.solver.CoveragePlanner;
import dk.botilbudslaege.matching.solver.FlowCertificate;
import dk.botilbudslaege.matching.solver.Haversine;
import dk.botilbudslaege.matching.solver.Matching;
import dk.botilbudslaege.matching.solver.MatchingInstance;
import dk.botilbudslaege.matching.solver.OrToolsFlow;
import dk.botilbudslaege.matching.solver.Pair;
import dk.botilbudslaege.matching.solver.StableMatching;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue "Matchmaking", performance on the national synthetic data set ({@link NationalMatchmaking}: 1,136
 * in-scope facilities all uncovered, 3,500 doctors of capacity 1 in 1,800 practices, each doctor ranking
 * 10 openings within 50 km): stable matching of the whole country (SPEC §6 M3, goal under 20 ms), and
 * coverage planning (M4) within 50 km for one region and for the whole country (goal under 1 s), also
 * what if every doctor had a dispensation for two facilities; and the same in a scarce scenario where
 * 85 % of the doctors already hold a role (seed 000: few doctors with room).
 *
 * <p>The setup proves every answer: no blocking pair in the stable matching, an empty
 * {@link FlowCertificate} for every coverage plan; and prints how many facilities each covers.
 * Run with {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark=MatchmakingNationalBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchmakingNationalBenchmark {

    static final long SEED = 2026;
    static final double MAX_KM = 50;

    /** The whole country, as generated and in the scarce scenario. */
    @State(Scope.Benchmark)
    public static class Nation {

        MatchingInstance matching;
        CoverageInstance coverage;
        CoverageInstance whatIf;
        MatchingInstance scarceMatching;
        CoverageInstance scarceCoverage;
        CoverageInstance scarceWhatIf;

        @Setup
        public void setUp() {
            NationalMatchmaking data = new NationalMatchmaking(SEED);
            matching = data.matchingInstance(false);
            coverage = data.coverageInstance(null, false, false);
            whatIf = data.coverageInstance(null, true, false);
            scarceMatching = data.matchingInstance(true);
            scarceCoverage = data.coverageInstance(null, false, true);
            scarceWhatIf = data.coverageInstance(null, true, true);
            gain("as generated (every doctor free)", matching, coverage, whatIf);
            gain("scarce (85 % of doctors already hold a role)", scarceMatching, scarceCoverage, scarceWhatIf);
        }

        /** Proves the stable matching and both plans, and prints what each covers. */
        private static void gain(
                String scenario, MatchingInstance matching, CoverageInstance coverage, CoverageInstance whatIf) {
            Matching stable = StableMatching.doctorProposing(matching);
            List<String> invalid = BlockingPairs.validate(matching, stable);
            List<Pair> blocking = BlockingPairs.find(matching, stable);
            if (!invalid.isEmpty() || !blocking.isEmpty()) {
                throw new IllegalStateException("stable matching: " + invalid + " " + blocking);
            }
            System.out.printf("%n%s: stable matching (doctor-proposing) valid, 0 blocking pairs%n", scenario);
            CoveragePlan plan = certified(scenario, coverage, null);
            CoveragePlan whatIfPlan = certified(scenario + ", what-if", whatIf, coverage);
            Map<Long, CoverageInstance.Facility> facilities = new HashMap<>();
            coverage.facilities().forEach(f -> facilities.put(f.id(), f));
            Map<Long, CoverageInstance.Practice> practiceOf = new HashMap<>();
            coverage.practices().forEach(p -> coverage.doctorsOf(p.id()).forEach(d -> practiceOf.put(d.id(), p)));
            long residents = 0;
            double km = 0;
            for (Pair p : stable.pairs()) {
                CoverageInstance.Facility f = facilities.get(p.facilityId());
                CoverageInstance.Practice practice = practiceOf.get(p.doctorId());
                residents += f.residents();
                km += Haversine.km(practice.latitude(), practice.longitude(), f.latitude(), f.longitude());
            }
            long totalResidents = coverage.facilities().stream()
                    .mapToLong(CoverageInstance.Facility::residents)
                    .sum();
            System.out.printf(
                    "coverage gain, %s, %d in-scope facilities (%d residents), %d doctors:%n",
                    scenario, coverage.facilities().size(), totalResidents, matching.doctorCount());
            System.out.printf(
                    "  stable matching (10 wishes each)      %4d facilities  %6d residents  %9.1f km%n",
                    stable.pairs().size(), residents, km);
            System.out.printf(
                    "  coverage plan (50 km)                 %4d facilities  %6d residents  %9.1f km%n",
                    plan.coveredFacilities(), plan.coveredResidents(), plan.totalDistanceKm());
            System.out.printf(
                    "  what-if (dispensations for two)       %4d facilities  %6d residents  %9.1f km%n",
                    whatIfPlan.coveredFacilities(), whatIfPlan.coveredResidents(), whatIfPlan.totalDistanceKm());
        }
    }

    /** One region: Hovedstaden (the most facilities) and Midtjylland. */
    @State(Scope.Benchmark)
    public static class Region {

        @Param({"1084", "1082"})
        public String region;

        CoverageInstance coverage;

        @Setup
        public void setUp() {
            coverage = new NationalMatchmaking(SEED).coverageInstance(region, false);
            certified("region " + region, coverage, null);
        }
    }

    /** The plan (or, with {@code today}, the what-if plan) within 50 km, proven optimal by the flow certificate. */
    static CoveragePlan certified(String name, CoverageInstance in, CoverageInstance today) {
        CoveragePlan plan =
                today == null ? CoveragePlanner.plan(in, MAX_KM) : CoveragePlanner.whatIf(today, in, MAX_KM);
        long start = System.nanoTime();
        List<String> problems = FlowCertificate.problems(in, today, plan, MAX_KM);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!problems.isEmpty()) {
            throw new IllegalStateException(name + " coverage plan not certified: " + problems);
        }
        System.out.printf(
                "%s coverage plan: %d facilities, %d practices, %d candidate arcs; covers %d, "
                        + "certified optimal in %d ms%n",
                name,
                in.facilities().size(),
                in.practices().size(),
                candidateArcs(in).size(),
                plan.coveredFacilities(),
                ms);
        return plan;
    }

    /** The planner's distance loop: every practice and facility within the distance, boxed as it keeps them. */
    static List<int[]> candidateArcs(CoverageInstance in) {
        List<CoverageInstance.Facility> facilities = in.facilities();
        List<CoverageInstance.Practice> practices = in.practices();
        List<int[]> arcs = new ArrayList<>();
        List<Double> km = new ArrayList<>();
        for (int p = 0; p < practices.size(); p++) {
            CoverageInstance.Practice practice = practices.get(p);
            for (int f = 0; f < facilities.size(); f++) {
                CoverageInstance.Facility facility = facilities.get(f);
                double d = Haversine.km(
                        practice.latitude(), practice.longitude(), facility.latitude(), facility.longitude());
                if (d <= MAX_KM) {
                    arcs.add(new int[] {p, f});
                    km.add(d);
                }
            }
        }
        return arcs;
    }

    @Benchmark
    public Matching stableMatchingNational(Nation nation) {
        return StableMatching.doctorProposing(nation.matching);
    }

    @Benchmark
    public CoveragePlan coveragePlanRegion(Region region) {
        return CoveragePlanner.plan(region.coverage, MAX_KM);
    }

    @Benchmark
    public CoveragePlan coveragePlanNational(Nation nation) {
        return CoveragePlanner.plan(nation.coverage, MAX_KM);
    }

    @Benchmark
    public CoveragePlan coveragePlanNationalWhatIf(Nation nation) {
        return CoveragePlanner.whatIf(nation.coverage, nation.whatIf, MAX_KM);
    }

    // issue 17, lean artifact: the same plans with OR-Tools' native min-cost flow (test scope), the yardstick of
    // the pure-Java network simplex the planner uses; run both in one sitting
    @Benchmark
    public CoveragePlan coveragePlanNationalOrTools(Nation nation) {
        return OrToolsFlow.plan(nation.coverage, MAX_KM);
    }

    @Benchmark
    public CoveragePlan coveragePlanNationalWhatIfOrTools(Nation nation) {
        return OrToolsFlow.whatIf(nation.coverage, nation.whatIf, MAX_KM);
    }

    @Benchmark
    public CoveragePlan coveragePlanNationalScarceOrTools(Nation nation) {
        return OrToolsFlow.plan(nation.scarceCoverage, MAX_KM);
    }

    @Benchmark
    public Matching stableMatchingNationalScarce(Nation nation) {
        return StableMatching.doctorProposing(nation.scarceMatching);
    }

    @Benchmark
    public CoveragePlan coveragePlanNationalScarce(Nation nation) {
        return CoveragePlanner.plan(nation.scarceCoverage, MAX_KM);
    }

    @Benchmark
    public CoveragePlan coveragePlanNationalScarceWhatIf(Nation nation) {
        return CoveragePlanner.whatIf(nation.scarceCoverage, nation.scarceWhatIf, MAX_KM);
    }
}
