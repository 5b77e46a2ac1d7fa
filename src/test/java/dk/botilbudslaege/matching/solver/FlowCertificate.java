package dk.botilbudslaege.matching.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimality certificate for a {@link CoveragePlan} that does not trust OR-Tools. It rebuilds the
 * planner's network on its own (source → practice → facility → sink; practice capacity the length of
 * {@link CoveragePlanner#practiceFill}; one arc per practice and facility within the distance, costing
 * the distance in whole metres; facility → sink costing {@code −residents × M} with {@code M = 1 + Σ}
 * over facilities of its longest candidate arc in metres), puts the plan's pairs on it as a flow and
 * proves that flow optimal by the textbook conditions:
 * <ol>
 * <li>the flow is feasible: every pair on an arc of the network, capacities kept, conservation at
 * every inner node;</li>
 * <li>it is a maximum flow: the residual graph has no path from source to sink;</li>
 * <li>it is of minimum cost among the maximum flows: the residual graph has no cycle of negative cost
 * (Bellman-Ford with a FIFO queue from a virtual root at distance 0 to every node).</li>
 * </ol>
 * Before these, the plan is checked in the rules' own terms, one doctor at a time
 * ({@link CoveragePlanCheck#problems}). An empty answer proves the plan feasible and optimal for the
 * lexicographic objective of {@link CoveragePlanner} (most facilities, most residents, least metres).
 */
public final class FlowCertificate {

    private FlowCertificate() {}

    /** What is wrong with the plan; empty when it is proven feasible and optimal. */
    public static List<String> problems(CoverageInstance in, CoveragePlan plan, double maxDistanceKm) {
        return problems(in, null, plan, maxDistanceKm);
    }

    /**
     * The same for a what-if plan ({@link CoveragePlanner#whatIf}): each practice's supply is split into
     * today's room (free) and the room beyond it (costing {@code M} a facility), and residents weigh
     * {@code M × (facilities + 1)}, so the certificate also proves the fewest facilities beyond today.
     */
    public static List<String> problems(
            CoverageInstance in, CoverageInstance today, CoveragePlan plan, double maxDistanceKm) {
        List<String> problems = new ArrayList<>(CoveragePlanCheck.problems(in, plan, maxDistanceKm));
        Network net = Network.of(in, today, maxDistanceKm);
        if (!net.putFlow(in, plan, problems)) {
            return problems;
        }
        net.checkFeasible(problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        int[] path = net.augmentingPath();
        if (path != null) {
            problems.add("not a maximum flow: augmenting path " + net.describe(path));
        }
        int[] cycle = net.negativeCycle();
        if (cycle != null) {
            problems.add(
                    cycle.length == 1
                            ? "not of minimum cost: a residual walk of every node's count of improving arcs ends at "
                                    + net.describe(cycle) + ", so a negative-cost cycle exists"
                            : "not of minimum cost: negative-cost residual cycle " + net.describe(cycle) + " of cost "
                                    + net.lastCycleCost);
        }
        return problems;
    }

    /** The network as arc arrays; node 0 is the source, 1..np practices, np+1..np+nf facilities, then the sink. */
    private static final class Network {

        final int np;
        final int nf;
        final int source = 0;
        final int sink;
        final long[] practiceIds;
        final long[] facilityIds;
        final Map<Long, Integer> practiceNode = new HashMap<>();
        final Map<Long, Integer> facilityNode = new HashMap<>();
        // arcs
        int arcCount;
        int[] tail;
        int[] head;
        long[] capacity;
        long[] cost;
        long[] flow;
        double[] km;
        /** Arc index of practice → facility by key (practice node, facility node). */
        final Map<Long, Integer> pairArc = new HashMap<>();

        int[] sourceArcOf;
        /** The arc of a practice's room beyond today's, -1 when it has none (always, outside a what-if). */
        int[] extraArcOf;

        int[] sinkArcOf;

        private Network(int np, int nf, int arcsAtMost) {
            this.np = np;
            this.nf = nf;
            this.sink = np + nf + 1;
            practiceIds = new long[np];
            facilityIds = new long[nf];
            tail = new int[arcsAtMost];
            head = new int[arcsAtMost];
            capacity = new long[arcsAtMost];
            cost = new long[arcsAtMost];
            flow = new long[arcsAtMost];
            km = new double[arcsAtMost];
        }

        static Network of(CoverageInstance in, CoverageInstance today, double maxKm) {
            Map<Long, CoverageInstance.Practice> todayPractices = new HashMap<>();
            if (today != null) {
                today.practices().forEach(p -> todayPractices.put(p.id(), p));
            }
            List<CoverageInstance.Facility> facilities = in.facilities().stream()
                    .filter(f -> f.latitude() != null && f.longitude() != null)
                    .toList();
            List<CoverageInstance.Practice> practices = new ArrayList<>();
            List<Integer> fillSizes = new ArrayList<>();
            List<Integer> baseSizes = new ArrayList<>();
            for (CoverageInstance.Practice p : in.practices()) {
                int fill = CoveragePlanner.practiceFill(p.room(), in.doctorsOf(p.id()))
                        .size();
                if (fill > 0 && p.latitude() != null && p.longitude() != null) {
                    practices.add(p);
                    fillSizes.add(fill);
                    CoverageInstance.Practice base = todayPractices.get(p.id());
                    baseSizes.add(
                            today == null
                                    ? fill
                                    : base == null
                                            ? 0
                                            : Math.min(
                                                    fill,
                                                    CoveragePlanner.practiceFill(base.room(), today.doctorsOf(p.id()))
                                                            .size()));
                }
            }
            int np = practices.size();
            int nf = facilities.size();
            // distances first: the arcs within the distance and each facility's longest one
            List<int[]> pairs = new ArrayList<>();
            List<Double> pairKm = new ArrayList<>();
            long[] longest = new long[nf];
            boolean[] reachable = new boolean[nf];
            for (int p = 0; p < np; p++) {
                CoverageInstance.Practice practice = practices.get(p);
                for (int f = 0; f < nf; f++) {
                    CoverageInstance.Facility facility = facilities.get(f);
                    double d = Haversine.km(
                            practice.latitude(), practice.longitude(), facility.latitude(), facility.longitude());
                    if (d <= maxKm) {
                        pairs.add(new int[] {p, f});
                        pairKm.add(d);
                        longest[f] = Math.max(longest[f], Math.round(d * 1000));
                        reachable[f] = true;
                    }
                }
            }
            long m = 1;
            for (long l : longest) {
                m = Math.addExact(m, l);
            }
            long extraWeight = m;
            if (today != null) {
                m = Math.multiplyExact(m, nf + 1L);
            }
            Network net = new Network(np, nf, 2 * np + pairs.size() + nf);
            net.sourceArcOf = new int[np];
            net.extraArcOf = new int[np];
            Arrays.fill(net.extraArcOf, -1);
            net.sinkArcOf = new int[nf];
            Arrays.fill(net.sinkArcOf, -1);
            for (int p = 0; p < np; p++) {
                net.practiceIds[p] = practices.get(p).id();
                net.practiceNode.put(practices.get(p).id(), 1 + p);
                net.sourceArcOf[p] = net.add(net.source, 1 + p, baseSizes.get(p), 0, 0);
                if (fillSizes.get(p) > baseSizes.get(p)) {
                    net.extraArcOf[p] = net.add(net.source, 1 + p, fillSizes.get(p) - baseSizes.get(p), extraWeight, 0);
                }
            }
            for (int f = 0; f < nf; f++) {
                net.facilityIds[f] = facilities.get(f).id();
                net.facilityNode.put(facilities.get(f).id(), 1 + np + f);
            }
            for (int i = 0; i < pairs.size(); i++) {
                int[] a = pairs.get(i);
                double d = pairKm.get(i);
                int arc = net.add(1 + a[0], 1 + np + a[1], 1, Math.round(d * 1000), d);
                net.pairArc.put(key(1 + a[0], 1 + np + a[1]), arc);
            }
            for (int f = 0; f < nf; f++) {
                if (reachable[f]) {
                    net.sinkArcOf[f] = net.add(
                            1 + np + f,
                            net.sink,
                            1,
                            Math.multiplyExact(-(long) facilities.get(f).residents(), m),
                            0);
                }
            }
            return net;
        }

        private static long key(int u, int v) {
            return ((long) u << 32) | v;
        }

        private int add(int u, int v, long cap, long c, double d) {
            tail[arcCount] = u;
            head[arcCount] = v;
            capacity[arcCount] = cap;
            cost[arcCount] = c;
            km[arcCount] = d;
            return arcCount++;
        }

        int nodes() {
            return np + nf + 2;
        }

        /** Puts the plan on the network; false when a pair has no arc to go on. */
        boolean putFlow(CoverageInstance in, CoveragePlan plan, List<String> problems) {
            Map<Long, Long> practiceOfDoctor = new HashMap<>();
            for (CoverageInstance.Practice p : in.practices()) {
                for (CoverageInstance.Doctor d : in.doctorsOf(p.id())) {
                    practiceOfDoctor.put(d.id(), p.id());
                }
            }
            boolean ok = true;
            for (CoveragePlan.PlannedPair pair : plan.pairs()) {
                Long practiceId = practiceOfDoctor.get(pair.doctorId());
                Integer u = practiceId == null ? null : practiceNode.get(practiceId);
                Integer v = facilityNode.get(pair.facilityId());
                Integer arc = u == null || v == null ? null : pairArc.get(key(u, v));
                if (arc == null) {
                    problems.add("no arc in the network for " + pair);
                    ok = false;
                    continue;
                }
                flow[arc]++;
                int p = u - 1;
                int f = v - 1 - np;
                // today's room first: for a given total, the cheaper split
                if (flow[sourceArcOf[p]] < capacity[sourceArcOf[p]] || extraArcOf[p] < 0) {
                    flow[sourceArcOf[p]]++;
                } else {
                    flow[extraArcOf[p]]++;
                }
                if (sinkArcOf[f] >= 0) {
                    flow[sinkArcOf[f]]++;
                }
                if (Math.abs(km[arc] - pair.distanceKm()) > 1e-9) {
                    problems.add("distance of " + pair + " is not the arc's " + km[arc]);
                }
            }
            return ok;
        }

        void checkFeasible(List<String> problems) {
            long[] balance = new long[nodes()];
            for (int a = 0; a < arcCount; a++) {
                if (flow[a] < 0 || flow[a] > capacity[a]) {
                    problems.add("flow " + flow[a] + " outside [0, " + capacity[a] + "] on " + arcName(a));
                }
                balance[tail[a]] -= flow[a];
                balance[head[a]] += flow[a];
            }
            for (int v = 1; v < sink; v++) {
                if (balance[v] != 0) {
                    problems.add("flow not conserved at " + nodeName(v) + ": " + balance[v]);
                }
            }
            if (balance[source] + balance[sink] != 0) {
                problems.add("source sends " + -balance[source] + " but sink gets " + balance[sink]);
            }
        }

        /** Residual arcs as a compact adjacency: for node u, entries resStart[u]..resStart[u+1]. */
        private int[] resStart;

        private int[] resHead;
        private long[] resCost;
        private int[] resArc;

        private void buildResidual() {
            if (resStart != null) {
                return;
            }
            int n = nodes();
            int[] degree = new int[n + 1];
            for (int a = 0; a < arcCount; a++) {
                if (flow[a] < capacity[a]) {
                    degree[tail[a]]++;
                }
                if (flow[a] > 0) {
                    degree[head[a]]++;
                }
            }
            resStart = new int[n + 1];
            for (int v = 0; v < n; v++) {
                resStart[v + 1] = resStart[v] + degree[v];
            }
            int total = resStart[n];
            resHead = new int[total];
            resCost = new long[total];
            resArc = new int[total];
            int[] next = Arrays.copyOf(resStart, n);
            for (int a = 0; a < arcCount; a++) {
                if (flow[a] < capacity[a]) {
                    int i = next[tail[a]]++;
                    resHead[i] = head[a];
                    resCost[i] = cost[a];
                    resArc[i] = a;
                }
                if (flow[a] > 0) {
                    int i = next[head[a]]++;
                    resHead[i] = tail[a];
                    resCost[i] = -cost[a];
                    resArc[i] = ~a;
                }
            }
        }

        /** A source → sink path of the residual graph as its nodes, or null when there is none (BFS). */
        int[] augmentingPath() {
            buildResidual();
            int n = nodes();
            int[] parent = new int[n];
            Arrays.fill(parent, -1);
            parent[source] = source;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(source);
            while (!queue.isEmpty() && parent[sink] < 0) {
                int u = queue.poll();
                for (int i = resStart[u]; i < resStart[u + 1]; i++) {
                    int v = resHead[i];
                    if (parent[v] < 0) {
                        parent[v] = u;
                        queue.add(v);
                    }
                }
            }
            if (parent[sink] < 0) {
                return null;
            }
            List<Integer> nodes = new ArrayList<>();
            for (int v = sink; v != source; v = parent[v]) {
                nodes.add(v);
            }
            nodes.add(source);
            int[] path = new int[nodes.size()];
            for (int i = 0; i < path.length; i++) {
                path[i] = nodes.get(path.length - 1 - i);
            }
            return path;
        }

        /**
         * A negative-cost cycle of the residual graph as its nodes (first = last), or null when there is
         * none. Bellman-Ford with a FIFO queue (SPFA) from a virtual root joined to every node at cost 0;
         * a node whose shortest path has reached {@code n} arcs lies on, or behind, a negative cycle, which
         * is then found by walking the parent pointers.
         */
        int[] negativeCycle() {
            buildResidual();
            int n = nodes();
            long[] dist = new long[n];
            int[] parentEdge = new int[n];
            int[] length = new int[n];
            boolean[] queued = new boolean[n];
            Arrays.fill(parentEdge, -1);
            ArrayDeque<Integer> queue = new ArrayDeque<>(n);
            for (int v = 0; v < n; v++) {
                queue.add(v);
                queued[v] = true;
            }
            while (!queue.isEmpty()) {
                int u = queue.poll();
                queued[u] = false;
                for (int i = resStart[u]; i < resStart[u + 1]; i++) {
                    int v = resHead[i];
                    long candidate = dist[u] + resCost[i];
                    if (candidate < dist[v]) {
                        dist[v] = candidate;
                        parentEdge[v] = i;
                        length[v] = length[u] + 1;
                        if (length[v] >= n) {
                            // a walk of n arcs that improved every step: a negative cycle exists
                            return cycleOfParents(v, parentEdge, n);
                        }
                        if (!queued[v]) {
                            queued[v] = true;
                            queue.add(v);
                        }
                    }
                }
            }
            return null;
        }

        /** The residual tail of residual entry i. */
        private int residualTail(int i) {
            int a = resArc[i];
            return a >= 0 ? tail[a] : head[~a];
        }

        /**
         * The cycle of the parent pointers met walking back from {@code start} (any cycle of the parent
         * graph has negative cost), as its nodes with first = last; when the walk meets none, the one
         * node {@code start}, whose walk of n improving arcs proves a negative cycle all the same.
         */
        private int[] cycleOfParents(int start, int[] parentEdge, int n) {
            int[] seenAt = new int[n];
            Arrays.fill(seenAt, -1);
            List<Integer> walk = new ArrayList<>();
            int v = start;
            while (v >= 0 && seenAt[v] < 0) {
                seenAt[v] = walk.size();
                walk.add(v);
                v = parentEdge[v] < 0 ? -1 : residualTail(parentEdge[v]);
            }
            if (v < 0) {
                return new int[] {start};
            }
            List<Integer> cycle = new ArrayList<>(walk.subList(seenAt[v], walk.size()));
            cycle.add(v);
            int[] nodes = new int[cycle.size()];
            long total = 0;
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = cycle.get(nodes.length - 1 - i); // walked backwards: reverse
            }
            for (int i = 1; i < nodes.length; i++) {
                total += resCost[parentEdge[nodes[i]]];
            }
            lastCycleCost = total;
            return nodes;
        }

        /** The cost of the last cycle found, for the message. */
        long lastCycleCost;

        String describe(int[] nodes) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < nodes.length && i < 12; i++) {
                s.append(i == 0 ? "" : " → ").append(nodeName(nodes[i]));
            }
            if (nodes.length > 12) {
                s.append(" … (").append(nodes.length).append(" nodes)");
            }
            return s.toString();
        }

        private String arcName(int a) {
            return nodeName(tail[a]) + " → " + nodeName(head[a]);
        }

        private String nodeName(int v) {
            if (v == source) {
                return "source";
            }
            if (v == sink) {
                return "sink";
            }
            return v <= np ? "practice " + practiceIds[v - 1] : "facility " + facilityIds[v - 1 - np];
        }
    }
}
