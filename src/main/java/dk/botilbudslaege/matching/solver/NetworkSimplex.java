package dk.botilbudslaege.matching.solver;

import java.util.Arrays;

/**
 * A maximum flow of minimum cost, in pure Java (issue 17, lean artifact: it replaces OR-Tools' native
 * min-cost flow). The primal network simplex method with block search pivoting, after LEMON's
 * {@code NetworkSimplex} (Kovács, "Minimum-cost flow algorithms: an experimental evaluation", 2015): a
 * spanning tree stored as parent/thread/successor-count arrays, the entering arc the most negative reduced
 * cost in a block of about √m arcs, a strongly feasible tree (ties in the leaving arc go to the last arc
 * of the cycle) so that it does not cycle.
 *
 * <p>{@link #solveMaxFlowWithMinCost} adds a bypass arc source → sink whose unit cost {@code B} is larger
 * than the difference in cost of any two flows ({@code B = 1 + Σ|cost|·capacity}), so each unit through the
 * network instead of the bypass pays off whatever it costs: the optimum carries the most flow, and among
 * the maximum flows the cheapest. The initial tree hangs every node from an artificial root (LEMON's
 * "big M" start, at {@code 2B}); the optimum uses no artificial arc. Costs are {@code long}: every potential
 * is a sum over a simple tree path, at most {@code 4B} in magnitude, and a reduced cost at most {@code 9B}, so
 * {@code B} must stay below {@code Long.MAX_VALUE / 16} (checked, never a silent overflow).
 */
public final class NetworkSimplex {

    private static final int INF = Integer.MAX_VALUE;
    private static final byte STATE_UPPER = -1;
    private static final byte STATE_TREE = 0;
    private static final byte STATE_LOWER = 1;
    private static final int DIR_UP = 1;
    private static final int DIR_DOWN = -1;

    private final int nodeNum;
    private int arcNum;
    private int[] from;
    private int[] to;
    private int[] capacity;
    private long[] unitCost;
    private int[] solvedFlow;

    /** A network of {@code nodes} nodes numbered from 0, room for {@code arcsHint} arcs to start with. */
    public NetworkSimplex(int nodes, int arcsHint) {
        if (nodes < 0 || arcsHint < 0) {
            throw new IllegalArgumentException("negative size");
        }
        this.nodeNum = nodes;
        int room = Math.max(arcsHint, 4);
        from = new int[room];
        to = new int[room];
        capacity = new int[room];
        unitCost = new long[room];
    }

    /** Adds an arc and returns its number (0, 1, 2, … in the order added). */
    public int addArc(int tail, int head, int arcCapacity, long cost) {
        if (tail < 0 || tail >= nodeNum || head < 0 || head >= nodeNum) {
            throw new IllegalArgumentException("no such node: " + tail + " → " + head);
        }
        if (arcCapacity < 0 || arcCapacity == INF) {
            throw new IllegalArgumentException("capacity out of range: " + arcCapacity);
        }
        if (arcNum == from.length) {
            int grown = arcNum * 2;
            from = Arrays.copyOf(from, grown);
            to = Arrays.copyOf(to, grown);
            capacity = Arrays.copyOf(capacity, grown);
            unitCost = Arrays.copyOf(unitCost, grown);
        }
        from[arcNum] = tail;
        to[arcNum] = head;
        capacity[arcNum] = arcCapacity;
        unitCost[arcNum] = cost;
        solvedFlow = null;
        return arcNum++;
    }

    /** How many arcs were added. */
    public int arcCount() {
        return arcNum;
    }

    /** The arc's tail. */
    public int tail(int arc) {
        return from[arc];
    }

    /** The arc's head. */
    public int head(int arc) {
        return to[arc];
    }

    /** The arc's capacity. */
    public int capacity(int arc) {
        return capacity[arc];
    }

    /** The arc's unit cost. */
    public long unitCost(int arc) {
        return unitCost[arc];
    }

    /** The flow on an arc in the last solution. */
    public int flow(int arc) {
        if (solvedFlow == null) {
            throw new IllegalStateException("not solved");
        }
        return solvedFlow[arc];
    }

