package dk.botilbudslaege.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request, for code that is not a controller (e.g. the audit trail). */
public final class CurrentUsers {

    private CurrentUsers() {}

    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }

    /** Who is acting: the signed-in username, or "system" for start-up jobs. */
    public static String actor() {
        return current().map(CurrentUser::username).orElse("system");
    }
}
