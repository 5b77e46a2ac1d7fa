package dk.botilbudslaege.security.api;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.ScopePickers;
import dk.botilbudslaege.security.ScopeSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, lists, revokes and rotates API clients, and authenticates them (token endpoint, API filter).
 *
 * <p>Who manages which clients: the administrator all; a region's user administrator the clients acting for its
 * region (REGION of its region; MUNICIPALITY, FACILITY, DOCTOR whose region is its region today); a municipality's
 * user administrator MUNICIPALITY and FACILITY clients of its municipality. Only the administrator registers a
 * NATIONAL client. A client never acts as ADMIN.
 */
@Service
public class ApiClients {

    public static final String ENTITY = "api_client";
    static final int TOKEN_MINUTES = 15;

    /** A registration as the form sends it; the scope field that belongs to the role is required. */
    public record NewClient(
            String name,
            String role,
            String regionCode,
            String municipalityCode,
            String facilityId,
            String doctorId,
            String rights,
            String ratePerMinute,
            boolean clientCredentials,
            boolean apiKey) {}

    /** Credentials shown once: null for what was not made. */
    public record Credentials(long id, String name, String clientId, String clientSecret, String apiKey)
            implements java.io.Serializable {}

    /** A choice in the registration form: the value sent and the name shown. */

    /** The scopes this manager may give a client (named pickers, like the user form's). */
    public record Options(
            List<Role> roles,
            List<ScopePickers.Option> regions,
            List<ScopePickers.Option> municipalities,
            List<ScopePickers.Option> facilities,
            List<ScopePickers.Option> doctors) {}

