package dk.botilbudslaege.matching.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Coverage planning (SPEC §6 M4): the assignment of doctors to uncovered facilities within a maximum
 * distance that covers the most facilities, then the most residents, then has the least total distance,
 * under R1–R3 and the dispensations in the instance. Exact: a maximum flow of minimum cost, solved by
 * {@link NetworkSimplex} (pure Java; until issue 17 OR-Tools' native min-cost flow, which the tests still
 * compare it with).
 *
 * <p>The network is source → practice → facility → sink. Every doctor of a practice travels from the
 * practice's address, so the doctors of a practice are interchangeable towards the facilities and the
 * practice can be one node whose capacity is the most facilities its doctors may take together under
 * R3 ({@link #practiceFill}): every facility uses one unit of the practice's room for a doctor without
 * a dispensation, and a doctor with a dispensation uses one unit in all. Each facility takes one doctor.
 * The maximum flow is the most facilities; among the maximum flows, the cost {@code distance in metres −
 * residents × M} with {@code M} larger than any plan's total distance in metres makes residents count
 * before distance. Distances are whole metres in the objective; the answer reports them in kilometres.
 */
public final class CoveragePlanner {

    /** The largest distance a plan may use; Denmark fits well inside it. */
    public static final double MAX_DISTANCE_KM = 1000;

    /** Solves the planner's network: the flow on every arc of a maximum flow of minimum cost. */
    interface FlowSolver {
        int[] solve(NetworkSimplex network, int source, int sink);
    }

    /** The planner's solver. */
    static final FlowSolver NETWORK_SIMPLEX = (network, source, sink) -> {
        network.solveMaxFlowWithMinCost(source, sink);
        int[] flows = new int[network.arcCount()];
        for (int e = 0; e < flows.length; e++) {
            flows[e] = network.flow(e);
        }
        return flows;
    };

    private CoveragePlanner() {}

    /** The optimal plan for the instance with every pair at most {@code maxDistanceKm} apart. */
    public static CoveragePlan plan(CoverageInstance instance, double maxDistanceKm) {
        return plan(instance, null, maxDistanceKm, NETWORK_SIMPLEX);
    }

    /**
     * The "what if" plan (SPEC §6 M4): the optimal plan for {@code whatIf} (the same area with hypothetical
     * dispensations), where, after the most facilities and the most residents, as few facilities as possible
     * rely on room the doctors do not have {@code today}, and only then the least distance. So the
     * dispensations it implies are the ones that make the difference, not ones that save a kilometre.
     */
    public static CoveragePlan whatIf(CoverageInstance today, CoverageInstance whatIf, double maxDistanceKm) {
        return plan(whatIf, today, maxDistanceKm, NETWORK_SIMPLEX);
    }

    /** The plan ({@code today} null) or the what-if plan, with the network solved by {@code solver}. */
    static CoveragePlan plan(
            CoverageInstance instance, CoverageInstance today, double maxDistanceKm, FlowSolver solver) {
        if (!(maxDistanceKm > 0 && maxDistanceKm <= MAX_DISTANCE_KM)) {
            throw new IllegalArgumentException(
                    "maxDistanceKm must be in (0, " + MAX_DISTANCE_KM + "], was " + maxDistanceKm);
        }
        List<CoverageInstance.Facility> facilities = new ArrayList<>();
        List<Long> facilitiesWithoutCoordinates = new ArrayList<>();
        for (CoverageInstance.Facility f : instance.facilities) {
            if (f.located()) {
                facilities.add(f);
            } else {
                facilitiesWithoutCoordinates.add(f.id());
            }
        }
        List<CoverageInstance.Practice> practices = new ArrayList<>();
        List<List<CoverageInstance.Doctor>> fills = new ArrayList<>();
        List<List<CoverageInstance.Doctor>> baseFills = new ArrayList<>();
        java.util.Map<Long, CoverageInstance.Practice> todayPractices = new java.util.HashMap<>();
        if (today != null) {
            today.practices.forEach(p -> todayPractices.put(p.id(), p));
        }
        List<Long> doctorsWithoutCoordinates = new ArrayList<>();
        for (CoverageInstance.Practice p : instance.practices) {
            List<CoverageInstance.Doctor> fill = practiceFill(p.room(), instance.doctorsOf(p.id()));
            if (fill.isEmpty()) {
                continue;
            }
            if (p.located()) {
                practices.add(p);
                fills.add(fill);
                CoverageInstance.Practice base = todayPractices.get(p.id());
                baseFills.add(
                        today == null
                                ? fill
                                : base == null ? List.of() : practiceFill(base.room(), today.doctorsOf(p.id())));
            } else {
                instance.doctorsOf(p.id()).stream()
                        .filter(d -> d.capacity() > 0)
                        .forEach(d -> doctorsWithoutCoordinates.add(d.id()));
            }
        }
        return solve(
                solver,
                facilities,
                practices,
                fills,
                baseFills,
                today != null,
                maxDistanceKm,
                facilitiesWithoutCoordinates,
                doctorsWithoutCoordinates);
    }

    /**
     * The order in which a practice's doctors take facilities, one entry per facility: first the doctors
     * who use no more room (a dispensation and a role already), then, for the room left, the doctors that
     * bring the most facilities per unit of room (a dispensed doctor brings its whole capacity, a doctor
     * without a dispensation one facility per unit). Its length is the most facilities the practice can take.
     */
    static List<CoverageInstance.Doctor> practiceFill(int room, List<CoverageInstance.Doctor> doctors) {
        List<CoverageInstance.Doctor> fill = new ArrayList<>();
        record Unit(CoverageInstance.Doctor doctor, int facilities) {}
        List<Unit> units = new ArrayList<>();
        for (CoverageInstance.Doctor d : doctors) {
            if (d.capacity() == 0) {
                continue;
            }
            if (d.alreadyCounted()) {
                for (int i = 0; i < d.capacity(); i++) {
                    fill.add(d);
                }
            } else if (d.dispensed()) {
                units.add(new Unit(d, d.capacity()));
            } else {
                for (int i = 0; i < d.capacity(); i++) {
                    units.add(new Unit(d, 1));
                }
            }
        }
        units.sort(Comparator.comparingInt((Unit u) -> -u.facilities())
                .thenComparingLong(u -> u.doctor().id()));
        for (Unit u : units.subList(0, Math.min(room, units.size()))) {
            for (int i = 0; i < u.facilities(); i++) {
                fill.add(u.doctor());
            }
        }
        return fill;
    }

    private static CoveragePlan solve(
            FlowSolver solver,
            List<CoverageInstance.Facility> facilities,
            List<CoverageInstance.Practice> practices,
            List<List<CoverageInstance.Doctor>> fills,
            List<List<CoverageInstance.Doctor>> baseFills,
            boolean weighExtra,
            double maxDistanceKm,
            List<Long> facilitiesWithoutCoordinates,
            List<Long> doctorsWithoutCoordinates) {
        int np = practices.size();
        int nf = facilities.size();
        int source = 0;
        int sink = np + nf + 1;
        // candidate arcs practice → facility within the distance. A pair further apart in latitude than the
        // distance allows is further apart on the ground too (haversine ≥ R·|Δφ|), so each practice looks
        // only at the band of facilities sorted by latitude around it.
        Integer[] byLatitude = new Integer[nf];
        for (int f = 0; f < nf; f++) {
            byLatitude[f] = f;
        }
        java.util.Arrays.sort(
                byLatitude, Comparator.comparingDouble(f -> facilities.get(f).latitude()));
        double[] sortedLat = new double[nf];
        for (int i = 0; i < nf; i++) {
            sortedLat[i] = facilities.get(byLatitude[i]).latitude();
        }
        double band = Math.toDegrees(maxDistanceKm / Haversine.EARTH_RADIUS_KM) + 1e-9;
        Arcs arcs = new Arcs();
        long[] longestMetres = new long[nf];
        boolean[] reachable = new boolean[nf];
        for (int p = 0; p < np; p++) {
            CoverageInstance.Practice practice = practices.get(p);
            double reach = practice.reachKm() == null ? maxDistanceKm : Math.min(maxDistanceKm, practice.reachKm());
            int from = lowerBound(sortedLat, practice.latitude() - band);
            for (int i = from; i < nf && sortedLat[i] <= practice.latitude() + band; i++) {
                int f = byLatitude[i];
                CoverageInstance.Facility facility = facilities.get(f);
                double km = Haversine.km(
                        practice.latitude(), practice.longitude(), facility.latitude(), facility.longitude());
                if (km <= reach) {
                    arcs.add(p, f, km);
                    longestMetres[f] = Math.max(longestMetres[f], metres(km));
                    reachable[f] = true;
                }
            }
        }
        // every level of the objective outweighs everything below it: distance < extra room < residents
        long extraWeight = 1;
        for (long m : longestMetres) {
            extraWeight += m;
        }
        long residentWeight = weighExtra ? Math.multiplyExact(extraWeight, nf + 1L) : extraWeight;
        NetworkSimplex flow = new NetworkSimplex(np + nf + 2, 2 * np + nf + arcs.size);
        for (int p = 0; p < np; p++) {
            int capacity = Math.min(fills.get(p).size(), nf);
            int base = Math.min(baseFills.get(p).size(), capacity);
            flow.addArc(source, 1 + p, base, 0);
            if (capacity > base) {
                flow.addArc(source, 1 + p, capacity - base, extraWeight);
            }
        }
        int firstPairArc = -1;
        for (int i = 0; i < arcs.size; i++) {
            int arc = flow.addArc(1 + arcs.practice[i], 1 + np + arcs.facility[i], 1, metres(arcs.km[i]));
            if (i == 0) {
                firstPairArc = arc;
            }
        }
        for (int f = 0; f < nf; f++) {
            if (reachable[f]) {
                flow.addArc(
                        1 + np + f,
                        sink,
                        1,
                        Math.multiplyExact(-facilities.get(f).residents(), residentWeight));
            }
        }
        int[] flows = solver.solve(flow, source, sink);
        List<List<Integer>> facilitiesOfPractice = new ArrayList<>();
        for (int p = 0; p < np; p++) {
            facilitiesOfPractice.add(new ArrayList<>());
        }
        double[] kmOf = new double[nf];
        for (int i = 0; i < arcs.size; i++) {
            if (flows[firstPairArc + i] > 0) {
                facilitiesOfPractice.get(arcs.practice[i]).add(arcs.facility[i]);
                kmOf[arcs.facility[i]] = arcs.km[i];
            }
        }
        return answer(
                facilities,
                practices,
                fills,
                baseFills,
                facilitiesOfPractice,
                kmOf,
                facilitiesWithoutCoordinates,
                doctorsWithoutCoordinates);
    }

    private static CoveragePlan answer(
            List<CoverageInstance.Facility> facilities,
            List<CoverageInstance.Practice> practices,
            List<List<CoverageInstance.Doctor>> fills,
            List<List<CoverageInstance.Doctor>> baseFills,
            List<List<Integer>> facilitiesOfPractice,
            double[] kmOf,
            List<Long> facilitiesWithoutCoordinates,
            List<Long> doctorsWithoutCoordinates) {
        List<CoveragePlan.PlannedPair> pairs = new ArrayList<>();
        boolean[] covered = new boolean[facilities.size()];
        long residents = 0;
        double totalKm = 0;
        for (int p = 0; p < practices.size(); p++) {
            List<Integer> taken = facilitiesOfPractice.get(p);
            taken.sort(Comparator.comparingDouble((Integer f) -> kmOf[f])
                    .thenComparingLong(f -> facilities.get(f).id()));
            // within today's room, today's doctors take them; beyond it, the what-if order
            List<CoverageInstance.Doctor> order =
                    taken.size() <= baseFills.get(p).size() ? baseFills.get(p) : fills.get(p);
            for (int k = 0; k < taken.size(); k++) {
                int f = taken.get(k);
                covered[f] = true;
                residents += facilities.get(f).residents();
                totalKm += kmOf[f];
                pairs.add(new CoveragePlan.PlannedPair(
                        order.get(k).id(), facilities.get(f).id(), kmOf[f]));
            }
        }
        pairs.sort(Comparator.comparingLong(CoveragePlan.PlannedPair::facilityId));
        List<Long> uncovered = new ArrayList<>();
        for (int f = 0; f < facilities.size(); f++) {
            if (!covered[f]) {
                uncovered.add(facilities.get(f).id());
            }
        }
        return new CoveragePlan(
                pairs,
                pairs.size(),
                residents,
                totalKm,
                uncovered,
                facilitiesWithoutCoordinates,
                doctorsWithoutCoordinates);
    }

    /** The first index whose value is at least {@code value}. */
    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Candidate arcs in growing primitive arrays. */
    private static final class Arcs {
        int size;
        int[] practice = new int[1024];
        int[] facility = new int[1024];
        double[] km = new double[1024];

        void add(int p, int f, double distance) {
            if (size == practice.length) {
                practice = java.util.Arrays.copyOf(practice, size * 2);
                facility = java.util.Arrays.copyOf(facility, size * 2);
                km = java.util.Arrays.copyOf(km, size * 2);
            }
            practice[size] = p;
            facility[size] = f;
            km[size++] = distance;
        }
    }

    private static long metres(double km) {
        return Math.round(km * 1000);
    }
}
