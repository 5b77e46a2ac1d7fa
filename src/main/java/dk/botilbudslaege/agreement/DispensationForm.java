package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.common.PageDates;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A dispensation as the region grants it (API.md {@code POST /dispensations}). */
public class DispensationForm {

    @NotNull(message = "{dispensation.doctorId.required}")
    private Long doctorId;

    @NotNull(message = "{dispensation.kind.required}")
    private DispensationKind kind;

    @Min(value = 2, message = "{validation.min}")
    @Max(value = 20, message = "{validation.max}")
    private Integer maxFacilities;

    @DecimalMin(value = "0.5", message = "{dispensation.monthlyHours.range}")
    @DecimalMax(value = "20", message = "{dispensation.monthlyHours.range}")
    private BigDecimal monthlyHours;

    @NotNull(message = "{dispensation.validFrom.required}")
    @DateTimeFormat(
            pattern = PageDates.PATTERN,
            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
    private LocalDate validFrom;

    @DateTimeFormat(
            pattern = PageDates.PATTERN,
            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
    private LocalDate validTo;

    @Size(max = 1000, message = "{validation.size.max}")
    @MultiLine
    private String reason;

    public Long getDoctorId() {
        return doctorId;
    }

    public void setDoctorId(Long doctorId) {
        this.doctorId = doctorId;
    }

    public DispensationKind getKind() {
        return kind;
    }

    public void setKind(DispensationKind kind) {
        this.kind = kind;
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

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
