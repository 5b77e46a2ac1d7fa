package dk.botilbudslaege.matching.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Independent checks of a coverage plan against its instance, in the rules' own terms (one doctor at a
 * time, not the planner's practice nodes): feasibility, and the exact optimum of small instances by
 * trying every assignment.
 */
final class CoveragePlanCheck {

    /** The lexicographic value of a plan: facilities, residents, then total distance in whole metres. */
    record Value(int facilities, long residents, long metres) implements Comparable<Value> {
        @Override
        public int compareTo(Value o) {
            if (facilities != o.facilities) {
                return Integer.compare(facilities, o.facilities);
            }
            if (residents != o.residents) {
                return Long.compare(residents, o.residents);
            }
            return Long.compare(o.metres, metres); // less distance is better
        }
    }

    private CoveragePlanCheck() {}

    static Value value(CoverageInstance in, CoveragePlan plan) {
        Map<Long, CoverageInstance.Facility> facilities = facilities(in);
        long residents = 0;
        long metres = 0;
        for (CoveragePlan.PlannedPair p : plan.pairs()) {
            residents += facilities.get(p.facilityId()).residents();
            metres += Math.round(p.distanceKm() * 1000);
        }
        return new Value(plan.pairs().size(), residents, metres);
    }

    /** The problems of a plan: empty when every rule holds and the reported sums are its pairs' sums. */
    static List<String> problems(CoverageInstance in, CoveragePlan plan, double maxKm) {
        List<String> problems = new ArrayList<>();
        Map<Long, CoverageInstance.Facility> facilities = facilities(in);
        Map<Long, CoverageInstance.Doctor> doctors = new HashMap<>();
        Map<Long, CoverageInstance.Practice> practices = new HashMap<>();
        in.practices().forEach(p -> practices.put(p.id(), p));
        in.practices().forEach(p -> in.doctorsOf(p.id()).forEach(d -> doctors.put(d.id(), d)));
        Set<Long> seen = new HashSet<>();
        Map<Long, Integer> taken = new HashMap<>();
        double km = 0;
        long residents = 0;
        for (CoveragePlan.PlannedPair p : plan.pairs()) {
            CoverageInstance.Facility f = facilities.get(p.facilityId());
            CoverageInstance.Doctor d = doctors.get(p.doctorId());
            if (f == null || d == null) {
                problems.add("unknown party in " + p);
                continue;
            }
            if (!seen.add(f.id())) {
                problems.add("facility " + f.id() + " twice");
            }
            CoverageInstance.Practice practice = practices.get(d.practiceId());
            if (f.latitude() == null || practice.latitude() == null) {
                problems.add("pair without coordinates " + p);
                continue;
            }
            double real = Haversine.km(practice.latitude(), practice.longitude(), f.latitude(), f.longitude());
            if (Math.abs(real - p.distanceKm()) > 1e-9 || real > maxKm) {
                problems.add("distance of " + p + " is " + real);
            }
            taken.merge(d.id(), 1, Integer::sum);
            km += p.distanceKm();
            residents += f.residents();
        }
        taken.forEach((id, n) -> {
            if (n > doctors.get(id).capacity()) {
                problems.add("doctor " + id + " takes " + n + " > capacity "
                        + doctors.get(id).capacity());
            }
        });
        for (CoverageInstance.Practice p : in.practices()) {
            int used = 0;
            for (CoverageInstance.Doctor d : in.doctorsOf(p.id())) {
                used += roomUsed(d, taken.getOrDefault(d.id(), 0));
            }
            if (used > p.room()) {
                problems.add("practice " + p.id() + " uses " + used + " > room " + p.room());
            }
        }
        if (plan.coveredFacilities() != plan.pairs().size()
                || plan.coveredResidents() != residents
                || Math.abs(plan.totalDistanceKm() - km) > 1e-6) {
            problems.add("sums do not match the pairs");
        }
        return problems;
    }

    /**
     * R3 as SPEC words it, per doctor: without a dispensation each role counts; with one, the doctor
     * counts once however many roles (so a dispensed doctor already holding a role adds nothing).
     */
    static int roomUsed(CoverageInstance.Doctor d, int newRoles) {
        if (!d.dispensed()) {
            return newRoles;
        }
        return Math.min(1, d.heldRoles() + newRoles) - Math.min(1, d.heldRoles());
    }

