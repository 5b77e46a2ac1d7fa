package dk.botilbudslaege.coverage;

/** A municipality's coverage on a date, with the region it belonged to that day. */
public record MunicipalityCoverage(CoverageRow coverage, String regionCode, String regionName) {

    public boolean hasFacilities() {
        return coverage.inScopeFacilities() > 0;
    }

    /** C3: in-scope facilities but not one of them covered. */
    public boolean atZero() {
        return hasFacilities() && coverage.coveredFacilities() == 0;
    }
}
