package dk.botilbudslaege.demo;

import dk.botilbudslaege.demo.SyntheticRegistry.DoctorRow;
import dk.botilbudslaege.demo.SyntheticRegistry.FacilityRow;
import dk.botilbudslaege.demo.SyntheticRegistry.PracticeRow;
import java.util.List;

/**
 * Norddjurs Kommune as in its status (seed 001): 12 facilities and 8 doctors. The names are the
 * seed's; addresses, sizes and coordinates are made up for the demo.
 */
final class Norddjurs {

    private Norddjurs() {}

    static final String DEMO_DOCTOR = "Anne Kjær";

    record Group(String name, String kind, List<String> members) {}

    static final List<FacilityRow> FACILITIES = List.of(
            facility("Skovstjernen", "Skovvej 12, 8500 Grenaa", "MUNICIPAL", "SEL_108", 24, 22, 56.4221, 10.8652),
            facility("Dolmerhave", "Dolmervej 4, 8500 Grenaa", "MUNICIPAL", "ABL_105", 40, 38, 56.4102, 10.8901),
            facility("Ålunden", "Ålunden 2, 8963 Auning", "MUNICIPAL", "SEL_108", 16, 15, 56.4318, 10.3844),
            facility("Nøddebo", "Nøddebovej 7, 8500 Grenaa", "MUNICIPAL", "ABL_105", 20, 19, 56.4187, 10.8712),
            facility("Nyvang", "Nyvang 1, 8586 Ørum Djurs", "MUNICIPAL", "SEL_108", 12, 12, 56.4562, 10.6650),
            facility("Kornvænget", "Kornvænget 3, 8961 Allingåbro", "MUNICIPAL", "ABL_105", 18, 17, 56.4623, 10.3182),
            facility("Åparken", "Åparken 10, 8500 Grenaa", "MUNICIPAL", "ABL_105", 64, 62, 56.4125, 10.8798),
            facility("Banesvinget", "Banesvinget 5, 8500 Grenaa", "MUNICIPAL", "SEL_108", 10, 9, 56.4150, 10.8841),
            facility("Stadionparken", "Stadion Allé 20, 8500 Grenaa", "MUNICIPAL", "ABL_105", 28, 27, 56.4166, 10.8860),
            new FacilityRow(
                    "Glesborg bofællesskab",
                    "Hovedgaden 30, 8585 Glesborg",
                    "707",
                    "PRIVATE",
                    "SELF_OWNING",
                    "SEL_108",
                    8,
                    8,
                    0,
                    56.4912,
                    10.7321),
            facility("Kærvang", "Kærvang 8, 8963 Auning", "MUNICIPAL", "ABL_105", 14, 14, 56.4290, 10.3920),
            facility("Skovvang", "Skovvang 2, 8950 Ørsted", "MUNICIPAL", "SEL_108", 11, 10, 56.5190, 10.3340));

    /** Banesvinget and Stadionparken share a management: R7 proposes one doctor for both. */
    static final List<Group> GROUPS = List.of(
            new Group("Socialområdet Grenaa Syd", "COMMON_MANAGEMENT", List.of("Banesvinget", "Stadionparken")));

    static final List<PracticeRow> PRACTICES = List.of(
            new PracticeRow(
                    "070101",
                    "Lægerne ved Torvet",
                    "Torvet 3, 8500 Grenaa",
                    "707",
                    "ORDINARY",
                    3,
                    false,
                    false,
                    56.4158,
                    10.8781,
                    List.of(
                            new DoctorRow(DEMO_DOCTOR, false),
                            new DoctorRow("Peter Holm", false),
                            new DoctorRow("Mette Lund", false))),
            new PracticeRow(
                    "070102",
                    "Lægehuset Auning",
                    "Østergade 14, 8963 Auning",
                    "707",
                    "ORDINARY",
                    2,
                    true,
                    false,
                    56.4305,
                    10.3870,
                    List.of(new DoctorRow("Søren Bach", false), new DoctorRow("Hanne Dam", true))),
            new PracticeRow(
                    "070103",
                    "Læge Jens Vestergaard",
                    "Hovedgaden 2, 8586 Ørum Djurs",
                    "707",
                    "ORDINARY",
                    1,
                    true,
                    true,
                    56.4570,
                    10.6640,
                    List.of(new DoctorRow("Jens Vestergaard", false))),
            new PracticeRow(
                    "070104",
                    "Lægerne i Allingåbro",
                    "Nørregade 9, 8961 Allingåbro",
                    "707",
                    "TENDER",
                    2,
                    true,
                    false,
                    56.4630,
                    10.3190,
                    List.of(new DoctorRow("Katrine Møller", false), new DoctorRow("Lars Thomsen", false))));

    private static FacilityRow facility(
            String name,
            String address,
            String operator,
            String legalBasis,
            int places,
            int residents,
            double latitude,
            double longitude) {
        return new FacilityRow(
                name, address, "707", operator, null, legalBasis, places, residents, 0, latitude, longitude);
    }
}
