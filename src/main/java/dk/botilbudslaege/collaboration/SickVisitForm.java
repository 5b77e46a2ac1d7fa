package dk.botilbudslaege.collaboration;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A sick-visit request as sent: the wanted window in Danish local time, a count and the facility's references. */
public class SickVisitForm {

    // the page's datetime-local inputs send minutes, the JSON body ISO text (Jackson ignores these)
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime wantedFrom;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime wantedTo;

    private Integer residents;
    private List<String> references;
    private String note;

    public LocalDateTime getWantedFrom() {
        return wantedFrom;
    }

    public void setWantedFrom(LocalDateTime wantedFrom) {
        this.wantedFrom = wantedFrom;
    }

    public LocalDateTime getWantedTo() {
        return wantedTo;
    }

    public void setWantedTo(LocalDateTime wantedTo) {
        this.wantedTo = wantedTo;
    }

    public Integer getResidents() {
        return residents;
    }

    public void setResidents(Integer residents) {
        this.residents = residents;
    }

    public List<String> getReferences() {
        return references;
    }

    public void setReferences(List<String> references) {
        this.references = references;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
