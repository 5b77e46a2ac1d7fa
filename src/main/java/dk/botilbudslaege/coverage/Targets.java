package dk.botilbudslaege.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * C3 on a date: covered facilities against the national target, municipalities with in-scope
 * facilities and how many of them have at least one covered, and the ones still at zero. C5 (the
 * share of residents who chose the fixed doctor) is not registered anywhere yet, so it is reported as
 * such rather than as a number.
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

    /** C5: status "NOT_REGISTERED" and no share until residents' choices are recorded. */
    public record ResidentsChoice(String status, BigDecimal share) {

        static final ResidentsChoice NOT_REGISTERED = new ResidentsChoice("NOT_REGISTERED", null);
    }
}