    /** The total cost of the last solution (exact; an overflow throws). */
    public long optimalCost() {
        if (solvedFlow == null) {
            throw new IllegalStateException("not solved");
        }
        long cost = 0;
        for (int e = 0; e < arcNum; e++) {
            cost = Math.addExact(cost, Math.multiplyExact(unitCost[e], (long) solvedFlow[e]));
        }
        return cost;
    }

    /** The value of the last solution's flow out of {@code source}. */
    public long flowOut(int source) {
        long total = 0;
        for (int e = 0; e < arcNum; e++) {
            if (from[e] == source) {
                total += flow(e);
            }
            if (to[e] == source) {
                total -= flow(e);
            }
        }
        return total;
    }

    /**
     * Solves for a maximum flow from {@code source} to {@code sink} that, among the maximum flows, has the
     * least cost. The network must have no cycle of negative cost and infinite capacity (it has none: every
     * capacity is finite).
     */
    public void solveMaxFlowWithMinCost(int source, int sink) {
        if (source == sink || source < 0 || sink < 0 || source >= nodeNum || sink >= nodeNum) {
            throw new IllegalArgumentException("source and sink must be two nodes");
        }
        long out = 0;
        long in = 0;
        long bound = 1;
        for (int e = 0; e < arcNum; e++) {
            if (from[e] == source) {
                out += capacity[e];
            }
            if (to[e] == sink) {
                in += capacity[e];
            }
            bound = Math.addExact(bound, Math.multiplyExact(Math.abs(unitCost[e]), (long) capacity[e]));
        }
        if (bound > Long.MAX_VALUE / 16) {
            throw new ArithmeticException("costs too large for exact arithmetic: bound " + bound);
        }
        int supply = (int) Math.min(Math.min(out, in), INF - 1);
        new Solver(source, sink, supply, bound).run();
    }

    /** One run of the simplex, on arrays with the bypass and the artificial arcs after the network's own. */
    private final class Solver {
        private final int root = nodeNum;
        private final int searchArcNum;
        private final int allArcNum;
        private final int[] source;
        private final int[] target;
        private final int[] cap;
        private final long[] cost;
        private final int[] flow;
        private final byte[] state;
        private final int[] arcOf;
        private final long[] pi;
        private final int[] parent;
        private final int[] pred;
        private final int[] thread;
        private final int[] revThread;
        private final int[] succNum;
        private final int[] lastSucc;
        private final byte[] predDir;
        private final int[] dirtyRevs;
        private final int blockSize;
        private int nextArc;
        private int inArc;
        private int join;
        private int uIn;
        private int vIn;
        private int uOut;
        private int delta;

        Solver(int s, int t, int supply, long bypassCost) {
            int n = nodeNum + 1;
            searchArcNum = arcNum + 1; // the network's arcs and the bypass
            allArcNum = searchArcNum + nodeNum;
            source = new int[allArcNum];
            target = new int[allArcNum];
            cap = new int[allArcNum];
            cost = new long[allArcNum];
            flow = new int[allArcNum];
            state = new byte[allArcNum];
            arcOf = new int[searchArcNum];
            pi = new long[n];
            parent = new int[n];
            pred = new int[n];
            thread = new int[n];
            revThread = new int[n];
            succNum = new int[n];
            lastSucc = new int[n];
            predDir = new byte[n];
            dirtyRevs = new int[n];
            blockSize = Math.max((int) Math.ceil(Math.sqrt(searchArcNum)), 10);

            // the arcs in a mixed order (LEMON's arc mixing): a block then holds arcs of many nodes
            int skip = Math.max(searchArcNum / Math.max(nodeNum, 1), 3);
            for (int i = 0, j = 0, a = 0; a < searchArcNum; a++) {
                int e = a < arcNum ? a : -1;
                arcOf[i] = e;
                source[i] = e >= 0 ? from[e] : s;
                target[i] = e >= 0 ? to[e] : t;
                cap[i] = e >= 0 ? capacity[e] : INF;
                cost[i] = e >= 0 ? unitCost[e] : bypassCost;
                state[i] = STATE_LOWER;
                if ((i += skip) >= searchArcNum) {
                    i = ++j;
                }
            }
            // the artificial root and its arcs: u → root (cost 0) from every node but the sink, root → sink
            long artificialCost = 2 * bypassCost;
            parent[root] = -1;
            pred[root] = -1;
            thread[root] = 0;
            revThread[0] = root;
            succNum[root] = n;
            lastSucc[root] = root - 1;
            pi[root] = 0;
            for (int u = 0, e = searchArcNum; u < nodeNum; u++, e++) {
                parent[u] = root;
                pred[u] = e;
                thread[u] = u + 1;
                revThread[u + 1] = u;
                succNum[u] = 1;
                lastSucc[u] = u;
                cap[e] = INF;
                state[e] = STATE_TREE;
                int nodeSupply = u == s ? supply : u == t ? -supply : 0;
                if (nodeSupply >= 0) {
                    predDir[u] = DIR_UP;
                    pi[u] = 0;
                    source[e] = u;
                    target[e] = root;
                    flow[e] = nodeSupply;
                    cost[e] = 0;
                } else {
                    predDir[u] = DIR_DOWN;
                    pi[u] = artificialCost;
                    source[e] = root;
                    target[e] = u;
                    flow[e] = -nodeSupply;
                    cost[e] = artificialCost;
                }
            }
        }

