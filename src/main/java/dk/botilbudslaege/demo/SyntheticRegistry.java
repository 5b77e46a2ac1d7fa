package dk.botilbudslaege.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Generates a reproducible national registry: the same seed always gives the same facilities,
 * practices and doctors. Calibrated to KL's count of facilities in the agreement text (seed 004):
 * per legal basis the number of facilities with more than 30 places and with 30 or fewer, and the
 * total places, spread over the 98 municipalities by population.
 */
public final class SyntheticRegistry {

    /** One row of the national table in seed 004. */
    record Category(String legalBasis, int large, int small, int totalPlaces) {
        int count() {
            return large + small;
        }
    }

    /** KL's count, May 2024 (seed 004). Barnets Lov § 43 adds up its two rows (døgninstitution, opholdssted). */
    static final List<Category> NATIONAL_TABLE = List.of(
            new Category("SEL_108", 36, 435, 5_694),
            new Category("ABL_105", 157, 508, 15_418),
            new Category("SEL_107", 35, 880, 8_230),
            new Category("BL_43", 21 + 16, 164 + 388, 2_860 + 4_010));

    /** Doctors and practices nationally (SPEC §9: ~3,500 doctors in ~1,800 practices). */
    static final int DOCTORS = 3_500;

    static final int PRACTICES = 1_800;

    public record MunicipalityInfo(
            String code, String name, String mainTown, double latitude, double longitude, int population) {}

    public record FacilityRow(
            String name,
            String address,
            String municipalityCode,
            String operator,
            String privateOwnership,
            String legalBasis,
            int places,
            int residents,
            int temporaryPlaces,
            double latitude,
            double longitude) {}

    public record PracticeRow(
            String providerNumber,
            String name,
            String address,
            String municipalityCode,
            String clinicType,
            int doctorCapacity,
            boolean openForNewPatients,
            boolean vatRegistered,
            double latitude,
            double longitude,
            List<DoctorRow> doctors) {}

    public record DoctorRow(String name, boolean nursingHomeDoctor) {}

    public record Registry(List<FacilityRow> facilities, List<PracticeRow> practices) {
        public int doctorCount() {
            return practices.stream().mapToInt(p -> p.doctors().size()).sum();
        }
    }

    private static final String[] NAME_STEMS = {
        "Ege",
        "Linde",
        "Bøge",
        "Hyld",
        "Pile",
        "Rose",
        "Sol",
        "Lærke",
        "Skov",
        "Eng",
        "Å",
        "Sø",
        "Bakke",
        "Kilde",
        "Hede",
        "Strand",
        "Fjord",
        "Mølle",
        "Kirsebær",
        "Æble",
        "Birke",
        "Ahorn",
        "Valmue",
        "Kløver",
        "Hvede",
        "Rug",
        "Lyng",
        "Mose",
        "Dal",
        "Klint",
        "Vang",
        "Toft",
        "Nørre",
        "Sønder",
        "Vester",
        "Øster",
        "Humle",
        "Hassel",
        "Tjørne",
        "Asp",
        "Syren",
        "Gran",
        "Fyrre",
        "Bavne",
        "Stjerne",
        "Måne",
        "Regnbue",
        "Fugle",
        "Svane",
        "Stære"
    };
    private static final String[] NAME_SUFFIXES = {
        "huset", "gården", "bo", "lund", "vænget", "hjemmet", "højen", "parken", "haven", "toften", "stien", "bakken"
    };
    private static final String[] NAME_PREFIXES = {"Botilbuddet ", "Bofællesskabet ", "", "", "Bostedet ", ""};
    private static final String[] STREETS = {
        "Skolevej",
        "Kirkevej",
        "Parkvej",
        "Engvej",
        "Møllevej",
        "Stationsvej",
        "Skovvej",
        "Vestergade",
        "Østergade",
        "Nørregade",
        "Søndergade",
        "Bakkevej",
        "Byvej",
        "Lindevej",
        "Egevej",
        "Birkevej",
        "Rosenvænget",
        "Solvænget",
        "Ahornvej",
        "Åvej",
        "Fasanvej",
        "Kastanievej"
    };
    private static final String[] FIRST_NAMES = {
        "Anne",
        "Mette",
        "Hanne",
        "Susanne",
        "Lene",
        "Marianne",
        "Camilla",
        "Louise",
        "Maria",
        "Sofie",
        "Ida",
        "Karen",
        "Peter",
        "Jens",
        "Lars",
        "Michael",
        "Henrik",
        "Søren",
        "Thomas",
        "Martin",
        "Jesper",
        "Niels",
        "Anders",
        "Rasmus",
        "Mads",
        "Christian",
        "Morten",
        "Jakob",
        "Katrine",
        "Line",
        "Signe",
        "Birgitte",
        "Helle",
        "Pia",
        "Tine",
        "Trine",
        "Ole",
        "Kasper",
        "Simon"
    };
    private static final String[] LAST_NAMES = {
        "Nielsen",
        "Jensen",
        "Hansen",
        "Pedersen",
        "Andersen",
        "Christensen",
        "Larsen",
        "Sørensen",
        "Rasmussen",
        "Jørgensen",
        "Petersen",
        "Madsen",
        "Kristensen",
        "Olsen",
        "Thomsen",
        "Christiansen",
        "Poulsen",
        "Johansen",
        "Møller",
        "Mortensen",
        "Knudsen",
        "Mikkelsen",
        "Lund",
        "Holm",
        "Schmidt",
        "Eriksen",
        "Kjær",
        "Bach",
        "Frederiksen",
        "Dam",
        "Iversen",
        "Vestergaard",
        "Bruun"
    };