    /** A client as the list shows it (scope: the region's, municipality's, facility's or doctor's name); never a
     * secret. */
    public record Client(
            long id,
            String name,
            String clientId,
            Role role,
            String scope,
            String regionCode,
            String municipalityCode,
            String rights,
            int ratePerMinute,
            boolean hasSecret,
            String apiKeyPrefix,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime revokedAt,
            OffsetDateTime lastUsedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A client signed in for one request. */
    record Authenticated(long id, String name, boolean readOnly, int ratePerMinute, CurrentUser user) {}

    record ClientChange(long clientId, String action, Map<String, AuditTrail.Change> changes, String actor)
            implements AuditedChange {
        @Override
        public String entityType() {
            return ENTITY;
        }

        @Override
        public Object entityId() {
            return clientId;
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Map<Long, Long> lastTouched = new ConcurrentHashMap<>();

    private final ScopePickers pickers;

    ApiClients(JdbcClient jdbc, ApplicationEventPublisher events, ScopePickers pickers) {
        this.pickers = pickers;
        this.jdbc = jdbc;
        this.events = events;
    }

    // ---- administration -------------------------------------------------------------------------------------

    /** Whether this user may manage API clients at all (the administration page shows its link by it). */
    public boolean mayManage(CurrentUser user) {
        return user.is(Role.ADMIN)
                || ((user.is(Role.REGION) || user.is(Role.MUNICIPALITY)) && userAdmin(user.username()));
    }

    @Transactional(readOnly = true)
    public List<Client> list(CurrentUser manager) {
        requireManager(manager);
        return jdbc
                .sql(SELECT + " order by c.revoked_at is not null, lower(c.name)")
                .query(ApiClients::client)
                .list()
                .stream()
                .filter(c -> manages(manager, c.role(), c.regionCode(), c.municipalityCode()))
                .toList();
    }

    /** The roles and scopes the manager may choose from (a municipality's administrator: no regions or doctors). */
    @Transactional(readOnly = true)
    public Options options(CurrentUser manager) {
        requireManager(manager);
        boolean admin = manager.is(Role.ADMIN);
        List<ScopePickers.Option> regions = pickers.regions(manager);
        List<ScopePickers.Option> municipalities = pickers.municipalities(manager);
        List<ScopePickers.Option> facilities = pickers.facilities(manager);
        List<ScopePickers.Option> doctors = pickers.doctors(manager);
        List<Role> roles = admin
                ? List.of(Role.REGION, Role.MUNICIPALITY, Role.FACILITY, Role.DOCTOR, Role.NATIONAL)
                : manager.is(Role.REGION)
                        ? List.of(Role.REGION, Role.MUNICIPALITY, Role.FACILITY, Role.DOCTOR)
                        : List.of(Role.MUNICIPALITY, Role.FACILITY);
        return new Options(roles, regions, municipalities, facilities, doctors);
    }

    /** One client in the manager's reach; 404 for any other (its existence is not told). */
    @Transactional(readOnly = true)
    public Client get(CurrentUser manager, long id) {
        requireManager(manager);
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", id)
                .query(ApiClients::client)
                .optional()
                .filter(c -> manages(manager, c.role(), c.regionCode(), c.municipalityCode()))
                .orElseThrow(() -> NotFoundException.of(ENTITY, id));
    }

    @Transactional
    public Credentials register(CurrentUser manager, NewClient form) {
        requireManager(manager);
        List<FieldProblem> problems = new ArrayList<>();
        String name = form.name() == null ? "" : form.name().trim().toLowerCase();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "apiclients.error.name.required"));
        } else if (!name.matches("[a-z0-9._-]{2,64}")) {
            problems.add(FieldProblem.of("name", "apiclients.error.name.invalid"));
        } else if (jdbc.sql("select count(*) from api_client where name = :n")
                        .param("n", name)
                        .query(Integer.class)
                        .single()
                > 0) {
            problems.add(FieldProblem.of("name", "apiclients.error.name.taken", name));
        }
        Role role = null;
        try {
            role = form.role() == null || form.role().isBlank()
                    ? null
                    : Role.valueOf(form.role().trim());
        } catch (IllegalArgumentException e) {
            role = null;
        }
        if (role == null || role == Role.ADMIN) {
            problems.add(FieldProblem.of("role", "apiclients.error.role"));
        }
        String region = null;
        String municipality = null;
        Long facility = null;
        Long doctor = null;
        if (role == Role.REGION) {
            region = trimmed(form.regionCode());
            if (region == null || !exists("select count(*) from registry_region where code = :v", region)) {
                problems.add(FieldProblem.of("regionCode", "apiclients.error.regionCode"));
                region = null;
            }
        } else if (role == Role.MUNICIPALITY) {
            municipality = trimmed(form.municipalityCode());
            if (municipality == null
                    || !exists("select count(*) from registry_municipality where code = :v", municipality)) {
                problems.add(FieldProblem.of("municipalityCode", "apiclients.error.municipalityCode"));
                municipality = null;
            }
        } else if (role == Role.FACILITY) {
            facility = id(form.facilityId());
            if (facility == null || !exists("select count(*) from registry_facility where id = :v", facility)) {
                problems.add(FieldProblem.of("facilityId", "apiclients.error.facilityId"));
                facility = null;
            }
        } else if (role == Role.DOCTOR) {
            doctor = id(form.doctorId());
            if (doctor == null || !exists("select count(*) from registry_doctor where id = :v", doctor)) {
                problems.add(FieldProblem.of("doctorId", "apiclients.error.doctorId"));
                doctor = null;
            }
        }
        String rights = form.rights() == null ? "" : form.rights().trim();
        if (!rights.equals("READ") && !rights.equals("READ_WRITE")) {
            problems.add(FieldProblem.of("rights", "apiclients.error.rights"));
        }
        int rate = 600;
        if (form.ratePerMinute() != null && !form.ratePerMinute().isBlank()) {
            try {
                rate = Integer.parseInt(form.ratePerMinute().trim().replace(".", ""));
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (rate < 1 || rate > 100_000) {
                problems.add(FieldProblem.of("ratePerMinute", "apiclients.error.ratePerMinute"));
            }
        }
        if (!form.clientCredentials() && !form.apiKey()) {
            problems.add(FieldProblem.of("clientCredentials", "apiclients.error.credentials"));
        }
        if (role != null
                && role != Role.ADMIN
                && problems.stream()
                        .noneMatch(p -> p.field().endsWith("Id")
                                || p.field().endsWith("Code")
                                || p.field().equals("role"))) {
            String[] scope = derivedScope(region, municipality, facility, doctor);
            if (!manages(manager, role, scope[0], scope[1])) {
                problems.add(FieldProblem.of(scopeField(role), "apiclients.error.outOfScope"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        String clientId = ApiCredentials.clientId();
        String secret = form.clientCredentials() ? ApiCredentials.secret() : null;
        String prefix = form.apiKey() ? ApiCredentials.keyPrefix() : null;
        String key = form.apiKey() ? ApiCredentials.apiKey(prefix, ApiCredentials.secret()) : null;
        long id = jdbc.sql("""
                        insert into api_client (name, client_id, role, region_code, municipality_code, facility_id,
                                                doctor_id, rights, secret_hash, api_key_prefix, api_key_hash,
                                                rate_per_minute, created_by)
                        values (:name, :clientId, :role, :region, :municipality, :facility, :doctor, :rights,
                                :secretHash, :prefix, :keyHash, :rate, :by)
                        returning id
                        """)
                .param("name", name)
                .param("clientId", clientId)
                .param("role", role.name())
                .param("region", region)
                .param("municipality", municipality)
                .param("facility", facility)
                .param("doctor", doctor)
                .param("rights", rights)
                .param("secretHash", secret == null ? null : ApiCredentials.hash(secret))
                .param("prefix", prefix)
                .param("keyHash", key == null ? null : ApiCredentials.hash(key))
                .param("rate", rate)
                .param("by", manager.username())
                .query(Long.class)
                .single();
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("name", new AuditTrail.Change(null, name));
        changes.put("role", new AuditTrail.Change(null, role.name()));
        changes.put("scope", new AuditTrail.Change(null, scopeText(role, region, municipality, facility, doctor)));
        changes.put("rights", new AuditTrail.Change(null, rights));
        changes.put("ratePerMinute", new AuditTrail.Change(null, rate));
        changes.put(
                "credentials",
                new AuditTrail.Change(
                        null,
                        (secret != null ? "client_credentials" : "")
                                + (secret != null && key != null ? "+" : "")
                                + (key != null ? "api_key " + prefix : "")));
        events.publishEvent(new ClientChange(id, "API_CLIENT_REGISTERED", changes, manager.username()));
        return new Credentials(id, name, clientId, secret, key);
    }

    /** Revokes at once: its tokens are deleted and its key and secret refused from the next request on. */
    @Transactional
    public void revoke(CurrentUser manager, long id) {
        Client client = get(manager, id);
        if (client.revoked()) {
            return;
        }
        jdbc.sql("update api_client set revoked_at = now() where id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from api_token where client_id = :id").param("id", id).update();
        events.publishEvent(new ClientChange(
                id, "API_CLIENT_REVOKED", Map.of("revoked", new AuditTrail.Change(false, true)), manager.username()));
    }

    /** A new client secret (the old one and every token issued with it stop working at once). */
    @Transactional
    public Credentials rotateSecret(CurrentUser manager, long id) {
        Client client = active(manager, id);
        String secret = ApiCredentials.secret();
        jdbc.sql("update api_client set secret_hash = :h where id = :id")
                .param("h", ApiCredentials.hash(secret))
                .param("id", id)
                .update();
        jdbc.sql("delete from api_token where client_id = :id").param("id", id).update();
        events.publishEvent(new ClientChange(
                id,
                "API_CLIENT_SECRET_ROTATED",
                Map.of("clientSecret", new AuditTrail.Change(client.hasSecret() ? "old" : null, "new")),
                manager.username()));
        return new Credentials(id, client.name(), client.clientId(), secret, null);
    }

    /** A new API key (the old one stops working at once). */
    @Transactional
    public Credentials rotateKey(CurrentUser manager, long id) {
        Client client = active(manager, id);
        String prefix = ApiCredentials.keyPrefix();
        String key = ApiCredentials.apiKey(prefix, ApiCredentials.secret());
        jdbc.sql("update api_client set api_key_prefix = :p, api_key_hash = :h where id = :id")
                .param("p", prefix)
                .param("h", ApiCredentials.hash(key))
                .param("id", id)
                .update();
        events.publishEvent(new ClientChange(
                id,
                "API_CLIENT_KEY_ROTATED",
                Map.of("apiKeyPrefix", new AuditTrail.Change(client.apiKeyPrefix(), prefix)),
                manager.username()));
        return new Credentials(id, client.name(), client.clientId(), null, key);
    }

    // ---- authentication (token endpoint, API filter) --------------------------------------------------------

    /** The client's id and rate when the client id and secret are right and it is not revoked. */
    Optional<Authenticated> bySecret(String clientId, String secret) {
        return jdbc
                .sql(AUTH + " where c.client_id = :cid and c.revoked_at is null")
                .param("cid", clientId)
                .query((rs, i) ->
                        ApiCredentials.matches(secret, rs.getString("secret_hash")) ? authenticated(rs) : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** A new token (returned once, stored hashed); expired tokens are deleted on the way. */
    @Transactional
    String issueToken(long clientId) {
        jdbc.sql("delete from api_token where expires_at < now()").update();
        String token = ApiCredentials.secret();
        jdbc.sql("insert into api_token (token_hash, client_id, expires_at) values (:h, :c, now() + make_interval("
                        + "mins => :m))")
                .param("h", ApiCredentials.hash(token))
                .param("c", clientId)
                .param("m", TOKEN_MINUTES)
                .update();
        return token;
    }

    Optional<Authenticated> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql(AUTH + " join api_token t on t.client_id = c.id"
                        + " where t.token_hash = :h and t.expires_at > now() and c.revoked_at is null")
                .param("h", ApiCredentials.hash(token.trim()))
                .query((rs, i) -> authenticated(rs))
                .optional();
    }

    Optional<Authenticated> byApiKey(String key) {
        String prefix = ApiCredentials.prefixOf(key == null ? null : key.trim());
        if (prefix == null || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc
                .sql(AUTH + " where c.api_key_prefix = :p and c.revoked_at is null")
                .param("p", prefix)
                .query((rs, i) ->
                        ApiCredentials.matches(key.trim(), rs.getString("api_key_hash")) ? authenticated(rs) : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** last_used_at, written at most once a minute per client (per instance). */
    void used(long clientId) {
        long now = System.currentTimeMillis();
        Long before = lastTouched.get(clientId);
        if (before != null && now - before < 60_000) {
            return;
        }
        lastTouched.put(clientId, now);
        jdbc.sql("update api_client set last_used_at = now() where id = :id and revoked_at is null"
                        + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param("id", clientId)
                .update();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static final String SELECT = """
            select c.id, c.name, c.client_id, c.role, c.rights, c.rate_per_minute, c.secret_hash is not null as has_secret,
                   c.api_key_prefix, c.created_by, c.created_at, c.revoked_at, c.last_used_at,
                   c.region_code as own_region, c.facility_id, c.doctor_id,
                   case c.role
                     when 'REGION' then (select r.name from registry_region r where r.code = c.region_code)
                     when 'MUNICIPALITY' then (select m.name from registry_municipality m
                                                where m.code = c.municipality_code)
                     when 'FACILITY' then f.name || ' (' || (select m.name from registry_municipality m
                                                              where m.code = f.municipality_code) || ')'
                     when 'DOCTOR' then d.name
                   end as scope_name,
            """ + ScopeSql.columns("c") + " from api_client c " + ScopeSql.joins("c");

    private static final String AUTH = """
            select c.id, c.name, c.rights, c.rate_per_minute, c.role, c.secret_hash, c.api_key_hash,
                   c.facility_id, c.doctor_id, d.practice_id,
            """ + ScopeSql.columns("c") + " from api_client c " + ScopeSql.joins("c");

    private static Authenticated authenticated(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        return new Authenticated(
                rs.getLong("id"),
                name,
                "READ".equals(rs.getString("rights")),
                rs.getInt("rate_per_minute"),
                new CurrentUser(
                        "api:" + name,
                        name,
                        Role.valueOf(rs.getString("role")),
                        rs.getString("region_code"),
                        rs.getString("municipality_code"),
                        (Long) rs.getObject("facility_id"),
                        (Long) rs.getObject("doctor_id"),
                        (Long) rs.getObject("practice_id")));
    }

    private static Client client(ResultSet rs, int row) throws SQLException {
        Role role = Role.valueOf(rs.getString("role"));
        return new Client(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("client_id"),
                role,
                rs.getString("scope_name") == null ? "" : rs.getString("scope_name"),
                rs.getString("region_code"),
                rs.getString("municipality_code"),
                rs.getString("rights"),
                rs.getInt("rate_per_minute"),
                rs.getBoolean("has_secret"),
                rs.getString("api_key_prefix"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class));
    }

    private Client active(CurrentUser manager, long id) {
        Client client = get(manager, id);
        if (client.revoked()) {
            throw new ForbiddenException("apiclients.error.revoked");
        }
        return client;
    }

    private void requireManager(CurrentUser user) {
        if (!mayManage(user)) {
            throw new ForbiddenException("apiclients.forbidden");
        }
    }

    private boolean userAdmin(String username) {
        return jdbc.sql("select user_admin and enabled from app_user where username = :u")
                .param("u", username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Whether the manager may manage a client of this role whose region and municipality (today) are these. */
    private static boolean manages(CurrentUser manager, Role role, String region, String municipality) {
        if (manager.is(Role.ADMIN)) {
            return true;
        }
        if (manager.is(Role.REGION)) {
            return role != Role.NATIONAL && role != Role.ADMIN && manager.inRegion(region);
        }
        if (manager.is(Role.MUNICIPALITY)) {
            return (role == Role.MUNICIPALITY || role == Role.FACILITY) && manager.inMunicipality(municipality);
        }
        return false;
    }

    /** The region and municipality (today) of a scope about to be registered. */
    private String[] derivedScope(String region, String municipality, Long facility, Long doctor) {
        return jdbc.sql("""
                        select coalesce(cast(:region as char(4)),
                                        region_of(coalesce(cast(:municipality as char(3)), f.municipality_code,
                                                           p.municipality_code), current_date)) as region_code,
                               coalesce(cast(:municipality as char(3)), f.municipality_code) as municipality_code
                          from (select 1) one
                          left join registry_facility f on f.id = :facility
                          left join registry_doctor d on d.id = :doctor
                          left join registry_practice p on p.id = d.practice_id
                        """)
                .param("region", region)
                .param("municipality", municipality)
                .param("facility", facility)
                .param("doctor", doctor)
                .query((rs, i) -> new String[] {rs.getString("region_code"), rs.getString("municipality_code")})
                .single();
    }

    private static String scopeField(Role role) {
        return switch (role) {
            case REGION -> "regionCode";
            case MUNICIPALITY -> "municipalityCode";
            case FACILITY -> "facilityId";
            case DOCTOR -> "doctorId";
            default -> "role";
        };
    }

    private static String scopeText(Role role, String region, String municipality, Long facility, Long doctor) {
        return switch (role) {
            case REGION -> region;
            case MUNICIPALITY -> municipality;
            case FACILITY -> String.valueOf(facility);
            case DOCTOR -> String.valueOf(doctor);
            default -> "";
        };
    }

    private boolean exists(String sql, Object value) {
        return jdbc.sql(sql).param("v", value).query(Integer.class).single() > 0;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
