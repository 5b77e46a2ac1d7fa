package dk.botilbudslaege.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the identity provider. Role and scope are this application's ({@code app_user}),
 * never the token's claims; the name is the {@code app_user} username, so the audit trail names the same person
 * whichever way they signed in.
 */
final class AppOidcUser extends DefaultOidcUser implements ScopedPrincipal {

    // Issue 17: kept in the session, which lives in PostgreSQL (Spring Session JDBC)
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private final int scopeVersion;

    AppOidcUser(CurrentUser user, int scopeVersion, OidcUser signedIn) {
        super(
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())),
                signedIn.getIdToken(),
                signedIn.getUserInfo(),
                IdTokenClaimNames.SUB);
        this.user = user;
        this.scopeVersion = scopeVersion;
    }

    @Override
    public CurrentUser user() {
        return user;
    }

    @Override
    public int scopeVersion() {
        return scopeVersion;
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppOidcUser that && super.equals(that) && user.equals(that.user);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + user.hashCode();
    }
}
