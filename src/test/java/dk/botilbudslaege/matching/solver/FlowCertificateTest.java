package dk.botilbudslaege.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The flow certificate proves the planner's plans optimal without OR-Tools, and it can fail: worse
 * plans (a pair dropped, two facilities swapped onto longer arcs, a facility traded for one with fewer
 * residents) and infeasible ones are refused, and on small instances it accepts a random feasible plan
 * exactly when the plan is as good as the best of every assignment.
 */
class FlowCertificateTest {

    // A ~60 km square around Vejle: 0.54° of latitude and 0.96° of longitude.
    private static final double LAT = 55.45;
    private static final double LON = 9.05;

    @RepeatedTest(100)
    void the_planners_plan_on_a_medium_random_instance_is_certified_optimal(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition() * 7_919L + 3);
        CoverageInstance in = mediumInstance(random);
        double maxKm = 8 + random.nextInt(25);

        CoveragePlan plan = CoveragePlanner.plan(in, maxKm);

        assertThat(FlowCertificate.problems(in, plan, maxKm)).as("%s", plan).isEmpty();
    }

    @RepeatedTest(50)
    void the_what_if_plan_is_certified_and_a_plan_spending_more_dispensations_is_not(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition() * 6_271L + 9);
        CoverageInstance today = mediumInstance(random);
        CoverageInstance whatIf = CoveragePlanCheck.whatIf(today, 2);
        double maxKm = 8 + random.nextInt(25);

        CoveragePlan plan = CoveragePlanner.whatIf(today, whatIf, maxKm);
        assertThat(FlowCertificate.problems(whatIf, today, plan, maxKm))
                .as("%s", plan)
                .isEmpty();

        // the plain plan of the what-if instance minds distance only: when it leans on more room beyond
        // today, the what-if certificate refuses it
        CoveragePlan plain = CoveragePlanner.plan(whatIf, maxKm);
        boolean moreBeyondToday =
                CoveragePlanCheck.whatIfValue(today, whatIf, plain).beyondToday()
                        > CoveragePlanCheck.whatIfValue(today, whatIf, plan).beyondToday();
        assertThat(FlowCertificate.problems(whatIf, today, plain, maxKm).isEmpty())
                .isEqualTo(!moreBeyondToday
                        || CoveragePlanCheck.whatIfValue(today, whatIf, plain)
                                .equals(CoveragePlanCheck.whatIfValue(today, whatIf, plan)));
    }

    @Test
    void worse_plans_on_the_same_instances_fail_the_certificate() {
        int dropped = 0;
        int swapped = 0;
        int traded = 0;
        for (int seed = 1; seed <= 100; seed++) {
            Random random = new Random(seed * 7_919L + 3);
            CoverageInstance in = mediumInstance(random);
            double maxKm = 8 + random.nextInt(25);
            CoveragePlan plan = CoveragePlanner.plan(in, maxKm);
            List<CoveragePlan.PlannedPair> pairs = plan.pairs();
            if (pairs.isEmpty()) {
                continue;
            }

            // one pair fewer: the facility could still be covered, so a path from source to sink is left
            CoveragePlan drop = plan(in, pairs.subList(1, pairs.size()));
            assertThat(CoveragePlanCheck.problems(in, drop, maxKm)).isEmpty();
            assertThat(FlowCertificate.problems(in, drop, maxKm))
                    .anySatisfy(p -> assertThat(p).startsWith("not a maximum flow"));
            dropped++;

            // two doctors of different practices swap facilities onto two arcs that are longer in all
            CoveragePlan swap = longerSwap(in, pairs, maxKm);
            if (swap != null) {
                assertThat(CoveragePlanCheck.problems(in, swap, maxKm)).isEmpty();
                assertThat(CoveragePlanCheck.value(in, swap)).isLessThan(CoveragePlanCheck.value(in, plan));
                assertThat(FlowCertificate.problems(in, swap, maxKm))
                        .singleElement()
                        .satisfies(p -> assertThat(p).startsWith("not of minimum cost"));
                swapped++;
            }

            // a doctor leaves its facility for an uncovered one within reach with fewer residents
            CoveragePlan trade = fewerResidents(in, pairs, maxKm);
            if (trade != null) {
                assertThat(CoveragePlanCheck.problems(in, trade, maxKm)).isEmpty();
                assertThat(FlowCertificate.problems(in, trade, maxKm))
                        .singleElement()
                        .satisfies(p -> assertThat(p).startsWith("not of minimum cost"));
                traded++;
            }
        }
        assertThat(dropped).isGreaterThan(90);
        assertThat(swapped).isGreaterThan(30);
        assertThat(traded).isGreaterThan(10);
    }

    @Test
    void an_infeasible_plan_fails_the_certificate() {
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .doctor(10, 1, 1, false, 0)
                .facility(100, 12, LAT, LON + 0.05)
                .facility(101, 20, LAT, LON + 0.1)
                .build();
        CoverageInstance.Practice p = in.practices().get(0);
        // one doctor of capacity 1 on both facilities: beyond the practice's capacity in the network too
        List<CoveragePlan.PlannedPair> both = new ArrayList<>();
        for (CoverageInstance.Facility f : in.facilities()) {
            both.add(new CoveragePlan.PlannedPair(
                    10, f.id(), Haversine.km(p.latitude(), p.longitude(), f.latitude(), f.longitude())));
        }
        assertThat(FlowCertificate.problems(in, plan(in, both), 25))
                .anySatisfy(s -> assertThat(s).startsWith("flow 2 outside [0, 1] on source → practice 1"));
        // a pair beyond the distance has no arc to go on
        assertThat(FlowCertificate.problems(in, plan(in, both.subList(1, 2)), 5))
                .anySatisfy(s -> assertThat(s).startsWith("no arc in the network"));
    }

    @RepeatedTest(300)
    void on_small_instances_a_random_feasible_plan_is_certified_exactly_when_it_is_optimal(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition() * 104_729L + 11);
        CoverageInstance in = CoveragePlannerTest.randomInstance(random, 1 + random.nextInt(6), 1 + random.nextInt(3));
        double maxKm = 5 + random.nextInt(30);
        CoveragePlan plan = randomFeasiblePlan(in, maxKm, random);

        boolean optimal = CoveragePlanCheck.value(in, plan).equals(CoveragePlanCheck.bruteForceOptimum(in, maxKm));

        assertThat(FlowCertificate.problems(in, plan, maxKm).isEmpty())
                .as("%s", plan)
                .isEqualTo(optimal);
    }

    /** 60 facilities, 30 practices and 80 doctors in the square, a few without coordinates, mixed doctors. */
    static CoverageInstance mediumInstance(Random random) {
        CoverageInstance.Builder b = CoverageInstance.builder();
        for (int p = 1; p <= 30; p++) {
            boolean located = random.nextInt(15) > 0;
            b.practice(
                    p,
                    random.nextInt(4),
                    located ? LAT + random.nextDouble() * 0.54 : null,
                    located ? LON + random.nextDouble() * 0.96 : null);
        }
        for (int d = 1; d <= 80; d++) {
            boolean dispensed = random.nextBoolean();
            int held = random.nextInt(4) == 0 ? 1 : 0;
            int capacity = dispensed ? random.nextInt(4) : (held > 0 ? 0 : random.nextInt(2));
            b.doctor(1000 + d, 1 + random.nextInt(30), capacity, dispensed, held);
        }
        for (int f = 1; f <= 60; f++) {
            boolean located = random.nextInt(15) > 0;
            b.facility(
                    5000 + f,
                    random.nextInt(41),
                    located ? LAT + random.nextDouble() * 0.54 : null,
                    located ? LON + random.nextDouble() * 0.96 : null);
        }
        return b.build();
    }

    /** A plan of the given pairs with its sums and uncovered facilities worked out. */
    static CoveragePlan plan(CoverageInstance in, List<CoveragePlan.PlannedPair> pairs) {
        Map<Long, CoverageInstance.Facility> facilities = new HashMap<>();
        in.facilities().forEach(f -> facilities.put(f.id(), f));
        Set<Long> covered = new HashSet<>();
        long residents = 0;
        double km = 0;
        for (CoveragePlan.PlannedPair p : pairs) {
            covered.add(p.facilityId());
            residents += facilities.get(p.facilityId()).residents();
            km += p.distanceKm();
        }
        List<Long> uncovered = in.facilities().stream()
                .filter(f -> f.latitude() != null)
                .map(CoverageInstance.Facility::id)
                .filter(id -> !covered.contains(id))
                .toList();
        List<Long> unlocated = in.facilities().stream()
                .filter(f -> f.latitude() == null)
                .map(CoverageInstance.Facility::id)
                .toList();
        return new CoveragePlan(pairs, pairs.size(), residents, km, uncovered, unlocated, List.of());
    }

    private static Map<Long, CoverageInstance.Practice> practiceOfDoctor(CoverageInstance in) {
        Map<Long, CoverageInstance.Practice> map = new HashMap<>();
        in.practices().forEach(p -> in.doctorsOf(p.id()).forEach(d -> map.put(d.id(), p)));
        return map;
    }

    private static double km(CoverageInstance.Practice p, CoverageInstance.Facility f) {
        return Haversine.km(p.latitude(), p.longitude(), f.latitude(), f.longitude());
    }

    private static CoveragePlan longerSwap(CoverageInstance in, List<CoveragePlan.PlannedPair> pairs, double maxKm) {
        Map<Long, CoverageInstance.Practice> practiceOf = practiceOfDoctor(in);
        Map<Long, CoverageInstance.Facility> facilities = new HashMap<>();
        in.facilities().forEach(f -> facilities.put(f.id(), f));
        for (int i = 0; i < pairs.size(); i++) {
            for (int j = i + 1; j < pairs.size(); j++) {
                CoveragePlan.PlannedPair a = pairs.get(i);
                CoveragePlan.PlannedPair b = pairs.get(j);
                CoverageInstance.Practice pa = practiceOf.get(a.doctorId());
                CoverageInstance.Practice pb = practiceOf.get(b.doctorId());
                if (pa.id() == pb.id()) {
                    continue;
                }
                double ab = km(pa, facilities.get(b.facilityId()));
                double ba = km(pb, facilities.get(a.facilityId()));
                if (ab <= maxKm
                        && ba <= maxKm
                        && Math.round(ab * 1000) + Math.round(ba * 1000)
                                > Math.round(a.distanceKm() * 1000) + Math.round(b.distanceKm() * 1000)) {
                    List<CoveragePlan.PlannedPair> swapped = new ArrayList<>(pairs);
                    swapped.set(i, new CoveragePlan.PlannedPair(a.doctorId(), b.facilityId(), ab));
                    swapped.set(j, new CoveragePlan.PlannedPair(b.doctorId(), a.facilityId(), ba));
                    return plan(in, swapped);
                }
            }
        }
        return null;
    }

    private static CoveragePlan fewerResidents(
            CoverageInstance in, List<CoveragePlan.PlannedPair> pairs, double maxKm) {
        Map<Long, CoverageInstance.Practice> practiceOf = practiceOfDoctor(in);
        Map<Long, CoverageInstance.Facility> facilities = new HashMap<>();
        in.facilities().forEach(f -> facilities.put(f.id(), f));
        Set<Long> covered = new HashSet<>();
        pairs.forEach(p -> covered.add(p.facilityId()));
        for (int i = 0; i < pairs.size(); i++) {
            CoveragePlan.PlannedPair pair = pairs.get(i);
            CoverageInstance.Practice practice = practiceOf.get(pair.doctorId());
            for (CoverageInstance.Facility g : in.facilities()) {
                if (g.latitude() != null
                        && !covered.contains(g.id())
                        && g.residents() < facilities.get(pair.facilityId()).residents()
                        && km(practice, g) <= maxKm) {
                    List<CoveragePlan.PlannedPair> traded = new ArrayList<>(pairs);
                    traded.set(i, new CoveragePlan.PlannedPair(pair.doctorId(), g.id(), km(practice, g)));
                    return plan(in, traded);
                }
            }
        }
        return null;
    }

    /** Facilities in random order, each given to a random doctor within reach when the rules still hold. */
    private static CoveragePlan randomFeasiblePlan(CoverageInstance in, double maxKm, Random random) {
        Map<Long, CoverageInstance.Practice> practiceOf = practiceOfDoctor(in);
        List<CoverageInstance.Facility> facilities = new ArrayList<>(in.facilities());
        Collections.shuffle(facilities, random);
        List<Long> doctors = new ArrayList<>(practiceOf.keySet());
        List<CoveragePlan.PlannedPair> pairs = new ArrayList<>();
        for (CoverageInstance.Facility f : facilities) {
            if (f.latitude() == null || random.nextInt(4) == 0) {
                continue;
            }
            Collections.shuffle(doctors, random);
            for (long d : doctors) {
                CoverageInstance.Practice p = practiceOf.get(d);
                if (p.latitude() == null || km(p, f) > maxKm) {
                    continue;
                }
                pairs.add(new CoveragePlan.PlannedPair(d, f.id(), km(p, f)));
                if (CoveragePlanCheck.problems(in, plan(in, pairs), maxKm).isEmpty()) {
                    break;
                }
                pairs.remove(pairs.size() - 1);
            }
        }
        return plan(in, pairs);
    }
}
