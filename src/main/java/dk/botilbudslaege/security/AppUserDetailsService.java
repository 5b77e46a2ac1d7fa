package dk.botilbudslaege.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a user and resolves the scope of their role from the registry tables. */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AppUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                        select u.username, u.password_hash, u.display_name, u.role, u.enabled, u.scope_version,
                               u.facility_id, u.doctor_id, d.practice_id,
                               coalesce(u.municipality_code, f.municipality_code) as municipality_code,
                               coalesce(region_successor(u.region_code, current_date),
                                        region_of(coalesce(u.municipality_code, f.municipality_code, p.municipality_code),
                                                  current_date)) as region_code
                          from app_user u
                          left join registry_facility f on f.id = u.facility_id
                          left join registry_doctor d on d.id = u.doctor_id
                          left join registry_practice p on p.id = d.practice_id
                         where u.username = :username
                        """)
                .param("username", username == null ? "" : username.trim().toLowerCase())
                .query((rs, i) -> new AppUserDetails(
                        new CurrentUser(
                                rs.getString("username"),
                                rs.getString("display_name"),
                                Role.valueOf(rs.getString("role")),
                                rs.getString("region_code"),
                                rs.getString("municipality_code"),
                                (Long) rs.getObject("facility_id"),
                                (Long) rs.getObject("doctor_id"),
                                (Long) rs.getObject("practice_id")),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        rs.getInt("scope_version")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
