package dk.botilbudslaege.matching;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.Map;

/**
 * The changes matching makes, one event each, published in the transaction of the change (the audit
 * trail records them).
 */
public final class MatchingEvents {

    private MatchingEvents() {}

    /** A matching round changed: the audit trail records it under the round. */
    public interface RoundChange extends AuditedChange {
        long roundId();

        default String entityType() {
            return Rounds.ENTITY;
        }

        default Object entityId() {
            return roundId();
        }
    }

    /** A matching round was opened. */
    public record RoundOpened(long roundId, Map<String, AuditTrail.Change> changes, String actor)
            implements RoundChange {
        public String action() {
            return "OPENED";
        }
    }

    /** A matching round was closed with its outcome. */
    public record RoundClosed(long roundId, Map<String, AuditTrail.Change> changes, String actor)
            implements RoundChange {
        public String action() {
            return "CLOSED";
        }
    }

    /** A proposal was accepted or declined ({@code action} is the answer). */
    public record ProposalAnswered(long proposalId, String action, Map<String, AuditTrail.Change> changes, String actor)
            implements AuditedChange {
        public String entityType() {
            return "MATCHING_PROPOSAL";
        }

        public Object entityId() {
            return proposalId;
        }
    }
}
