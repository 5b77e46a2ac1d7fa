package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import java.util.List;

/**
 * The capacities a practice's doctors hold together never exceed the practice's doctor capacities
 * (SPEC §3; seed 004 § 65: "en læge med ekstra kapacitet"), as soon as one of them holds extra
 * capacities. Doctors of one capacity each (the default) may outnumber the practice's capacities, as
 * in a partnership sharing them: R3 then limits their fixed-doctor roles. Checked when a doctor's
 * capacities grow or the doctor moves practice, and when a practice's doctor capacity is lowered.
 */
final class PracticeCapacities {

    static final String CODE = "PRACTICE_CAPACITIES_EXCEEDED";

    private PracticeCapacities() {}

    /** What the (other) doctors of a practice hold: in all, and the most one of them holds. */
    record Held(int total, int most) {}

    /** Whether a doctor with {@code capacities} fits beside what the practice's other doctors hold. */
    static boolean fits(int practiceCapacity, Held others, int capacities) {
        boolean extra = capacities > 1 || others.most() > 1;
        return !extra || others.total() + capacities <= practiceCapacity;
    }

    /** Whether the practice may have {@code capacity} beside what all its doctors hold. */
    static boolean fits(int capacity, Held all) {
        return all.most() <= 1 || all.total() <= capacity;
    }

    /** 422 on the doctor's field {@code capacities}: how many the practice has and how many are left. */
    static InvalidInputException exceededByDoctor(int practiceCapacity, int heldByOthers) {
        return new InvalidInputException(
                CODE,
                List.of(FieldProblem.of(
                        "capacities",
                        "doctor.capacities.exceeded",
                        practiceCapacity,
                        heldByOthers,
                        Math.max(0, practiceCapacity - heldByOthers))));
    }

    /** 422 on the practice's field {@code doctorCapacity}: its doctors already hold {@code held}. */
    static InvalidInputException exceededByPractice(int held) {
        return new InvalidInputException(
                CODE, List.of(FieldProblem.of("doctorCapacity", "practice.doctorCapacity.belowHeld", held)));
    }

    static final String IN_USE_CODE = "CAPACITIES_IN_USE";

    /** 422 on the doctor's field {@code capacities}: the doctor's roles take {@code inUse}. */
    static InvalidInputException inUse(int inUse) {
        return new InvalidInputException(
                IN_USE_CODE, List.of(FieldProblem.of("capacities", "doctor.capacities.inUse", inUse)));
    }
}
