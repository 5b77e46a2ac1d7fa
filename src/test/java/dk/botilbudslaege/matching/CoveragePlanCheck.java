package dk.botilbudslaege.matching;

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

    private CoveragePlanCheck() {
    }

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
                problems.add("doctor " + id + " takes " + n + " > capacity " + doctors.get(id).capacity());
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
        if (plan.coveredFacilities() != plan.pairs().size() || plan.coveredResidents() != residents
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

    private static void search(int f, int[] choice, List<CoverageInstance.Doctor> doctors,
            List<CoverageInstance.Facility> facilities, Map<Long, CoverageInstance.Practice> practices,
            long[][] metres, CoverageInstance in, Value[] best) {
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

    private static Map<Long, CoverageInstance.Facility> facilities(CoverageInstance in) {
        Map<Long, CoverageInstance.Facility> map = new HashMap<>();
        in.facilities().forEach(f -> map.put(f.id(), f));
        return map;
    }
}
