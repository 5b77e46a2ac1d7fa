package dk.botilbudslaege.benchmark;

import dk.botilbudslaege.demo.SyntheticRegistry;
import dk.botilbudslaege.matching.solver.CoverageInstance;
import dk.botilbudslaege.matching.solver.Haversine;
import dk.botilbudslaege.matching.solver.MatchingInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The national synthetic data set for matchmaking with no agreements yet: every in-scope facility
 * (SEL § 108, ABL § 105: 1,136) uncovered, every doctor (3,500 in 1,800 practices) of capacity 1
 * without a dispensation or a role, each practice's room its doctor capacity. Seeded lists as the
 * issue "Matchmaking" has them: each doctor ranks {@value #WISHES} random in-scope facilities within
 * {@value #WISH_KM} km of its practice, ordered by distance plus Gaussian noise of {@value #NOISE_KM} km;
 * each facility ranks, in random order, the doctors who ranked it.
 */
public final class NationalMatchmaking {

    static final int WISHES = 10;
    static final double WISH_KM = 50;
    static final double NOISE_KM = 10;

    public record Facility(long id, String regionCode, int residents, double latitude, double longitude) {}

    public record Practice(
            long id, String regionCode, int room, double latitude, double longitude, List<Long> doctorIds) {}

    public final List<Facility> facilities = new ArrayList<>();
    public final List<Practice> practices = new ArrayList<>();
    /** Each doctor's wishes, best first, by doctor id. */
    public final Map<Long, List<Long>> wishes = new HashMap<>();
    /** Each facility's priorities, best first, by facility id. */
    public final Map<Long, List<Long>> priorities = new HashMap<>();

    public NationalMatchmaking(long seed) {
        List<SyntheticRegistry.MunicipalityInfo> nation = NationalAgreements.municipalities();
        Map<String, String> regionOf = regions();
        var registry = new SyntheticRegistry(seed).generate(nation, nation);
        long facilityId = 0;
        for (SyntheticRegistry.FacilityRow f : registry.facilities()) {
            facilityId++;
            if (f.legalBasis().equals("SEL_108") || f.legalBasis().equals("ABL_105")) {
                facilities.add(new Facility(
                        facilityId, regionOf.get(f.municipalityCode()), f.residents(), f.latitude(), f.longitude()));
            }
        }
        long practiceId = 0;
        long doctorId = 0;
        for (SyntheticRegistry.PracticeRow p : registry.practices()) {
            practiceId++;
            List<Long> doctors = new ArrayList<>();
            for (int i = 0; i < p.doctors().size(); i++) {
                doctors.add(++doctorId);
            }
            practices.add(new Practice(
                    practiceId,
                    regionOf.get(p.municipalityCode()),
                    p.doctorCapacity(),
                    p.latitude(),
                    p.longitude(),
                    doctors));
        }
        Random random = new Random(seed);
        facilities.forEach(f -> priorities.put(f.id(), new ArrayList<>()));
        for (Practice p : practices) {
            List<Facility> near = new ArrayList<>();
            for (Facility f : facilities) {
                if (Haversine.km(p.latitude(), p.longitude(), f.latitude(), f.longitude()) <= WISH_KM) {
                    near.add(f);
                }
            }
            for (long d : p.doctorIds()) {
                // a seeded partial shuffle picks the openings, the noisy distance orders them
                for (int i = 0; i < Math.min(WISHES, near.size()); i++) {
                    Collections.swap(near, i, i + random.nextInt(near.size() - i));
                }
                Map<Long, Double> score = new HashMap<>();
                List<Facility> chosen = new ArrayList<>(near.subList(0, Math.min(WISHES, near.size())));
                for (Facility f : chosen) {
                    score.put(
                            f.id(),
                            Haversine.km(p.latitude(), p.longitude(), f.latitude(), f.longitude())
                                    + random.nextGaussian() * NOISE_KM);
                }
                chosen.sort(Comparator.comparingDouble(f -> score.get(f.id())));
                List<Long> ranked = chosen.stream().map(Facility::id).toList();
                wishes.put(d, ranked);
                ranked.forEach(f -> priorities.get(f).add(d));
            }
        }
        for (Facility f : facilities) {
            Collections.shuffle(priorities.get(f.id()), random);
        }
        chooseBusy(seed);
    }

    /** The share of doctors who already hold a fixed-doctor role in the scarce scenario. */
    static final double BUSY_SHARE = 0.85;

    /**
     * The scarce scenario (seed 000, challenge 3: few doctors with room): a seeded 85 % of the doctors
     * already hold a role, so they have no room today; their practices' room is used by it.
     */
    public final java.util.Set<Long> busy = new java.util.HashSet<>();

    private void chooseBusy(long seed) {
        Random random = new Random(seed * 31 + 7);
        practices.forEach(p -> p.doctorIds().forEach(d -> {
            if (random.nextDouble() < BUSY_SHARE) {
                busy.add(d);
            }
        }));
    }

    /** Doctor-proposing input: practices with their room, doctors of capacity 1, the lists above. */
    public MatchingInstance matchingInstance() {
        return matchingInstance(false);
    }

    /** The same, in the scarce scenario when asked: busy doctors have no room and use their practice's. */
    public MatchingInstance matchingInstance(boolean scarce) {
        MatchingInstance.Builder b = MatchingInstance.builder();
        for (Practice p : practices) {
            long held = scarce ? p.doctorIds().stream().filter(busy::contains).count() : 0;
            b.practice(p.id(), (int) Math.max(0, p.room() - held));
            for (long d : p.doctorIds()) {
                b.doctorInPractice(d, scarce && busy.contains(d) ? 0 : 1, p.id(), wishes.get(d));
            }
        }
        for (Facility f : facilities) {
            b.facility(f.id(), priorities.get(f.id()));
        }
        return b.build();
    }

    /**
     * The coverage planning input for a region (null: the whole country): its facilities and practices,
     * every doctor of capacity 1 without a dispensation, or, {@code whatIf}, of capacity 2 with one.
     */
    public CoverageInstance coverageInstance(String regionCode, boolean whatIf) {
        return coverageInstance(regionCode, whatIf, false);
    }

    /**
     * The same, in the scarce scenario when asked: a busy doctor holds one role (capacity 0 today; with
     * the what-if's dispensation for two, one more), and its role uses a unit of its practice's room.
     */
    public CoverageInstance coverageInstance(String regionCode, boolean whatIf, boolean scarce) {
        CoverageInstance.Builder b = CoverageInstance.builder();
        for (Facility f : facilities) {
            if (regionCode == null || regionCode.equals(f.regionCode())) {
                b.facility(f.id(), f.residents(), f.latitude(), f.longitude());
            }
        }
        for (Practice p : practices) {
            if (regionCode == null || regionCode.equals(p.regionCode())) {
                long held =
                        scarce ? p.doctorIds().stream().filter(busy::contains).count() : 0;
                b.practice(p.id(), (int) Math.max(0, p.room() - held), p.latitude(), p.longitude());
                for (long d : p.doctorIds()) {
                    int roles = scarce && busy.contains(d) ? 1 : 0;
                    b.doctor(d, p.id(), (whatIf ? 2 : 1) - roles, whatIf, roles);
                }
            }
        }
        return b.build();
    }

    static Map<String, String> regions() {
        try (BufferedReader reader = Files.newBufferedReader(
                Path.of("src/main/resources/db/reference/municipalities.csv"), StandardCharsets.UTF_8)) {
            Map<String, String> regionOf = new HashMap<>();
            reader.lines().skip(1).map(line -> line.split(",")).forEach(c -> regionOf.put(c[0], c[2]));
            return regionOf;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
