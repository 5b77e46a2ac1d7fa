package dk.botilbudslaege.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Coverage planning (SPEC §6 M4): most facilities, then most residents, then least distance, within the
 * distance and under R1–R3; checked on hand-made cases and against every assignment of small random ones.
 */
class CoveragePlannerTest {

    // Grenaa and points east of it: 0.01° of longitude is about 0.63 km at this latitude.
    private static final double LAT = 56.4;
    private static final double LON = 10.9;

    private static double lon(double km) {
        return LON + km / (111.32 * Math.cos(Math.toRadians(LAT)));
    }

    @Test
    void one_doctor_and_two_facilities_covers_the_one_with_more_residents_even_if_it_is_farther() {
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .doctor(10, 1, 1, false, 0)
                .facility(100, 12, LAT, lon(5))
                .facility(101, 20, LAT, lon(20))
                .build();

        CoveragePlan plan = CoveragePlanner.plan(in, 25);

        assertThat(plan.pairs()).singleElement().satisfies(p -> {
            assertThat(p.doctorId()).isEqualTo(10);
            assertThat(p.facilityId()).isEqualTo(101);
            assertThat(p.distanceKm()).isCloseTo(20, org.assertj.core.data.Offset.offset(0.1));
        });
        assertThat(plan.coveredResidents()).isEqualTo(20);
        assertThat(plan.uncoveredFacilityIds()).containsExactly(100L);
    }

    @Test
    void with_equal_residents_the_nearer_facility_is_covered() {
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .doctor(10, 1, 1, false, 0)
                .facility(100, 12, LAT, lon(15))
                .facility(101, 12, LAT, lon(4))
                .build();

        assertThat(CoveragePlanner.plan(in, 25).pairs())
                .singleElement()
                .satisfies(p -> assertThat(p.facilityId()).isEqualTo(101));
    }

    @Test
    void more_facilities_come_before_more_residents() {
        // Doctor A reaches both; doctor B only the small one. Giving A the big one leaves B nothing.
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .doctor(10, 1, 1, false, 0)
                .practice(2, 1, LAT, lon(-20))
                .doctor(20, 2, 1, false, 0)
                .facility(100, 40, LAT, lon(20))
                .facility(101, 5, LAT, lon(-10))
                .build();

        CoveragePlan plan = CoveragePlanner.plan(in, 25);

        assertThat(plan.coveredFacilities()).isEqualTo(2);
        assertThat(plan.pairs())
                .extracting(CoveragePlan.PlannedPair::doctorId, CoveragePlan.PlannedPair::facilityId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(10L, 100L), org.assertj.core.groups.Tuple.tuple(20L, 101L));
    }

    @Test
    void a_facility_beyond_the_distance_is_not_covered() {
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .doctor(10, 1, 1, false, 0)
                .facility(100, 12, LAT, lon(26))
                .build();

        CoveragePlan plan = CoveragePlanner.plan(in, 25);

        assertThat(plan.pairs()).isEmpty();
        assertThat(plan.uncoveredFacilityIds()).containsExactly(100L);
        assertThat(CoveragePlanner.plan(in, 30).coveredFacilities()).isEqualTo(1);
    }

