package dk.botilbudslaege.coverage;

import dk.botilbudslaege.common.DanishFormats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The geometry of the server-drawn charts (inline SVG on the dashboard, HTML bars in the PDF) and the
 * Danish number formats they print. Pure functions: templates only place what is computed here.
 */
public final class Charts {

    static final int BAR_LABEL_WIDTH = 150;
    static final int BAR_VALUE_WIDTH = 64;
    static final int BAR_ROW = 22;
    static final int BAR_HEIGHT = 16;
    static final int LINE_LEFT = 46;
    static final int LINE_RIGHT = 32;
    static final int LINE_TOP = 12;
    static final int LINE_BOTTOM = 30;

    private Charts() {}

    /** A fraction 0..1 as a Danish percentage with one decimal: 0.425 → "42,5 %". */
    public static String percent(BigDecimal fraction) {
        return number(fraction) + " %";
    }

    /** A fraction 0..1 as a Danish percentage number without the sign: 0.425 → "42,5". */
    public static String number(BigDecimal fraction) {
        return DanishFormats.percentNumber(fraction);
    }

    /** The Danish name of a matchmaking method. */
    public static String matchMethod(String code) {
        return DanishFormats.labelOrCode("matchMethod.", code);
    }

    /** One horizontal bar: its label, printed value, top edge, length in pixels and length in percent. */
    public record Bar(String label, String value, int y, double length, double percentLength) {}

    /** A horizontal bar chart {@code width} wide, one row per bar, best first. */
    public record BarChart(int width, int height, int labelWidth, int barHeight, List<Bar> bars) {

        public int valueX(Bar bar) {
            return labelWidth + (int) Math.round(bar.length()) + 6;
        }
    }

    /** Something to draw as a bar: a label and a fraction 0..1. */
    public record Item(String label, BigDecimal fraction) {}

    /** An overview's municipalities ranked by coverage, as bars (the dashboard's and the report's chart). */
    static BarChart rankedBars(Coverage.Overview overview, int width) {
        return bars(
                overview.ranked().stream()
                        .map(m -> new Item(m.coverage().name(), m.coverage().coverage()))
                        .toList(),
                width);
    }

    /** Sorted horizontal bars: highest fraction first, then by label. */
    public static BarChart bars(List<Item> items, int width) {
        List<Item> sorted = items.stream()
                .sorted(Comparator.comparing(Item::fraction).reversed().thenComparing(Item::label))
                .toList();
        double area = width - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Item item = sorted.get(i);
            double fraction = clamp(item.fraction().doubleValue());
            bars.add(new Bar(
                    item.label(),
                    percent(item.fraction()),
                    i * BAR_ROW + (BAR_ROW - BAR_HEIGHT) / 2,
                    round(fraction * area),
                    round(fraction * 100)));
        }
        return new BarChart(width, Math.max(BAR_ROW, sorted.size() * BAR_ROW), BAR_LABEL_WIDTH, BAR_HEIGHT, bars);
    }

    /** A point of the line with its axis label (empty where the axis would be crowded) and printed value. */
    public record Point(double x, double y, String label, String value) {}

    /** A tick on the y axis: its height and text. */
    public record Tick(double y, String text) {}

    /** A line chart of coverage 0..100 % over months. */
    public record LineChart(
            int width,
            int height,
            int left,
            int right,
            int top,
            int bottom,
            String polyline,
            List<Point> points,
            List<Tick> ticks) {}

    /** The history as a polyline over a 0..100 % axis; at most about eight month labels. */
    public static LineChart line(List<HistoryRow> history, int width, int height) {
        int right = width - LINE_RIGHT;
        int bottom = height - LINE_BOTTOM;
        double plotWidth = right - LINE_LEFT;
        double plotHeight = bottom - LINE_TOP;
        int n = history.size();
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        List<Point> points = new ArrayList<>();
        StringBuilder polyline = new StringBuilder();
        for (int i = 0; i < n; i++) {
            HistoryRow row = history.get(i);
            double x = n == 1 ? LINE_LEFT + plotWidth / 2 : LINE_LEFT + i * plotWidth / (n - 1);
            double y = LINE_TOP + (1 - clamp(row.coverage().doubleValue())) * plotHeight;
            boolean labelled = (n - 1 - i) % every == 0;
            points.add(new Point(
                    round(x),
                    round(y),
                    labelled ? row.date().format(DanishFormats.MONTH_SHORT) : "",
                    percent(row.coverage())));
            polyline.append(polyline.isEmpty() ? "" : " ")
                    .append(round(x))
                    .append(',')
                    .append(round(y));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            ticks.add(new Tick(round(LINE_TOP + (1 - p / 100.0) * plotHeight), p + " %"));
        }
        return new LineChart(width, height, LINE_LEFT, right, LINE_TOP, bottom, polyline.toString(), points, ticks);
    }

    private static double clamp(double fraction) {
        return Math.max(0, Math.min(1, fraction));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
