package dk.botilbudslaege.registry;

/**
 * A general practice (klinik) with its provider number (ydernummer) and doctor capacities
 * (lægekapaciteter), which limit its fixed-doctor roles (SPEC R3).
 */
public record Practice(
        long id,
        String providerNumber,
        String name,
        String address,
        String municipalityCode,
        String municipalityName,
        String regionCode,
        ClinicType clinicType,
        int doctorCapacity,
        boolean openForNewPatients,
        boolean vatRegistered,
        Double latitude,
        Double longitude,
        int doctorCount,
        int version) {

    PracticeData data() {
        return new PracticeData(
                providerNumber,
                name,
                address,
                municipalityCode,
                clinicType,
                doctorCapacity,
                openForNewPatients,
                vatRegistered,
                latitude,
                longitude);
    }

    public record PracticeData(
            String providerNumber,
            String name,
            String address,
            String municipalityCode,
            ClinicType clinicType,
            int doctorCapacity,
            boolean openForNewPatients,
            boolean vatRegistered,
            Double latitude,
            Double longitude) {}
}