        void run() {
            while (findEnteringArc()) {
                findJoinNode();
                boolean change = findLeavingArc();
                if (delta >= INF) {
                    throw new IllegalStateException("unbounded: a negative cycle of infinite capacity");
                }
                changeFlow(change);
                if (change) {
                    updateTreeStructure();
                    updatePotential();
                }
            }
            for (int e = searchArcNum; e < allArcNum; e++) {
                if (flow[e] != 0) {
                    throw new IllegalStateException("artificial flow left: the bypass cost was too small");
                }
            }
            int[] result = new int[arcNum];
            for (int i = 0; i < searchArcNum; i++) {
                if (arcOf[i] >= 0) {
                    result[arcOf[i]] = flow[i];
                }
            }
            solvedFlow = result;
        }

        /** Block search: the arc of most negative reduced cost in the first block that has one. */
        private boolean findEnteringArc() {
            long min = 0;
            int cnt = blockSize;
            int e;
            final int[] src = source;
            final int[] tgt = target;
            final long[] c = cost;
            final byte[] st = state;
            final long[] p = pi;
            for (e = nextArc; e != searchArcNum; e++) {
                long r = st[e] * (c[e] + p[src[e]] - p[tgt[e]]);
                if (r < min) {
                    min = r;
                    inArc = e;
                }
                if (--cnt == 0) {
                    if (min < 0) {
                        nextArc = e;
                        return true;
                    }
                    cnt = blockSize;
                }
            }
            for (e = 0; e != nextArc; e++) {
                long r = st[e] * (c[e] + p[src[e]] - p[tgt[e]]);
                if (r < min) {
                    min = r;
                    inArc = e;
                }
                if (--cnt == 0) {
                    if (min < 0) {
                        nextArc = e;
                        return true;
                    }
                    cnt = blockSize;
                }
            }
            if (min >= 0) {
                return false;
            }
            nextArc = e;
            return true;
        }

        private void findJoinNode() {
            int u = source[inArc];
            int v = target[inArc];
            while (u != v) {
                if (succNum[u] < succNum[v]) {
                    u = parent[u];
                } else {
                    v = parent[v];
                }
            }
            join = u;
        }

        /** The leaving arc: the last arc of least residual capacity on the cycle; false when the entering arc is. */
        private boolean findLeavingArc() {
            int first;
            int second;
            if (state[inArc] == STATE_LOWER) {
                first = source[inArc];
                second = target[inArc];
            } else {
                first = target[inArc];
                second = source[inArc];
            }
            delta = cap[inArc];
            int result = 0;
            for (int u = first; u != join; u = parent[u]) {
                int e = pred[u];
                int d = flow[e];
                if (predDir[u] == DIR_DOWN) {
                    d = cap[e] >= INF ? INF : cap[e] - d;
                }
                if (d < delta) {
                    delta = d;
                    uOut = u;
                    result = 1;
                }
            }
            for (int u = second; u != join; u = parent[u]) {
                int e = pred[u];
                int d = flow[e];
                if (predDir[u] == DIR_UP) {
                    d = cap[e] >= INF ? INF : cap[e] - d;
                }
                if (d <= delta) {
                    delta = d;
                    uOut = u;
                    result = 2;
                }
            }
            if (result == 1) {
                uIn = first;
                vIn = second;
            } else {
                uIn = second;
                vIn = first;
            }
            return result != 0;
        }

