package dk.botilbudslaege.collaboration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
 * @param municipalities the subtotal per municipality with its links
 * @param shortHref the page with every agreement of the area short of hours
 * @param allHref the page with every agreement of the area
 */
record HoursPage(
        boolean listed, List<Line> lines, List<MunicipalityLine> municipalities, String shortHref, String allHref) {

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

    /** One municipality's subtotal with the links to its agreements (all, and those short of hours). */
    record MunicipalityLine(Hours.Subtotal subtotal, String href, String shortHref) {}

    /**
     * @param chosen the municipality chosen, known to the overview (null: none)
     * @param hours the reader's "2,00 timer"
     * @param contextPath the application's context path, which the links start with
     */
    static HoursPage of(
            Hours.Overview overview,
            String chosen,
            boolean onlyShort,
            boolean all,
            Function<BigDecimal, String> hours,
            String contextPath) {
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
        List<MunicipalityLine> municipalities = new ArrayList<>();
        for (Hours.Subtotal s : overview.municipalities()) {
            municipalities.add(new MunicipalityLine(
                    s,
                    link(overview, contextPath, s.code(), "onlyShort", false),
                    link(overview, contextPath, s.code(), "onlyShort", true)));
        }
        return new HoursPage(
                listed,
                lines,
                municipalities,
                link(overview, contextPath, null, "onlyShort", true),
                link(overview, contextPath, null, "all", true));
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
