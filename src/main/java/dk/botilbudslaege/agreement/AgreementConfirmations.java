package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.DanishFormats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The confirmation step before an action with legal or financial effect (issue 11 item 5): approve,
 * reject, withdraw, give notice, end, end a dispensation. Each states its consequences in plain Danish:
 * for a notice or an ending the end date and the last month paid; for approving a start in the past the
 * back pay it creates ({@link BackPay}). The step is a page with a second form (no JavaScript): its
 * button sends the same request again with {@code confirmed=true}.
 */
@Component
class AgreementConfirmations {

    /**
     * A confirmation page.
     *
     * @param heading      what is about to happen
     * @param action       where the confirming form posts
     * @param fields       the first form's values, carried as hidden fields
     * @param consequences the consequences, one sentence each
     * @param back         where "cancel" leads
     */
    record Confirmation(
            String heading, String action, Map<String, String> fields, List<String> consequences, String back) {}

    private final InformationForms forms;
    private final MessageSource messages;

    AgreementConfirmations(InformationForms forms, MessageSource messages) {
        this.forms = forms;
        this.messages = messages;
    }

    Confirmation approve(Agreement a, Integer version) {
        LocalDate today = LocalDate.now();
        BigDecimal rate = forms.hourlyRateOn(today);
        BigDecimal fee = MonthlyFee.of(a.monthlyHours(), rate);
        List<String> lines = new ArrayList<>();
        lines.add(text("confirm.approve.active", DanishFormats.date(a.startDate())));
        lines.add(text("confirm.approve.fee", money(fee), a.monthlyHours().toPlainString(), money(rate)));
        BackPay backPay = BackPay.of(a.startDate(), today, fee);
        if (backPay.months() > 0) {
            lines.add(text(
                    "confirm.approve.backPay",
                    backPay.months(),
                    month(backPay.first()),
                    month(backPay.last()),
                    money(backPay.amountExVat())));
        } else {
            YearMonth first = YearMonth.from(a.startDate());
            lines.add(text(
                    "confirm.approve.noBackPay",
                    month(first.isBefore(YearMonth.from(today)) ? YearMonth.from(today) : first)));
        }
        return confirmation(a, "approve", "confirm.approve.heading", versioned(version), lines);
    }

    Confirmation reject(Agreement a, String reason, Integer version) {
        Map<String, String> fields = versioned(version);
        fields.put("reason", reason);
        return confirmation(
                a,
                "reject",
                "confirm.reject.heading",
                fields,
                List.of(text("confirm.reject.effect"), text("confirm.reason", reason.strip())));
    }

    Confirmation withdraw(Agreement a, Integer version) {
        return confirmation(
                a,
                "withdraw",
                "confirm.withdraw.heading",
                versioned(version),
                List.of(text("confirm.withdraw.effect")));
    }

    Confirmation notice(Agreement a, LocalDate noticeDate, Integer version) {
        LocalDate end = NoticePeriod.endDate(noticeDate);
        Map<String, String> fields = versioned(version);
        fields.put("noticeDate", noticeDate.toString());
        return confirmation(
                a,
                "notice",
                "confirm.notice.heading",
                fields,
                List.of(
                        text("confirm.notice.effect", DanishFormats.date(noticeDate), DanishFormats.date(end)),
                        lastPaid(end),
                        text("confirm.notice.gp"),
                        text("confirm.notice.final")));
    }

    Confirmation end(Agreement a, LocalDate endDate, String reason, Integer version) {
        Map<String, String> fields = versioned(version);
        fields.put("endDate", endDate.toString());
        fields.put("reason", reason);
        return confirmation(
                a,
                "end",
                "confirm.end.heading",
                fields,
                List.of(
                        text("confirm.end.effect", DanishFormats.date(endDate)), lastPaid(endDate),
                        text("confirm.reason", reason.strip()), text("confirm.end.parties")));
    }

    Confirmation endDispensation(Dispensation d, String doctorName, LocalDate validTo) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("validTo", validTo.toString());
        String kind = text("dispensationKind." + d.kind().name());
        return new Confirmation(
                text("confirm.dispensation.heading"),
                "/dispensations/" + d.id() + "/end",
                fields,
                List.of(
                        text("confirm.dispensation.effect", kind, doctorName, DanishFormats.date(validTo)),
                        text("confirm.dispensation.rules", DanishFormats.date(validTo.plusDays(1)))),
                "/dispensations");
    }

    /** The last month paid: the month of the end date, paid to and including that day (F4). */
    String lastPaid(LocalDate endDate) {
        return text("confirm.lastPaid", month(YearMonth.from(endDate)), DanishFormats.date(endDate));
    }

    private Confirmation confirmation(
            Agreement a, String action, String headingKey, Map<String, String> fields, List<String> consequences) {
        return new Confirmation(
                text(headingKey) + ": " + a.unitName(),
                "/agreements/" + a.id() + "/" + action,
                fields,
                consequences,
                "/agreements/" + a.id());
    }

    private static Map<String, String> versioned(Integer version) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (version != null) {
            fields.put("version", version.toString());
        }
        return fields;
    }

    String month(YearMonth month) {
        return DanishFormats.month(month, locale());
    }

    private String money(BigDecimal amount) {
        return DanishFormats.amount(amount, locale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
