package dk.botilbudslaege.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a user and resolves the scope of their role from the registry tables ({@link UserScopeQuery}). */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final UserScopeQuery users;

    AppUserDetailsService(UserScopeQuery users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // review 17: a NUL cannot be in a username (PostgreSQL's text cannot hold one); asking the database anyway made
        // its error an ERROR with a stack trace in the log, where it is just a wrong username
        if (username == null || username.indexOf('\u0000') >= 0) {
            throw new UsernameNotFoundException("unknown user");
        }
        return users.byUsername(username)
                .map(row -> new AppUserDetails(
                        row.user(),
                        row.passwordHash(), // null: signs in through the identity provider only, no password matches
                        row.enabled(),
                        row.scopeVersion()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
