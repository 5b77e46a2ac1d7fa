package dk.botilbudslaege.security;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links with which an invited user sets a password (issue 15 item 2). The token is 32 random bytes
 * (base64url in the link); only its SHA-256 is stored. A link works once and for 72 hours; a new invitation
 * replaces the user's unused ones.
 */
@Service
public class Invitations {

    /** How long a link works. */
    public static final Duration VALID_FOR = Duration.ofHours(72);

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD = 12;

    /** BCrypt reads no more than 72 bytes. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a link leads to. */
    public enum State {
        VALID,
        EXPIRED,
        USED
    }

    /** An invitation found by its token. */
    public record Invitation(long id, String username, String displayName, State state) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final boolean passwordLogin;

    Invitations(
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            @Value("${botilbud.login.password-enabled:true}") boolean passwordLogin) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.passwordLogin = passwordLogin;
    }

    /** Whether people may sign in with a password (else only through the identity provider). */
    public boolean passwordLogin() {
        return passwordLogin;
    }

    /** A new link for the user, replacing any unused one; answers the token (shown once, never stored). */
    @Transactional(propagation = Propagation.MANDATORY)
    String create(String username, String createdBy) {
        jdbc.sql("delete from user_invitation where username = :u and used_at is null")
                .param("u", username)
                .update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into user_invitation (username, token_hash, created_by, expires_at)
                        values (:u, :h, :by, now() + make_interval(secs => :s))
                        """)
                .param("u", username)
                .param("h", hash(token))
                .param("by", createdBy)
                .param("s", VALID_FOR.toSeconds())
                .update();
        return token;
    }

    /** The invitation of a token; empty if the token is malformed or unknown. */
    @Transactional(readOnly = true)
    public Optional<Invitation> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select i.id, i.username, u.display_name,
                               case when i.used_at is not null then 'USED'
                                    when i.expires_at <= now() or not u.enabled then 'EXPIRED'
                                    else 'VALID' end as state
                          from user_invitation i join app_user u on u.username = i.username
                         where i.token_hash = :h
                        """)
                .param("h", hash(token))
                .query((rs, n) -> new Invitation(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        State.valueOf(rs.getString("state"))))
                .optional();
    }

    /**
     * Sets the invited user's password and uses up the link, all or nothing. Answers the state the link was in;
     * only VALID sets a password. A bad password is refused with the field named, the link still unused.
     */
    @Transactional
    public Optional<State> accept(String token, String password, String repeat) {
        Optional<Invitation> found = find(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // the row locked, so two posts of the same link cannot both set a password
        State state = jdbc.sql("""
                        select case when i.used_at is not null then 'USED'
                                    when i.expires_at <= now() or not u.enabled then 'EXPIRED'
                                    else 'VALID' end
                          from user_invitation i join app_user u on u.username = i.username
                         where i.id = :id for update of i
                        """)
                .param("id", found.get().id())
                .query(String.class)
                .optional()
                .map(State::valueOf)
                .orElse(State.USED);
        if (state != State.VALID) {
            return Optional.of(state);
        }
        if (!passwordLogin) {
            throw InvalidInputException.of(FieldProblem.of("password", "users.invitation.passwordOff"));
        }
        checkPassword(password, repeat);
        String username = found.get().username();
        jdbc.sql("update app_user set password_hash = :p where username = :u")
                .param("p", passwordEncoder.encode(password))
                .param("u", username)
                .update();
        jdbc.sql("update user_invitation set used_at = now() where id = :id")
                .param("id", found.get().id())
                .update();
        events.publishEvent(
                new UserEvents.PasswordSet(username, Map.of("password", new AuditTrail.Change(null, "***")), username));
        return Optional.of(State.VALID);
    }

    static void checkPassword(String password, String repeat) {
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.of(FieldProblem.of("password", "users.password.required"));
        }
        if (password.isBlank()) {
            throw InvalidInputException.of(FieldProblem.of("password", "users.password.blank"));
        }
        // spaces are allowed inside a pass phrase, but do not make up its length at its ends
        String core = password.strip();
        if (core.codePointCount(0, core.length()) < MIN_PASSWORD) {
            throw InvalidInputException.of(FieldProblem.of("password", "users.password.short", MIN_PASSWORD));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw InvalidInputException.of(FieldProblem.of("password", "users.password.long", MAX_PASSWORD_BYTES));
        }
        if (!password.equals(repeat)) {
            throw InvalidInputException.of(FieldProblem.of("passwordRepeat", "users.password.mismatch"));
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
