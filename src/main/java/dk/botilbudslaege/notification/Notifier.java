package dk.botilbudslaege.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells users about a change, in the transaction of the change (issue 14 item 2: never lost): a row in
 * {@code notification} for each user told, and a row in {@code mail_outbox} for those who want the kind by
 * e-mail at once and have an address. If the change rolls back, nobody is told; once it commits, the sender
 * delivers the mail however often it has to try.
 */
@Service
public class Notifier {

    /** The delivery a user has not chosen otherwise. */
    public static final String DEFAULT_DELIVERY = "IMMEDIATE";

    private record Recipient(String username, String displayName, String email, String language, String delivery) {}

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final JsonMapper json;
    private final String publicUrl;
    private final Environment environment;

    Notifier(
            JdbcClient jdbc,
            MessageSource messages,
            JsonMapper json,
            @Value("${botilbud.public-url:}") String publicUrl,
            Environment environment) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.json = json;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.environment = environment;
    }

    /** The address people use: {@code botilbud.public-url}, else this machine's (local mode, tests). */
    String baseUrl() {
        if (!publicUrl.isBlank()) {
            return publicUrl;
        }
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /**
     * Tells the notice's users (each once; unknown and disabled users are skipped) and returns how many were told.
     * Must run inside the transaction of the change that causes it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notify(Notice notice) {
        List<String> usernames = List.copyOf(new LinkedHashSet<>(notice.usernames()));
        if (usernames.isEmpty()) {
            return 0;
        }
        List<Recipient> recipients = jdbc.sql("""
                        select u.username, u.display_name, u.email, u.language,
                               coalesce(p.delivery, :default) as delivery
                          from security_user u
                          left join notification_preference p on p.username = u.username and p.kind = :kind
                         where u.username = any(:names) and u.enabled
                         order by u.username
                        """)
                .param("default", DEFAULT_DELIVERY)
                .param("kind", notice.kind().name())
                .param("names", usernames.toArray(String[]::new))
                .query(Recipient.class)
                .list();
        String args = json.writeValueAsString(notice.subjectArgs());
        for (Recipient r : recipients) {
            long id = jdbc.sql("""
                            insert into notification (username, kind, subject_key, subject_args, link)
                            values (:u, :k, :s, cast(:a as jsonb), :l) returning id
                            """)
                    .param("u", r.username())
                    .param("k", notice.kind().name())
                    .param("s", notice.subjectKey())
                    .param("a", args)
                    .param("l", notice.link())
                    .query(Long.class)
                    .single();
            if (r.email() != null && r.delivery().equals("IMMEDIATE")) {
                Locale locale = Locale.forLanguageTag(r.language());
                String subject = subject(notice, locale);
                jdbc.sql("""
                                insert into mail_outbox (notification_id, username, recipient, kind, subject, body)
                                values (:n, :u, :to, :k, :s, :b)
                                """)
                        .param("n", id)
                        .param("u", r.username())
                        .param("to", r.email())
                        .param("k", notice.kind().name())
                        .param("s", subject)
                        .param("b", body(r.displayName(), subject, notice.link(), locale))
                        .update();
            }
        }
        return recipients.size();
    }

    /** The notice's subject in the language given. */
    String subject(Notice notice, Locale locale) {
        return messages.getMessage(notice.subjectKey(), notice.subjectArgs().toArray(), notice.subjectKey(), locale);
    }

    /** The e-mail's text: a greeting, the subject, the one link, and where to change how one is told. */
    String body(String displayName, String subject, String link, Locale locale) {
        return String.join(
                "\n\n",
                messages.getMessage("notification.mail.greeting", new Object[] {displayName}, locale),
                subject,
                messages.getMessage("notification.mail.open", new Object[] {baseUrl() + link}, locale),
                messages.getMessage("notification.mail.footer", new Object[] {baseUrl() + "/profile"}, locale));
    }

    /** The in-app subject of a stored notification, in the reader's language. */
    public String subject(String subjectKey, List<String> args, Locale locale) {
        return messages.getMessage(subjectKey, args.toArray(), subjectKey, locale);
    }

    /** Users of a role in a scope, for the modules that tell "the region" or "the municipality". */
    public List<String> regionUsers(String regionCode) {
        return jdbc.sql("select username from security_user where role = 'REGION' and region_code = :c and enabled")
                .param("c", regionCode)
                .query(String.class)
                .list();
    }

    /** The users of municipalities, per municipality code. */
    public Map<String, List<String>> municipalityUsers(List<String> municipalityCodes) {
        return jdbc
                .sql("""
                        select municipality_code, username from security_user
                         where role = 'MUNICIPALITY' and municipality_code = any(:c) and enabled
                        """)
                .param("c", municipalityCodes.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** The enabled users of these doctors (each doctor's own login). */
    public List<String> doctorUsers(java.util.Collection<Long> doctorIds) {
        if (doctorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select username from security_user
                         where role = 'DOCTOR' and doctor_id = any(:d) and enabled order by username
                        """)
                .param("d", doctorIds.toArray(Long[]::new))
                .query(String.class)
                .list();
    }

    /** The contacts of a facility. */
    public List<String> facilityUsers(long facilityId) {
        return jdbc.sql("select username from security_user where role = 'FACILITY' and facility_id = :f and enabled")
                .param("f", facilityId)
                .query(String.class)
                .list();
    }
}
