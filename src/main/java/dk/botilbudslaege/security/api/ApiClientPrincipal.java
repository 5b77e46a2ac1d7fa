package dk.botilbudslaege.security.api;

import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.ScopedPrincipal;
import java.io.Serializable;
import java.security.Principal;

/**
 * An API client signed in with a token or a key: its role and scope like a user's, username {@code api:<name>}
 * (the audit actor). Not a person: the per-request account check (EnabledAccountFilter) skips it; the client's own
 * lookup already refuses a revoked client.
 */
record ApiClientPrincipal(long clientId, CurrentUser user, boolean readOnly)
        implements ScopedPrincipal, Principal, Serializable {

    @Override
    public boolean person() {
        return false;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
