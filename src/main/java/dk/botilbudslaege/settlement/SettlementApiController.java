package dk.botilbudslaege.settlement;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.security.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/settlements} and {@code /api/v1/rates} (API.md "Settlement"). */
@RestController
@RequestMapping("/api/v1")
class SettlementApiController {

    private final Settlements settlements;
    private final PaymentFiles files;
    private final Budget budget;
    private final Rates rates;

    SettlementApiController(Settlements settlements, PaymentFiles files, Budget budget, Rates rates) {
        this.rates = rates;
        this.settlements = settlements;
        this.files = files;
        this.budget = budget;
    }

    /** F6: actual and projected cost against the frame, per region and nationally (extension). */
    @GetMapping("/budget")
    Budget.Year budget(CurrentUser user, @RequestParam(required = false) Integer year) {
        int chosen = year == null
                ? LocalDate.now(dk.botilbudslaege.web.DanishTime.DENMARK).getYear()
                : year;
        if (chosen < 2025 || chosen > 2100) {
            throw InvalidInputException.of(FieldProblem.of("year", "settlement.year.range"));
        }
        return budget.year(user, chosen);
    }

    /** One line as API.md states it, with extras: kind, correctsMonth, days, names. */
    record LineJson(
            long agreementId,
            long doctorId,
            String providerNumber,
            BigDecimal hours,
            BigDecimal amountExVat,
            BigDecimal vat,
            BigDecimal amountInclVat,
            String kind,
            String correctsMonth,
            int days,
            String doctorName,
            String unitName,
            String municipalityCode) {

        static LineJson of(Settlements.LineView v) {
            SettlementLine l = v.line();
            return new LineJson(
                    l.agreementId(),
                    l.doctorId(),
                    l.providerNumber(),
                    l.hours(),
                    l.amountExVat(),
                    l.vat(),
                    l.amountInclVat(),
                    l.kind().name(),
                    l.correctsMonth() == null ? null : l.correctsMonth().toString(),
                    l.days(),
                    v.doctorName(),
                    v.unitName(),
                    v.municipalityCode());
        }
    }

    /**
     * A month: {@code status} APPROVED (locked), RUN (run for approval), OPEN (due, not run) or PREVIEW
     * (a later month: its lines computed, nothing stored, not approvable); {@code due} says whether it
     * may be approved.
     */
    record MonthJson(
            String regionCode,
            String month,
            String status,
            boolean locked,
            boolean due,
            BigDecimal totalExVat,
            BigDecimal totalVat,
            BigDecimal totalInclVat,
            List<LineJson> lines) {

        static MonthJson of(Settlements.MonthView m) {
            return new MonthJson(
                    m.regionCode(),
                    m.month().toString(),
                    status(m),
                    m.locked(),
                    m.due(),
                    m.totalExVat(),
                    m.totalVat(),
                    m.totalInclVat(),
                    m.lines().stream().map(LineJson::of).toList());
        }

        static String status(Settlements.MonthView m) {
            return m.locked() ? "APPROVED" : !m.due() ? "PREVIEW" : m.run() ? "RUN" : "OPEN";
        }
    }

    @GetMapping("/settlements/{month}/lines")
    List<LineJson> lines(
            CurrentUser user, @PathVariable String month, @RequestParam(required = false) String regionCode) {
        return settlements.month(user, parse(month), regionCode).lines().stream()
                .map(LineJson::of)
                .toList();
    }

    @GetMapping("/settlements/{month}")
    MonthJson month(CurrentUser user, @PathVariable String month, @RequestParam(required = false) String regionCode) {
        return MonthJson.of(settlements.month(user, parse(month), regionCode));
    }

    @PostMapping("/settlements/{month}/run")
    MonthJson run(CurrentUser user, @PathVariable String month, @RequestParam(required = false) String regionCode) {
        return MonthJson.of(settlements.run(user, parse(month), regionCode));
    }

    @PostMapping("/settlements/{month}/approve")
    MonthJson approve(CurrentUser user, @PathVariable String month, @RequestParam(required = false) String regionCode) {
        return MonthJson.of(settlements.approve(user, parse(month), regionCode));
    }

    @GetMapping("/settlements/{month}/export.xlsx")
    ResponseEntity<byte[]> xlsx(
            CurrentUser user, @PathVariable String month, @RequestParam(required = false) String regionCode) {
        var view = settlements.month(user, parse(month), regionCode);
        return download(
                files.xlsx(view),
                PaymentFiles.filename(view, "xlsx"),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/settlements/{month}/export.csv")
    ResponseEntity<byte[]> csv(
            CurrentUser user, @PathVariable String month, @RequestParam(required = false) String regionCode) {
        var view = settlements.month(user, parse(month), regionCode);
        return download(
                files.csv(view),
                PaymentFiles.filename(view, "csv"),
                MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    @GetMapping("/rates")
    List<Rate> rates() {
        return rates.all();
    }

    /** F1: indexation adds a row; the administrator only (403 for everyone else). */
    @PostMapping("/rates")
    ResponseEntity<Rate> addRate(CurrentUser user, @RequestBody(required = false) NewRate body) {
        Rate rate = rates.add(user, body == null ? null : body.validFrom(), body == null ? null : body.hourlyRate());
        return ResponseEntity.status(201).body(rate);
    }

    /** Extension: corrects a wrong row (its rate, and its date when the body gives another one). */
    @PutMapping("/rates/{validFrom}")
    Rate correctRate(CurrentUser user, @PathVariable String validFrom, @RequestBody(required = false) NewRate body) {
        return rates.correct(
                user, day(validFrom), body == null ? null : body.validFrom(), body == null ? null : body.hourlyRate());
    }

    /** Extension: removes a wrong row; its days take the rate before it. */
    @DeleteMapping("/rates/{validFrom}")
    ResponseEntity<Void> removeRate(CurrentUser user, @PathVariable String validFrom) {
        rates.remove(user, day(validFrom));
        return ResponseEntity.noContent().build();
    }

    record NewRate(LocalDate validFrom, BigDecimal hourlyRate) {}

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(FieldProblem.of("validFrom", "rate.validFrom.required"));
        }
    }

    static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    static YearMonth parse(String month) {
        try {
            YearMonth parsed = YearMonth.parse(month);
            if (parsed.getYear() < 2025 || parsed.getYear() > 2100) {
                throw InvalidInputException.of(FieldProblem.of("month", "settlement.month.range"));
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(FieldProblem.of("month", "settlement.month.format"));
        }
    }
}
