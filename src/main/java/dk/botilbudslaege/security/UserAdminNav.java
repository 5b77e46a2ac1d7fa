package dk.botilbudslaege.security;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows whether the signed-in user administers users (the menu's "Brugere"). */
@ControllerAdvice
class UserAdminNav {

    private final UserAdministration users;

    UserAdminNav(UserAdministration users) {
        this.users = users;
    }

    @ModelAttribute("userAdmin")
    boolean userAdmin() {
        return CurrentUsers.current()
                .map(user -> user.is(Role.ADMIN)
                        || ((user.is(Role.REGION) || user.is(Role.MUNICIPALITY)) && users.mayAdminister(user)))
                .orElse(false);
    }
}
