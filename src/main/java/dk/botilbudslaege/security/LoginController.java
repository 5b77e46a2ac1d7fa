package dk.botilbudslaege.security;

import java.util.List;

import dk.botilbudslaege.config.LocalDatabaseCondition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final Environment environment;
    private final JdbcClient jdbc;

    LoginController(Environment environment, JdbcClient jdbc) {
        this.environment = environment;
        this.jdbc = jdbc;
    }

    @GetMapping("/login")
    String login(Model model, HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(FormLoginFailureHandler.RETRY_AFTER) instanceof Long seconds) {
            response.setStatus(429); // too many failed logins: FormLoginFailureHandler
            model.addAttribute("retryAfter", seconds);
        }
        if (LocalDatabaseCondition.isLocal(environment)) {
            model.addAttribute("demoUsers", demoUsers());
        }
        return "login";
    }

    private List<String> demoUsers() {
        return jdbc.sql("select username from app_user where enabled order by role, username limit 12")
                .query(String.class).list();
    }
}
