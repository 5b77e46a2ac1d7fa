package dk.botilbudslaege.registry;

import java.util.List;

/**
 * A residential care facility (botilbud) as the registry holds it today.
 *
 * @param regionCode the region its municipality belongs to today
 * @param inScope    whether its legal basis is in scope of the scheme today (SPEC R5)
 * @param sections   its sections (afsnit), if it is split
 */
public record Facility(
        long id,
        String name,
        String address,
        String municipalityCode,
        String municipalityName,
        String regionCode,
        Operator operator,
        PrivateOwnership privateOwnership,
        LegalBasis legalBasis,
        int places,
        int residents,
        int temporaryPlaces,
        Double latitude,
        Double longitude,
        Long groupId,
        boolean inScope,
        List<Section> sections,
        int version) {

    /** A section (afsnit) of a facility, with at least 30 residents (SPEC R4). */
    public record Section(long id, String name, int residents) {}

    /** The fields a person edits, as recorded in the audit trail. */
    FacilityData data() {
        return new FacilityData(
                name,
                address,
                municipalityCode,
                operator,
                privateOwnership,
                legalBasis,
                places,
                residents,
                temporaryPlaces,
                latitude,
                longitude,
                groupId);
    }

    public record FacilityData(
            String name,
            String address,
            String municipalityCode,
            Operator operator,
            PrivateOwnership privateOwnership,
            LegalBasis legalBasis,
            int places,
            int residents,
            int temporaryPlaces,
            Double latitude,
            Double longitude,
            Long groupId) {}
}
