package dk.botilbudslaege.matching.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded random matching instances with incomplete lists, capacities 0–3 and, optionally, practices. */
final class RandomInstances {

    static final long FIRST_DOCTOR = 1_000;
    static final long FIRST_FACILITY = 5_000;
    static final long FIRST_PRACTICE = 900;

    private RandomInstances() {}

    static MatchingInstance random(Random random, int maxDoctors, int maxFacilities, boolean withPractices) {
        int nd = 1 + random.nextInt(maxDoctors);
        int nf = 1 + random.nextInt(maxFacilities);
        MatchingInstance.Builder b = MatchingInstance.builder();
        int np = withPractices ? 1 + random.nextInt(Math.max(1, nd / 2)) : 0;
        for (int p = 0; p < np; p++) {
            b.practice(FIRST_PRACTICE + p, random.nextInt(5));
        }
        double listDensity = 0.1 + 0.8 * random.nextDouble();
        List<List<Long>> wishes = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            List<Long> ranked = new ArrayList<>();
            for (int f = 0; f < nf; f++) {
                if (random.nextDouble() < listDensity) {
                    ranked.add(FIRST_FACILITY + f);
                }
            }
            Collections.shuffle(ranked, random);
            wishes.add(ranked);
            int capacity = random.nextInt(4);
            if (np > 0 && random.nextBoolean()) {
                b.doctorInPractice(FIRST_DOCTOR + d, capacity, FIRST_PRACTICE + random.nextInt(np), ranked);
            } else {
                b.doctor(FIRST_DOCTOR + d, capacity, ranked);
            }
        }
        for (int f = 0; f < nf; f++) {
            List<Long> ranked = new ArrayList<>();
            for (int d = 0; d < nd; d++) {
                boolean offered = wishes.get(d).contains(FIRST_FACILITY + f);
                if (random.nextDouble() < (offered ? 0.85 : 0.1)) {
                    ranked.add(FIRST_DOCTOR + d);
                }
            }
            Collections.shuffle(ranked, random);
            b.facility(FIRST_FACILITY + f, ranked);
        }
        return b.build();
    }
}
