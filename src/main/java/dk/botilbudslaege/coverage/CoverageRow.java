package dk.botilbudslaege.coverage;

import java.math.BigDecimal;

/**
 * Coverage of one area (or one group of a breakdown) on one date (C1): in-scope facilities and how
 * many of them are covered, and the same by places.
 *
 * @param code     region or municipality code, "DK" for the nation, or the key of a breakdown group
 * @param coverage covered facilities / in-scope facilities, 0..1
 */
public record CoverageRow(String code, String name, long inScopeFacilities, long coveredFacilities,
                          BigDecimal coverage, long places, long coveredPlaces) {

    static CoverageRow of(String code, String name, long inScope, long covered, long places, long coveredPlaces) {
        return new CoverageRow(code, name, inScope, covered, CoverageRule.fraction(covered, inScope), places,
                coveredPlaces);
    }

    /** Covered places / places, 0..1. */
    public BigDecimal placesCoverage() {
        return CoverageRule.fraction(coveredPlaces, places);
    }
}