    /** The best value over every assignment of each facility to a doctor or to none (small instances only). */
    static Value bruteForceOptimum(CoverageInstance in, double maxKm) {
        List<CoverageInstance.Doctor> doctors = new ArrayList<>();
        in.practices().forEach(p -> doctors.addAll(in.doctorsOf(p.id())));
        List<CoverageInstance.Facility> facilities = in.facilities();
        Map<Long, CoverageInstance.Practice> practices = new HashMap<>();
        in.practices().forEach(p -> practices.put(p.id(), p));
        int nf = facilities.size();
        int nd = doctors.size();
        long[][] metres = new long[nd][nf];
        for (int d = 0; d < nd; d++) {
            CoverageInstance.Practice p = practices.get(doctors.get(d).practiceId());
            for (int f = 0; f < nf; f++) {
                CoverageInstance.Facility fac = facilities.get(f);
                if (p.latitude() == null || fac.latitude() == null) {
                    metres[d][f] = -1;
                } else {
                    double km = Haversine.km(p.latitude(), p.longitude(), fac.latitude(), fac.longitude());
                    metres[d][f] = km <= maxKm ? Math.round(km * 1000) : -1;
                }
            }
        }
        int[] choice = new int[nf];
        Value[] best = {new Value(0, 0, 0)};
        search(0, choice, doctors, facilities, practices, metres, in, best);
        return best[0];
    }

    private static void search(
            int f,
            int[] choice,
            List<CoverageInstance.Doctor> doctors,
            List<CoverageInstance.Facility> facilities,
            Map<Long, CoverageInstance.Practice> practices,
            long[][] metres,
            CoverageInstance in,
            Value[] best) {
        if (f == facilities.size()) {
            int[] taken = new int[doctors.size()];
            int count = 0;
            long residents = 0;
            long total = 0;
            for (int i = 0; i < choice.length; i++) {
                if (choice[i] > 0) {
                    int d = choice[i] - 1;
                    taken[d]++;
                    count++;
                    residents += facilities.get(i).residents();
                    total += metres[d][i];
                }
            }
            Map<Long, Integer> used = new HashMap<>();
            for (int d = 0; d < doctors.size(); d++) {
                if (taken[d] > doctors.get(d).capacity()) {
                    return;
                }
                used.merge(doctors.get(d).practiceId(), roomUsed(doctors.get(d), taken[d]), Integer::sum);
            }
            for (var e : used.entrySet()) {
                if (e.getValue() > practices.get(e.getKey()).room()) {
                    return;
                }
            }
            Value v = new Value(count, residents, total);
            if (v.compareTo(best[0]) > 0) {
                best[0] = v;
            }
            return;
        }
        choice[f] = 0;
        search(f + 1, choice, doctors, facilities, practices, metres, in, best);
        for (int d = 0; d < doctors.size(); d++) {
            if (metres[d][f] >= 0) {
                choice[f] = d + 1;
                search(f + 1, choice, doctors, facilities, practices, metres, in, best);
            }
        }
        choice[f] = 0;
    }

    /** The what-if's value: facilities, residents, then fewest facilities beyond today's room, then metres. */
    record WhatIfValue(int facilities, long residents, int beyondToday, long metres)
            implements Comparable<WhatIfValue> {
        @Override
        public int compareTo(WhatIfValue o) {
            if (facilities != o.facilities) {
                return Integer.compare(facilities, o.facilities);
            }
            if (residents != o.residents) {
                return Long.compare(residents, o.residents);
            }
            if (beyondToday != o.beyondToday) {
                return Integer.compare(o.beyondToday, beyondToday);
            }
            return Long.compare(o.metres, metres);
        }
    }

    /** The same area as if every doctor had a dispensation for {@code perDoctor} facilities. */
    static CoverageInstance whatIf(CoverageInstance today, int perDoctor) {
        CoverageInstance.Builder b = CoverageInstance.builder();
        today.facilities().forEach(f -> b.facility(f.id(), f.residents(), f.latitude(), f.longitude()));
        for (CoverageInstance.Practice p : today.practices()) {
            b.practice(p.id(), p.room(), p.latitude(), p.longitude());
            for (CoverageInstance.Doctor d : today.doctorsOf(p.id())) {
                b.doctor(d.id(), p.id(), Math.max(d.capacity(), perDoctor - d.heldRoles()), true, d.heldRoles());
            }
        }
        return b.build();
    }

    /** The most facilities each practice can take today: the best over every split among its doctors. */
    static int todayMost(CoverageInstance today, long practiceId) {
        List<CoverageInstance.Doctor> doctors = today.doctorsOf(practiceId);
        int room = today.practices().stream()
                .filter(p -> p.id() == practiceId)
                .findFirst()
                .orElseThrow()
                .room();
        int[] counts = new int[doctors.size()];
        return most(doctors, room, counts, 0);
    }

    private static int most(List<CoverageInstance.Doctor> doctors, int room, int[] counts, int d) {
        if (d == doctors.size()) {
            int used = 0;
            int total = 0;
            for (int i = 0; i < counts.length; i++) {
                used += roomUsed(doctors.get(i), counts[i]);
                total += counts[i];
            }
            return used <= room ? total : -1;
        }
        int best = -1;
        for (int c = 0; c <= doctors.get(d).capacity(); c++) {
            counts[d] = c;
            best = Math.max(best, most(doctors, room, counts, d + 1));
        }
        counts[d] = 0;
        return best;
    }

