package dk.botilbudslaege.security.api;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 item 3: API clients registered on /admin/api-clients get credentials shown once; POST /oauth2/token
 * (client credentials) gives a 15-minute bearer token; calls with Bearer or X-API-Key act with the client's role and
 * scope, READ clients cannot write, revocation and rotation take effect at once, calls are rate-limited per client.
 */
@IntegrationTest
class ApiClientsTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.MessageSource messages;

    record Created(long id, String name, String clientId, String secret, String apiKey) {}

    @BeforeEach
    void userAdmins() {
        user("apic-midt-admin", "REGION", "1082", null);
        user("apic-nord-admin", "REGION", "1081", null);
        user("apic-norddjurs-admin", "MUNICIPALITY", null, "707");
    }

    private void user(String username, String role, String region, String municipality) {
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code,
                                              municipality_code, user_admin)
                        select :u, password_hash, :u, :role, :region, :municipality, true
                          from app_user where username = 'admin'
                        on conflict (username) do nothing
                        """)
                .param("u", username)
                .param("role", role)
                .param("region", region)
                .param("municipality", municipality)
                .update();
    }

    // ---- the token flow ---------------------------------------------------------------------------------------

    @Test
    void a_registered_client_gets_a_token_and_calls_the_api_in_its_scope_until_it_is_revoked() throws Exception {
        WebSession admin = WebSession.signIn(port, "admin");
        Created client = register(admin, form("REGION", "1082", "READ", true, true));
        long facility = midtFacility();

        // client_secret_basic
        HttpResponse<String> answer =
                token(basicAuth(client.clientId(), client.secret()), "grant_type=client_credentials");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(900);
        String token = body.path("access_token").asString();
        assertThat(token).hasSizeGreaterThan(30);

        // client_secret_post
        HttpResponse<String> posted = token(
                null,
                "grant_type=client_credentials&client_id=" + client.clientId() + "&client_secret="
                        + enc(client.secret()));
        assertThat(posted.statusCode()).isEqualTo(200);

        // wrong secret, unsupported grant, missing grant
        HttpResponse<String> wrong =
                token(basicAuth(client.clientId(), "not-the-secret"), "grant_type=client_credentials");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).path("error").asString()).isEqualTo("invalid_client");
        assertThat(wrong.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        HttpResponse<String> password = token(basicAuth(client.clientId(), client.secret()), "grant_type=password");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(password.body()).path("error").asString()).isEqualTo("unsupported_grant_type");
        HttpResponse<String> none = token(basicAuth(client.clientId(), client.secret()), "");
        assertThat(JSON.readTree(none.body()).path("error").asString()).isEqualTo("invalid_request");

        Api api = Api.on(port);
        assertThat(api.header("Authorization", "Bearer " + token)
                        .get("/api/v1/facilities/" + facility)
                        .status())
                .isEqualTo(200);
        assertThat(api.header("X-API-Key", client.apiKey())
                        .get("/api/v1/facilities/" + facility)
                        .status())
                .isEqualTo(200);
        assertProblem(
                api.header("Authorization", "Bearer nonsense").get("/api/v1/facilities/" + facility),
                401,
                "UNAUTHORIZED");
        assertProblem(
                api.header("X-API-Key", client.apiKey() + "x").get("/api/v1/facilities/" + facility),
                401,
                "UNAUTHORIZED");
        assertThat(jdbc.sql("select last_used_at is not null from api_client where id = :id")
                        .param("id", client.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // revoke: the page states the consequence first; then token, key and secret are refused at once
        HttpResponse<String> confirm = admin.get("/admin/api-clients/" + client.id() + "/revoke");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("mister adgangen med det samme");
        HttpResponse<String> revoked = admin.post(
                "/admin/api-clients/" + client.id() + "/revoke",
                "/admin/api-clients/" + client.id() + "/revoke",
                Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertProblem(
                api.header("Authorization", "Bearer " + token).get("/api/v1/facilities/" + facility),
                401,
                "UNAUTHORIZED");
        assertProblem(
                api.header("X-API-Key", client.apiKey()).get("/api/v1/facilities/" + facility), 401, "UNAUTHORIZED");
        HttpResponse<String> after =
                token(basicAuth(client.clientId(), client.secret()), "grant_type=client_credentials");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(after.body()).path("error").asString()).isEqualTo("invalid_client");
        assertThat(jdbc.sql("select count(*) from api_token where client_id = :id")
                        .param("id", client.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void a_client_reads_only_its_own_scope_as_a_user_of_that_scope_does() {
        WebSession admin = WebSession.signIn(port, "admin");
        Created nord = register(admin, form("REGION", "1081", "READ", false, true));
        long facility = midtFacility();
        int userStatus = Api.on(port)
                .as("region-nord")
                .get("/api/v1/facilities/" + facility)
                .status();
        assertThat(userStatus).isIn(403, 404);
        assertThat(Api.on(port)
                        .header("X-API-Key", nord.apiKey())
                        .get("/api/v1/facilities/" + facility)
                        .status())
                .isEqualTo(userStatus);
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        Created client = register(WebSession.signIn(port, "admin"), form("NATIONAL", null, "READ", true, false));
        String token = JSON.readTree(
                        token(basicAuth(client.clientId(), client.secret()), "grant_type=client_credentials")
                                .body())
                .path("access_token")
                .asString();
        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where client_id = :id")
                .param("id", client.id())
                .update();
        assertProblem(
                Api.on(port).header("Authorization", "Bearer " + token).get("/api/v1/regions"), 401, "UNAUTHORIZED");
    }

    // ---- rights ----------------------------------------------------------------------------------------------

    @Test
    void a_read_client_cannot_write_and_a_read_write_client_writes_as_itself_without_a_csrf_token() {
        WebSession admin = WebSession.signIn(port, "admin");
        Created reader = register(admin, form("MUNICIPALITY", "707", "READ", false, true));
        Created writer = register(admin, form("MUNICIPALITY", "707", "READ_WRITE", false, true));
        String name = "API-huset " + SEQ.incrementAndGet() + System.nanoTime();
        assertProblem(
                Api.on(port).header("X-API-Key", reader.apiKey()).post("/api/v1/facilities", facility(name)),
                403,
                "API_CLIENT_READ_ONLY");
        Api.Response created =
                Api.on(port).header("X-API-Key", writer.apiKey()).post("/api/v1/facilities", facility(name));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(jdbc.sql("select actor from audit_event where entity_type = 'FACILITY' and entity_id = :id")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly("api:" + writer.name());
    }

    @Test
    void only_administrators_and_user_administrators_within_their_scope_register_clients() {
        // not a user administrator at all (in the demo region-midt and kommune-norddjurs are user administrators)
        WebSession plain = WebSession.signIn(port, "region-nord");
        assertThat(plain.get("/admin/api-clients").statusCode()).isEqualTo(403);
        assertThat(plain.get("/admin/api-clients/new").statusCode()).isEqualTo(403);

        // a region's user administrator: its region only; never NATIONAL
        WebSession nord = WebSession.signIn(port, "apic-nord-admin");
        String refusedName = "apic-refused-" + SEQ.incrementAndGet();
        Map<String, String> foreign = form("REGION", "1082", "READ", true, false);
        foreign.put("name", refusedName);
        HttpResponse<String> refused = nord.post("/admin/api-clients", "/admin/api-clients/new", foreign);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("kun registrere integrationer inden for dit eget område");
        assertThat(refused.body()).doesNotContain("id=\"client-secret\"");
        assertThat(count("select count(*) from api_client where name = :n", refusedName))
                .isZero();
        assertThat(nord.post(
                                "/admin/api-clients",
                                "/admin/api-clients/new",
                                form("NATIONAL", null, "READ", true, false))
                        .body())
                .contains("kun registrere integrationer inden for dit eget område");
        Created own = register(nord, form("REGION", "1081", "READ", true, false));
        assertThat(own.secret()).isNotBlank();

        // a client of Region Midtjylland is out of the Nordjylland administrator's reach: not listed, 404
        Created midt =
                register(WebSession.signIn(port, "apic-midt-admin"), form("MUNICIPALITY", "707", "READ", true, false));
        assertThat(nord.get("/admin/api-clients").body()).contains(own.name()).doesNotContain(midt.name());
        assertThat(nord.get("/admin/api-clients/" + midt.id() + "/revoke").statusCode())
                .isEqualTo(404);
        assertThat(nord.post("/admin/api-clients/" + midt.id() + "/revoke", "/admin/api-clients", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(nord.post("/admin/api-clients/" + midt.id() + "/rotate-secret", "/admin/api-clients", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(count("select count(*) from api_client where id = :n and revoked_at is null", midt.id()))
                .isEqualTo(1);

        // a municipality's user administrator: its municipality's MUNICIPALITY and FACILITY clients only
        WebSession norddjurs = WebSession.signIn(port, "apic-norddjurs-admin");
        register(norddjurs, form("FACILITY", String.valueOf(midtFacility()), "READ", true, false));
        assertThat(norddjurs
                        .post(
                                "/admin/api-clients",
                                "/admin/api-clients/new",
                                form("REGION", "1082", "READ", true, false))
                        .body())
                .contains("kun registrere integrationer inden for dit eget område");
        assertThat(norddjurs.get("/admin/api-clients").body()).contains(midt.name());
    }

    @Test
    void bad_input_is_named_field_by_field_and_nothing_is_saved() {
        WebSession admin = WebSession.signIn(port, "admin");
        int before = count("select count(*) from api_client", null);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("name", "Ugyldigt Navn!");
        bad.put("role", "ADMIN");
        bad.put("rights", "ALL");
        bad.put("ratePerMinute", "0");
        bad.put("_clientCredentials", "on");
        bad.put("_apiKey", "on");
        HttpResponse<String> answer = admin.post("/admin/api-clients", "/admin/api-clients/new", bad);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains(
                        "Navn: 2-64 tegn",
                        "Rolle: vælg",
                        "Rettigheder: vælg",
                        "Kald pr. minut: et helt tal",
                        "Adgang: vælg");
        Map<String, String> noRegion = form("REGION", "9999", "READ", true, false);
        assertThat(admin.post("/admin/api-clients", "/admin/api-clients/new", noRegion)
                        .body())
                .contains("Region: vælg en region.");
        Map<String, String> noFacility = form("FACILITY", "abc", "READ", true, false);
        assertThat(admin.post("/admin/api-clients", "/admin/api-clients/new", noFacility)
                        .body())
                .contains("Botilbud: vælg et botilbud.");
        assertThat(count("select count(*) from api_client", null)).isEqualTo(before);
    }

    // ---- limits, storage, audit --------------------------------------------------------------------------------

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after_and_the_token_endpoint_is_throttled_too() throws Exception {
        Map<String, String> fields = form("NATIONAL", null, "READ", true, true);
        fields.put("ratePerMinute", "3");
        Created client = register(WebSession.signIn(port, "admin"), fields);
        for (int i = 0; i < 3; i++) {
            assertThat(call("/api/v1/regions", client.apiKey()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = call("/api/v1/regions", client.apiKey());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(limited.body()).path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0")))
                .isBetween(1L, 60L);

        String unknown = "blc_nobody" + SEQ.incrementAndGet() + "xxxxxxxxxxxx";
        int status = 0;
        for (int i = 0; i < 31 && status != 429; i++) {
            status = token(basicAuth(unknown, "guess" + i), "grant_type=client_credentials")
                    .statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void secrets_keys_and_tokens_are_stored_only_as_hashes_and_every_change_is_audited() throws Exception {
        WebSession admin = WebSession.signIn(port, "admin");
        Created client = register(admin, form("REGION", "1082", "READ", true, true));
        String token = JSON.readTree(
                        token(basicAuth(client.clientId(), client.secret()), "grant_type=client_credentials")
                                .body())
                .path("access_token")
                .asString();
        String row = jdbc.sql("select row_to_json(c)::text from api_client c where id = :id")
                .param("id", client.id())
                .query(String.class)
                .single();
        String tokens = jdbc.sql("select coalesce(string_agg(row_to_json(t)::text, ''), '') from api_token t")
                .query(String.class)
                .single();
        String audit = jdbc.sql("select coalesce(string_agg(changes::text, ''), '') from audit_event"
                        + " where entity_type = 'api_client'")
                .query(String.class)
                .single();
        String keySecret = client.apiKey().substring(12);
        for (String stored : List.of(row, tokens, audit)) {
            assertThat(stored).doesNotContain(client.secret(), keySecret, token);
        }
        assertThat(row).contains(ApiCredentials.hash(client.secret()), ApiCredentials.hash(client.apiKey()));
        assertThat(tokens).contains(ApiCredentials.hash(token));

        // rotation: the old secret, its tokens and the old key stop working at once
        HttpResponse<String> rotated = shown(
                admin,
                admin.post(
                        "/admin/api-clients/" + client.id() + "/rotate-secret",
                        "/admin/api-clients/" + client.id() + "/rotate-secret",
                        Map.of()));
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String newSecret = value(rotated.body(), "client-secret");
        assertThat(token(basicAuth(client.clientId(), client.secret()), "grant_type=client_credentials")
                        .statusCode())
                .isEqualTo(401);
        assertThat(token(basicAuth(client.clientId(), newSecret), "grant_type=client_credentials")
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("/api/v1/regions", null, token).statusCode()).isEqualTo(401);
        String newKey = value(
                shown(
                                admin,
                                admin.post(
                                        "/admin/api-clients/" + client.id() + "/rotate-key",
                                        "/admin/api-clients/" + client.id() + "/rotate-key",
                                        Map.of()))
                        .body(),
                "api-key");
        assertThat(call("/api/v1/regions", client.apiKey()).statusCode()).isEqualTo(401);
        assertThat(call("/api/v1/regions", newKey).statusCode()).isEqualTo(200);
        admin.post(
                "/admin/api-clients/" + client.id() + "/revoke",
                "/admin/api-clients/" + client.id() + "/revoke",
                Map.of());

        assertThat(jdbc.sql("select action || ' ' || actor from audit_event where entity_type = 'api_client'"
                                + " and entity_id = :id order by id")
                        .param("id", String.valueOf(client.id()))
                        .query(String.class)
                        .list())
                .containsExactly(
                        "API_CLIENT_REGISTERED admin",
                        "API_CLIENT_SECRET_ROTATED admin",
                        "API_CLIENT_KEY_ROTATED admin",
                        "API_CLIENT_REVOKED admin");
    }

    // ---- review fixes ------------------------------------------------------------------------------------------

    @Test
    void wrong_secrets_from_someone_who_knows_the_client_id_never_use_up_the_real_clients_allowance() throws Exception {
        Created client = register(WebSession.signIn(port, "admin"), form("NATIONAL", null, "READ", true, false));
        int last = 0;
        for (int i = 0; i < 40; i++) {
            last = token(basicAuth(client.clientId(), "wrong" + i), "grant_type=client_credentials")
                    .statusCode();
        }
        assertThat(last).isEqualTo(429);
        HttpResponse<String> right =
                token(basicAuth(client.clientId(), client.secret()), "grant_type=client_credentials");
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    }

    @Test
    void the_token_endpoint_refuses_a_repeated_parameter_and_answers_other_methods_in_json() throws Exception {
        Created client = register(WebSession.signIn(port, "admin"), form("NATIONAL", null, "READ", true, false));
        HttpResponse<String> twice = token(
                basicAuth(client.clientId(), client.secret()), "grant_type=client_credentials&grant_type=password");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twice.body()).path("error").asString()).isEqualTo("invalid_request");
        HttpResponse<String> get = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(get.body()).path("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void one_second_is_said_in_the_singular() {
        assertThat(messages.getMessage(
                        "apiclients.problem.rateLimited", new Object[] {1L}, Locale.forLanguageTag("da")))
                .endsWith("om 1 sekund.");
        assertThat(messages.getMessage(
                        "apiclients.problem.rateLimited", new Object[] {12L}, Locale.forLanguageTag("da")))
                .endsWith("om 12 sekunder.");
    }

    @Test
    void a_plain_users_post_is_403_before_any_validation() {
        WebSession plain = WebSession.signIn(port, "region-nord");
        Map<String, String> incomplete = new LinkedHashMap<>();
        incomplete.put("name", "apic-incomplete");
        incomplete.put("role", "NATIONAL");
        incomplete.put("rights", "READ");
        assertThat(plain.post("/admin/api-clients", "/login", incomplete).statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_new_secret_or_key_is_confirmed_first_and_shown_once_so_a_reload_cannot_rotate_again() throws Exception {
        WebSession admin = WebSession.signIn(port, "admin");
        Created client = register(admin, form("REGION", "1082", "READ", true, true));
        String base = "/admin/api-clients/" + client.id();

        // the list links to a confirmation page; opening it changes nothing
        assertThat(admin.get("/admin/api-clients").body()).contains("href=\"" + base + "/rotate-secret\"");
        HttpResponse<String> confirm = admin.get(base + "/rotate-secret");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("holder op med at virke med det samme");
        assertThat(admin.get(base + "/rotate-key").body()).contains("Den gamle nøgle holder op med at virke");
        assertThat(token(basicAuth(client.clientId(), client.secret()), "grant_type=client_credentials")
                        .statusCode())
                .isEqualTo(200);

        // the POST redirects to a one-time page; a reload of it finds nothing and rotates nothing
        HttpResponse<String> posted = admin.post(base + "/rotate-secret", base + "/rotate-secret", Map.of());
        assertThat(posted.statusCode()).isEqualTo(302);
        String page = URI.create(posted.headers().firstValue("Location").orElseThrow())
                .getPath();
        HttpResponse<String> first = admin.get(page);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String secret = value(first.body(), "client-secret");
        assertThat(secret).isNotBlank();
        assertThat(first.body()).contains("data-copy=\"client-secret\"");
        HttpResponse<String> reload = admin.get(page);
        assertThat(reload.statusCode()).isEqualTo(404);
        assertThat(reload.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(reload.body()).doesNotContain(secret).contains("allerede vist");
        assertThat(token(basicAuth(client.clientId(), secret), "grant_type=client_credentials")
                        .statusCode())
                .isEqualTo(200);
        // another user cannot open someone else's one-time page
        HttpResponse<String> again = admin.post(base + "/rotate-key", base + "/rotate-key", Map.of());
        String keyPage =
                URI.create(again.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(WebSession.signIn(port, "apic-midt-admin").get(keyPage).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_session_and_a_token_together_act_as_the_session_as_docs_api_md_says() throws Exception {
        Created midt = register(WebSession.signIn(port, "admin"), form("REGION", "1082", "READ", false, true));
        long facility = midtFacility();
        assertThat(call("/api/v1/facilities/" + facility, midt.apiKey()).statusCode())
                .isEqualTo(200);
        WebSession nord = WebSession.signIn(port, "region-nord");
        int alone = nord.request("GET", "/api/v1/facilities/" + facility, null).statusCode();
        assertThat(alone).isIn(403, 404);
        assertThat(nord.request("GET", "/api/v1/facilities/" + facility, null, "X-API-Key", midt.apiKey())
                        .statusCode())
                .isEqualTo(alone);
        assertThat(nord.request("GET", "/api/v1/regions", null, "Authorization", "Bearer invalid")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_list_and_the_form_use_names_and_pickers_of_the_managers_own_area() {
        WebSession admin = WebSession.signIn(port, "admin");
        long facility = midtFacility();
        register(admin, form("FACILITY", String.valueOf(facility), "READ", true, false));
        Created region = register(admin, form("REGION", "1082", "READ", true, false));
        String list = admin.get("/admin/api-clients").body();
        String facilityName = jdbc.sql("select name from facility where id = :id")
                .param("id", facility)
                .query(String.class)
                .single();
        assertThat(list).contains("Region Midtjylland", facilityName + " (Norddjurs)");
        assertThat(list).doesNotContain("<td>1082</td>", "<td>" + facility + "</td>");
        assertThat(region.id()).isPositive();

        String midtForm = WebSession.signIn(port, "apic-midt-admin")
                .get("/admin/api-clients/new")
                .body();
        assertThat(midtForm)
                .contains("<select id=\"municipalityCode\"", ">Norddjurs<", ">Region Midtjylland<")
                .doesNotContain(">Region Nordjylland<", ">Aalborg<", "value=\"NATIONAL\"");
        String norddjursForm = WebSession.signIn(port, "apic-norddjurs-admin")
                .get("/admin/api-clients/new")
                .body();
        assertThat(norddjursForm)
                .contains(">Norddjurs<")
                .doesNotContain(">Aarhus<", "id=\"regionCode\"", "id=\"doctorId\"");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static Map<String, String> form(String role, String scope, String rights, boolean secret, boolean key) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "apic-" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36));
        form.put("role", role);
        switch (role) {
            case "REGION" -> form.put("regionCode", scope);
            case "MUNICIPALITY" -> form.put("municipalityCode", scope);
            case "FACILITY" -> form.put("facilityId", scope);
            case "DOCTOR" -> form.put("doctorId", scope);
            default -> {}
        }
        form.put("rights", rights);
        form.put("ratePerMinute", "600");
        form.put("_clientCredentials", "on");
        form.put("_apiKey", "on");
        if (secret) {
            form.put("clientCredentials", "true");
        }
        if (key) {
            form.put("apiKey", "true");
        }
        return form;
    }

    private Created register(WebSession session, Map<String, String> form) {
        HttpResponse<String> answer =
                shown(session, session.post("/admin/api-clients", "/admin/api-clients/new", form));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).as(answer.body()).contains("id=\"api-client-credentials\"");
        assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String name = form.get("name");
        long id = jdbc.sql("select id from api_client where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        return new Created(
                id,
                name,
                value(answer.body(), "client-id"),
                value(answer.body(), "client-secret"),
                value(answer.body(), "api-key"));
    }

    /** A POST that made credentials redirects to the one-time page: follow it. */
    private static HttpResponse<String> shown(WebSession session, HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/admin/api-clients/shown/");
        return session.get(URI.create(location).getPath());
    }

    private static String value(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private long midtFacility() {
        return jdbc.sql("select min(id) from facility where municipality_code = '707'")
                .query(Long.class)
                .single();
    }

    private int count(String sql, Object param) {
        var spec = jdbc.sql(sql);
        if (param != null) {
            spec = spec.param("n", param);
        }
        return spec.query(Integer.class).single();
    }

    private static Map<String, Object> facility(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("address", "Prøvevej 1, 8500 Grenaa");
        body.put("municipalityCode", "707");
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", 20);
        body.put("residents", 18);
        body.put("temporaryPlaces", 1);
        body.put("latitude", 56.41);
        body.put("longitude", 10.87);
        return body;
    }

    private static String basicAuth(String id, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((enc(id) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> token(String authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String path, String apiKey) throws Exception {
        return call(path, apiKey, null);
    }

    private HttpResponse<String> call(String path, String apiKey, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
