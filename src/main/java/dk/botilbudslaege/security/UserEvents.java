package dk.botilbudslaege.security;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.Map;

/**
 * What user administration changes (issue 15 item 2), one event each, published in the transaction of the change:
 * the audit trail records them under the entity {@code app_user}, keyed by username.
 */
public final class UserEvents {

    /** The audit trail's entity type of a user account. */
    public static final String ENTITY = "app_user";

    private UserEvents() {}

    /** A user change the audit trail records. */
    public interface UserChange extends AuditedChange {
        String username();

        default String entityType() {
            return ENTITY;
        }

        default Object entityId() {
            return username();
        }
    }

    /** A user was invited (created without a password). */
    public record UserInvited(String username, Map<String, AuditTrail.Change> changes, String actor)
            implements UserChange {
        public String action() {
            return "INVITED";
        }
    }

    /** A user's role, scope or user-administrator right was changed. */
    public record RoleChanged(String username, Map<String, AuditTrail.Change> changes, String actor)
            implements UserChange {
        public String action() {
            return "ROLE_CHANGED";
        }
    }

    /** A user was disabled: cannot sign in, open sessions end. */
    public record UserDisabled(String username, Map<String, AuditTrail.Change> changes, String actor)
            implements UserChange {
        public String action() {
            return "DISABLED";
        }
    }

    /** A user was enabled again. */
    public record UserEnabled(String username, Map<String, AuditTrail.Change> changes, String actor)
            implements UserChange {
        public String action() {
            return "ENABLED";
        }
    }

    /** The invited user set a password through the one-time link (the password itself is never recorded). */
    public record PasswordSet(String username, Map<String, AuditTrail.Change> changes, String actor)
            implements UserChange {
        public String action() {
            return "PASSWORD_SET";
        }
    }

    /**
     * Not audited: asks for the invitation mail, written by the notification module in the same transaction (so
     * security does not depend on notification).
     *
     * @param linkPath the one-time link's path ({@code /invitation/<token>}), or null while password login is off:
     *                 then the mail says to sign in with the organisation's login
     */
    public record InvitationMail(String username, String displayName, String email, String language, String linkPath) {}
}
