package dk.botilbudslaege.registry;

/** Filters of the facility list; every one optional. {@code q} searches name and address. */
public record FacilityFilter(
        String municipalityCode, LegalBasis legalBasis, Operator operator, String q, FixedDoctorState doctor) {

    public FacilityFilter(String municipalityCode, LegalBasis legalBasis, Operator operator, String q) {
        this(municipalityCode, legalBasis, operator, q, null);
    }

    public static FacilityFilter none() {
        return new FacilityFilter(null, null, null, null);
    }

    // issue 16 item 2: the facility list's filter "Fast læge"
    /** Whether a facility has a fixed doctor today: none, some sections only, or the whole facility. */
    public enum FixedDoctorState {
        NONE,
        PARTLY,
        COVERED
    }
}
