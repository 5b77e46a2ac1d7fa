package dk.botilbudslaege.coverage;

import static dk.botilbudslaege.coverage.SectionCoverage.State.COVERED;
import static dk.botilbudslaege.coverage.SectionCoverage.State.NOT_COVERED;
import static dk.botilbudslaege.coverage.SectionCoverage.State.PARTLY_COVERED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Sections (SPEC R4, seed 004 § 65: sections "á minimum 30 beboere"; issue 11 item 9): a facility
 * of 70 places split into Nord (34 residents) and Syd (30 residents).
 */
class SectionCoverageTest {

    @Test
    void one_of_two_sections_covered_is_partly_covered_and_counts_that_sections_places() {
        assertThat(SectionCoverage.state(false, 1, 2)).isEqualTo(PARTLY_COVERED);
        assertThat(SectionCoverage.coveredPlaces(false, 1, 2, 34, 70)).isEqualTo(34);
        assertThat(SectionCoverage.coveredPlaces(false, 1, 2, 30, 70)).isEqualTo(30);
    }

    @Test
    void a_partly_covered_facility_still_counts_as_covered_for_c1() {
        assertThat(SectionCoverage.countsAsCovered(false, 1, 2)).isTrue();
        assertThat(SectionCoverage.countsAsCovered(false, 0, 2)).isFalse();
    }

    @Test
    void both_sections_covered_is_covered_with_all_the_facilitys_places() {
        assertThat(SectionCoverage.state(false, 2, 2)).isEqualTo(COVERED);
        assertThat(SectionCoverage.coveredPlaces(false, 2, 2, 64, 70)).isEqualTo(70);
    }

    @Test
    void a_facility_covered_whole_is_covered_whatever_its_sections() {
        assertThat(SectionCoverage.state(true, 0, 0)).isEqualTo(COVERED);
        assertThat(SectionCoverage.state(true, 0, 2)).isEqualTo(COVERED);
        assertThat(SectionCoverage.coveredPlaces(true, 0, 3, 0, 19)).isEqualTo(19);
    }

    @Test
    void no_agreement_is_not_covered_with_no_places() {
        assertThat(SectionCoverage.state(false, 0, 0)).isEqualTo(NOT_COVERED);
        assertThat(SectionCoverage.state(false, 0, 3)).isEqualTo(NOT_COVERED);
        assertThat(SectionCoverage.coveredPlaces(false, 0, 3, 0, 90)).isZero();
    }

    @Test
    void a_sections_places_never_exceed_the_facilitys() {
        assertThat(SectionCoverage.coveredPlaces(false, 2, 3, 64, 60)).isEqualTo(60);
    }
}
