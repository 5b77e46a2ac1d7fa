package dk.botilbudslaege.security;

import org.springframework.core.env.Environment;

/**
 * How people sign in (issue 15): the password form (on unless {@code botilbud.login.password-enabled=false}) and,
 * when {@code spring.security.oauth2.client.registration.idp.*} is configured, the organisation's identity provider
 * over OpenID Connect.
 *
 * @param passwordEnabled the password form (and, in local mode, HTTP Basic on the API)
 * @param emailClaim      the claim holding the person's e-mail address (Entra ID: {@code preferred_username} or
 *                        {@code upn})
 * @param matchEmail      the first sign-in of a subject may link it to the one enabled, unlinked user with that address
 * @param rpLogout        logout also ends the session at the identity provider (its {@code end_session_endpoint})
 * @param displayName     the identity provider's name on the login button; blank: "your organisation's login"
 */
record LoginSettings(
        boolean passwordEnabled, String emailClaim, boolean matchEmail, boolean rpLogout, String displayName) {

    /** The registration id of the identity provider in Spring Boot's properties. */
    static final String REGISTRATION_ID = "idp";

    static LoginSettings from(Environment environment) {
        return new LoginSettings(
                environment.getProperty("botilbud.login.password-enabled", Boolean.class, true),
                environment.getProperty("botilbud.oidc.email-claim", "email"),
                environment.getProperty("botilbud.oidc.match-email", Boolean.class, true),
                environment.getProperty("botilbud.oidc.rp-logout", Boolean.class, false),
                environment.getProperty("botilbud.oidc.display-name", "").trim());
    }
}
