package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.MultiLine;
import java.math.BigDecimal;
import java.util.List;

/**
 * An application for a dispensation as a municipality or a doctor files it (API.md
 * {@code POST /dispensation-applications}). Checked as a whole by {@link DispensationApplications}, so
 * that one answer names every bad field.
 */
public class DispensationApplicationForm {

    private DispensationKind kind;
    private Long doctorId;
    private List<Long> facilityIds;
    /** Monthly hours applied for; only for kind HOURS. */
    private BigDecimal hours;

    @MultiLine
    private String reason;

    public DispensationKind getKind() {
        return kind;
    }

    public void setKind(DispensationKind kind) {
        this.kind = kind;
    }

    public Long getDoctorId() {
        return doctorId;
    }

    public void setDoctorId(Long doctorId) {
        this.doctorId = doctorId;
    }

    public List<Long> getFacilityIds() {
        return facilityIds;
    }

    public void setFacilityIds(List<Long> facilityIds) {
        this.facilityIds = facilityIds;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
