package dk.botilbudslaege.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Extra capacities must be backed by the practice's total; doctors of one capacity each may share (R3 guards). */
class PracticeCapacitiesTest {

    @Test
    void a_doctor_with_two_capacities_fits_a_practice_of_two_alone() {
        assertThat(PracticeCapacities.fits(2, new PracticeCapacities.Held(0, 0), 2))
                .isTrue();
        assertThat(PracticeCapacities.fits(2, new PracticeCapacities.Held(1, 1), 2))
                .isFalse();
    }

    @Test
    void beside_a_doctor_with_extra_capacity_the_sum_is_bounded_also_for_a_doctor_of_one() {
        assertThat(PracticeCapacities.fits(2, new PracticeCapacities.Held(2, 2), 1))
                .isFalse();
        assertThat(PracticeCapacities.fits(3, new PracticeCapacities.Held(2, 2), 1))
                .isTrue();
    }

    @Test
    void doctors_of_one_capacity_each_may_outnumber_the_capacities_as_partners_sharing_them() {
        assertThat(PracticeCapacities.fits(1, new PracticeCapacities.Held(1, 1), 1))
                .isTrue();
        assertThat(PracticeCapacities.fits(1, new PracticeCapacities.Held(2, 1)))
                .isTrue();
        assertThat(PracticeCapacities.fits(2, new PracticeCapacities.Held(3, 2)))
                .isFalse();
    }
}
