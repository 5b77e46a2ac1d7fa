package dk.botilbudslaege.benchmark;

import dk.botilbudslaege.demo.SyntheticRegistry;
import dk.botilbudslaege.settlement.AgreementTerms;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/**
 * The national synthetic data set with every in-scope facility (SEL § 108, ABL § 105: 1,136) covered
 * by an approved agreement that started some time in 2025, for the benchmarks.
 */
public final class NationalAgreements {

    public final List<AgreementTerms> terms = new ArrayList<>();
    public final Map<Long, NavigableMap<LocalDate, Integer>> residents = new HashMap<>();

    public NationalAgreements(long seed) {
        List<SyntheticRegistry.MunicipalityInfo> nation = municipalities();
        var registry = new SyntheticRegistry(seed).generate(nation, nation);
        Random random = new Random(seed);
        long facilityId = 0;
        long agreementId = 0;
        for (SyntheticRegistry.FacilityRow f : registry.facilities()) {
            facilityId++;
            if (!f.legalBasis().equals("SEL_108") && !f.legalBasis().equals("ABL_105")) {
                continue;
            }
            NavigableMap<LocalDate, Integer> history = new TreeMap<>();
            history.put(LocalDate.of(2025, 1, 1), f.residents());
            if (random.nextInt(10) == 0) {
                history.put(
                        LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        Math.max(0, f.residents() + (random.nextBoolean() ? 5 : -5)));
            }
            residents.put(facilityId, history);
            agreementId++;
            LocalDate start = LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate end = random.nextInt(20) == 0 ? start.plusMonths(6 + random.nextInt(12)) : null;
            terms.add(new AgreementTerms(
                    agreementId,
                    agreementId,
                    String.format("%06d", 100_000 + agreementId),
                    "108" + (1 + random.nextInt(5)),
                    random.nextInt(5) == 0,
                    start,
                    end,
                    List.of(facilityId),
                    null,
                    List.of()));
        }
    }

    static List<SyntheticRegistry.MunicipalityInfo> municipalities() {
        try (BufferedReader reader = Files.newBufferedReader(
                Path.of("src/main/resources/db/reference/municipalities.csv"), StandardCharsets.UTF_8)) {
            return reader.lines()
                    .skip(1)
                    .map(line -> line.split(","))
                    .map(c -> new SyntheticRegistry.MunicipalityInfo(
                            c[0],
                            c[1],
                            c[4],
                            Double.parseDouble(c[5]),
                            Double.parseDouble(c[6]),
                            Integer.parseInt(c[7])))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
