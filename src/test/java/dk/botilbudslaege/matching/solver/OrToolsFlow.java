package dk.botilbudslaege.matching.solver;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/**
 * OR-Tools' native min-cost flow on a {@link NetworkSimplex}'s arcs, in test scope only (issue 17, lean
 * artifact): the yardstick the pure-Java solver is compared with, for its answers (NetworkSimplexTest) and
 * its speed (MatchmakingNationalBenchmark).
 */
public final class OrToolsFlow implements CoveragePlanner.FlowSolver {

    static {
        Loader.loadNativeLibraries();
    }

    public static final OrToolsFlow INSTANCE = new OrToolsFlow();

    private OrToolsFlow() {}

    /** Solved by OR-Tools: the flows, then the max flow's value and its cost in the last two entries. */
    static long[] solveWithValue(NetworkSimplex network, int source, int sink) {
        int n = network.arcCount();
        int nodes = 0;
        long out = 0;
        long in = 0;
        for (int e = 0; e < n; e++) {
            nodes = Math.max(nodes, Math.max(network.tail(e), network.head(e)) + 1);
            if (network.tail(e) == source) {
                out += network.capacity(e);
            }
            if (network.head(e) == sink) {
                in += network.capacity(e);
            }
        }
        nodes = Math.max(nodes, Math.max(source, sink) + 1);
        MinCostFlow flow = new MinCostFlow(nodes, Math.max(n, 1));
        try {
            for (int e = 0; e < n; e++) {
                flow.addArcWithCapacityAndUnitCost(
                        network.tail(e), network.head(e), network.capacity(e), network.unitCost(e));
            }
            long supply = Math.min(out, in);
            flow.setNodeSupply(source, supply);
            flow.setNodeSupply(sink, -supply);
            MinCostFlowBase.Status status = flow.solveMaxFlowWithMinCost();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("OR-Tools' min-cost flow ended " + status);
            }
            long[] result = new long[n + 2];
            long value = 0;
            for (int e = 0; e < n; e++) {
                result[e] = flow.getFlow(e);
                if (network.tail(e) == source) {
                    value += result[e];
                }
                if (network.head(e) == source) {
                    value -= result[e];
                }
            }
            result[n] = value;
            result[n + 1] = flow.getOptimalCost();
            return result;
        } finally {
            flow.delete();
        }
    }

    @Override
    public int[] solve(NetworkSimplex network, int source, int sink) {
        long[] solved = solveWithValue(network, source, sink);
        int[] flows = new int[network.arcCount()];
        for (int e = 0; e < flows.length; e++) {
            flows[e] = (int) solved[e];
        }
        return flows;
    }

    /** {@link CoveragePlanner#plan} with OR-Tools as the solver. */
    public static CoveragePlan plan(CoverageInstance instance, double maxDistanceKm) {
        return CoveragePlanner.plan(instance, null, maxDistanceKm, INSTANCE);
    }

    /** {@link CoveragePlanner#whatIf} with OR-Tools as the solver. */
    public static CoveragePlan whatIf(CoverageInstance today, CoverageInstance whatIf, double maxDistanceKm) {
        return CoveragePlanner.plan(whatIf, today, maxDistanceKm, INSTANCE);
    }
}
