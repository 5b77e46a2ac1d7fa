package dk.botilbudslaege.security;

import java.io.PrintStream;
import java.util.function.IntConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar app.jar --botilbud.bootstrap-admin=EMAIL} (issue 15 item 2): creates the first administrator of
 * a new installation if no enabled ADMIN exists, prints its one-time link once (or, with password login off, that
 * the address is bound at the first sign-in through the organisation's login), and exits. If an administrator
 * exists it says so, without any secret — unless it is the only one, has this address and has never signed in (no
 * password, no identity-provider binding, no last login): then the lost link is replaced by a new one (the old one
 * dies), printed once. There are no default passwords in production.
 */
@Component
@ConditionalOnProperty("botilbud.bootstrap-admin")
@Order(Ordered.LOWEST_PRECEDENCE)
class BootstrapAdminRunner implements ApplicationRunner {

    private final UserAdministration users;
    private final Invitations invitations;
    private final String email;
    private final String publicUrl;
    private final PrintStream out;
    private final IntConsumer exit;

    BootstrapAdminRunner(
            UserAdministration users,
            Invitations invitations,
            @Value("${botilbud.bootstrap-admin}") String email,
            @Value("${botilbud.public-url:}") String publicUrl,
            ConfigurableApplicationContext context) {
        this(
                users,
                invitations,
                email,
                publicUrl,
                System.out,
                code -> System.exit(SpringApplication.exit(context, () -> code)));
    }

    BootstrapAdminRunner(
            UserAdministration users,
            Invitations invitations,
            String email,
            String publicUrl,
            PrintStream out,
            IntConsumer exit) {
        this.users = users;
        this.invitations = invitations;
        this.email = email;
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        this.out = out;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            UserAdministration.Bootstrapped result = users.bootstrapAdmin(email);
            if (result.reissued()) {
                out.println("bootstrap-admin: the administrator '" + result.username() + "' (" + email.trim()
                        + ") has never signed in; the earlier link no longer works.");
                if (result.token() != null) {
                    printLink(result.token());
                } else {
                    out.println("Password login is off: sign in with the organisation's login as " + email.trim()
                            + "; the first sign-in binds the account.");
                }
                code = 0;
            } else if (!result.created()) {
                out.println("bootstrap-admin: an enabled administrator already exists (" + result.username()
                        + "); nothing was created.");
                code = 0;
            } else if (result.token() != null) {
                out.println("bootstrap-admin: created the administrator '" + result.username() + "' (" + email.trim()
                        + ").");
                printLink(result.token());
                code = 0;
            } else {
                out.println("bootstrap-admin: created the administrator '" + result.username() + "' (" + email.trim()
                        + "). Password login is off: sign in with the organisation's login as " + email.trim()
                        + "; the first sign-in binds the account.");
                code = 0;
            }
        } catch (IllegalArgumentException e) {
            out.println("bootstrap-admin: " + e.getMessage() + "; nothing was created.");
            code = 2;
        }
        out.flush();
        exit.accept(code);
    }

    private void printLink(String token) {
        String base = publicUrl.isBlank() ? "http://localhost:8080" : publicUrl;
        out.println("Open this one-time link within " + Invitations.VALID_FOR.toHours()
                + " hours and choose a password (it is shown only this once):");
        out.println(base + "/invitation/" + token);
        if (publicUrl.isBlank()) {
            out.println("(botilbud.public-url is not set: replace http://localhost:8080 by the address people use.)");
        }
    }
}