    private final Random random;

    public SyntheticRegistry(long seed) {
        this.random = new Random(seed);
    }

    /** The whole country, or just the given municipalities with the same per-inhabitant density. */
    public Registry generate(List<MunicipalityInfo> municipalities, List<MunicipalityInfo> nation) {
        long nationalPopulation =
                nation.stream().mapToLong(MunicipalityInfo::population).sum();
        List<FacilityRow> facilities = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Category category : NATIONAL_TABLE) {
            int[] large = apportion(category.large(), nation);
            int[] small = apportion(category.small(), nation);
            int meanSmall = Math.max(
                    3,
                    (category.totalPlaces() - category.large() * largeMean(category)) / Math.max(1, category.small()));
            for (int m = 0; m < nation.size(); m++) {
                MunicipalityInfo municipality = nation.get(m);
                boolean wanted = municipalities.contains(municipality);
                for (int i = 0; i < large[m] + small[m]; i++) {
                    boolean isLarge = i < large[m];
                    int places = isLarge
                            ? 31 + (int) Math.round(Math.abs(random.nextGaussian()) * (largeMean(category) - 31) * 1.25)
                            : clamp((int) Math.round(meanSmall + random.nextGaussian() * meanSmall * 0.45), 2, 30);
                    FacilityRow row = facility(category.legalBasis(), municipality, places, names);
                    if (wanted) {
                        facilities.add(row);
                    }
                }
            }
        }
        List<PracticeRow> practices = practices(municipalities, nation, nationalPopulation);
        return new Registry(facilities, practices);
    }

    private static int largeMean(Category category) {
        return category.legalBasis().equals("ABL_105") ? 52 : 40;
    }

    private FacilityRow facility(String legalBasis, MunicipalityInfo m, int places, Set<String> names) {
        String base = NAME_PREFIXES[random.nextInt(NAME_PREFIXES.length)]
                + NAME_STEMS[random.nextInt(NAME_STEMS.length)]
                + NAME_SUFFIXES[random.nextInt(NAME_SUFFIXES.length)];
        String name = base;
        for (int n = 2; !names.add(m.code() + "|" + name); n++) {
            name = base + " " + n;
        }
        String operator = operator(legalBasis);
        String ownership = operator.equals("PRIVATE") ? (random.nextInt(3) == 0 ? "COMMERCIAL" : "SELF_OWNING") : null;
        int vacancies = places <= 3 ? 0 : random.nextInt(3);
        int temporary = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0;
        return new FacilityRow(
                name,
                address(m),
                m.code(),
                operator,
                ownership,
                legalBasis,
                places,
                places - vacancies,
                temporary,
                jitter(m.latitude(), 0.07, 54.56, 57.74),
                jitter(m.longitude(), 0.11, 8.08, 15.19));
    }

    private String operator(String legalBasis) {
        int r = random.nextInt(100);
        return switch (legalBasis) {
            case "BL_43" -> r < 35 ? "MUNICIPAL" : r < 40 ? "REGIONAL" : "PRIVATE";
            case "ABL_105" -> r < 82 ? "MUNICIPAL" : r < 85 ? "REGIONAL" : "PRIVATE";
            default -> r < 70 ? "MUNICIPAL" : r < 80 ? "REGIONAL" : "PRIVATE";
        };
    }

    private List<PracticeRow> practices(
            List<MunicipalityInfo> municipalities, List<MunicipalityInfo> nation, long nationalPopulation) {
        int[] practicesPer = apportion(PRACTICES, nation);
        int[] doctorsPer = apportion(DOCTORS, nation);
        List<PracticeRow> practices = new ArrayList<>();
        int providerSeq = 0;
        for (int m = 0; m < nation.size(); m++) {
            MunicipalityInfo municipality = nation.get(m);
            int count = Math.max(1, practicesPer[m]);
            int doctors = Math.max(count, doctorsPer[m]);
            int[] sizes = new int[count];
            java.util.Arrays.fill(sizes, 1);
            for (int extra = doctors - count; extra > 0; extra--) {
                sizes[random.nextInt(count)]++;
            }
            for (int p = 0; p < count; p++) {
                providerSeq++;
                int size = sizes[p];
                int capacity = size + (random.nextInt(6) == 0 ? 1 : 0);
                List<DoctorRow> doctorRows = IntStream.range(0, size)
                        .mapToObj(i -> new DoctorRow(personName(), random.nextInt(100) < 8))
                        .toList();
                int r = random.nextInt(100);
                String clinicType = r < 95 ? "ORDINARY" : r < 98 ? "TENDER" : "REGIONAL";
                String lastName = doctorRows
                        .get(0)
                        .name()
                        .substring(doctorRows.get(0).name().indexOf(' ') + 1);
                String name = size == 1
                        ? "Læge " + doctorRows.get(0).name()
                        : random.nextBoolean()
                                ? "Lægerne " + municipality.mainTown() + " " + STREETS[random.nextInt(STREETS.length)]
                                : "Lægehuset " + lastName + " & Co.";
                PracticeRow row = new PracticeRow(
                        String.format("%06d", 100_000 + providerSeq * 7 % 900_000),
                        name,
                        address(municipality),
                        municipality.code(),
                        clinicType,
                        capacity,
                        random.nextInt(10) < 7,
                        random.nextInt(10) < 2,
                        jitter(municipality.latitude(), 0.05, 54.56, 57.74),
                        jitter(municipality.longitude(), 0.08, 8.08, 15.19),
                        doctorRows);
                if (municipalities.contains(municipality)) {
                    practices.add(row);
                }
            }
        }
        return practices;
    }

    private String personName() {
        return FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    }

    private String address(MunicipalityInfo m) {
        return STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(120)) + ", " + m.mainTown();
    }

    private double jitter(double centre, double spread, double min, double max) {
        double value = centre + random.nextGaussian() * spread;
        return Math.round(Math.min(max, Math.max(min, value)) * 100_000d) / 100_000d;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Splits a total over municipalities by population, largest remainder first, so the total is exact. */
    static int[] apportion(int total, List<MunicipalityInfo> nation) {
        long population =
                nation.stream().mapToLong(MunicipalityInfo::population).sum();
        int[] shares = new int[nation.size()];
        double[] remainders = new double[nation.size()];
        int given = 0;
        for (int i = 0; i < nation.size(); i++) {
            double exact = (double) total * nation.get(i).population() / population;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        List<Integer> order = IntStream.range(0, nation.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -remainders[i])
                        .thenComparing(i -> i))
                .toList();
        for (int k = 0; k < total - given; k++) {
            shares[order.get(k % order.size())]++;
        }
        return shares;
    }
}
