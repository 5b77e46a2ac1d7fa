package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.MultiLine;

/** The facility side's decision on a session (API.md {@code PATCH /agreements/{id}/sessions/{sessionId}}). */
public class AdvisorySessionDecisionForm {

    private AdvisorySession.Status status;

    @MultiLine
    private String comment;

    /** The version of the session the facility side saw; stale: 409 CONCURRENT_CHANGE. Optional. */
    private Integer version;

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public AdvisorySession.Status getStatus() {
        return status;
    }

    public void setStatus(AdvisorySession.Status status) {
        this.status = status;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
