package dk.botilbudslaege.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates user accounts (demo data, synthetic data, administration). Passwords are stored as BCrypt. */
@Service
public class Users {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    Users(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /** A new account; the scope field that belongs to the role must be set, the others null. */
    public record NewUser(
            String username,
            String rawPassword,
            String displayName,
            Role role,
            String regionCode,
            String municipalityCode,
            Long facilityId,
            Long doctorId) {}

    @Transactional
    public void create(NewUser user) {
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code,
                                              municipality_code, facility_id, doctor_id)
                        values (:username, :hash, :displayName, :role, :regionCode, :municipalityCode,
                                :facilityId, :doctorId)
                        """)
                .param("username", user.username())
                .param("hash", passwordEncoder.encode(user.rawPassword()))
                .param("displayName", user.displayName())
                .param("role", user.role().name())
                .param("regionCode", user.regionCode())
                .param("municipalityCode", user.municipalityCode())
                .param("facilityId", user.facilityId())
                .param("doctorId", user.doctorId())
                .update();
    }

    /** The name a person reads for an account, e.g. who filed or decided something; empty if unknown. */
    public Optional<String> displayName(String username) {
        return jdbc.sql("select display_name from app_user where username = :u")
                .param("u", username)
                .query(String.class)
                .optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // --- issue 14, in-app notifications and profile: the user's own e-mail address and language ---

    /**
     * Issue 15: whether another user than {@code username} has this address, in any case (V36's unique index is the
     * guarantee; this is the field message before it).
     */
    public boolean emailTaken(String email, String username) {
        return emailTaken(jdbc, email, username);
    }

    static boolean emailTaken(JdbcClient jdbc, String email, String username) {
        return email != null
                && !email.isBlank()
                && jdbc.sql("select count(*) from app_user where lower(email) = lower(:e) and username <> :u")
                                .param("e", email.trim())
                                .param("u", username == null ? "" : username)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    /** A user's contact details as the profile shows them; empty if unknown. */
    public record Contact(String email, String language) {}

    public Optional<Contact> contact(String username) {
        return jdbc.sql("select email, language from app_user where username = :u")
                .param("u", username)
                .query(Contact.class)
                .optional();
    }

    /**
     * Sets the user's e-mail address (null clears it; the caller has checked its form, the table checks it again)
     * and language ("da" or "en"), in the caller's transaction if any; answers whether the user exists.
     */
    @Transactional
    public boolean updateContact(String username, String email, String language) {
        return jdbc.sql("update app_user set email = :e, language = :l where username = :u")
                        .param("e", email)
                        .param("l", language)
                        .param("u", username)
                        .update()
                > 0;
    }

    // --- end profile ---

    /**
     * The accounts the demo loader (demo.DemoDataLoader) creates, with the password {@code demo}: the Midtjylland
     * data set's and the national one's. Issue 15: the login page of a local database offers these names only, never
     * other users of the table (an invited user has no demo password).
     */
    static final List<String> DEMO_LOGINS = List.of(
            "region-midt",
            "region-nord",
            "region-1081",
            "region-1082",
            "region-1083",
            "region-1084",
            "region-1085",
            "kommune-norddjurs",
            "kommune-aarhus",
            "botilbud-skovstjernen",
            "botilbud-aarhus",
            "laege-norddjurs",
            "laege-aarhus",
            "national",
            "admin");

    /**
     * Those of {@link #DEMO_LOGINS} that exist, are enabled and have a password, in the list's order (the login
     * page; issue 16: also the demo loader's startup banner, so that it prints only the logins it really created).
     */
    @Transactional(readOnly = true)
    public List<String> demoLogins() {
        List<String> present = jdbc.sql("select username from app_user"
                        + " where enabled and password_hash is not null and username in (:names)")
                .param("names", DEMO_LOGINS)
                .query(String.class)
                .list();
        return DEMO_LOGINS.stream().filter(present::contains).toList();
    }
}
