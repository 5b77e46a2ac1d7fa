package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.common.PageDates;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The region's answer to an application (API.md {@code POST /dispensation-applications/{id}/grant},
 * {@code .../refuse}): a reason (required to refuse), and for a grant the dates and limits of the
 * dispensation, each optional: valid from today, open-ended, the facilities or hours applied for.
 */
public class DispensationDecisionForm {

    @MultiLine
    private String reason;

    @DateTimeFormat(
            pattern = PageDates.PATTERN,
            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
    private LocalDate validFrom;

    @DateTimeFormat(
            pattern = PageDates.PATTERN,
            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
    private LocalDate validTo;

    private Integer maxFacilities;
    private BigDecimal monthlyHours;
    /** The page's second step: the region has read what the dispensation allows. */
    private boolean confirmed;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public Integer getMaxFacilities() {
        return maxFacilities;
    }

    public void setMaxFacilities(Integer maxFacilities) {
        this.maxFacilities = maxFacilities;
    }

    public BigDecimal getMonthlyHours() {
        return monthlyHours;
    }

    public void setMonthlyHours(BigDecimal monthlyHours) {
        this.monthlyHours = monthlyHours;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }
}
