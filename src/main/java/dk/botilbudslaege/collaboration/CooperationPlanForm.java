package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.common.PageDates;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A draft of the cooperation plan as a party sends it ({@code PUT /agreements/{id}/cooperation-plan}, or the
 * page's form). {@code version} is the version the party read (none for the first draft). Checked as a whole
 * by {@link CooperationPlans}, so one answer names every bad field.
 */
public class CooperationPlanForm {

    @DateTimeFormat(
            pattern = PageDates.PATTERN,
            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
    private LocalDate startDate;

    @MultiLine
    private String scope;

    @MultiLine
    private String schedule;

    @MultiLine
    private String meetings;

    @MultiLine
    private String communication;

    private String contactName;
    private CooperationPlan.ContactRole contactRole;
    private String contactEmail;
    private String contactPhone;
    private String substituteDoctor;
    private Integer version;

    static CooperationPlanForm of(CooperationPlan plan) {
        CooperationPlanForm form = new CooperationPlanForm();
        form.startDate = plan.startDate();
        form.scope = plan.scope();
        form.schedule = plan.schedule();
        form.meetings = plan.meetings();
        form.communication = plan.communication();
        form.contactName = plan.contactName();
        form.contactRole = plan.contactRole();
        form.contactEmail = plan.contactEmail();
        form.contactPhone = plan.contactPhone();
        form.substituteDoctor = plan.substituteDoctor();
        form.version = plan.version();
        return form;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getMeetings() {
        return meetings;
    }

    public void setMeetings(String meetings) {
        this.meetings = meetings;
    }

    public String getCommunication() {
        return communication;
    }

    public void setCommunication(String communication) {
        this.communication = communication;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public CooperationPlan.ContactRole getContactRole() {
        return contactRole;
    }

    public void setContactRole(CooperationPlan.ContactRole contactRole) {
        this.contactRole = contactRole;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getSubstituteDoctor() {
        return substituteDoctor;
    }

    public void setSubstituteDoctor(String substituteDoctor) {
        this.substituteDoctor = substituteDoctor;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
