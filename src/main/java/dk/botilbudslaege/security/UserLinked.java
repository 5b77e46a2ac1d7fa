package dk.botilbudslaege.security;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.Map;

/**
 * A user's first sign-in through the identity provider linked the account (found by its e-mail address) to the
 * provider's subject: from now on the subject alone finds it.
 */
record UserLinked(String username, String subject) implements AuditedChange {

    @Override
    public String actor() {
        return username;
    }

    @Override
    public String entityType() {
        return "app_user";
    }

    @Override
    public Object entityId() {
        return username;
    }

    @Override
    public String action() {
        return "USER_LINKED";
    }

    @Override
    public Map<String, AuditTrail.Change> changes() {
        return Map.of("oidcSubject", new AuditTrail.Change(null, subject));
    }
}
