package dk.botilbudslaege.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * C3 on a date: covered facilities against the national target, municipalities with in-scope
 * facilities and how many of them have at least one covered, and the ones still at zero; and C5, the
 * share of residents who chose the fixed doctor, from the facilities' monthly counts ({@link ResidentsChoice}).
 *
 * @param targetProgress covered facilities / target, capped at 1
 */
public record Targets(
        LocalDate date,
        long coveredFacilities,
        int targetFacilities,
        LocalDate targetDate,
        BigDecimal targetProgress,
        long municipalitiesWithFacilities,
        long municipalitiesWithCoverage,
        List<ZeroMunicipality> municipalitiesAtZero,
        ResidentsChoice residentsChoice) {

    /** A municipality with in-scope facilities and not one covered. */
    public record ZeroMunicipality(
            String code, String name, String regionCode, String regionName, long inScopeFacilities) {

        static ZeroMunicipality of(MunicipalityCoverage m) {
            return new ZeroMunicipality(
                    m.coverage().code(),
                    m.coverage().name(),
                    m.regionCode(),
                    m.regionName(),
                    m.coverage().inScopeFacilities());
        }
    }

    /**
     * C5 (issue 13 item 5): the share of residents enrolled with the fixed doctor, over the facilities with
     * counts (each facility's latest month with counts, within the 12 months up to the day): enrolled /
     * residents. {@code NOT_REGISTERED} (share null) when no facility has counts; {@code PARTLY_REGISTERED}
     * while fewer facilities have counts than have a fixed doctor on the day ({@code coveredFacilities});
     * {@code REGISTERED} when at least as many do.
     */
    public record ResidentsChoice(
            String status,
            BigDecimal share,
            long facilitiesWithCounts,
            long coveredFacilities,
            long enrolled,
            long residents) {

        static final ResidentsChoice NOT_REGISTERED = new ResidentsChoice("NOT_REGISTERED", null, 0, 0, 0, 0);

        static ResidentsChoice of(long withCounts, long enrolled, long residents, long covered) {
            if (withCounts == 0) {
                return new ResidentsChoice("NOT_REGISTERED", null, 0, covered, 0, 0);
            }
            return new ResidentsChoice(
                    withCounts >= covered ? "REGISTERED" : "PARTLY_REGISTERED",
                    CoverageRule.fraction(enrolled, residents),
                    withCounts,
                    covered,
                    enrolled,
                    residents);
        }

        public boolean registered() {
            return share != null;
        }

        /** Facilities with a fixed doctor on the day and no counts (none when more have counts). */
        public long missing() {
            return Math.max(0, coveredFacilities - facilitiesWithCounts);
        }

        /**
         * The words after the share, with the arguments (facilities with counts, with a fixed doctor, missing):
         * where counts are missing, how many.
         */
        public String noteKey() {
            return missing() > 0 ? "coverage.choice.partly" : "coverage.choice.complete";
        }
    }
}
