package dk.botilbudslaege.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of a user; the scope rides along as {@link CurrentUser}. */
final class AppUserDetails implements UserDetails, ScopedPrincipal {

    // Issue 17: kept in the session, which lives in PostgreSQL (Spring Session JDBC)
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private final String passwordHash;
    private final boolean enabled;
    private final int scopeVersion;

    AppUserDetails(CurrentUser user, String passwordHash, boolean enabled, int scopeVersion) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
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
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
