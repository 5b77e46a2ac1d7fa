package dk.botilbudslaege.coverage;

import java.math.BigDecimal;

/**
 * Coverage of one area (or one group of a breakdown) on one date (C1): in-scope facilities and how
 * many of them are covered, and the same by places; how many of the covered ones are only partly
 * covered ({@link SectionCoverage}); and the pipeline of the date ({@link Pipeline}).
 *
 * @param code                    region or municipality code, "DK" for the nation, or the key of a breakdown group
 * @param coverage                covered facilities / in-scope facilities, 0..1
 * @param coveredFacilities       facilities with an approved agreement in force (whole, a section or the group)
 * @param coveredPlaces           places of the facilities covered, of the covered sections only where partly
 * @param partlyCoveredFacilities of the covered facilities, those with some but not all sections covered
 * @param startingLater           agreements made on or before the date that start after it
 * @param awaitingApproval        forms filed on or before the date and not yet decided on it
 */
public record CoverageRow(
        String code,
        String name,
        long inScopeFacilities,
        long coveredFacilities,
        BigDecimal coverage,
        long places,
        long coveredPlaces,
        long partlyCoveredFacilities,
        long startingLater,
        long awaitingApproval) {

    /** A row without partly covered facilities and without a pipeline. */
    public CoverageRow(
            String code,
            String name,
            long inScopeFacilities,
            long coveredFacilities,
            BigDecimal coverage,
            long places,
            long coveredPlaces) {
        this(code, name, inScopeFacilities, coveredFacilities, coverage, places, coveredPlaces, 0, 0, 0);
    }

    static CoverageRow of(
            String code, String name, long inScope, long covered, long places, long coveredPlaces, long partlyCovered) {
        return new CoverageRow(
                code,
                name,
                inScope,
                covered,
                CoverageRule.fraction(covered, inScope),
                places,
                coveredPlaces,
                partlyCovered,
                0,
                0);
    }

    CoverageRow with(Pipeline pipeline) {
        return new CoverageRow(
                code,
                name,
                inScopeFacilities,
                coveredFacilities,
                coverage,
                places,
                coveredPlaces,
                partlyCoveredFacilities,
                pipeline.startingLater(),
                pipeline.awaitingApproval());
    }

    CoverageRow named(String newName) {
        return new CoverageRow(
                code,
                newName,
                inScopeFacilities,
                coveredFacilities,
                coverage,
                places,
                coveredPlaces,
                partlyCoveredFacilities,
                startingLater,
                awaitingApproval);
    }

    /** Covered places / places, 0..1. */
    public BigDecimal placesCoverage() {
        return CoverageRule.fraction(coveredPlaces, places);
    }

    /** Whether anything is on its way here: an agreement made that starts later, or a form awaiting approval. */
    public boolean hasPipeline() {
        return startingLater > 0 || awaitingApproval > 0;
    }
}
