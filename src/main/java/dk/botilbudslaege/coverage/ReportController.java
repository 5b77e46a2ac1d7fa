package dk.botilbudslaege.coverage;

import dk.botilbudslaege.collaboration.Hours;
import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.web.PdfRenderer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * C4: the status report on coverage for the follow-up group and the central parties, as a printable
 * PDF and as a workbook with the tables behind it, national or for one region. Aggregates only, no
 * personal data, so every signed-in role may download either version (SPEC §1). Its last section is the
 * hours delivered under the running agreements (issue 13 item 3) per region, or per municipality of the
 * region, from the collaboration module's {@link Hours#summary}.
 */
@Controller
class ReportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final DateTimeFormatter DANISH_DATE = dk.botilbudslaege.common.DanishFormats.DATE;

    private final Coverage coverage;
    private final CoverageFiles files;
    private final PdfRenderer pdfs;
    private final ReferenceData reference;
    private final Hours hours;

    ReportController(Coverage coverage, CoverageFiles files, PdfRenderer pdfs, ReferenceData reference, Hours hours) {
        this.coverage = coverage;
        this.hours = hours;
        this.files = files;
        this.pdfs = pdfs;
        this.reference = reference;
    }

    /** Rapporter: the downloads, national and per region, with the region's own first for a region employee. */
    @GetMapping("/reports")
    String reports(CurrentUser user, @RequestParam(required = false) String date, Model model) {
        model.addAttribute("nav", "reports");
        model.addAttribute(
                "date",
                date == null || date.isBlank() ? dk.botilbudslaege.common.PageDates.format(Coverage.today()) : date);
        model.addAttribute("regions", reference.regions());
        model.addAttribute("ownRegion", user.national() ? null : user.regionCode());
        return "reports/page";
    }

    @GetMapping("/api/v1/reports/coverage.pdf")
    ResponseEntity<byte[]> pdf(
            CurrentUser user,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String regionCode,
            Locale locale) {
        Coverage.Overview overview = coverage.overview(date, regionCode);
        Hours.Report hoursReport = hours.report(overview.regionCode(), overview.date());
        Map<String, Object> model = Map.of(
                "hours",
                hoursReport.parts(),
                "hoursTotal",
                hoursReport.total(),
                "hoursAsOf",
                hoursReport.asOf().equals(overview.date())
                        ? ""
                        : hoursReport.asOf().format(DANISH_DATE),
                "o",
                overview,
                "day",
                overview.date().format(DANISH_DATE),
                "bars",
                Charts.rankedBars(overview, 600),
                "history",
                Charts.line(overview.history(), 640, 200),
                "breakdowns",
                java.util.List.of(overview.byOperator(), overview.byLegalBasis(), overview.bySize()),
                "percent",
                new Percent());
        byte[] pdf = pdfs.render("pdf/coverage-report", model, locale);
        return download(pdf, name(overview) + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/api/v1/reports/coverage.xlsx")
    ResponseEntity<byte[]> xlsx(
            CurrentUser user,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String regionCode) {
        Coverage.Overview overview = coverage.overview(date, regionCode);
        return download(
                files.reportXlsx(overview, hours.report(overview.regionCode(), overview.date())),
                name(overview) + ".xlsx",
                XLSX);
    }

    private static String name(Coverage.Overview o) {
        return "daekningsgrad-" + (o.regionCode() == null ? "hele-landet" : o.regionCode()) + "-" + o.date();
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    /** Danish percentages for templates: {@code ${percent.of(row.coverage())}} → "42,5 %". */
    public static final class Percent {

        public String of(java.math.BigDecimal fraction) {
            return Charts.percent(fraction);
        }

        /** Hours as Danish decimals, two always (as on every page): 2 → "2,00", 1.75 → "1,75". */
        public String hours(java.math.BigDecimal hours) {
            return dk.botilbudslaege.collaboration.HoursFormat.number(hours);
        }

        public String matchMethod(String code) {
            return Charts.matchMethod(code);
        }

        /** Issue 16 item 5: a count with the Danish thousands point, 1531 → "1.531". */
        public String count(Number count) {
            return count == null
                    ? "–"
                    : java.text.NumberFormat.getIntegerInstance(DanishFormats.DANISH)
                            .format(count);
        }
    }
}
