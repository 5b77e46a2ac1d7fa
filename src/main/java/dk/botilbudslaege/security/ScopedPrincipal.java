package dk.botilbudslaege.security;

/**
 * What every kind of signed-in principal carries: a person signed in with a password or through the identity
 * provider, or an API client with its own credentials. Role and scope always come from this application's own
 * tables, never from a token's claims.
 */
public interface ScopedPrincipal {

    /** The role and scope the principal acts with. */
    CurrentUser user();

    /** A person (checked against {@code app_user} on every request), not an API client. */
    default boolean person() {
        return true;
    }

    /** The {@code app_user.scope_version} the principal was signed in with; a change of scope ends the session. */
    default int scopeVersion() {
        return 0;
    }
}
