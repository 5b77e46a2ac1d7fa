package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.common.PageDates;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A session as the doctor logs it (API.md {@code POST /agreements/{id}/sessions}); checked as a whole. */
public class AdvisorySessionForm {

    @DateTimeFormat(
            pattern = PageDates.PATTERN,
            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
    private LocalDate date;

    private Integer durationMinutes;
    private AdvisorySession.Kind kind;
    private AdvisorySession.Format format;
    private String topic;

    @MultiLine
    private String notes;

    /** On a correction: the version of the session the doctor saw; stale: 409 CONCURRENT_CHANGE. Optional. */
    private Integer version;

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public AdvisorySession.Kind getKind() {
        return kind;
    }

    public void setKind(AdvisorySession.Kind kind) {
        this.kind = kind;
    }

    public AdvisorySession.Format getFormat() {
        return format;
    }

    public void setFormat(AdvisorySession.Format format) {
        this.format = format;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