    static WhatIfValue whatIfValue(CoverageInstance today, CoverageInstance whatIf, CoveragePlan plan) {
        Value v = value(whatIf, plan);
        Map<Long, Long> practiceOf = new HashMap<>();
        whatIf.practices().forEach(p -> whatIf.doctorsOf(p.id()).forEach(d -> practiceOf.put(d.id(), p.id())));
        Map<Long, Integer> perPractice = new HashMap<>();
        plan.pairs().forEach(p -> perPractice.merge(practiceOf.get(p.doctorId()), 1, Integer::sum));
        int beyond = 0;
        for (var e : perPractice.entrySet()) {
            beyond += Math.max(0, e.getValue() - todayMost(today, e.getKey()));
        }
        return new WhatIfValue(v.facilities(), v.residents(), beyond, v.metres());
    }

    /** The best what-if value over every assignment the what-if rules allow (small instances only). */
    static WhatIfValue bruteForceWhatIf(CoverageInstance today, CoverageInstance whatIf, double maxKm) {
        List<CoverageInstance.Doctor> doctors = new ArrayList<>();
        whatIf.practices().forEach(p -> doctors.addAll(whatIf.doctorsOf(p.id())));
        List<CoverageInstance.Facility> facilities = whatIf.facilities();
        Map<Long, CoverageInstance.Practice> practices = new HashMap<>();
        whatIf.practices().forEach(p -> practices.put(p.id(), p));
        Map<Long, Integer> most = new HashMap<>();
        whatIf.practices().forEach(p -> most.put(p.id(), todayMost(today, p.id())));
        int nf = facilities.size();
        long[][] metres = new long[doctors.size()][nf];
        for (int d = 0; d < doctors.size(); d++) {
            CoverageInstance.Practice p = practices.get(doctors.get(d).practiceId());
            for (int f = 0; f < nf; f++) {
                CoverageInstance.Facility fac = facilities.get(f);
                double km = p.latitude() == null || fac.latitude() == null
                        ? Double.MAX_VALUE
                        : Haversine.km(p.latitude(), p.longitude(), fac.latitude(), fac.longitude());
                metres[d][f] = km <= maxKm ? Math.round(km * 1000) : -1;
            }
        }
        WhatIfValue[] best = {new WhatIfValue(0, 0, 0, 0)};
        int[] choice = new int[nf];
        enumerate(0, choice, doctors, metres, nf, () -> {
            int[] taken = new int[doctors.size()];
            int count = 0;
            long residents = 0;
            long total = 0;
            for (int i = 0; i < nf; i++) {
                if (choice[i] > 0) {
                    taken[choice[i] - 1]++;
                    count++;
                    residents += facilities.get(i).residents();
                    total += metres[choice[i] - 1][i];
                }
            }
            Map<Long, Integer> used = new HashMap<>();
            Map<Long, Integer> perPractice = new HashMap<>();
            for (int d = 0; d < doctors.size(); d++) {
                if (taken[d] > doctors.get(d).capacity()) {
                    return;
                }
                used.merge(doctors.get(d).practiceId(), roomUsed(doctors.get(d), taken[d]), Integer::sum);
                perPractice.merge(doctors.get(d).practiceId(), taken[d], Integer::sum);
            }
            int beyond = 0;
            for (var e : used.entrySet()) {
                if (e.getValue() > practices.get(e.getKey()).room()) {
                    return;
                }
                beyond += Math.max(0, perPractice.get(e.getKey()) - most.get(e.getKey()));
            }
            WhatIfValue v = new WhatIfValue(count, residents, beyond, total);
            if (v.compareTo(best[0]) > 0) {
                best[0] = v;
            }
        });
        return best[0];
    }

    private static void enumerate(
            int f, int[] choice, List<CoverageInstance.Doctor> doctors, long[][] metres, int nf, Runnable leaf) {
        if (f == nf) {
            leaf.run();
            return;
        }
        choice[f] = 0;
        enumerate(f + 1, choice, doctors, metres, nf, leaf);
        for (int d = 0; d < doctors.size(); d++) {
            if (metres[d][f] >= 0) {
                choice[f] = d + 1;
                enumerate(f + 1, choice, doctors, metres, nf, leaf);
            }
        }
        choice[f] = 0;
    }

    private static Map<Long, CoverageInstance.Facility> facilities(CoverageInstance in) {
        Map<Long, CoverageInstance.Facility> map = new HashMap<>();
        in.facilities().forEach(f -> map.put(f.id(), f));
        return map;
    }
}
