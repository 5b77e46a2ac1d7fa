package dk.botilbudslaege.security;

import dk.botilbudslaege.config.LocalDatabaseCondition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final Environment environment;
    private final Users users;

    LoginController(Environment environment, Users users) {
        this.environment = environment;
        this.users = users;
    }

    @GetMapping("/login")
    String login(Model model, HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(FormLoginFailureHandler.RETRY_AFTER) instanceof Long seconds) {
            response.setStatus(429); // too many failed logins: FormLoginFailureHandler
            model.addAttribute("retryAfter", seconds);
        }
        if (LocalDatabaseCondition.isLocal(environment)) {
            model.addAttribute("demoUsers", users.demoLogins());
        }
        return "login";
    }
}