        private void changeFlow(boolean change) {
            if (delta > 0) {
                int val = state[inArc] * delta;
                flow[inArc] += val;
                for (int u = source[inArc]; u != join; u = parent[u]) {
                    flow[pred[u]] -= predDir[u] * val;
                }
                for (int u = target[inArc]; u != join; u = parent[u]) {
                    flow[pred[u]] += predDir[u] * val;
                }
            }
            if (change) {
                state[inArc] = STATE_TREE;
                state[pred[uOut]] = flow[pred[uOut]] == 0 ? STATE_LOWER : STATE_UPPER;
            } else {
                state[inArc] = (byte) -state[inArc];
            }
        }

        private void updateTreeStructure() {
            int oldRevThread = revThread[uOut];
            int oldSuccNum = succNum[uOut];
            int oldLastSucc = lastSucc[uOut];
            int vOut = parent[uOut];

            if (uIn == uOut) {
                parent[uIn] = vIn;
                pred[uIn] = inArc;
                predDir[uIn] = uIn == source[inArc] ? (byte) DIR_UP : (byte) DIR_DOWN;
                if (thread[vIn] != uOut) {
                    int after = thread[oldLastSucc];
                    thread[oldRevThread] = after;
                    revThread[after] = oldRevThread;
                    after = thread[vIn];
                    thread[vIn] = uOut;
                    revThread[uOut] = vIn;
                    thread[oldLastSucc] = after;
                    revThread[after] = oldLastSucc;
                }
            } else {
                int threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn];
                int stem = uIn;
                int parStem = vIn;
                int nextStem;
                int last = lastSucc[uIn];
                int before;
                int after = thread[last];
                thread[vIn] = uIn;
                int dirty = 0;
                dirtyRevs[dirty++] = vIn;
                while (stem != uOut) {
                    nextStem = parent[stem];
                    thread[last] = nextStem;
                    dirtyRevs[dirty++] = last;
                    before = revThread[stem];
                    thread[before] = after;
                    revThread[after] = before;
                    parent[stem] = parStem;
                    parStem = stem;
                    stem = nextStem;
                    last = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
                    after = thread[last];
                }
                parent[uOut] = parStem;
                thread[last] = threadContinue;
                revThread[threadContinue] = last;
                lastSucc[uOut] = last;
                if (oldRevThread != vIn) {
                    thread[oldRevThread] = after;
                    revThread[after] = oldRevThread;
                }
                for (int i = 0; i < dirty; i++) {
                    int u = dirtyRevs[i];
                    revThread[thread[u]] = u;
                }
                int tmpSc = 0;
                int tmpLs = lastSucc[uOut];
                for (int u = uOut, p = parent[u]; u != uIn; u = p, p = parent[u]) {
                    pred[u] = pred[p];
                    predDir[u] = (byte) -predDir[p];
                    tmpSc += succNum[u] - succNum[p];
                    succNum[u] = tmpSc;
                    lastSucc[p] = tmpLs;
                }
                pred[uIn] = inArc;
                predDir[uIn] = uIn == source[inArc] ? (byte) DIR_UP : (byte) DIR_DOWN;
                succNum[uIn] = oldSuccNum;
            }

            int upLimitOut = lastSucc[join] == vIn ? join : -1;
            int lastSuccOut = lastSucc[uOut];
            for (int u = vIn; u != -1 && lastSucc[u] == vIn; u = parent[u]) {
                lastSucc[u] = lastSuccOut;
            }
            if (join != oldRevThread && vIn != oldRevThread) {
                for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                    lastSucc[u] = oldRevThread;
                }
            } else if (lastSuccOut != oldLastSucc) {
                for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                    lastSucc[u] = lastSuccOut;
                }
            }
            for (int u = vIn; u != join; u = parent[u]) {
                succNum[u] += oldSuccNum;
            }
            for (int u = vOut; u != join; u = parent[u]) {
                succNum[u] -= oldSuccNum;
            }
        }

        private void updatePotential() {
            long sigma = pi[vIn] - pi[uIn] - predDir[uIn] * cost[inArc];
            int end = thread[lastSucc[uIn]];
            for (int u = uIn; u != end; u = thread[u]) {
                pi[u] += sigma;
            }
        }
    }
}
