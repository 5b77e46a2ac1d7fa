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

    /** The first enabled accounts by role and name, offered on the login page of a local database. */
    @Transactional(readOnly = true)
    List<String> demoLogins() {
        return jdbc.sql("select username from app_user where enabled order by role, username limit 12")
                .query(String.class)
                .list();
    }
}
