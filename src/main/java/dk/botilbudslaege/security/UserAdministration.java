package dk.botilbudslaege.security;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.TextRules;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration (issue 15 item 2). Who manages whom, checked here for the target's current scope and for
 * the scope asked for:
 * <ul>
 *   <li>ADMIN manages every user;</li>
 *   <li>a region's user administrator (REGION with user_admin) manages the REGION users of its region and the
 *       MUNICIPALITY, FACILITY and DOCTOR users whose region (by their municipality, today) is its region;</li>
 *   <li>a municipality's user administrator manages the MUNICIPALITY and FACILITY users of its municipality.</li>
 * </ul>
 * A user outside one's scope does not exist for one (404). Nobody changes or disables themselves; only ADMIN grants
 * ADMIN or NATIONAL; the user-administrator right is given by ADMIN, or by a region's user administrator to a
 * municipal user of its region. Every change is audited and bumps {@code scope_version}, which ends the user's open
 * sessions.
 */
@Service
public class UserAdministration {

    /** The usernames the table accepts (V3). */
    static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]{2,64}$");

    /** The e-mail addresses the table accepts (V27). */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    static final int MAX_NAME = 200;

    /** A role and the one scope field that belongs to it (the others are ignored). */
    public record Scope(Role role, String regionCode, String municipalityCode, Long facilityId, Long doctorId) {

        /** Only the field of the role, the others null. */
        Scope normalised() {
            if (role == null) {
                return this;
            }
            return new Scope(
                    role,
                    role == Role.REGION ? blankToNull(regionCode) : null,
                    role == Role.MUNICIPALITY ? blankToNull(municipalityCode) : null,
                    role == Role.FACILITY ? facilityId : null,
                    role == Role.DOCTOR ? doctorId : null);
        }
    }

    /** An invitation as typed on the form. */
    public record NewInvite(
            String username, String displayName, String email, String language, Scope scope, boolean userAdmin) {}

    /** A user as the list and the user's page show it; {@code scopeName} in words (names, not codes). */
    public record UserRow(
            String username,
            String displayName,
            Role role,
            String regionCode,
            String municipalityCode,
            Long facilityId,
            Long doctorId,
            String regionName,
            String municipalityName,
            String facilityName,
            String doctorName,
            String email,
            boolean userAdmin,
            boolean enabled,
            OffsetDateTime lastLoginAt,
            boolean linked,
            boolean hasPassword,
            String derivedRegion,
            String derivedMunicipality) {}

    /** The list's filters; each null means "any". {@code scope} is {@code region:<code>} or {@code municipality:<code>}. */
    public record Filter(Role role, String scope, Boolean enabled, String text) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** A choice on the form: a code or id and its name. */

    /** The roles and scopes the administrator may give. */
    /** Choices of the scope fields: {@link ScopePickers.Option}s. */
    public record Options(
            List<Role> roles,
            List<ScopePickers.Option> regions,
            List<ScopePickers.Option> municipalities,
            List<ScopePickers.Option> facilities,
            List<ScopePickers.Option> doctors,
            boolean mayGrantUserAdmin) {}

    /** What the bootstrap command did. */
    public record Bootstrapped(boolean created, String username, String token, boolean reissued) {}

    private static final String USERS = """
            with s as (
              select u.username, u.display_name, u.role, u.region_code, u.municipality_code, u.facility_id, u.doctor_id,
                     u.email, u.user_admin, u.enabled, u.last_login_at, u.oidc_subject is not null as linked,
                     u.password_hash is not null as has_password, u.language, u.scope_version,
                     f.name as facility_name, d.name as doctor_name,
                     coalesce(u.municipality_code, f.municipality_code, p.municipality_code) as derived_municipality,
                     coalesce(u.region_code,
                              region_of(coalesce(u.municipality_code, f.municipality_code, p.municipality_code),
                                        current_date)) as derived_region
                from app_user u
                left join registry_facility f on f.id = u.facility_id
                left join registry_doctor d on d.id = u.doctor_id
                left join registry_practice p on p.id = d.practice_id)
            select s.*, r.name as region_name, m.name as municipality_name
              from s
              left join registry_region r on r.code = s.derived_region
              left join registry_municipality m on m.code = s.derived_municipality
            """;

    private final JdbcClient jdbc;
    private final Invitations invitations;
    private final ApplicationEventPublisher events;
    private final ScopePickers pickers;

    UserAdministration(
            JdbcClient jdbc, Invitations invitations, ApplicationEventPublisher events, ScopePickers pickers) {
        this.pickers = pickers;
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.events = events;
    }

    /** ADMIN, or an enabled REGION or MUNICIPALITY user with the user-administrator right. */
    @Transactional(readOnly = true)
    public boolean mayAdminister(CurrentUser user) {
        return pickers.mayPick(user);
    }

    private void require(CurrentUser admin) {
        if (!mayAdminister(admin)) {
            throw new ForbiddenException("users.forbidden");
        }
    }

    /** The users the administrator manages, filtered, by name. */
    @Transactional(readOnly = true)
    public List<UserRow> list(CurrentUser admin, Filter filter) {
        require(admin);
        Filter f = filter == null ? Filter.none() : filter;
        String scopeKind = null;
        String scopeCode = null;
        if (f.scope() != null && f.scope().contains(":")) {
            scopeKind = f.scope().substring(0, f.scope().indexOf(':'));
            scopeCode = f.scope().substring(f.scope().indexOf(':') + 1);
        }
        String text = f.text() == null || f.text().isBlank()
                ? null
                : "%"
                        + f.text()
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        return jdbc.sql("select * from (" + USERS + ") x where " + managed() + """
                           and (cast(:role as text) is null or x.role = :role)
                           and (cast(:enabled as boolean) is null or x.enabled = :enabled)
                           and (cast(:region as text) is null or x.derived_region = :region)
                           and (cast(:municipality as text) is null or x.derived_municipality = :municipality)
                           and (cast(:text as text) is null or lower(x.display_name) like :text
                                or x.username like :text or lower(coalesce(x.email, '')) like :text)
                         order by lower(x.display_name), x.username
                         limit 1000
                        """)
                .params(scopeParams(admin))
                .param("role", f.role() == null ? null : f.role().name())
                .param("enabled", f.enabled())
                .param("region", "region".equals(scopeKind) ? scopeCode : null)
                .param("municipality", "municipality".equals(scopeKind) ? scopeCode : null)
                .param("text", text)
                .query(UserAdministration::row)
                .list();
    }

    /** One user the administrator manages; 404 if it does not exist or lies outside the administrator's scope. */
    @Transactional(readOnly = true)
    public UserRow get(CurrentUser admin, String username) {
        require(admin);
        return find(admin, username).orElseThrow(() -> NotFoundException.of(UserEvents.ENTITY, username));
    }

    private Optional<UserRow> find(CurrentUser admin, String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from (" + USERS + ") x where x.username = :username and " + managed())
                .params(scopeParams(admin))
                .param("username", username)
                .query(UserAdministration::row)
                .optional();
    }

    /** The SQL condition "x is managed by the administrator" over the columns of {@link #USERS}. */
    private static String managed() {
        return """
                (:admin
                 or (:adminRegion <> '' and ((x.role = 'REGION' and x.region_code = :adminRegion)
                      or (x.role in ('MUNICIPALITY', 'FACILITY', 'DOCTOR') and x.derived_region = :adminRegion)))
                 or (:adminMunicipality <> '' and x.role in ('MUNICIPALITY', 'FACILITY')
                      and x.derived_municipality = :adminMunicipality))
                """;
    }

    private static Map<String, Object> scopeParams(CurrentUser admin) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("admin", admin.is(Role.ADMIN));
        params.put("adminRegion", admin.is(Role.REGION) && admin.regionCode() != null ? admin.regionCode() : "");
        params.put(
                "adminMunicipality",
                admin.is(Role.MUNICIPALITY) && admin.municipalityCode() != null ? admin.municipalityCode() : "");
        return params;
    }

    /** The roles an administrator may give. */
    static Set<Role> grantable(CurrentUser admin) {
        return switch (admin.role()) {
            case ADMIN -> EnumSet.allOf(Role.class);
            case REGION -> EnumSet.of(Role.REGION, Role.MUNICIPALITY, Role.FACILITY, Role.DOCTOR);
            case MUNICIPALITY -> EnumSet.of(Role.MUNICIPALITY, Role.FACILITY);
            default -> EnumSet.noneOf(Role.class);
        };
    }

    /** Whether the administrator may give or take the user-administrator right of a user of this role. */
    static boolean mayGrantUserAdmin(CurrentUser admin, Role role) {
        return admin.is(Role.ADMIN) || (admin.is(Role.REGION) && role == Role.MUNICIPALITY);
    }

    /**
     * Issue 15 review: the names of the scope values a user's history shows ("regionCode", "municipalityCode",
     * "facilityId", "doctorId"), by value; whatever the administrator's scope now (the history is of a user in it).
     */
    @Transactional(readOnly = true)
    public Map<String, String> namesInHistory(String field, java.util.Collection<String> values) {
        String sql = switch (field) {
            case "regionCode" ->
                "select distinct on (code) code::text, name from registry_region where code in (:v)"
                        + " order by code, valid_from desc";
            case "municipalityCode" -> "select code::text, name from registry_municipality where code in (:v)";
            case "facilityId" ->
                "select f.id::text, f.name || ' (' || m.name || ')' from registry_facility f"
                        + " join registry_municipality m on m.code = f.municipality_code"
                        + " where f.id::text in (:v)";
            case "doctorId" ->
                "select d.id::text, d.name || ' (' || pr.name || ')' from registry_doctor d"
                        + " join registry_practice pr on pr.id = d.practice_id where d.id::text in (:v)";
            default -> null;
        };
        if (sql == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql(sql)
                .param("v", List.copyOf(values))
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The choices of the invite and change forms, within the administrator's scope. */
    @Transactional(readOnly = true)
    public Options options(CurrentUser admin) {
        require(admin);
        List<ScopePickers.Option> regions = pickers.regions(admin);
        List<ScopePickers.Option> municipalities = pickers.municipalities(admin);
        List<ScopePickers.Option> facilities = pickers.facilities(admin);
        List<ScopePickers.Option> doctors = pickers.doctors(admin);
        List<Role> roles = new ArrayList<>(grantable(admin));
        return new Options(
                roles, regions, municipalities, facilities, doctors, admin.is(Role.ADMIN) || admin.is(Role.REGION));
    }

    /**
     * The choices of the user list's scope filter: the regions and municipalities of {@link #options}, without
     * its facilities and doctors (every one of them, for an administrator), which the list never shows (issue 17).
     */
    @Transactional(readOnly = true)
    public Options filterOptions(CurrentUser admin) {
        require(admin);
        return new Options(
                new ArrayList<>(grantable(admin)),
                pickers.regions(admin),
                pickers.municipalities(admin),
                List.of(),
                List.of(),
                admin.is(Role.ADMIN) || admin.is(Role.REGION));
    }

    /**
     * Creates the user without a password and sends the invitation: with password login on, a one-time link
     * (72 h); off, a mail that says to sign in with the organisation's login. Nothing is saved if any field is bad.
     */
    @Transactional
    public String invite(CurrentUser admin, NewInvite invite) {
        require(admin);
        List<FieldProblem> problems = new ArrayList<>();
        String username =
                invite.username() == null ? "" : invite.username().trim().toLowerCase(Locale.ROOT);
        if (username.isEmpty()) {
            problems.add(FieldProblem.of("username", "users.username.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.of("username", "users.username.invalid"));
        } else if (exists(username)) {
            problems.add(FieldProblem.of("username", "users.username.taken", username));
        }
        String displayName = checkName(invite.displayName(), problems);
        String email = checkEmail(invite.email(), problems);
        if (problems.stream().noneMatch(p -> p.field().equals("email")) && emailTaken(email, username)) {
            // issue 15: one address, one user (V36), whoever's scope the other is in; whose it is is not said
            problems.add(FieldProblem.of("email", "users.email.taken"));
        }
        String language = invite.language() == null || invite.language().isBlank()
                ? "da"
                : invite.language().trim();
        if (!language.equals("da") && !language.equals("en")) {
            problems.add(FieldProblem.of("language", "users.language.invalid"));
        }
        Scope scope = invite.scope() == null
                ? new Scope(null, null, null, null, null)
                : invite.scope().normalised();
        checkScope(admin, scope, problems);
        checkUserAdmin(admin, scope.role(), invite.userAdmin(), false, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code,
                                              municipality_code, facility_id, doctor_id, email, language, user_admin)
                        values (:username, null, :displayName, :role, :regionCode, :municipalityCode,
                                :facilityId, :doctorId, :email, :language, :userAdmin)
                        """)
                .param("username", username)
                .param("displayName", displayName)
                .param("role", scope.role().name())
                .param("regionCode", scope.regionCode())
                .param("municipalityCode", scope.municipalityCode())
                .param("facilityId", scope.facilityId())
                .param("doctorId", scope.doctorId())
                .param("email", email)
                .param("language", language)
                .param("userAdmin", invite.userAdmin())
                .update();
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("displayName", new AuditTrail.Change(null, displayName));
        changes.put("email", new AuditTrail.Change(null, email));
        changes.putAll(scopeChanges(null, scope, false, invite.userAdmin()));
        events.publishEvent(new UserEvents.UserInvited(username, changes, admin.username()));
        sendInvitation(username, displayName, email, language, admin.username());
        return username;
    }

    /** A new invitation mail (a fresh link, the old one dead) for a user who has no password yet. */
    @Transactional
    public void reinvite(CurrentUser admin, String username) {
        UserRow user = get(admin, username);
        if (user.username().equals(admin.username())) {
            throw new ForbiddenException("users.self");
        }
        if (!user.enabled() || user.hasPassword() || user.email() == null) {
            throw InvalidInputException.of(FieldProblem.of("username", "users.reinvite.notNeeded"));
        }
        String language = jdbc.sql("select language from app_user where username = :u")
                .param("u", username)
                .query(String.class)
                .single();
        events.publishEvent(new UserEvents.UserInvited(
                username, Map.of("invitation", new AuditTrail.Change(null, "sent")), admin.username()));
        sendInvitation(username, user.displayName(), user.email(), language, admin.username());
    }

    private void sendInvitation(String username, String displayName, String email, String language, String by) {
        String link = invitations.passwordLogin() ? "/invitation/" + invitations.create(username, by) : null;
        events.publishEvent(new UserEvents.InvitationMail(username, displayName, email, language, link));
    }

    /**
     * Sets role, scope and the user-administrator right. The target must be in the administrator's scope now (else
     * 404), and so must the new scope; the user's open sessions end.
     */
    @Transactional
    public void change(CurrentUser admin, String username, Scope requested, boolean userAdmin) {
        UserRow user = get(admin, username);
        if (user.username().equals(admin.username())) {
            throw new ForbiddenException("users.self");
        }
        if (!grantable(admin).contains(user.role())) {
            // e.g. a region's administrator looking at ... (never reached: such users are not in its scope)
            throw NotFoundException.of(UserEvents.ENTITY, username);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Scope scope = requested == null ? new Scope(null, null, null, null, null) : requested.normalised();
        checkScope(admin, scope, problems);
        checkUserAdmin(admin, scope.role(), userAdmin, user.userAdmin(), user.role(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        Scope before =
                new Scope(user.role(), user.regionCode(), user.municipalityCode(), user.facilityId(), user.doctorId());
        Map<String, AuditTrail.Change> changes = scopeChanges(before, scope, user.userAdmin(), userAdmin);
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update app_user
                           set role = :role, region_code = :regionCode, municipality_code = :municipalityCode,
                               facility_id = :facilityId, doctor_id = :doctorId, user_admin = :userAdmin,
                               scope_version = scope_version + 1
                         where username = :username
                        """)
                .param("username", username)
                .param("role", scope.role().name())
                .param("regionCode", scope.regionCode())
                .param("municipalityCode", scope.municipalityCode())
                .param("facilityId", scope.facilityId())
                .param("doctorId", scope.doctorId())
                .param("userAdmin", userAdmin)
                .update();
        events.publishEvent(new UserEvents.RoleChanged(username, changes, admin.username()));
    }

    /** Disables (cannot sign in, open sessions end) or enables a user the administrator manages. */
    @Transactional
    public void setEnabled(CurrentUser admin, String username, boolean enabled) {
        UserRow user = get(admin, username);
        if (user.username().equals(admin.username())) {
            throw new ForbiddenException("users.self");
        }
        if (user.enabled() == enabled) {
            return;
        }
        jdbc.sql("update app_user set enabled = :e, scope_version = scope_version + 1 where username = :u")
                .param("e", enabled)
                .param("u", username)
                .update();
        Map<String, AuditTrail.Change> changes = Map.of("enabled", new AuditTrail.Change(!enabled, enabled));
        events.publishEvent(
                enabled
                        ? new UserEvents.UserEnabled(username, changes, admin.username())
                        : new UserEvents.UserDisabled(username, changes, admin.username()));
    }

    /**
     * The first administrator of a new installation ({@code --botilbud.bootstrap-admin=EMAIL}): if no enabled ADMIN
     * exists, creates one (with the user-administrator right) named after the address's local part and answers
     * the one-time token (null while password login is off); else creates nothing.
     */
    @Transactional
    public Bootstrapped bootstrapAdmin(String email) {
        String address = email == null ? "" : email.trim();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new IllegalArgumentException("not an e-mail address: " + address);
        }
        // one bootstrap at a time (two instances started with the option)
        jdbc.sql("select pg_advisory_xact_lock(hashtext('botilbud.bootstrap-admin'))")
                .query(Object.class)
                .list();
        Optional<String> existing = jdbc.sql(
                        "select username from app_user where role = 'ADMIN' and enabled order by username limit 1")
                .query(String.class)
                .optional();
        if (existing.isPresent()) {
            // the bootstrap link was lost before it was used: the only enabled administrator, with this address,
            // that has never signed in (no password, not bound to the identity provider) gets a new link, the old
            // one dies; anything else is refused without a secret
            Optional<String> unused =
                    jdbc.sql("""
                            select username from app_user
                             where role = 'ADMIN' and enabled and lower(email) = lower(:e)
                               and password_hash is null and oidc_subject is null and last_login_at is null
                               and (select count(*) from app_user where role = 'ADMIN' and enabled) = 1
                            """).param("e", address).query(String.class).optional();
            if (unused.isEmpty()) {
                return new Bootstrapped(false, existing.get(), null, false);
            }
            String username = unused.get();
            events.publishEvent(new UserEvents.UserInvited(
                    username, Map.of("invitation", new AuditTrail.Change(null, "sent")), "bootstrap"));
            String token = invitations.passwordLogin() ? invitations.create(username, "bootstrap") : null;
            return new Bootstrapped(false, username, token, true);
        }
        String base = address.substring(0, address.indexOf('@'))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "-");
        if (base.length() < 2) {
            base = "admin-" + base;
        }
        base = base.substring(0, Math.min(base.length(), 60));
        String username = base;
        for (int i = 2; exists(username); i++) {
            username = base + "-" + i;
        }
        if (emailTaken(address, "")) {
            throw new IllegalArgumentException("the address " + address + " is already used by another user");
        }
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, email, user_admin)
                        values (:u, null, 'Administrator', 'ADMIN', :e, true)
                        """).param("u", username).param("e", address).update();
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("email", new AuditTrail.Change(null, address));
        changes.put("role", new AuditTrail.Change(null, "ADMIN"));
        changes.put("userAdmin", new AuditTrail.Change(null, true));
        events.publishEvent(new UserEvents.UserInvited(username, changes, "bootstrap"));
        String token = invitations.passwordLogin() ? invitations.create(username, "bootstrap") : null;
        return new Bootstrapped(true, username, token, false);
    }

    /** Another user than {@code username} has the address, in any case (issue 15; V36's unique index). */
    private boolean emailTaken(String email, String username) {
        return Users.emailTaken(jdbc, email, username);
    }

    private boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String checkName(String name, List<FieldProblem> problems) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            problems.add(FieldProblem.of("displayName", "users.displayName.required"));
        } else if (n.length() > MAX_NAME) {
            problems.add(FieldProblem.of("displayName", "users.displayName.long", MAX_NAME));
        } else if (TextRules.check(n, false) != null) {
            problems.add(FieldProblem.of("displayName", "users.displayName.invalid"));
        }
        return n;
    }

    private static String checkEmail(String email, List<FieldProblem> problems) {
        String e = email == null ? "" : email.trim();
        if (e.isEmpty()) {
            problems.add(FieldProblem.of("email", "users.email.required"));
        } else if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            problems.add(FieldProblem.of("email", "users.email.invalid"));
        }
        return e;
    }

    /** The role may be given by the administrator, its scope field is set, exists and lies in the administrator's scope. */
    private void checkScope(CurrentUser admin, Scope scope, List<FieldProblem> problems) {
        if (scope.role() == null) {
            problems.add(FieldProblem.of("role", "users.role.required"));
            return;
        }
        if (!grantable(admin).contains(scope.role())) {
            problems.add(FieldProblem.of("role", "users.role.notAllowed"));
            return;
        }
        Map<String, Object> p = scopeParams(admin);
        switch (scope.role()) {
            case REGION -> {
                if (scope.regionCode() == null) {
                    problems.add(FieldProblem.of("regionCode", "users.regionCode.required"));
                } else if (!inScope("""
                        select count(*) from registry_region where code = :c
                           and (valid_to is null or valid_to >= current_date) and valid_from <= current_date
                           and (:admin or code = :adminRegion)
                        """, p, scope.regionCode())) {
                    problems.add(FieldProblem.of("regionCode", "users.scope.outside"));
                }
            }
            case MUNICIPALITY -> {
                if (scope.municipalityCode() == null) {
                    problems.add(FieldProblem.of("municipalityCode", "users.municipalityCode.required"));
                } else if (!inScope("""
                        select count(*) from registry_municipality where code = :c
                           and (:admin or region_of(code, current_date) = :adminRegion or code = :adminMunicipality)
                        """, p, scope.municipalityCode())) {
                    problems.add(FieldProblem.of("municipalityCode", "users.scope.outside"));
                }
            }
            case FACILITY -> {
                if (scope.facilityId() == null) {
                    problems.add(FieldProblem.of("facilityId", "users.facilityId.required"));
                } else if (!inScope("""
                        select count(*) from registry_facility where id = :c
                           and (:admin or region_of(municipality_code, current_date) = :adminRegion
                                or municipality_code = :adminMunicipality)
                        """, p, scope.facilityId())) {
                    problems.add(FieldProblem.of("facilityId", "users.scope.outside"));
                }
            }
            case DOCTOR -> {
                if (scope.doctorId() == null) {
                    problems.add(FieldProblem.of("doctorId", "users.doctorId.required"));
                } else if (!inScope("""
                        select count(*) from registry_doctor d join registry_practice pr on pr.id = d.practice_id
                         where d.id = :c and (:admin or region_of(pr.municipality_code, current_date) = :adminRegion)
                        """, p, scope.doctorId())) {
                    problems.add(FieldProblem.of("doctorId", "users.scope.outside"));
                }
            }
            default -> {
                // NATIONAL and ADMIN have no scope field
            }
        }
    }

    private boolean inScope(String sql, Map<String, Object> params, Object value) {
        return jdbc.sql(sql).params(params).param("c", value).query(Long.class).single() > 0;
    }

    private static void checkUserAdmin(
            CurrentUser admin,
            Role role,
            boolean requested,
            boolean current,
            Role currentRole,
            List<FieldProblem> problems) {
        if (requested && role != null && role != Role.ADMIN && role != Role.REGION && role != Role.MUNICIPALITY) {
            problems.add(FieldProblem.of("userAdmin", "users.userAdmin.role"));
            return;
        }
        boolean changes = requested != current || (requested && role != currentRole);
        if (changes) {
            boolean mayNow = role == null || mayGrantUserAdmin(admin, role);
            boolean mayBefore = !current || currentRole == null || mayGrantUserAdmin(admin, currentRole);
            if (!mayNow || !mayBefore) {
                problems.add(FieldProblem.of("userAdmin", "users.userAdmin.notAllowed"));
            }
        }
    }

    private static Map<String, AuditTrail.Change> scopeChanges(
            Scope before, Scope after, boolean adminBefore, boolean adminAfter) {
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        put(
                changes,
                "role",
                before == null ? null : before.role().name(),
                after.role().name());
        put(changes, "regionCode", before == null ? null : before.regionCode(), after.regionCode());
        put(changes, "municipalityCode", before == null ? null : before.municipalityCode(), after.municipalityCode());
        put(changes, "facilityId", before == null ? null : before.facilityId(), after.facilityId());
        put(changes, "doctorId", before == null ? null : before.doctorId(), after.doctorId());
        if (adminBefore != adminAfter || before == null) {
            changes.put("userAdmin", new AuditTrail.Change(before == null ? null : adminBefore, adminAfter));
        }
        return changes;
    }

    private static void put(Map<String, AuditTrail.Change> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, new AuditTrail.Change(from, to));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static UserRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new UserRow(
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("region_code"),
                rs.getString("municipality_code"),
                (Long) rs.getObject("facility_id"),
                (Long) rs.getObject("doctor_id"),
                rs.getString("region_name"),
                rs.getString("municipality_name"),
                rs.getString("facility_name"),
                rs.getString("doctor_name"),
                rs.getString("email"),
                rs.getBoolean("user_admin"),
                rs.getBoolean("enabled"),
                rs.getObject("last_login_at", OffsetDateTime.class),
                rs.getBoolean("linked"),
                rs.getBoolean("has_password"),
                rs.getString("derived_region"),
                rs.getString("derived_municipality"));
    }
}
