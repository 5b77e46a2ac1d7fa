package dk.botilbudslaege.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.UserEvents;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User administration (issue 15 item 2): who may see and change whom (ADMIN everyone; region-midt, Region
 * Midtjylland's user administrator, its region; kommune-norddjurs its municipality's municipal and facility users;
 * nobody else), bad input refused with the field named and nothing saved, the invitation link end to end, a
 * change of scope or a disabling ending the user's session, and the audit trail.
 */
@IntegrationTest
class UserAdminPageTest {

    static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");
    static final String GOOD_PASSWORD = "en lang adgangskode 2025";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void only_the_administrator_and_user_administrators_open_the_pages() {
        for (String user :
                List.of("region-nord", "kommune-aarhus", "botilbud-skovstjernen", "laege-norddjurs", "national")) {
            WebSession session = WebSession.signIn(port, user);
            assertThat(session.get("/admin/users").statusCode()).as(user).isEqualTo(403);
            assertThat(session.get("/admin/users/new").statusCode()).as(user).isEqualTo(403);
            assertThat(session.get("/admin/users/kommune-aarhus").statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(session.post("/admin/users/new", "/", invite("nope-" + user, "MUNICIPALITY", "707"))
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(session.post("/admin/users/botilbud-skovstjernen/disable", "/", Map.of("confirmed", "true"))
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/admin/users\"");
        }
        assertThat(count("select count(*) from app_user where username like 'nope-%'"))
                .isZero();
        assertThat(enabled("botilbud-skovstjernen")).isTrue();
        for (String user : List.of("admin", "region-midt", "kommune-norddjurs")) {
            WebSession session = WebSession.signIn(port, user);
            assertThat(session.get("/").body()).as(user).contains("href=\"/admin/users\"", "Brugere");
            assertThat(session.get("/admin/users").statusCode()).as(user).isEqualTo(200);
            assertThat(session.get("/admin/users").body())
                    .as("the scoped user administrator reaches the integrations of its scope from here")
                    .contains("href=\"/admin/api-clients\"");
            assertThat(session.get("/admin/api-clients").statusCode()).as(user).isEqualTo(200);
            assertThat(session.get("/admin/users/new").statusCode()).as(user).isEqualTo(200);
        }
    }

    @Test
    void the_administrator_sees_everyone_with_scope_in_words_last_login_and_the_link_to_the_idp() {
        WebSession admin = WebSession.signIn(port, "admin");
        String page = admin.get("/admin/users").body();
        assertThat(page)
                .contains("region-nord", "region-midt", "national", "kommune-aarhus")
                .contains("Region Midtjylland", "Region Nordjylland", "Norddjurs (kommune)", "Hele landet")
                .contains("Skovstjernen (botilbud i Norddjurs)", "Anne Kjær (læge i Norddjurs)")
                .contains("Seneste login", "Koblet til organisationens login");
        assertThat(admin.get("/admin/users?role=REGION").body())
                .contains("region-nord", "region-midt")
                .doesNotContain("kommune-aarhus</small>");
        assertThat(admin.get("/admin/users?scope=municipality:707").body())
                .contains("kommune-norddjurs", "botilbud-skovstjernen", "laege-norddjurs")
                .doesNotContain("kommune-aarhus</small>");
        assertThat(admin.get("/admin/users?q=nord&enabled=true").body()).contains("region-nord");
        assertThat(admin.get("/admin/users?role=NOSUCH&enabled=maybe&scope=x").statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_region_administrator_manages_its_region_and_nothing_of_another() {
        WebSession region = WebSession.signIn(port, "region-midt");
        String list = region.get("/admin/users").body();
        assertThat(list)
                .contains("kommune-norddjurs", "kommune-aarhus", "botilbud-skovstjernen", "laege-norddjurs")
                .doesNotContain("region-nord</small>", "national</small>", ">admin</small>");
        for (String outside : List.of("region-nord", "admin", "national")) {
            assertThat(region.get("/admin/users/" + outside).statusCode())
                    .as(outside)
                    .isEqualTo(404);
            assertThat(region.post("/admin/users/" + outside + "/disable", "/admin/users", Map.of("confirmed", "true"))
                            .statusCode())
                    .as(outside)
                    .isEqualTo(404);
            assertThat(region.post(
                                    "/admin/users/" + outside + "/role",
                                    "/admin/users",
                                    Map.of("role", "REGION", "regionCode", "1082"))
                            .statusCode())
                    .as(outside)
                    .isEqualTo(404);
        }
        assertThat(enabled("region-nord")).isTrue();
        assertThat(role("region-nord")).isEqualTo("REGION");

        // it invites a municipal user of its region ...
        region.post("/admin/users/new", "/admin/users/new", invite("rm-syddjurs", "MUNICIPALITY", "706"));
        assertThat(role("rm-syddjurs")).isEqualTo("MUNICIPALITY");
        // ... but cannot move it into another region, nor make anyone a user of another region, national or admin
        region.post(
                "/admin/users/rm-syddjurs/role",
                "/admin/users/rm-syddjurs",
                Map.of("role", "MUNICIPALITY", "municipalityCode", "851"));
        assertThat(region.get("/admin/users/rm-syddjurs").body())
                .contains("Kommune: findes ikke eller ligger uden for dit område");
        assertThat(jdbc.sql("select municipality_code from app_user where username = 'rm-syddjurs'")
                        .query(String.class)
                        .single())
                .isEqualTo("706");
        region.post("/admin/users/new", "/admin/users/new", invite("rm-nord", "REGION", "1081"));
        region.post("/admin/users/new", "/admin/users/new", invite("rm-national", "NATIONAL", null));
        region.post("/admin/users/new", "/admin/users/new", invite("rm-admin", "ADMIN", null));
        assertThat(region.get("/admin/users/new").body()).contains("Rolle: den rolle kan du ikke give");
        assertThat(count("select count(*) from app_user where username in ('rm-nord', 'rm-national', 'rm-admin')"))
                .isZero();
        // it may make a municipal user of its region a user administrator
        region.post(
                "/admin/users/rm-syddjurs/role",
                "/admin/users/rm-syddjurs",
                Map.of("role", "MUNICIPALITY", "municipalityCode", "706", "userAdmin", "true"));
        assertThat(jdbc.sql("select user_admin from app_user where username = 'rm-syddjurs'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void a_municipality_administrator_manages_its_municipal_and_facility_users_only() {
        WebSession municipality = WebSession.signIn(port, "kommune-norddjurs");
        assertThat(municipality.get("/admin/users").body())
                .contains("botilbud-skovstjernen")
                .doesNotContain("kommune-aarhus</small>", "laege-norddjurs</small>", "region-midt</small>");
        for (String outside : List.of("kommune-aarhus", "laege-norddjurs", "region-midt")) {
            assertThat(municipality.get("/admin/users/" + outside).statusCode())
                    .as(outside)
                    .isEqualTo(404);
            assertThat(municipality
                            .post("/admin/users/" + outside + "/disable", "/admin/users", Map.of("confirmed", "true"))
                            .statusCode())
                    .as(outside)
                    .isEqualTo(404);
        }
        municipality.post("/admin/users/new", "/admin/users/new", invite("kn-aarhus", "MUNICIPALITY", "751"));
        assertThat(municipality.get("/admin/users/new").body())
                .contains("Kommune: findes ikke eller ligger uden for dit område");
        municipality.post("/admin/users/new", "/admin/users/new", invite("kn-doctor", "DOCTOR", null));
        assertThat(municipality.get("/admin/users/new").body()).contains("Rolle: den rolle kan du ikke give");
        Map<String, String> adminRight = invite("kn-admin", "MUNICIPALITY", "707");
        adminRight.put("userAdmin", "true");
        municipality.post("/admin/users/new", "/admin/users/new", adminRight);
        assertThat(municipality.get("/admin/users/new").body())
                .contains("Brugeradministrator: den ret kan du ikke give eller tage");
        assertThat(count("select count(*) from app_user where username like 'kn-%'"))
                .isZero();

        long skovstjernen = jdbc.sql("select facility_id from app_user where username = 'botilbud-skovstjernen'")
                .query(Long.class)
                .single();
        Map<String, String> facility = invite("kn-facility", "FACILITY", null);
        facility.put("facilityId", Long.toString(skovstjernen));
        municipality.post("/admin/users/new", "/admin/users/new", facility);
        assertThat(role("kn-facility")).isEqualTo("FACILITY");
        assertThat(municipality.get("/admin/users/kn-facility").body()).contains("Skovstjernen (botilbud i Norddjurs)");
    }

    @Test
    void nobody_changes_or_disables_themselves() {
        for (String user : List.of("admin", "region-midt", "kommune-norddjurs")) {
            WebSession session = WebSession.signIn(port, user);
            assertThat(session.get("/admin/users/" + user).body())
                    .as(user)
                    .contains("Det er din egen konto")
                    .doesNotContain("id=\"disable-form\"");
            assertThat(session.post("/admin/users/" + user + "/disable", "/admin/users", Map.of("confirmed", "true"))
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(session.post("/admin/users/" + user + "/disable", "/admin/users", Map.of())
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(session.post(
                                    "/admin/users/" + user + "/role",
                                    "/admin/users",
                                    Map.of("role", "ADMIN", "userAdmin", "true"))
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(enabled(user)).as(user).isTrue();
        }
        assertThat(role("region-midt")).isEqualTo("REGION");
    }

    @Test
    void bad_input_names_each_field_and_saves_nothing() {
        WebSession admin = WebSession.signIn(port, "admin");
        Map<String, String> empty = new LinkedHashMap<>();
        admin.post("/admin/users/new", "/admin/users/new", empty);
        assertThat(admin.get("/admin/users/new").body())
                .contains(
                        "Brugernavn: skriv et brugernavn",
                        "Navn: skriv brugerens navn",
                        "E-mail: skriv brugerens e-mailadresse",
                        "Rolle: vælg en rolle");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("username", "Has Space!");
        bad.put("displayName", "x".repeat(201));
        bad.put("email", "not-an-address");
        bad.put("language", "fr");
        bad.put("role", "FACILITY");
        bad.put("facilityId", "abc");
        admin.post("/admin/users/new", "/admin/users/new", bad);
        String page = admin.get("/admin/users/new").body();
        assertThat(page)
                .contains(
                        "Brugernavn: 2-64 tegn",
                        "Navn: højst 200 tegn",
                        "E-mail: skriv en gyldig e-mailadresse",
                        "Sprog: vælg dansk eller engelsk",
                        "Botilbud: findes ikke eller ligger uden for dit område");
        Map<String, String> taken = invite("region-nord", "MUNICIPALITY", "707");
        admin.post("/admin/users/new", "/admin/users/new", taken);
        assertThat(admin.get("/admin/users/new").body())
                .contains("Brugernavn: brugernavnet region-nord findes allerede");
        Map<String, String> missingScope = invite("bad-scope", "REGION", null);
        admin.post("/admin/users/new", "/admin/users/new", missingScope);
        assertThat(admin.get("/admin/users/new").body()).contains("Region: vælg regionen");
        Map<String, String> doctorAdmin = invite("bad-admin", "DOCTOR", null);
        doctorAdmin.put("doctorId", "999999999");
        doctorAdmin.put("userAdmin", "true");
        admin.post("/admin/users/new", "/admin/users/new", doctorAdmin);
        assertThat(admin.get("/admin/users/new").body())
                .contains("Læge: findes ikke", "Brugeradministrator: kun en region, en kommune eller administratoren");
        assertThat(count("select count(*) from app_user where username in ('has space!', 'bad-scope', 'bad-admin')"))
                .isZero();
        assertThat(
                        count(
                                "select count(*) from mail_outbox where recipient like 'bad-%' or recipient = 'not-an-address'"))
                .isZero();
        assertThat(role("region-nord")).isEqualTo("REGION");
        // a change with a bad scope changes nothing either
        admin.post(
                "/admin/users/region-nord/role",
                "/admin/users/region-nord",
                Map.of("role", "REGION", "regionCode", "9999"));
        assertThat(admin.get("/admin/users/region-nord").body()).contains("Region: findes ikke");
        assertThat(jdbc.sql("select region_code from app_user where username = 'region-nord'")
                        .query(String.class)
                        .single())
                .isEqualTo("1081");
    }

    @Test
    void an_invitation_link_sets_a_password_once_and_then_the_user_signs_in() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.post("/admin/users/new", "/admin/users/new", invite("invited-anna", "MUNICIPALITY", "707"));
        assertThat(admin.get("/admin/users/invited-anna").body())
                .contains("Invitationen er sendt til invited-anna@example.dk", "Norddjurs (kommune)", "Ikke valgt");
        assertThat(jdbc.sql("select password_hash is null from app_user where username = 'invited-anna'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        String token = token("invited-anna@example.dk");
        assertThat(count("select count(*) from user_invitation where username = 'invited-anna' and token_hash = '"
                        + token + "'"))
                .as("only the token's hash is stored")
                .isZero();
        assertThat(count("select count(*) from user_invitation where username = 'invited-anna'"
                        + " and expires_at between now() + interval '71 hours' and now() + interval '73 hours'"))
                .isEqualTo(1);

        Person anna = new Person(port);
        HttpResponse<String> form = anna.get("/invitation/" + token);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Vælg din adgangskode", "invited-anna");
        assertThat(form.headers().firstValue("Referrer-Policy")).contains("no-referrer");

        HttpResponse<String> tooShort = anna.post(
                "/invitation/" + token, "/invitation/" + token, Map.of("password", "kort", "passwordRepeat", "kort"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("mindst 12 tegn");
        HttpResponse<String> differ = anna.post(
                "/invitation/" + token,
                "/invitation/" + token,
                Map.of("password", GOOD_PASSWORD, "passwordRepeat", GOOD_PASSWORD + "x"));
        assertThat(differ.body()).contains("de to adgangskoder er ikke ens");
        assertThat(jdbc.sql("select password_hash is null from app_user where username = 'invited-anna'")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        HttpResponse<String> set = anna.post(
                "/invitation/" + token,
                "/invitation/" + token,
                Map.of("password", GOOD_PASSWORD, "passwordRepeat", GOOD_PASSWORD));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElse("")).endsWith("/invitation/done");
        assertThat(anna.get("/invitation/done").body()).contains("Din adgangskode er gemt");

        HttpResponse<String> again = new Person(port).get("/invitation/" + token);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Linket er allerede brugt");
        HttpResponse<String> reuse = new Person(port)
                .post(
                        "/invitation/" + token,
                        "/login",
                        Map.of("password", "en helt anden kode 99", "passwordRepeat", "en helt anden kode 99"));
        assertThat(reuse.statusCode()).isEqualTo(410);

        Person signedIn = new Person(port);
        assertThat(signedIn.signIn("invited-anna", GOOD_PASSWORD)).isTrue();
        assertThat(signedIn.get("/").statusCode()).isEqualTo(200);
        assertThat(new Person(port).signIn("invited-anna", "en helt anden kode 99"))
                .isFalse();

        assertThat(actions("invited-anna")).containsExactly("PASSWORD_SET", "INVITED");
    }

    @Test
    void a_wrong_or_expired_link_says_so_clearly() {
        Person someone = new Person(port);
        HttpResponse<String> wrong = someone.get("/invitation/" + "A".repeat(43));
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("Linket findes ikke");
        assertThat(someone.get("/invitation/short").statusCode()).isEqualTo(404);
        assertThat(someone.post("/invitation/" + "B".repeat(43), "/login", Map.of("password", GOOD_PASSWORD))
                        .statusCode())
                .isEqualTo(404);

        WebSession admin = WebSession.signIn(port, "admin");
        admin.post("/admin/users/new", "/admin/users/new", invite("invited-late", "MUNICIPALITY", "707"));
        String token = token("invited-late@example.dk");
        jdbc.sql("""
                        update user_invitation set created_at = now() - interval '4 days',
                               expires_at = now() - interval '1 hour' where username = 'invited-late'
                        """).update();
        HttpResponse<String> expired = someone.get("/invitation/" + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Linket er udløbet");
        assertThat(someone.post(
                                "/invitation/" + token,
                                "/login",
                                Map.of("password", GOOD_PASSWORD, "passwordRepeat", GOOD_PASSWORD))
                        .statusCode())
                .isEqualTo(410);
        assertThat(jdbc.sql("select password_hash is null from app_user where username = 'invited-late'")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // a new invitation: a fresh link that works, the old one dead
        admin.post("/admin/users/invited-late/reinvite", "/admin/users/invited-late", Map.of());
        assertThat(admin.get("/admin/users/invited-late").body()).contains("En ny invitation er sendt");
        String fresh = token("invited-late@example.dk");
        assertThat(fresh).isNotEqualTo(token);
        assertThat(someone.get("/invitation/" + fresh).statusCode()).isEqualTo(200);
        assertThat(someone.get("/invitation/" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void a_change_of_scope_or_a_disabling_ends_the_users_session_and_is_audited() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.post("/admin/users/new", "/admin/users/new", invite("moved-bo", "MUNICIPALITY", "707"));
        String token = token("moved-bo@example.dk");
        new Person(port)
                .post(
                        "/invitation/" + token,
                        "/invitation/" + token,
                        Map.of("password", GOOD_PASSWORD, "passwordRepeat", GOOD_PASSWORD));
        Person bo = new Person(port);
        assertThat(bo.signIn("moved-bo", GOOD_PASSWORD)).isTrue();
        assertThat(bo.get("/").statusCode()).isEqualTo(200);
        int before = scopeVersion("moved-bo");

        admin.post(
                "/admin/users/moved-bo/role",
                "/admin/users/moved-bo",
                Map.of("role", "MUNICIPALITY", "municipalityCode", "751"));
        assertThat(admin.get("/admin/users/moved-bo").body()).contains("Rolle og område er gemt", "Aarhus (kommune)");
        assertThat(scopeVersion("moved-bo")).isEqualTo(before + 1);
        HttpResponse<String> stale = bo.get("/");
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location").orElse(""))
                .as("issue 15 review: enabled, so told that its rights changed, not that it is disabled")
                .contains("/login?changed");

        Person again = new Person(port);
        assertThat(again.signIn("moved-bo", GOOD_PASSWORD)).isTrue();
        // disabling asks first and states the consequence; nothing changes until confirmed
        admin.post("/admin/users/moved-bo/disable", "/admin/users/moved-bo", Map.of());
        assertThat(admin.get("/admin/users/moved-bo").body())
                .contains("kan ikke længere logge ind; åbne sessioner afsluttes");
        assertThat(enabled("moved-bo")).isTrue();
        assertThat(again.get("/").statusCode()).isEqualTo(200);
        admin.post("/admin/users/moved-bo/disable", "/admin/users/moved-bo", Map.of("confirmed", "true"));
        assertThat(enabled("moved-bo")).isFalse();
        assertThat(again.get("/").headers().firstValue("Location").orElse("")).contains("/login?disabled");
        assertThat(new Person(port).signIn("moved-bo", GOOD_PASSWORD)).isFalse();

        admin.post("/admin/users/moved-bo/enable", "/admin/users/moved-bo", Map.of());
        assertThat(new Person(port).signIn("moved-bo", GOOD_PASSWORD)).isTrue();

        assertThat(actions("moved-bo"))
                .containsExactly("ENABLED", "DISABLED", "ROLE_CHANGED", "PASSWORD_SET", "INVITED");
        assertThat(jdbc.sql("""
                        select actor || ' ' || (changes -> 'municipalityCode' ->> 'from') || '>'
                               || (changes -> 'municipalityCode' ->> 'to')
                          from audit_event where entity_type = :t and entity_id = 'moved-bo' and action = 'ROLE_CHANGED'
                        """)
                        .param("t", UserEvents.ENTITY)
                        .query(String.class)
                        .single())
                .isEqualTo("admin 707>751");
        assertThat(admin.get("/admin/users/moved-bo").body()).contains("Rolle eller område ændret", "Deaktiveret");
    }

    @Test
    void with_password_login_off_the_mail_says_to_sign_in_with_the_organisations_login() {
        transactions.executeWithoutResult(tx -> events.publishEvent(new UserEvents.InvitationMail(
                "admin", "Ordningens administration", "oidc-only@example.dk", "da", null)));
        String body = jdbc.sql("select body from mail_outbox where recipient = 'oidc-only@example.dk'")
                .query(String.class)
                .single();
        assertThat(body).contains("Log ind med din organisations login", "/login", "oidc-only@example.dk");
        assertThat(body).doesNotContain("/invitation/");
    }

    @Test
    void an_address_used_by_another_user_in_any_case_even_out_of_scope_is_refused_without_saying_whose() {
        WebSession midt = WebSession.signIn(port, "region-midt");
        Map<String, String> form = invite("taken-mail", "MUNICIPALITY", "751");
        form.put("email", "REGION-NORD@demo.botilbudslaege.dk"); // Region Nordjylland's user's, outside its scope
        HttpResponse<String> answer = midt.post("/admin/users/new", "/admin/users/new", form);
        assertThat(answer.statusCode()).isNotEqualTo(500);
        String page = midt.get("/admin/users/new").body();
        assertThat(page)
                .contains("E-mail: E-mailadressen bruges allerede af en anden bruger")
                .doesNotContain("region-nord");
        assertThat(count("select count(*) from app_user where username = 'taken-mail'"))
                .as("nothing saved")
                .isZero();
        assertThat(count(
                        "select count(*) from mail_outbox where lower(recipient) = 'region-nord@demo.botilbudslaege.dk'"
                                + " and kind = 'INVITATION'"))
                .isZero();
        String guaranteed = transactions.execute(status -> {
            status.setRollbackOnly();
            try {
                jdbc.sql("update app_user set email = 'Region-Nord@Demo.botilbudslaege.dk'"
                                + " where username = 'kommune-aarhus'")
                        .update();
                return "saved";
            } catch (org.springframework.dao.DuplicateKeyException e) {
                return "refused";
            }
        });
        assertThat(guaranteed).as("V36: the database guarantees it").isEqualTo("refused");
    }

    @Test
    void a_user_admin_value_that_is_neither_yes_nor_no_is_a_field_error_and_the_history_reads_in_words() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.post("/admin/users/new", "/admin/users/new", invite("words-user", "REGION", "1082"));
        admin.post(
                "/admin/users/words-user/role",
                "/admin/users/words-user",
                Map.of("role", "MUNICIPALITY", "municipalityCode", "707", "userAdmin", "true"));
        assertThat(jdbc.sql("select user_admin from app_user where username = 'words-user'")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        admin.post(
                "/admin/users/words-user/role",
                "/admin/users/words-user",
                Map.of("role", "MUNICIPALITY", "municipalityCode", "707", "userAdmin", "maybe"));
        String page = admin.get("/admin/users/words-user").body();
        assertThat(page).contains("Brugeradministrator: sæt eller fjern fluebenet");
        assertThat(jdbc.sql("select user_admin from app_user where username = 'words-user'")
                        .query(Boolean.class)
                        .single())
                .as("not silently taken away")
                .isTrue();
        Map<String, String> maybe = invite("words-maybe", "REGION", "1082");
        maybe.put("userAdmin", "maybe");
        admin.post("/admin/users/new", "/admin/users/new", maybe);
        assertThat(admin.get("/admin/users/new").body()).contains("Brugeradministrator: sæt eller fjern fluebenet");
        assertThat(count("select count(*) from app_user where username = 'words-maybe'"))
                .isZero();

        admin.post("/admin/users/words-user/reinvite", "/admin/users/words-user", Map.of());
        String history = admin.get("/admin/users/words-user").body();
        history = history.substring(history.indexOf("Historik"))
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .replace(" :", ":");
        assertThat(history)
                .contains("Rolle: Region → Kommune", "Region: Region Midtjylland → –", "Kommune: – → Norddjurs")
                .contains("Invitation: – → sendt")
                .doesNotContain("REGION", "MUNICIPALITY", "1082", "707", "→ sent");
    }

    @Test
    void the_forms_render_only_the_scope_fields_of_the_roles_the_administrator_may_give() {
        String municipality = WebSession.signIn(port, "kommune-norddjurs")
                .get("/admin/users/new")
                .body();
        assertThat(municipality)
                .contains("data-scope-role", "data-scope-for=\"MUNICIPALITY\"", "data-scope-for=\"FACILITY\"")
                .doesNotContain("id=\"regionCode\"", "id=\"doctorId\"");
        String admin = WebSession.signIn(port, "admin").get("/admin/users/new").body();
        assertThat(admin)
                .as("without script every field the administrator may use shows; app.js hides the others")
                .contains("id=\"regionCode\"", "id=\"municipalityCode\"", "id=\"facilityId\"", "id=\"doctorId\"");
    }

    // --- helpers ---

    static Map<String, String> invite(String username, String role, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", "Test " + username);
        form.put("email", username + "@example.dk");
        form.put("language", "da");
        form.put("role", role);
        if (code != null) {
            form.put(role.equals("REGION") ? "regionCode" : "municipalityCode", code);
        }
        return form;
    }

    /** The token of the newest invitation mail to the address. */
    String token(String recipient) {
        String body = jdbc.sql("select body from mail_outbox where recipient = :r order by id desc limit 1")
                .param("r", recipient)
                .query(String.class)
                .single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a link in " + body).isTrue();
        return m.group(1);
    }

    List<String> actions(String username) {
        return jdbc.sql("select action from audit_event where entity_type = :t and entity_id = :u order by id desc")
                .param("t", UserEvents.ENTITY)
                .param("u", username)
                .query(String.class)
                .list();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    boolean enabled(String username) {
        return jdbc.sql("select enabled from app_user where username = :u")
                .param("u", username)
                .query(Boolean.class)
                .single();
    }

    String role(String username) {
        return jdbc.sql("select role from app_user where username = :u")
                .param("u", username)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    int scopeVersion(String username) {
        return jdbc.sql("select scope_version from app_user where username = :u")
                .param("u", username)
                .query(Integer.class)
                .single();
    }

    /** Someone with a browser's cookies and no redirects followed, signed in with any password or not at all. */
    static final class Person {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final String base;
        private final HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        Person(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        boolean signIn(String username, String password) {
            HttpResponse<String> login = post("/login", "/login", Map.of("username", username, "password", password));
            String location = login.headers().firstValue("Location").orElse("");
            return login.statusCode() == 302 && !location.contains("error") && !location.contains("disabled");
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, String formPage, Map<String, String> fields) {
            Matcher m = CSRF.matcher(get(formPage).body());
            String token = m.find() ? m.group(1) : "";
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining(
                            "&", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&", ""));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
