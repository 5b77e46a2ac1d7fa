package dk.botilbudslaege.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the printed information form (oplysningsskema, SPEC §3) shows: the form as filed, or for an
 * agreement not filed yet the facts as they stand today (marked as a draft), the monthly fee at the
 * current rate (F1, F3), who filed it and the region's decision. Times are Danish time.
 *
 * @param filed      false: no form is filed yet, {@code form} is a preview from today's facts
 * @param operators  operator codes of the unit's facilities (a group may mix them)
 * @param legalBases legal basis codes of the unit's facilities
 * @param vat        null when the practice is not VAT registered
 * @param decision   null until the region has approved or rejected the form
 */
record InformationFormSheet(
        Agreement agreement,
        InformationForm form,
        boolean filed,
        List<String> operators,
        List<String> legalBases,
        BigDecimal hourlyRate,
        BigDecimal monthlyFee,
        BigDecimal vat,
        BigDecimal monthlyFeeInclVat,
        String filedBy,
        ZonedDateTime filedAt,
        Decision decision,
        LocalDate printedOn) {

    static final ZoneId DANISH_TIME = dk.botilbudslaege.web.DanishTime.DENMARK;

    /** The region's answer to the form. */
    record Decision(boolean approved, String by, ZonedDateTime at, String reason) {}

    /**
     * @param displayName the name a reader sees for a username (who filed, who decided)
     * @param hourlyRate  the rate of the region's rate table in force today
     */
    static InformationFormSheet of(
            Agreement agreement,
            InformationForm form,
            boolean filed,
            UnaryOperator<String> displayName,
            LocalDate printedOn,
            BigDecimal hourlyRate) {
        BigDecimal fee = MonthlyFee.of(form.monthlyHours(), hourlyRate);
        BigDecimal vat = form.vatRegistered() ? MonthlyFee.vat(fee) : null;
        return new InformationFormSheet(
                agreement,
                form,
                filed,
                codes(form.operator()),
                codes(form.legalBasis()),
                hourlyRate,
                fee,
                vat,
                vat == null ? null : fee.add(vat),
                form.filedBy() == null ? null : displayName.apply(form.filedBy()),
                danish(form.filedAt()),
                decision(agreement, displayName),
                printedOn);
    }

    private static Decision decision(Agreement a, UnaryOperator<String> displayName) {
        boolean decided = a.status().approved() || a.status() == AgreementStatus.REJECTED;
        if (!decided || a.decidedBy() == null) {
            return null;
        }
        return new Decision(
                a.status().approved(), displayName.apply(a.decidedBy()), danish(a.decidedAt()), a.decisionReason());
    }

    private static List<String> codes(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(code -> !code.isEmpty())
                .toList();
    }

    private static ZonedDateTime danish(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(DANISH_TIME);
    }
}
