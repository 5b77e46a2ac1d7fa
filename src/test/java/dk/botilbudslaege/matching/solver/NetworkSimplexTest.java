package dk.botilbudslaege.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java min-cost flow (issue 17, lean artifact) against OR-Tools' on random networks: the same
 * maximum flow and the same least cost, its flow feasible (capacities, conservation); on hand-made cases
 * the maximum flow comes before the cost; and on planner instances the same plan value as with OR-Tools.
 */
class NetworkSimplexTest {

    @Test
    void the_maximum_flow_comes_before_the_cost() {
        // s=0 → 1 → t=3 cheap but one unit; s → 2 → t dear; both are used
        NetworkSimplex net = new NetworkSimplex(4, 4);
        net.addArc(0, 1, 1, -5);
        net.addArc(1, 3, 1, 0);
        net.addArc(0, 2, 1, 1_000_000_000_000L);
        net.addArc(2, 3, 1, 7);
        net.solveMaxFlowWithMinCost(0, 3);
        assertThat(net.flowOut(0)).isEqualTo(2);
        assertThat(net.optimalCost()).isEqualTo(1_000_000_000_002L);
    }

    @Test
    void among_the_maximum_flows_the_cheapest_and_a_negative_arc_is_not_taken_beyond_the_maximum() {
        // a diamond: s → a → t and s → b → t, plus a → b; one unit can leave s
        NetworkSimplex net = new NetworkSimplex(4, 5);
        net.addArc(0, 1, 1, 3);
        int ab = net.addArc(1, 2, 1, -10);
        net.addArc(2, 3, 1, 4);
        net.addArc(1, 3, 1, 1);
        net.addArc(0, 2, 0, 0);
        net.solveMaxFlowWithMinCost(0, 3);
        assertThat(net.flowOut(0)).isEqualTo(1);
        assertThat(net.flow(ab)).isEqualTo(1);
        assertThat(net.optimalCost()).isEqualTo(-3);
    }

    @Test
    void no_arc_no_flow_and_costs_too_large_are_refused() {
        NetworkSimplex empty = new NetworkSimplex(2, 0);
        empty.solveMaxFlowWithMinCost(0, 1);
        assertThat(empty.optimalCost()).isZero();
        NetworkSimplex huge = new NetworkSimplex(2, 1);
        huge.addArc(0, 1, 1000, Long.MAX_VALUE / 1000);
        assertThatThrownBy(() -> huge.solveMaxFlowWithMinCost(0, 1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> huge.addArc(0, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @RepeatedTest(300)
    void on_random_acyclic_networks_it_finds_the_same_maximum_flow_and_least_cost_as_or_tools(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition() * 92_821L + 17);
        int nodes = 2 + random.nextInt(info.getCurrentRepetition() % 10 == 0 ? 300 : 25);
        int arcs = random.nextInt(nodes * (1 + random.nextInt(8)) + 1);
        long costRange = random.nextBoolean() ? 20 : 1_000_000_000_000L;
        NetworkSimplex net = new NetworkSimplex(nodes, arcs);
        // arcs go from a lower to a higher node (no cycle, so no negative cycle); source 0, sink the last node
        for (int i = 0; i < arcs; i++) {
            int a = random.nextInt(nodes);
            int b = random.nextInt(nodes);
            if (a == b) {
                continue;
            }
            long cost = (long) ((random.nextDouble() * 2 - 0.7) * costRange);
            net.addArc(Math.min(a, b), Math.max(a, b), random.nextInt(5), cost);
        }
        int source = 0;
        int sink = nodes - 1;

        net.solveMaxFlowWithMinCost(source, sink);
        long[] orTools = OrToolsFlow.solveWithValue(net, source, sink);

        assertFeasible(net, source, sink);
        assertThat(net.flowOut(source)).as("max flow").isEqualTo(orTools[net.arcCount()]);
        assertThat(net.optimalCost()).as("least cost").isEqualTo(orTools[net.arcCount() + 1]);
    }

    @RepeatedTest(100)
    void on_random_planner_instances_the_plan_is_as_good_as_or_tools_plan(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition() * 7_919L + 3);
        CoverageInstance in = FlowCertificateTest.mediumInstance(random);
        CoverageInstance whatIf = CoveragePlanCheck.whatIf(in, 2);
        double maxKm = 8 + random.nextInt(25);

        CoveragePlan plan = CoveragePlanner.plan(in, maxKm);
        CoveragePlan orTools = OrToolsFlow.plan(in, maxKm);
        assertThat(CoveragePlanCheck.value(in, plan)).isEqualTo(CoveragePlanCheck.value(in, orTools));

        CoveragePlan whatIfPlan = CoveragePlanner.whatIf(in, whatIf, maxKm);
        CoveragePlan whatIfOrTools = OrToolsFlow.whatIf(in, whatIf, maxKm);
        assertThat(CoveragePlanCheck.whatIfValue(in, whatIf, whatIfPlan))
                .isEqualTo(CoveragePlanCheck.whatIfValue(in, whatIf, whatIfOrTools));
    }

    private static void assertFeasible(NetworkSimplex net, int source, int sink) {
        long[] balance = new long[Math.max(source, sink) + 1 + net.arcCount() * 2];
        for (int e = 0; e < net.arcCount(); e++) {
            assertThat(net.flow(e)).isBetween(0, net.capacity(e));
            balance[net.tail(e)] -= net.flow(e);
            balance[net.head(e)] += net.flow(e);
        }
        for (int u = 0; u < balance.length; u++) {
            if (u != source && u != sink) {
                assertThat(balance[u]).as("conservation at %d", u).isZero();
            }
        }
    }
}
