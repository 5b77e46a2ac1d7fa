package dk.botilbudslaege.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.IntegrationTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14 items 1 and 2: the outbox is delivered through the built-in mail server (GreenMail) of the tests,
 * with retries and backoff, at least once and by one sender only. The scheduled poll is off in the tests
 * ({@code botilbud.mail.scheduled=false}); each test drives a sender itself and makes a retry due by moving
 * {@code next_attempt_at}, so no test waits for a backoff.
 */
@IntegrationTest
class MailDeliveryTest {

    @Autowired
    Notifier notifier;

    @Autowired
    MailSender sender;

    @Autowired
    MailOutbox outbox;

    @Autowired
    LocalMailServer server;

    @Autowired
    JavaMailSender javaMail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Users users;

    @LocalServerPort
    int port;

    String tag;

    @BeforeEach
    void drain() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        server.start();
        // mails left PENDING by other tests (the poll is off in the tests): sent, so the batches here are ours
        while (sender.sendDue() > 0) {}
    }

    @AfterEach
    void serverBack() {
        server.start();
    }

    @Test
    void a_notification_committed_is_delivered_to_the_users_address_with_subject_and_absolute_link() throws Exception {
        String address = user("m-a-" + tag);

        transactions.executeWithoutResult(tx -> notifier.notify(Notice.of(
                NotificationKind.SESSION_LOGGED,
                List.of("m-a-" + tag),
                "/agreements/7/sessions",
                "notification.test.subject",
                "Ærøskøbing")));
        assertThat(received(address)).isEmpty();

        sender.sendDue();

        List<MimeMessage> mails = received(address);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Test: Ærøskøbing");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("noreply@botilbudslaege.local");
        assertThat(mail.getContentType()).contains("text/plain").containsIgnoringCase("UTF-8");
        assertThat((String) mail.getContent())
                .contains("Hej Test m-a-" + tag)
                .contains("http://localhost:" + port + "/agreements/7/sessions")
                .contains("http://localhost:" + port + "/profile");
        assertThat(row(address))
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 1)
                .containsEntry("sent", true);
    }

    @Test
    void with_the_mail_server_away_the_mail_waits_and_is_delivered_once_when_due_again() {
        String address = queued("m-b-" + tag);
        server.stop();

        sender.sendDue();

        assertThat(row(address))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1)
                .containsEntry("due", false)
                .containsEntry("sent", false);
        assertThat(jdbc.sql("select last_error from mail_outbox where recipient = :r")
                        .param("r", address)
                        .query(String.class)
                        .single())
                .isNotBlank()
                .hasSizeLessThanOrEqualTo(200);
        int waitSeconds = jdbc.sql("""
                        select extract(epoch from next_attempt_at - now())::int from mail_outbox where recipient = :r
                        """).param("r", address).query(Integer.class).single();
        assertThat(waitSeconds).isBetween(25, 30);

        server.start();
        sender.sendDue();
        assertThat(received(address)).as("not due yet: the backoff holds").isEmpty();

        makeDue(address);
        sender.sendDue();
        sender.sendDue();

        assertThat(received(address)).hasSize(1);
        assertThat(row(address)).containsEntry("status", "SENT").containsEntry("attempts", 2);
    }

    @Test
    void mails_committed_before_a_crash_are_delivered_by_a_new_sender() {
        String first = queued("m-c1-" + tag);
        String second = queued("m-c2-" + tag);
        // an instance that claimed a mail and died before it committed: its lock goes with its transaction
        transactions.executeWithoutResult(tx -> {
            assertThat(outbox.claimNext()).isPresent();
            tx.setRollbackOnly();
        });

        MailSender restarted = new MailSender(outbox, transactions, javaMail, "noreply@botilbudslaege.local", false);
        restarted.sendDue();

        assertThat(received(first)).hasSize(1);
        assertThat(received(second)).hasSize(1);
        assertThat(row(first)).containsEntry("status", "SENT");
        assertThat(row(second)).containsEntry("status", "SENT");
    }

    @Test
    void two_senders_on_40_due_mails_deliver_each_exactly_once() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            addresses.add(queued("m-d" + i + "-" + tag));
        }
        MailSender one = new MailSender(outbox, transactions, javaMail, "noreply@botilbudslaege.local", false);
        MailSender two = new MailSender(outbox, transactions, javaMail, "noreply@botilbudslaege.local", false);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> tried = new ArrayList<>();
            for (MailSender s : List.of(one, two)) {
                tried.add(threads.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int sent = s.sendDue(); sent > 0; sent = s.sendDue()) {
                        n += sent;
                    }
                    return n;
                }));
            }
            start.countDown();
            assertThat(tried.get(0).get() + tried.get(1).get()).isEqualTo(40);
        } finally {
            threads.shutdownNow();
        }

        Map<String, Long> counts = server.received().stream()
                .flatMap(m -> recipients(m).stream())
                .filter(addresses::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts)
                .hasSize(40)
                .allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(1));
        assertThat(jdbc.sql(
                                "select count(*) from mail_outbox where recipient = any(:r) and status = 'SENT' and attempts = 1")
                        .param("r", addresses.toArray(String[]::new))
                        .query(Integer.class)
                        .single())
                .isEqualTo(40);
    }

    @Test
    void after_8_failed_attempts_the_mail_is_given_up() {
        String address = queued("m-e-" + tag);
        server.stop();
        for (int attempt = 1; attempt <= 8; attempt++) {
            makeDue(address);
            sender.sendDue();
            assertThat(row(address)).containsEntry("attempts", attempt);
        }
        assertThat(row(address)).containsEntry("status", "FAILED");

        server.start();
        makeDue(address);
        sender.sendDue();
        assertThat(received(address)).as("given up: not tried again by itself").isEmpty();
        assertThat(row(address)).containsEntry("status", "FAILED").containsEntry("attempts", 8);
    }

    @Test
    void the_backoff_grows_to_six_hours_and_errors_are_short() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(MailSender::backoff))
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(10),
                        Duration.ofHours(1),
                        Duration.ofHours(6),
                        Duration.ofHours(6),
                        Duration.ofHours(6));
        assertThat(MailSender.shortError(new IllegalStateException("x".repeat(500) + "\n")))
                .hasSize(200)
                .startsWith("IllegalStateException: x");
    }

    /** A user with an address and a mail in the outbox for them, committed. */
    private String queued(String username) {
        String address = user(username);
        transactions.executeWithoutResult(tx -> notifier.notify(Notice.of(
                NotificationKind.SESSION_LOGGED,
                List.of(username),
                "/agreements/1",
                "notification.test.subject",
                "x")));
        return address;
    }

    private String user(String username) {
        users.create(new Users.NewUser(
                username, "irrelevant-" + username, "Test " + username, Role.NATIONAL, null, null, null, null));
        String address = username + "@example.dk";
        jdbc.sql("update app_user set email = :e where username = :u")
                .param("e", address)
                .param("u", username)
                .update();
        return address;
    }

    private void makeDue(String address) {
        jdbc.sql("update mail_outbox set next_attempt_at = now() - interval '1 second' where recipient = :r")
                .param("r", address)
                .update();
    }

    private Map<String, Object> row(String address) {
        return jdbc.sql("""
                        select status, attempts, sent_at is not null as sent, next_attempt_at <= now() as due
                          from mail_outbox where recipient = :r
                        """).param("r", address).query().singleRow();
    }

    private List<MimeMessage> received(String address) {
        return server.received().stream()
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null
                    ? List.of()
                    : Arrays.stream(to).map(Address::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
