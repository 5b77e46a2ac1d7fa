package dk.botilbudslaege.survey;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.LinkedHashMap;
import java.util.Map;

/** The survey changes the audit trail records, one event each, published in the transaction of the change. */
public final class SurveyEvents {

    private SurveyEvents() {}

    /** The fields of a tag as changes: from nothing when added, to nothing when removed. */
    static Map<String, AuditTrail.Change> tagChanges(SurveyTags.Tag tag, boolean added) {
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put(
                "questionId",
                added ? new AuditTrail.Change(null, tag.questionId()) : new AuditTrail.Change(tag.questionId(), null));
        changes.put(
                "municipalityCode",
                added
                        ? new AuditTrail.Change(null, tag.municipalityCode())
                        : new AuditTrail.Change(tag.municipalityCode(), null));
        changes.put("tag", added ? new AuditTrail.Change(null, tag.tag()) : new AuditTrail.Change(tag.tag(), null));
        return changes;
    }

    /** The region tagged a free-text answer of its survey. */
    public record TagAdded(long surveyId, Map<String, AuditTrail.Change> changes, String actor)
            implements AuditedChange {
        public String entityType() {
            return Surveys.ENTITY;
        }

        public Object entityId() {
            return surveyId;
        }

        public String action() {
            return "TAG_ADDED";
        }
    }

    /** The region removed one of its tags from a free-text answer of its survey. */
    public record TagRemoved(long surveyId, Map<String, AuditTrail.Change> changes, String actor)
            implements AuditedChange {
        public String entityType() {
            return Surveys.ENTITY;
        }

        public Object entityId() {
            return surveyId;
        }

        public String action() {
            return "TAG_REMOVED";
        }
    }
}
