package dk.botilbudslaege.security;

import java.util.List;

import dk.botilbudslaege.config.LocalDatabaseCondition;
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
    String login(Model model) {
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
