package dk.botilbudslaege.benchmark;

import dk.botilbudslaege.settlement.RateTable;
import dk.botilbudslaege.settlement.SettlementCalculator;
import dk.botilbudslaege.settlement.SettlementLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue "Settlement", performance: one month and one year of settlement for the whole country with
 * all 1,136 in-scope facilities covered. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark=SettlementBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SettlementBenchmark {

    NationalAgreements data;
    SettlementCalculator calculator;

    @Setup
    public void setUp() {
        data = new NationalAgreements(2025);
        calculator = new SettlementCalculator(
                new RateTable(Map.of(
                        LocalDate.of(2024, 4, 1),
                        new BigDecimal("1072.01"),
                        LocalDate.of(2026, 4, 1),
                        new BigDecimal("1098.45"))),
                data.residents);
    }

    @Benchmark
    public List<SettlementLine> nationalMonth() {
        return calculator.feeLines(YearMonth.of(2026, 4), data.terms);
    }

    @Benchmark
    public int nationalYear() {
        int lines = 0;
        for (int m = 1; m <= 12; m++) {
            lines += calculator.feeLines(YearMonth.of(2026, m), data.terms).size();
        }
        return lines;
    }
}
