package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.InvalidRowsException;
import dk.botilbudslaege.common.RowProblem;
import java.util.ArrayList;
import java.util.List;

/** The problems found in an import file, up to {@link #MAX}; more than that is noted, not listed. */
final class RowProblems {

    static final int MAX = 500;

    private final List<RowProblem> problems = new ArrayList<>();
    private boolean truncated;

    void add(RowProblem problem) {
        if (problems.size() < MAX) {
            problems.add(problem);
        } else {
            truncated = true;
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Whether further problems would no longer be listed, so that reading on is pointless. */
    boolean full() {
        truncated |= problems.size() >= MAX;
        return truncated;
    }

    /** Refuses the whole file when any row was bad: nothing is imported (SPEC §2). */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<RowProblem> all = new ArrayList<>(problems);
        if (truncated) {
            all.add(RowProblem.of(null, null, null, "import.problems.truncated", MAX));
        }
        throw new InvalidRowsException(all);
    }
}
