package dk.botilbudslaege.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A user's row and the scope of their role, resolved from the registry tables: the one query behind every
 * sign-in, by password ({@link AppUserDetailsService}) or through the identity provider ({@link AppOidcUserService}).
 * Only REGION users store a region; everyone else's region is derived from their municipality today.
 */
@Component
class UserScopeQuery {

    /** An {@code app_user} row with its resolved scope. */
    record UserRow(CurrentUser user, String passwordHash, boolean enabled, int scopeVersion, String oidcSubject) {}

    private static final String SELECT = """
            select u.username, u.password_hash, u.display_name, u.role, u.enabled, u.scope_version, u.oidc_subject,
                   u.facility_id, u.doctor_id, d.practice_id,
            """ + ScopeSql.columns("u") + " from app_user u " + ScopeSql.joins("u");

    private final JdbcClient jdbc;

    UserScopeQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRow> byUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = :username")
                .param("username", username == null ? "" : username.trim().toLowerCase())
                .query((rs, i) -> row(rs))
                .optional();
    }

    /** The user linked to the identity provider's subject ({@code sub}), if any. */
    Optional<UserRow> bySubject(String subject) {
        return jdbc.sql(SELECT + " where u.oidc_subject = :subject")
                .param("subject", subject)
                .query((rs, i) -> row(rs))
                .optional();
    }

    /** Users with this e-mail address (any case) not yet linked to a subject, enabled or not. */
    List<UserRow> unlinkedByEmail(String email) {
        return jdbc.sql(SELECT + " where lower(u.email) = lower(:email) and u.oidc_subject is null order by u.username")
                .param("email", email.trim())
                .query((rs, i) -> row(rs))
                .list();
    }

    private static UserRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UserRow(
                new CurrentUser(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("region_code"),
                        rs.getString("municipality_code"),
                        (Long) rs.getObject("facility_id"),
                        (Long) rs.getObject("doctor_id"),
                        (Long) rs.getObject("practice_id")),
                rs.getString("password_hash"),
                rs.getBoolean("enabled"),
                rs.getInt("scope_version"),
                rs.getString("oidc_subject"));
    }
}
