package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.PageDates;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A request for an agreement as the API (API.md) and the form send it: the doctor, the facility or
 * facilities (several = a group), optionally a section, the start date and the match method.
 */
public class AgreementForm {

    @NotNull(message = "{agreement.doctorId.required}")
    private Long doctorId;

    @NotEmpty(message = "{agreement.facilityIds.required}")
    @Size(max = 200, message = "{validation.count.max.size}")
    private List<Long> facilityIds;

    private Long sectionId;

    /** Extension: the group as a whole (its members are then implied). */
    private Long groupId;

    @NotNull(message = "{agreement.startDate.required}")
    @DateTimeFormat(
            pattern = PageDates.PATTERN,
            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
    private LocalDate startDate;

    @NotNull(message = "{agreement.matchMethod.required}")
    private MatchMethod matchMethod;

    private Integer version;

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

    public Long getSectionId() {
        return sectionId;
    }

    public void setSectionId(Long sectionId) {
        this.sectionId = sectionId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public void setGroupId(Long groupId) {
        this.groupId = groupId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public MatchMethod getMatchMethod() {
        return matchMethod;
    }

    public void setMatchMethod(MatchMethod matchMethod) {
        this.matchMethod = matchMethod;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
