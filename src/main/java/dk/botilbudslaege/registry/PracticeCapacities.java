package dk.botilbudslaege.registry;

import java.util.List;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;

/**
 * The capacities a practice's doctors hold together never exceed the practice's doctor capacities
 * (SPEC §3; seed 004 § 65: "en læge med ekstra kapacitet"). Checked when a doctor's capacities grow
 * or the doctor moves practice, and when a practice's doctor capacity is lowered.
 */
final class PracticeCapacities {

    static final String CODE = "PRACTICE_CAPACITIES_EXCEEDED";

    private PracticeCapacities() {
    }

    /** Whether a doctor with {@code capacities} fits beside the {@code heldByOthers} of the practice's other doctors. */
    static boolean fits(int practiceCapacity, int heldByOthers, int capacities) {
        return heldByOthers + capacities <= practiceCapacity;
    }

    /** 422 on the doctor's field {@code capacities}: how many the practice has and how many are left. */
    static InvalidInputException exceededByDoctor(int practiceCapacity, int heldByOthers) {
        return new InvalidInputException(CODE, List.of(FieldProblem.of("capacities", "doctor.capacities.exceeded",
                practiceCapacity, heldByOthers, Math.max(0, practiceCapacity - heldByOthers))));
    }

    /** 422 on the practice's field {@code doctorCapacity}: its doctors already hold {@code held}. */
    static InvalidInputException exceededByPractice(int held) {
        return new InvalidInputException(CODE,
                List.of(FieldProblem.of("doctorCapacity", "practice.doctorCapacity.belowHeld", held)));
    }
}
