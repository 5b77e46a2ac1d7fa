package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.Map;

/** The changes to advisory sessions and the topic catalogue, one event each, published in the transaction. */
public final class AdvisorySessionEvents {

    private AdvisorySessionEvents() {}

    /** A session changed: the audit trail records it under the session. */
    public interface AdvisorySessionChange extends AuditedChange {
        long sessionId();

        default String entityType() {
            return AdvisorySessions.ENTITY;
        }

        default Object entityId() {
            return sessionId();
        }
    }

    /** A topic of the catalogue changed: the audit trail records it under the topic. */
    public interface SessionTopicChange extends AuditedChange {
        long topicId();

        default String entityType() {
            return SessionTopics.ENTITY;
        }

        default Object entityId() {
            return topicId();
        }
    }

    /** The doctor logged a session. */
    public record Logged(long sessionId, Map<String, AuditTrail.Change> changes, String actor)
            implements AdvisorySessionChange {
        public String action() {
            return "SESSION_LOGGED";
        }
    }

    /** The facility side confirmed a session. */
    public record Confirmed(long sessionId, Map<String, AuditTrail.Change> changes, String actor)
            implements AdvisorySessionChange {
        public String action() {
            return "SESSION_CONFIRMED";
        }
    }

    /** The facility side questioned a session, with a comment. */
    public record Questioned(long sessionId, Map<String, AuditTrail.Change> changes, String actor)
            implements AdvisorySessionChange {
        public String action() {
            return "SESSION_QUESTIONED";
        }
    }

    /** The doctor corrected a session not yet confirmed; it is LOGGED again. */
    public record Corrected(long sessionId, Map<String, AuditTrail.Change> changes, String actor)
            implements AdvisorySessionChange {
        public String action() {
            return "SESSION_CORRECTED";
        }
    }

    /** The doctor withdrew a session not yet confirmed; it no longer exists. */
    public record Withdrawn(long sessionId, Map<String, AuditTrail.Change> changes, String actor)
            implements AdvisorySessionChange {
        public String action() {
            return "SESSION_WITHDRAWN";
        }
    }

    /** The administrator added a topic to the catalogue. */
    public record TopicAdded(long topicId, Map<String, AuditTrail.Change> changes, String actor)
            implements SessionTopicChange {
        public String action() {
            return "CREATED";
        }
    }

    /** The administrator took a topic out of the catalogue (sessions keep their topic text). */
    public record TopicRemoved(long topicId, Map<String, AuditTrail.Change> changes, String actor)
            implements SessionTopicChange {
        public String action() {
            return "REMOVED";
        }
    }
}
