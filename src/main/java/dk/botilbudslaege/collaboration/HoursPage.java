package dk.botilbudslaege.collaboration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the hours page shows of an {@link Hours.Overview} (issue 17): an area with many running agreements in several
 * municipalities shows the municipalities' subtotals, each a link to that municipality's agreements and to those of
 * them short of hours, and a link to every agreement short of hours; the agreements are listed once a municipality is
 * chosen, when only those short of hours are asked for, when all are asked for, or when the area has one municipality
 * or at most {@link #LISTED_AT_ONCE} agreements (a municipality and a doctor see their own rows directly). The figures
 * are formatted here, once, so the template only places strings.
 *
 * @param listed whether the agreements are listed (else the page says how to reach them)
 * @param lines the agreements listed: the chosen municipality's, only those short if asked
 * @param municipalities the subtotal per municipality, with its links when the area has several
 * @param regions the subtotal per region (the nation's overview)
 * @param total the area's total
 * @param shortHref the page with every agreement of the area short of hours
 * @param allHref the page with every agreement of the area
 */
record HoursPage(
        boolean listed,
        List<Line> lines,
        List<SubtotalLine> municipalities,
        List<SubtotalLine> regions,
        SubtotalLine total,
        String shortHref,
        String allHref) {

    /** The reader's "2,00 timer", "93,8 %" and "41 aftaler under aftalt i Aalborg", each looked up once per page. */
    record Formats(
            Function<BigDecimal, String> hours,
            Function<BigDecimal, String> percent,
            BiFunction<Integer, String, String> shortIn) {}

    /** Up to this many running agreements an area lists them all at once. */
    static final int LISTED_AT_ONCE = 50;

    /** One agreement as the page shows it: every figure a string. */
    record Line(
            String href,
            String unit,
            String doctor,
            String municipality,
            String agreed,
            String rolling,
            String sinceStart,
            int shortMonths,
            boolean shortfall) {}

    /**
     * One subtotal as the page shows it, with the links to its agreements (all, and those short of hours) when it is
     * one of several municipalities (else null), the link to those short named in words.
     */
    record SubtotalLine(
            String name,
            int agreements,
            int agreementsShort,
            String agreed,
            String rolling,
            String share,
            String href,
            String shortHref,
            String shortLabel) {}

    /**
     * @param chosen the municipality chosen, known to the overview (null: none)
     * @param formats the reader's formats
     * @param contextPath the application's context path, which the links start with
     */
    static HoursPage of(
            Hours.Overview overview,
            String chosen,
            boolean onlyShort,
            boolean all,
            Formats formats,
            String contextPath) {
        Function<BigDecimal, String> hours = formats.hours();
        List<Hours.OverviewRow> rows = overview.rows();
        boolean listed = chosen != null
                || onlyShort
                || all
                || overview.level().equals("DOCTOR")
                || overview.municipalities().size() <= 1
                || rows.size() <= LISTED_AT_ONCE;
        List<Line> lines = new ArrayList<>();
        if (listed) {
            for (Hours.OverviewRow r : rows) {
                if ((!onlyShort || r.shortfall()) && (chosen == null || chosen.equals(r.municipalityCode()))) {
                    lines.add(new Line(
                            contextPath + "/agreements/" + r.agreementId() + "/sessions",
                            r.unitName(),
                            r.doctorName(),
                            r.municipalityName(),
                            hours.apply(r.agreedHoursPerMonth()),
                            hours.apply(r.rollingAverage()),
                            hours.apply(r.averageSinceStart()),
                            r.shortMonths(),
                            r.shortfall()));
                }
            }
        }
        boolean linked = overview.municipalities().size() > 1;
        List<SubtotalLine> municipalities = new ArrayList<>();
        for (Hours.Subtotal s : overview.municipalities()) {
            boolean linkShort = linked && s.agreementsShort() > 0;
            municipalities.add(line(
                    s,
                    formats,
                    linked ? link(overview, contextPath, s.code(), "onlyShort", false) : null,
                    linkShort ? link(overview, contextPath, s.code(), "onlyShort", true) : null,
                    linkShort ? formats.shortIn().apply(s.agreementsShort(), s.name()) : null));
        }
        List<SubtotalLine> regions = new ArrayList<>();
        for (Hours.Subtotal s : overview.regions()) {
            regions.add(line(s, formats, null, null, null));
        }
        Hours.Subtotal total = overview.asSubtotal();
        return new HoursPage(
                listed,
                lines,
                municipalities,
                regions,
                line(total, formats, null, null, null),
                link(overview, contextPath, null, "onlyShort", true),
                link(overview, contextPath, null, "all", true));
    }

    private static SubtotalLine line(
            Hours.Subtotal s, Formats formats, String href, String shortHref, String shortLabel) {
        return new SubtotalLine(
                s.name(),
                s.agreements(),
                s.agreementsShort(),
                formats.hours().apply(s.agreedHoursPerMonth()),
                formats.hours().apply(s.rollingAverage()),
                s.shareDelivered() == null ? "–" : formats.percent().apply(s.shareDelivered()),
                href,
                shortHref,
                shortLabel);
    }

    /** This overview's page, of one municipality or of all (null), with {@code flag=true} or without it. */
    private static String link(
            Hours.Overview overview, String contextPath, String municipality, String flag, boolean on) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(contextPath + "/hours")
                .queryParam("level", overview.level())
                .queryParam("code", overview.code());
        if (municipality != null) {
            link.queryParam("municipality", municipality);
        }
        if (on) {
            link.queryParam(flag, "true");
        }
        return link.encode().build().toUriString();
    }
}
