package dk.botilbudslaege.security;

import dk.botilbudslaege.config.LocalDatabaseCondition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final Environment environment;
    private final Users users;
    private final LoginSettings settings;
    private final boolean identityProvider;

    LoginController(
            Environment environment,
            Users users,
            LoginSettings settings,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.environment = environment;
        this.users = users;
        this.settings = settings;
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        this.identityProvider =
                repository != null && repository.findByRegistrationId(LoginSettings.REGISTRATION_ID) != null;
    }

    @GetMapping("/login")
    String login(Model model, HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(FormLoginFailureHandler.RETRY_AFTER) instanceof Long seconds) {
            response.setStatus(429); // too many failed logins: FormLoginFailureHandler
            model.addAttribute("retryAfter", seconds);
        }
        // issue 16, login: the user name of the refused attempt stays in the field (read once)
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(FormLoginFailureHandler.LAST_USERNAME) instanceof String name) {
            session.removeAttribute(FormLoginFailureHandler.LAST_USERNAME);
            model.addAttribute("lastUsername", name);
        }
        model.addAttribute("passwordEnabled", settings.passwordEnabled());
        model.addAttribute("identityProvider", identityProvider);
        model.addAttribute("identityProviderName", settings.displayName());
        if (LocalDatabaseCondition.isLocal(environment) && settings.passwordEnabled()) {
            model.addAttribute("demoUsers", users.demoLogins());
        }
        return "login";
    }

    /**
     * Reached only when the password form is switched off ({@code botilbud.login.password-enabled=false}): while it
     * is on, Spring Security's form login answers this POST itself. Refused, and nobody is signed in.
     */
    @PostMapping("/login")
    String passwordLoginOff(Model model, HttpServletRequest request, HttpServletResponse response) {
        String page = login(model, request, response);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("passwordRefused", true);
        return page;
    }

    /**
     * The identity provider knew the person, this application does not (or the account is disabled): 403 and
     * whom to ask ({@link OidcLoginFailureHandler}).
     */
    @GetMapping("/login/refused")
    String refused(@RequestParam(defaultValue = "unknown") String reason, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("disabled", "disabled".equals(reason));
        model.addAttribute("identityProvider", identityProvider);
        return "login-refused";
    }
}