    @Test
    void a_practice_with_a_shorter_reach_takes_only_the_facilities_within_it() {
        // issue 11 item 13: a neighbouring region's practice reaches only as far as the round's reach (8 km),
        // even in a plan of 30 km; the practice of the area reaches the plan's distance
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON, 8.0)
                .doctor(10, 1, 1, false, 0)
                .facility(100, 12, LAT, lon(9))
                .build();
        assertThat(CoveragePlanner.plan(in, 30).pairs()).isEmpty();
        CoverageInstance nearer = CoverageInstance.builder()
                .practice(1, 1, LAT, LON, 8.0)
                .doctor(10, 1, 1, false, 0)
                .facility(100, 12, LAT, lon(7.9))
                .build();
        assertThat(CoveragePlanner.plan(nearer, 30).pairs())
                .singleElement()
                .satisfies(p -> assertThat(p.doctorId()).isEqualTo(10L));
        assertThat(CoveragePlanner.plan(nearer, 5).pairs()).isEmpty();
        assertThatThrownBy(() -> CoverageInstance.builder().practice(1, 1, LAT, LON, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void facilities_and_doctors_without_coordinates_are_reported_not_dropped() {
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .doctor(10, 1, 1, false, 0)
                .practice(2, 1, null, null)
                .doctor(20, 2, 1, false, 0)
                .doctor(21, 2, 0, false, 1)
                .facility(100, 12, null, null)
                .facility(101, 8, LAT, lon(3))
                .build();

        CoveragePlan plan = CoveragePlanner.plan(in, 25);

        assertThat(plan.facilitiesWithoutCoordinates()).containsExactly(100L);
        assertThat(plan.doctorsWithoutCoordinates()).containsExactly(20L);
        assertThat(plan.coveredFacilities()).isEqualTo(1);
    }

    @Test
    void r1_a_doctor_without_dispensation_takes_one_facility_and_one_with_a_dispensation_for_two_takes_two() {
        CoverageInstance.Builder b = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .facility(100, 12, LAT, lon(5))
                .facility(101, 9, LAT, lon(8));

        assertThat(CoveragePlanner.plan(b.doctor(10, 1, 1, false, 0).build(), 25)
                        .coveredFacilities())
                .isEqualTo(1);

        CoverageInstance whatIf = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .facility(100, 12, LAT, lon(5))
                .facility(101, 9, LAT, lon(8))
                .doctor(10, 1, 2, true, 0)
                .build();
        CoveragePlan plan = CoveragePlanner.plan(whatIf, 25);
        assertThat(plan.coveredFacilities()).isEqualTo(2);
        assertThat(plan.pairs()).allSatisfy(p -> assertThat(p.doctorId()).isEqualTo(10));
    }

    @Test
    void r3_a_practice_with_one_capacity_left_gives_only_one_of_its_two_doctors_a_facility() {
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .doctor(10, 1, 1, false, 0)
                .doctor(11, 1, 1, false, 0)
                .facility(100, 12, LAT, lon(5))
                .facility(101, 9, LAT, lon(8))
                .build();

        assertThat(CoveragePlanner.plan(in, 25).coveredFacilities()).isEqualTo(1);
    }

    @Test
    void r3_a_dispensed_doctor_counts_once_so_a_practice_with_one_capacity_can_take_all_its_facilities() {
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .doctor(10, 1, 1, false, 0)
                .doctor(11, 1, 3, true, 0)
                .facility(100, 12, LAT, lon(5))
                .facility(101, 9, LAT, lon(8))
                .facility(102, 9, LAT, lon(9))
                .build();

        CoveragePlan plan = CoveragePlanner.plan(in, 25);

        assertThat(plan.coveredFacilities()).isEqualTo(3);
        assertThat(plan.pairs()).allSatisfy(p -> assertThat(p.doctorId()).isEqualTo(11));
    }

    @Test
    void r3_a_practice_with_one_capacity_left_gives_it_to_the_dispensed_doctor_who_can_take_the_most() {
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .doctor(10, 1, 1, true, 0)
                .doctor(11, 1, 3, true, 0)
                .doctor(12, 1, 1, false, 0)
                .facility(100, 12, LAT, lon(5))
                .facility(101, 9, LAT, lon(8))
                .facility(102, 9, LAT, lon(9))
                .build();

        CoveragePlan plan = CoveragePlanner.plan(in, 25);

        assertThat(plan.coveredFacilities()).isEqualTo(3);
        assertThat(plan.pairs()).allSatisfy(p -> assertThat(p.doctorId()).isEqualTo(11));
    }

    @Test
    void a_dispensed_doctor_already_holding_a_role_uses_no_more_room_of_a_full_practice() {
        CoverageInstance in = CoverageInstance.builder()
                .practice(1, 0, LAT, LON)
                .doctor(10, 1, 1, true, 1)
                .doctor(11, 1, 1, false, 0)
                .facility(100, 12, LAT, lon(5))
                .facility(101, 9, LAT, lon(8))
                .build();

        CoveragePlan plan = CoveragePlanner.plan(in, 25);

        assertThat(plan.pairs())
                .singleElement()
                .satisfies(p -> assertThat(p.doctorId()).isEqualTo(10));
    }

    @Test
    void the_what_if_uses_a_dispensation_only_where_it_covers_more_not_to_save_distance() {
        // doctor 10 is free today 1.5 km away; doctor 20 already holds a role but is 1.0 km away
        CoverageInstance.Builder common = CoverageInstance.builder()
                .practice(1, 1, LAT, lon(-1.5))
                .practice(2, 1, LAT, lon(1.0))
                .facility(100, 12, LAT, LON);
        CoverageInstance today = CoverageInstance.builder()
                .practice(1, 1, LAT, lon(-1.5))
                .practice(2, 1, LAT, lon(1.0))
                .facility(100, 12, LAT, LON)
                .doctor(10, 1, 1, false, 0)
                .doctor(20, 2, 0, false, 1)
                .build();
        CoverageInstance whatIf =
                common.doctor(10, 1, 2, true, 0).doctor(20, 2, 1, true, 1).build();

        assertThat(CoveragePlanner.plan(whatIf, 25).pairs())
                .singleElement()
                .satisfies(p -> assertThat(p.doctorId()).isEqualTo(20));
        assertThat(CoveragePlanner.whatIf(today, whatIf, 25).pairs())
                .singleElement()
                .satisfies(p -> assertThat(p.doctorId()).isEqualTo(10));
    }

    @Test
    void the_what_if_gives_a_second_facility_to_the_doctor_who_needs_the_dispensation() {
        CoverageInstance today = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .facility(100, 12, LAT, lon(5))
                .facility(101, 9, LAT, lon(8))
                .doctor(10, 1, 1, false, 0)
                .build();
        CoverageInstance whatIf = CoverageInstance.builder()
                .practice(1, 1, LAT, LON)
                .facility(100, 12, LAT, lon(5))
                .facility(101, 9, LAT, lon(8))
                .doctor(10, 1, 2, true, 0)
                .build();

        assertThat(CoveragePlanner.plan(today, 25).coveredFacilities()).isEqualTo(1);
        assertThat(CoveragePlanner.whatIf(today, whatIf, 25).coveredFacilities())
                .isEqualTo(2);
    }

    @RepeatedTest(200)
    void on_small_random_instances_the_what_if_is_as_good_as_the_best_assignment_with_fewest_facilities_beyond_today(
            RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition() * 7_727L + 5);
        CoverageInstance today = randomInstance(random, 1 + random.nextInt(5), 1 + random.nextInt(3));
        CoverageInstance whatIf = CoveragePlanCheck.whatIf(today, 2);
        double maxKm = 5 + random.nextInt(30);

        CoveragePlan plan = CoveragePlanner.whatIf(today, whatIf, maxKm);

        assertThat(CoveragePlanCheck.problems(whatIf, plan, maxKm))
                .as("%s", plan)
                .isEmpty();
        assertThat(CoveragePlanCheck.whatIfValue(today, whatIf, plan))
                .isEqualTo(CoveragePlanCheck.bruteForceWhatIf(today, whatIf, maxKm));
    }

    @Test
    void a_distance_outside_the_allowed_range_is_refused() {
        CoverageInstance in = CoverageInstance.builder().build();
        assertThatThrownBy(() -> CoveragePlanner.plan(in, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoveragePlanner.plan(in, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoveragePlanner.plan(in, 1001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CoveragePlanner.plan(in, 25).pairs()).isEmpty();
    }

    @RepeatedTest(400)
    void on_small_random_instances_the_plan_is_feasible_and_as_good_as_the_best_of_every_assignment(
            RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition() * 104_729L + 11);
        CoverageInstance in = randomInstance(random, 1 + random.nextInt(6), 1 + random.nextInt(3));
        double maxKm = 5 + random.nextInt(30);

        CoveragePlan plan = CoveragePlanner.plan(in, maxKm);

        assertThat(CoveragePlanCheck.problems(in, plan, maxKm)).as("%s", plan).isEmpty();
        assertThat(CoveragePlanCheck.value(in, plan))
                .as("%s", plan)
                .isEqualTo(CoveragePlanCheck.bruteForceOptimum(in, maxKm));
    }

    /** Up to 6 facilities and a few practices within ~40 km, some without coordinates, mixed doctors. */
    static CoverageInstance randomInstance(Random random, int facilities, int practices) {
        CoverageInstance.Builder b = CoverageInstance.builder();
        long doctorId = 1;
        int doctors = 0;
        for (int p = 1; p <= practices; p++) {
            boolean located = random.nextInt(10) > 0;
            b.practice(
                    p,
                    random.nextInt(3),
                    located ? LAT + random.nextDouble() * 0.3 : null,
                    located ? lon(random.nextDouble() * 30) : null);
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n && doctors < 5; k++, doctors++) {
                boolean dispensed = random.nextBoolean();
                int held = random.nextInt(4) == 0 ? 1 : 0;
                int capacity = dispensed ? random.nextInt(4) : (held > 0 ? 0 : random.nextInt(2));
                b.doctor(doctorId++, p, capacity, dispensed, held);
            }
        }
        for (int f = 1; f <= facilities; f++) {
            boolean located = random.nextInt(12) > 0;
            b.facility(
                    100 + f,
                    random.nextInt(4) * 5,
                    located ? LAT + random.nextDouble() * 0.3 : null,
                    located ? lon(random.nextDouble() * 30) : null);
        }
        return b.build();
    }
}
