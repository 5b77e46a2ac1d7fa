package dk.botilbudslaege.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --botilbud.bootstrap-admin=EMAIL} (issue 15 item 2), the runner on its own: with an administrator in the
 * database it creates nothing and prints no secret; without one (all administrators disabled, in a transaction
 * rolled back afterwards) it creates an ADMIN with the user-administrator right, prints the one-time link once and
 * exits.
 */
@IntegrationTest
class BootstrapAdminRunnerTest {

    @Autowired
    UserAdministration users;

    @Autowired
    Invitations invitations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void with_an_administrator_it_says_so_and_prints_no_secret() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        run("first.admin@example.dk", out, exit);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("already exists", "nothing was created").doesNotContain("/invitation/");
        assertThat(exit.get()).isZero();
        assertThat(jdbc.sql("select count(*) from app_user where email = 'first.admin@example.dk'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void without_an_administrator_it_creates_one_and_prints_the_link_once() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("update app_user set enabled = false where role = 'ADMIN'").update();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AtomicInteger exit = new AtomicInteger(-1);
            run("Anna.Jensen@Example.dk", out, exit);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(exit.get()).isZero();
            assertThat(printed).contains("created the administrator 'anna.jensen'");
            Matcher link = Pattern.compile("https://botilbud\\.example\\.dk/invitation/([A-Za-z0-9_-]{43})")
                    .matcher(printed);
            assertThat(link.find()).as(printed).isTrue();
            assertThat(link.find()).as("printed once").isFalse();
            String token = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})")
                    .matcher(printed)
                    .results()
                    .findFirst()
                    .orElseThrow()
                    .group(1);
            assertThat(invitations.find(token).orElseThrow().state()).isEqualTo(Invitations.State.VALID);
            assertThat(invitations.find(token).orElseThrow().username()).isEqualTo("anna.jensen");
            assertThat(jdbc.sql("""
                            select role || ' ' || user_admin || ' ' || enabled || ' ' || (password_hash is null)
                              from app_user where username = 'anna.jensen'
                            """).query(String.class).single()).isEqualTo("ADMIN true true true");
            assertThat(jdbc.sql("""
                            select actor from audit_event
                             where entity_type = 'app_user' and entity_id = 'anna.jensen' and action = 'INVITED'
                            """).query(String.class).single()).isEqualTo("bootstrap");
            assertThat(jdbc.sql("select count(*) from user_invitation where token_hash = :t")
                            .param("t", token)
                            .query(Long.class)
                            .single())
                    .as("the token is stored only as its hash")
                    .isZero();

            // another address: the administrator exists, no link
            ByteArrayOutputStream other = new ByteArrayOutputStream();
            run("someone.else@example.dk", other, exit);
            assertThat(other.toString(StandardCharsets.UTF_8))
                    .contains("already exists (anna.jensen)")
                    .doesNotContain("/invitation/");
            assertThat(invitations.find(token).orElseThrow().state()).isEqualTo(Invitations.State.VALID);

            // the same address again before anyone signed in (the link was lost): a new link, the old one dies
            ByteArrayOutputStream second = new ByteArrayOutputStream();
            exit.set(-1);
            run(" ANNA.JENSEN@example.dk", second, exit);
            String again = second.toString(StandardCharsets.UTF_8);
            assertThat(exit.get()).isZero();
            assertThat(again).contains("'anna.jensen'", "never signed in").doesNotContain("created");
            String newToken = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})")
                    .matcher(again)
                    .results()
                    .map(m -> m.group(1))
                    .reduce((a, b) -> {
                        throw new AssertionError("printed twice: " + again);
                    })
                    .orElseThrow();
            assertThat(newToken).isNotEqualTo(token);
            assertThat(invitations.find(newToken).orElseThrow().state()).isEqualTo(Invitations.State.VALID);
            assertThat(invitations.find(token))
                    .as("the lost link no longer works")
                    .isEmpty();
            assertThat(jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled")
                            .query(Long.class)
                            .single())
                    .as("no second administrator")
                    .isEqualTo(1L);

            // once the administrator has signed in, the same address is refused without a secret
            jdbc.sql("update app_user set last_login_at = now() where username = 'anna.jensen'")
                    .update();
            ByteArrayOutputStream third = new ByteArrayOutputStream();
            run("anna.jensen@example.dk", third, exit);
            assertThat(third.toString(StandardCharsets.UTF_8))
                    .contains("already exists (anna.jensen)")
                    .doesNotContain("/invitation/");
            assertThat(invitations.find(newToken).orElseThrow().state()).isEqualTo(Invitations.State.VALID);
            tx.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from app_user where username = 'anna.jensen'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_malformed_address_creates_nothing_and_exits_with_an_error() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        run("not an address", out, exit);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not an e-mail address", "nothing was created");
        assertThat(exit.get()).isEqualTo(2);
    }

    private void run(String email, ByteArrayOutputStream out, AtomicInteger exit) {
        new BootstrapAdminRunner(
                        users,
                        invitations,
                        email,
                        "https://botilbud.example.dk/",
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        exit::set)
                .run(new DefaultApplicationArguments());
    }
}
