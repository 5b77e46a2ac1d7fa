package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void percentages_print_the_danish_way_with_one_decimal() {
        assertThat(Charts.percent(new BigDecimal("0.425"))).isEqualTo("42,5 %");
        assertThat(Charts.percent(BigDecimal.ZERO)).isEqualTo("0,0 %");
        assertThat(Charts.percent(BigDecimal.ONE)).isEqualTo("100,0 %");
        assertThat(Charts.number(new BigDecimal("0.3333"))).isEqualTo("33,3");
    }

    @Test
    void bars_are_sorted_best_first_then_by_name_and_scaled_to_the_bar_area() {
        Charts.BarChart chart = Charts.bars(
                List.of(
                        new Charts.Item("Lemvig", BigDecimal.ZERO),
                        new Charts.Item("Norddjurs", new BigDecimal("0.75")),
                        new Charts.Item("Aarhus", new BigDecimal("0.75")),
                        new Charts.Item("Odder", BigDecimal.ONE)),
                614);

        assertThat(chart.bars())
                .extracting(Charts.Bar::label)
                .containsExactly("Odder", "Aarhus", "Norddjurs", "Lemvig");
        double area = 614 - Charts.BAR_LABEL_WIDTH - Charts.BAR_VALUE_WIDTH;
        assertThat(chart.bars().get(0).length()).isEqualTo(area);
        assertThat(chart.bars().get(1).length()).isEqualTo(area * 0.75);
        assertThat(chart.bars().get(3).length()).isZero();
        assertThat(chart.bars().get(1).value()).isEqualTo("75,0 %");
        assertThat(chart.bars().get(1).percentLength()).isEqualTo(75.0);
        assertThat(chart.bars().get(2).y() - chart.bars().get(1).y()).isEqualTo(Charts.BAR_ROW);
        assertThat(chart.height()).isEqualTo(4 * Charts.BAR_ROW);
        assertThat(chart.valueX(chart.bars().get(3))).isEqualTo(Charts.BAR_LABEL_WIDTH + 6);
    }

    @Test
    void an_empty_bar_chart_keeps_one_row_of_height() {
        assertThat(Charts.bars(List.of(), 600).height()).isEqualTo(Charts.BAR_ROW);
    }

    @Test
    void the_line_runs_from_the_left_to_the_right_edge_with_zero_at_the_bottom_and_100_at_the_top() {
        List<HistoryRow> history =
                List.of(row("2025-01-31", 0, 10), row("2025-02-28", 5, 10), row("2025-03-31", 10, 10));

        Charts.LineChart chart = Charts.line(history, 400, 200);

        assertThat(chart.points()).hasSize(3);
        assertThat(chart.points().get(0).x()).isEqualTo(Charts.LINE_LEFT);
        assertThat(chart.points().get(2).x()).isEqualTo(400 - Charts.LINE_RIGHT);
        assertThat(chart.points().get(0).y()).isEqualTo(200 - Charts.LINE_BOTTOM);
        assertThat(chart.points().get(2).y()).isEqualTo(Charts.LINE_TOP);
        assertThat(chart.points().get(1).y()).isEqualTo((Charts.LINE_TOP + 200 - Charts.LINE_BOTTOM) / 2.0);
        double right = 400 - Charts.LINE_RIGHT;
        assertThat(chart.polyline())
                .isEqualTo(
                        Charts.LINE_LEFT + ".0,170.0 " + (Charts.LINE_LEFT + right) / 2 + ",91.0 " + right + ",12.0");
        assertThat(chart.points().get(2).label()).isEqualTo("mar. 2025");
        assertThat(chart.points().get(1).value()).isEqualTo("50,0 %");
        assertThat(chart.ticks()).extracting(Charts.Tick::text).containsExactly("0 %", "25 %", "50 %", "75 %", "100 %");
    }

    @Test
    void a_long_history_labels_about_eight_months_always_including_the_last() {
        List<HistoryRow> history = new java.util.ArrayList<>();
        LocalDate month = LocalDate.of(2025, 1, 31);
        for (int i = 0; i < 24; i++) {
            history.add(new HistoryRow(month.plusMonths(i), 10, i % 10, CoverageRule.fraction(i % 10, 10), 0, 0));
        }
        Charts.LineChart chart = Charts.line(history, 640, 220);

        assertThat(chart.points().stream().filter(p -> !p.label().isEmpty()).count())
                .isEqualTo(8);
        assertThat(chart.points().get(23).label()).isEqualTo("dec. 2026");
    }

    @Test
    void one_month_sits_in_the_middle() {
        Charts.LineChart chart = Charts.line(List.of(row("2025-01-31", 1, 2)), 400, 200);
        assertThat(chart.points().get(0).x()).isEqualTo((Charts.LINE_LEFT + 400 - Charts.LINE_RIGHT) / 2.0);
    }

    private static HistoryRow row(String date, long covered, long all) {
        return new HistoryRow(LocalDate.parse(date), all, covered, CoverageRule.fraction(covered, all), 0, 0);
    }
}
