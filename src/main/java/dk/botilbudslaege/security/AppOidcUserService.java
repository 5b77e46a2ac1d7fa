package dk.botilbudslaege.security;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who a person signed in through the identity provider is here: the {@code app_user} linked to the provider's
 * subject ({@code sub}); else, on the first sign-in and if {@code botilbud.oidc.match-email}, the one enabled user
 * with the token's e-mail address that is not linked yet, which is then linked to the subject (audited
 * {@code USER_LINKED}). Two such users, or none, is someone the application does not know. Role and scope come
 * from {@code app_user} only: the token's claims never give a role.
 */
@Service
class AppOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a person the application does not know ({@link OidcLoginFailureHandler}). */
    static final String UNKNOWN_USER = "unknown_user";

    /** The error code of a disabled account. */
    static final String DISABLED = "disabled";

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final UserScopeQuery users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final LoginSettings settings;

    @org.springframework.beans.factory.annotation.Autowired
    AppOidcUserService(
            UserScopeQuery users,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            LoginSettings settings) {
        this(new OidcUserService(), users, jdbc, transactions, events, settings);
    }

    AppOidcUserService(
            OAuth2UserService<OidcUserRequest, OidcUser> provider,
            UserScopeQuery users,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            LoginSettings settings) {
        this.provider = provider;
        this.users = users;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        String subject = signedIn.getSubject();
        UserScopeQuery.UserRow row =
                users.bySubject(subject).or(() -> linkByEmail(signedIn)).orElse(null);
        if (row == null) {
            throw refused(UNKNOWN_USER, subject);
        }
        if (!row.enabled()) {
            throw refused(DISABLED, subject);
        }
        return new AppOidcUser(row.user(), row.scopeVersion(), signedIn);
    }

    /**
     * The one enabled, unlinked user with the token's e-mail address, now linked to the subject. A disabled one
     * alone is returned as it is (refused as disabled); several enabled ones link none.
     */
    private Optional<UserScopeQuery.UserRow> linkByEmail(OidcUser signedIn) {
        if (!settings.matchEmail()) {
            return Optional.empty();
        }
        Object claim = signedIn.getClaims().get(settings.emailClaim());
        if (!(claim instanceof String email) || email.isBlank() || !email.contains("@")) {
            return Optional.empty();
        }
        if ("email".equals(settings.emailClaim()) && Boolean.FALSE.equals(signedIn.getEmailVerified())) {
            return Optional.empty(); // the provider says the address is not verified: it proves nothing
        }
        List<UserScopeQuery.UserRow> candidates = users.unlinkedByEmail(email);
        List<UserScopeQuery.UserRow> enabled =
                candidates.stream().filter(UserScopeQuery.UserRow::enabled).toList();
        if (enabled.size() > 1) {
            SecurityEvents.oidcRefused(signedIn.getSubject(), "AMBIGUOUS_EMAIL");
            return Optional.empty();
        }
        if (enabled.isEmpty()) {
            return candidates.stream().findFirst(); // disabled (or none)
        }
        String username = enabled.get(0).user().username();
        try {
            boolean linked = Boolean.TRUE.equals(transactions.execute(status -> {
                int updated = jdbc.sql("update app_user set oidc_subject = :subject"
                                + " where username = :username and oidc_subject is null and enabled")
                        .param("subject", signedIn.getSubject())
                        .param("username", username)
                        .update();
                if (updated == 1) {
                    events.publishEvent(new UserLinked(username, signedIn.getSubject()));
                }
                return updated == 1;
            }));
            return linked ? users.bySubject(signedIn.getSubject()) : Optional.empty();
        } catch (DuplicateKeyException raced) {
            return users.bySubject(signedIn.getSubject()); // linked meanwhile by a parallel first sign-in
        }
    }

    private static OAuth2AuthenticationException refused(String code, String subject) {
        SecurityEvents.oidcRefused(subject, code.toUpperCase());
        return new OAuth2AuthenticationException(new OAuth2Error(code), code);
    }
}
