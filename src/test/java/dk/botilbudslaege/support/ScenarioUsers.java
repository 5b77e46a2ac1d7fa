package dk.botilbudslaege.support;

import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The users of the module scenarios ({@link ModuleScenarioTest}), which have no demo data: made on first
 * use, then signed in on the test's thread as a login would, so the services see them as the
 * {@link CurrentUser} and the events name them as the actor.
 */
@TestComponent
public class ScenarioUsers {

    public static final String REGION_MIDT = "region-midt";
    public static final String NORDDJURS = "kommune-norddjurs";

    private final Users users;
    private final UserDetailsService details;

    ScenarioUsers(Users users, UserDetailsService details) {
        this.users = users;
        this.details = details;
    }

    /** Signs in as one of {@link #REGION_MIDT} and {@link #NORDDJURS}; the caller signs out. */
    public synchronized CurrentUser signIn(String username) {
        if (!users.exists(username)) {
            users.create(
                    switch (username) {
                        case REGION_MIDT ->
                            new Users.NewUser(
                                    REGION_MIDT,
                                    Api.PASSWORD,
                                    "Region Midtjylland",
                                    Role.REGION,
                                    "1082",
                                    null,
                                    null,
                                    null);
                        case NORDDJURS ->
                            new Users.NewUser(
                                    NORDDJURS,
                                    Api.PASSWORD,
                                    "Norddjurs Kommune",
                                    Role.MUNICIPALITY,
                                    null,
                                    "707",
                                    null,
                                    null);
                        default -> throw new IllegalArgumentException(username);
                    });
        }
        UserDetails user = details.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return CurrentUsers.current().orElseThrow();
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
    }
}
