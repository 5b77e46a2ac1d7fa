package dk.botilbudslaege.survey;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The survey changes the audit trail records, one event each, published in the transaction of the change: a survey
 * created (a draft; drafts are not edited nor deleted), sent, an answer saved as a draft, submitted and changed after
 * submission, a tag added and removed. An answer's event names its municipality and the ids of the questions whose
 * answers changed, never the answers themselves.
 */
public final class SurveyEvents {

    private SurveyEvents() {}

    /** A change of one survey (or of its answers or tags): the audit trail files it under the survey. */
    public interface SurveyChange extends AuditedChange {
        long surveyId();

        @Override
        default String entityType() {
            return Surveys.ENTITY;
        }

        @Override
        default Object entityId() {
            return surveyId();
        }
    }

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
            implements SurveyChange {
        public String action() {
            return "TAG_ADDED";
        }
    }

    /** The region removed one of its tags from a free-text answer of its survey. */
    public record TagRemoved(long surveyId, Map<String, AuditTrail.Change> changes, String actor)
            implements SurveyChange {
        public String action() {
            return "TAG_REMOVED";
        }
    }

    /** A created draft as changes from nothing: title, deadline, reminder days, the number of questions, addressees. */
    static Map<String, AuditTrail.Change> created(Survey survey) {
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("title", new AuditTrail.Change(null, survey.title()));
        changes.put("deadline", new AuditTrail.Change(null, survey.deadline().toString()));
        if (!survey.reminderDays().isEmpty()) {
            changes.put("reminderDays", new AuditTrail.Change(null, survey.reminderDays()));
        }
        changes.put("questions", new AuditTrail.Change(null, survey.questions().size()));
        changes.put("municipalityCodes", new AuditTrail.Change(null, survey.municipalityCodes()));
        return changes;
    }

    /** A sent survey: the status, the number and codes of its addressees. */
    static Map<String, AuditTrail.Change> sent(Survey survey) {
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("status", new AuditTrail.Change("DRAFT", "SENT"));
        changes.put(
                "addressees",
                new AuditTrail.Change(null, survey.municipalityCodes().size()));
        changes.put("municipalityCodes", new AuditTrail.Change(null, survey.municipalityCodes()));
        return changes;
    }

    /** An answer saved: its municipality, the ids of the questions whose answers changed, submitted or not. */
    static Map<String, AuditTrail.Change> answer(
            String municipalityCode,
            Map<Long, JsonNode> before,
            Map<Long, JsonNode> after,
            boolean wasSubmitted,
            boolean submitted) {
        List<Long> changed = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (Long id : ids) {
            if (!same(before.get(id), after.get(id))) {
                changed.add(id);
            }
        }
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("municipalityCode", new AuditTrail.Change(null, municipalityCode));
        changes.put("questionIds", new AuditTrail.Change(null, changed));
        if (wasSubmitted != submitted) {
            changes.put("submitted", new AuditTrail.Change(wasSubmitted, submitted));
        }
        return changes;
    }

    /** Whether two answer values are the same (numbers by value: 5 and 5.0 are the same). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a != null && b != null && a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    /** The region saved a new survey (a draft). */
    public record SurveyCreated(long surveyId, Map<String, AuditTrail.Change> changes, String actor)
            implements SurveyChange {
        public String action() {
            return "SURVEY_CREATED";
        }
    }

    /** The region sent its draft to the addressed municipalities. */
    public record SurveySent(long surveyId, Map<String, AuditTrail.Change> changes, String actor)
            implements SurveyChange {
        public String action() {
            return "SURVEY_SENT";
        }
    }

    /** A municipality saved its answer as a draft (not yet submitted). */
    public record AnswerDraftSaved(long surveyId, Map<String, AuditTrail.Change> changes, String actor)
            implements SurveyChange {
        public String action() {
            return "ANSWER_DRAFT_SAVED";
        }
    }

    /** A municipality submitted its answer. */
    public record AnswerSubmitted(long surveyId, Map<String, AuditTrail.Change> changes, String actor)
            implements SurveyChange {
        public String action() {
            return "ANSWER_SUBMITTED";
        }
    }

    /** A municipality changed its submitted answer before the deadline. */
    public record AnswerChanged(long surveyId, Map<String, AuditTrail.Change> changes, String actor)
            implements SurveyChange {
        public String action() {
            return "ANSWER_CHANGED";
        }
    }
}
