package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.PageDates;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A change request as the doctor files it (API.md "change requests"): the field by its API name, the
 * new value as text ("true", "123456", "3", "TENDER"), the date it should hold from and why. The
 * practice defaults to the doctor's own, the doctor (for {@code nursingHomeDoctor}) to the doctor
 * themself. Checked as a whole by {@link ChangeRequests}, so one answer lists every bad field.
 */
public class ChangeRequestForm {

    private Long practiceId;
    private Long doctorId;
    private String field;
    private String newValue;

    @DateTimeFormat(
            pattern = PageDates.PATTERN,
            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
    private LocalDate validFrom;

    private String reason;

    public static ChangeRequestForm of(
            Long practiceId, Long doctorId, String field, String newValue, LocalDate validFrom, String reason) {
        ChangeRequestForm form = new ChangeRequestForm();
        form.practiceId = practiceId;
        form.doctorId = doctorId;
        form.field = field;
        form.newValue = newValue;
        form.validFrom = validFrom;
        form.reason = reason;
        return form;
    }

    public Long getPracticeId() {
        return practiceId;
    }

    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
    }

    public Long getDoctorId() {
        return doctorId;
    }

    public void setDoctorId(Long doctorId) {
        this.doctorId = doctorId;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getNewValue() {
        return newValue;
    }

    public void setNewValue(String newValue) {
        this.newValue = newValue;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
