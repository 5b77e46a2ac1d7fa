package dk.botilbudslaege.registry;

/** Filters of the facility list; every one optional. {@code q} searches name and address. */
public record FacilityFilter(String municipalityCode, LegalBasis legalBasis, Operator operator, String q) {

    public static FacilityFilter none() {
        return new FacilityFilter(null, null, null, null);
    }
}
