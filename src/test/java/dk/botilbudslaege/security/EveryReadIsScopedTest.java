package dk.botilbudslaege.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Parameter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 10 item 3: every read is scoped. Walks every GET route Spring knows (pages, htmx fragments,
 * /api/v1, PDFs, XLSX and CSV files), as every demo role, with the ids of rows OUTSIDE that role's scope,
 * and expects "forbidden" or "not found", or a 200 that shows none of those rows' names; never a 5xx.
 * <p>
 * The routes come from the handler mappings, so a new route is walked without touching this test. A route
 * with a parameter this test does not know fails {@link #every_get_route_can_be_filled()}: add the
 * parameter's name to {@link #ID_PARAMETERS} (an id or code: filled with an out-of-scope value) or to
 * {@link #NEUTRAL_PARAMETERS} (a filter or option that selects no row: left out, or given a fixed value).
 * <p>
 * Out-of-scope rows are made here, through the API, by the role owning them, in three areas: Aarhus and
 * Norddjurs (Region Midtjylland) and Aalborg (Region Nordjylland). Each role reads the nearest area it may
 * not read: a municipality the other municipality of its region, a facility contact another facility of its
 * municipality, a doctor another doctor's agreement and Region Nordjylland's registry.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryReadIsScopedTest {

    /** The kinds of thing a route parameter may name. */
    enum Kind {
        FACILITY,
        SECTION,
        GROUP,
        AGREEMENT,
        PRACTICE,
        DOCTOR,
        ROUND,
        REGION,
        MUNICIPALITY,
        MONTH,
        CHANGE_REQUEST,
        DISPENSATION_APPLICATION,
        SURVEY,
        // issue 14, in-app notifications: another user's notification (every role's is foreign)
        NOTIFICATION,
        // issue 15 part C: an API client; the administrator manages every client and no walked role but it is a user
        // administrator, so the walk names one that does not exist (ApiClientsTest walks the user administrators)
        API_CLIENT
    }

    /** Request parameters and path variables that take an id or a code, by name. */
    static final Map<String, Kind> ID_PARAMETERS = Map.ofEntries(
            Map.entry("facilityId", Kind.FACILITY),
            Map.entry("sectionId", Kind.SECTION),
            Map.entry("groupId", Kind.GROUP),
            Map.entry("agreementId", Kind.AGREEMENT),
            Map.entry("practiceId", Kind.PRACTICE),
            Map.entry("doctorId", Kind.DOCTOR),
            Map.entry("roundId", Kind.ROUND),
            Map.entry("regionCode", Kind.REGION),
            Map.entry("municipalityCode", Kind.MUNICIPALITY),
            Map.entry("month", Kind.MONTH),
            // i16-fixa (review 16 finding 5): the facilities already chosen in the application's picker
            Map.entry("facilityIds", Kind.FACILITY));

    /** A path variable "id" names what the path segment before it names. */
    static final Map<String, Kind> ID_BY_SEGMENT = Map.ofEntries(
            Map.entry("facilities", Kind.FACILITY),
            Map.entry("sections", Kind.SECTION),
            Map.entry("facility-groups", Kind.GROUP),
            Map.entry("groups", Kind.GROUP),
            Map.entry("agreements", Kind.AGREEMENT),
            Map.entry("practices", Kind.PRACTICE),
            Map.entry("doctors", Kind.DOCTOR),
            Map.entry("rounds", Kind.ROUND),
            Map.entry("change-requests", Kind.CHANGE_REQUEST),
            Map.entry("dispensation-applications", Kind.DISPENSATION_APPLICATION),
            Map.entry("surveys", Kind.SURVEY),
            // issue 14, in-app notifications
            Map.entry("notifications", Kind.NOTIFICATION),
            // issue 15 part C: API clients
            Map.entry("api-clients", Kind.API_CLIENT));

    /**
     * Parameters that select no row of anyone's: filters, paging, dates, options. Each gets the value given
     * (it must be one the route accepts); a request parameter with an empty value is left out.
     */
    static final Map<String, String> NEUTRAL_PARAMETERS = Map.ofEntries(
            // issue 16 item 2: the facility list's filter "Fast læge" (none, partly, covered)
            Map.entry("doctor", "none"),
            // issue 15 part D: the merger preview (administrator only) takes the new region's name and the merging
            // regions
            Map.entry("name", "Region Østdanmark"),
            Map.entry("regions", "1084"),
            // issue 13, hours: the /hours page's municipality filter narrows the overview already scoped by level/code
            Map.entry("municipality", ""),
            // issue 17 (i18-hours): the /hours page's options "only those short of hours" and "every agreement"
            Map.entry("onlyShort", ""),
            Map.entry("all", ""),
            // issue 13, correcting sessions: a session of the out-of-scope agreement {id}, which is the scope
            Map.entry("sessionId", "1"),
            // issue 13 session 5 (i13-withdraw): the sick visit of a withdrawal confirmation; the facility
            // {facilityId} is the scope
            Map.entry("visitId", "1"),
            // issue 13, residents' choice: the month just saved, shown as a note
            Map.entry("saved", ""),
            // issue 14, in-app notifications: the unread filter of the caller's own notifications
            Map.entry("unread", ""),
            // issue 13 session 5b (i13-counts2): the month a "Ret" fills the form with, and the plan version the
            // accept confirmation was opened from; the agreement or facility {id} is the scope
            Map.entry("edit", "2026-01"),
            Map.entry("version", "1"),
            Map.entry("status", ""),
            Map.entry("q", ""),
            Map.entry("page", ""),
            Map.entry("size", ""),
            Map.entry("clinicType", ""),
            Map.entry("legalBasis", ""),
            Map.entry("operator", ""),
            Map.entry("date", ""),
            Map.entry("year", ""),
            Map.entry("nursingHomeDoctor", ""),
            Map.entry("maxDistanceKm", ""),
            Map.entry("whatIf", ""),
            Map.entry("method", ""),
            Map.entry("proposing", ""),
            Map.entry("error", ""),
            Map.entry("noticeDate", ""),
            Map.entry("covered", ""),
            Map.entry("inScope", ""),
            Map.entry("sort", ""),
            Map.entry("dir", ""),
            Map.entry("kind", "facilities"),
            Map.entry("format", "csv"),
            Map.entry("lang", ""),
            Map.entry("facilitiesPerDoctor", ""),
            // issue 11 item 13: the plan page's option for the doctors of the neighbouring regions
            Map.entry("neighbourRegions", ""),
            // coverage figures: aggregates by level (country, region, municipality) that every role may read
            Map.entry("level", ""),
            Map.entry("by", "OPERATOR"),
            Map.entry("from", ""),
            Map.entry("to", ""),
            Map.entry("code", ""),
            // issue 15, user administration (Part B): the list's filters; a user page is walked as the
            // administrator's own (no foreign row) and, for the others, as a user outside their scope (403/404);
            // an invitation token that does not exist (404)
            Map.entry("role", ""),
            Map.entry("scope", ""),
            Map.entry("enabled", ""),
            Map.entry("username", "admin"),
            Map.entry("token", "x"),
            // issue 15 part A: why the identity provider's sign-in was refused (/login/refused, a page of no row)
            Map.entry("reason", "unknown"),
            // issue 15 fixes (i15-fix-clients): which credential a confirmation page is for (the client {id} is the
            // scope), and the one-time id of credentials shown once (an unknown one is 404)
            Map.entry("what", "rotate-secret"),
            Map.entry("once", "x"),
            // issue 16, matching pages and dispensations (i16-login): the openings' distance filter, and which
            // dispensations the list shows
            Map.entry("maxKm", ""),
            Map.entry("show", ""),
            // issue 16 item 3 (i16-pickers): the searchable pickers' list (the scope fields of the user
            // administration: a region's user administrator gets its own region's facilities only) and the id
            // the matches are named by
            Map.entry("for", "scope"),
            Map.entry("field", ""));

    /**
     * Issue 15, user administration (Part B): routes on which the administrator, who manages every user, is shown
     * users' scopes in words (facility and doctor names of every region) and the scope pickers. Still walked for
     * status; the scoped user administrators (region-midt, kommune-norddjurs) are judged on them as everywhere.
     */
    static final Map<String, String> ADMIN_SEES_SCOPE_NAMES = Map.of(
            "/admin/users", "the list of every user with its scope in words",
            "/admin/users/new", "the invitation form's scope pickers",
            // i15-fix-users: in the local mode (this test's) the administrator reads every mail's content, so that an
            // invitation's link can be opened; nothing is sent out. In production only the recipient
            // (ExternalDatabaseModeTest, MailPageTest)
            "/mails", "every mail's content, in the local mode only",
            // issue 15 fixes (i15-fix-clients): the API clients' scopes by name and the registration form's pickers
            "/admin/api-clients", "the list of every API client with its scope in words",
            "/admin/api-clients/new", "the registration form's scope pickers",
            // issue 16 item 3 (i16-pickers): the same scope pickers, searched (for=scope)
            "/pickers/{kind}", "the searchable scope pickers of the two forms above");

    /**
     * Routes whose status is not judged, with the reason; their body is still searched for foreign names.
     * Keep this short: a route belongs here only if it selects no row by design.
     */
    static final Map<String, String> STATUS_NOT_JUDGED = Map.of(
            "/error",
            "The error page (web.ErrorPage) renders the status of a request that already failed; "
                    + "called directly it has none and says 500, without data");

    /** Handler arguments that are not taken from the request's path or query. */
    static final Set<Class<?>> INJECTED = Set.of(
            CurrentUser.class,
            Model.class,
            Locale.class,
            HttpServletRequest.class,
            HttpServletResponse.class,
            HttpSession.class,
            RedirectAttributes.class,
            BindingResult.class,
            Principal.class,
            Authentication.class);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users; // issue 14: the user of the foreign notification

    private Area aarhus;
    private Area norddjurs;
    private Area aalborg;

    /**
     * The roles walked, each with the rows outside its scope. A new role (e.g. "admin") is one more line:
     * its user and the area (or mix of areas) it must not read.
     */
    List<Outsider> roles() {
        return List.of(
                new Outsider("region-midt", aalborg.all()),
                new Outsider("region-nord", aarhus.all().withNames(facilityNamesIn("707", null))),
                new Outsider("kommune-norddjurs", aarhus.facilitySide().with(aalborg.registrySide())),
                new Outsider(
                        "kommune-aarhus",
                        norddjurs.facilitySide().with(aalborg.registrySide()).withNames(facilityNamesIn("707", null))),
                new Outsider(
                        "botilbud-skovstjernen",
                        norddjurs
                                .facilitySide()
                                .with(aalborg.registrySide())
                                .with(Kind.MUNICIPALITY, "751", null)
                                .withNames(facilityNamesIn("707", "Skovstjernen"))),
                // a doctor reads the registry of its region (so no names of it are foreign), and only its
                // own agreements: another doctor's agreement in Norddjurs
                new Outsider("laege-norddjurs", aalborg.all().with(Kind.AGREEMENT, norddjurs.agreement.id())),
                // aggregates only: no row at all
                new Outsider("national", norddjurs.all().withNames(facilityNamesIn("707", null))),
                // the administrator keeps national settings and reads what the national viewer reads
                new Outsider("admin", norddjurs.all().withNames(facilityNamesIn("707", null))));
    }

    /**
     * The names of the facilities of a municipality (the demo data's, with their agreements, settlements and
     * group, and any other test's), but one's own: names a reader outside it must not be shown anywhere.
     */
    private List<String> facilityNamesIn(String municipalityCode, String own) {
        List<String> names = new ArrayList<>(
                jdbc.sql("""
                        select name from facility where municipality_code = :m and length(name) >= 6
                        union select name from facility_group where municipality_code = :m and length(name) >= 6
                        """).param("m", municipalityCode).query(String.class).list());
        names.remove(own);
        // the import template's example row is shown to everyone; an import test may have imported it
        names.removeIf(name -> name.startsWith("Bostedet Eksempel"));
        return names;
    }

    @BeforeAll
    void makeRowsInThreeAreas() {
        Api api = Api.on(port);
        long midtPractice = practice(api, "region-midt", "751");
        long midtDoctor = doctor(api, "region-midt", midtPractice);
        aarhus = area(api, "kommune-aarhus", "1082", "751", "MUNICIPAL", midtPractice, midtDoctor);
        norddjurs = area(api, "kommune-norddjurs", "1082", "707", "MUNICIPAL", midtPractice, midtDoctor);
        long nordPractice = practice(api, "region-nord", "851");
        long nordDoctor = doctor(api, "region-nord", nordPractice);
        aalborg = area(api, "region-nord", "1081", "851", "REGIONAL", nordPractice, nordDoctor);
        // issue 14, in-app notifications: a notification of a user none of the roles is
        String notified = "scope-notified-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(
                notified, "not-demo-" + notified, "Scope Notified", Role.NATIONAL, null, null, null, null));
        foreignNotification = jdbc.sql("insert into notification (username, kind, subject_key, link)"
                        + " values (:u, 'FORM_FILED', 'notification.kind.FORM_FILED', '/agreements') returning id")
                .param("u", notified)
                .query(Long.class)
                .single();
    }

    /** Issue 14: the id of another user's notification (see makeRowsInThreeAreas). */
    static volatile long foreignNotification;

    /** A new role (ADMIN, say) is walked too: its demo user needs a line in {@link #roles()}. */
    @Test
    void every_role_is_walked() {
        Set<String> walked = new java.util.HashSet<>();
        roles().forEach(role -> walked.add(jdbc.sql("select role from app_user where username = :u")
                .param("u", role.user())
                .query(String.class)
                .single()));
        for (Role role : Role.values()) {
            assertThat(walked)
                    .as(
                            "role %s has no demo user in EveryReadIsScopedTest.roles(): add one, with the "
                                    + "rows outside its scope",
                            role)
                    .contains(role.name());
        }
    }

    @Test
    void every_get_route_can_be_filled() {
        List<String> problems = new ArrayList<>();
        for (Route route : routes()) {
            problems.addAll(route.unfillable());
        }
        assertThat(problems)
                .as("GET routes with a parameter this test cannot fill: add each name to "
                        + "EveryReadIsScopedTest.ID_PARAMETERS (an id or code) or NEUTRAL_PARAMETERS (a filter)")
                .isEmpty();
    }

    @Test
    void every_get_route_refuses_or_hides_the_rows_outside_the_callers_scope() {
        List<Route> routes = routes();
        assertThat(routes).as("the walker found the application's GET routes").hasSizeGreaterThan(40);
        List<String> leaks = new ArrayList<>();
        int requests = 0;
        for (Outsider role : roles()) {
            WebSession session = WebSession.signIn(port, role.user());
            Api api = Api.on(port).as(role.user());
            for (Route route : routes) {
                if (!route.unfillable().isEmpty()) {
                    continue;
                }
                for (String path : route.paths(role.foreign())) {
                    boolean isApi = path.startsWith("/api/");
                    HttpResponse<byte[]> answer = isApi ? api.getBytes(path) : session.getBytes(path);
                    requests++;
                    String problem = role.user().equals("admin") && ADMIN_SEES_SCOPE_NAMES.containsKey(route.pattern())
                            ? (answer.statusCode() == 200 ? null : "answered " + answer.statusCode())
                            : STATUS_NOT_JUDGED.containsKey(route.pattern())
                                    ? judge(role, answer, true)
                                    : route.namesARowInItsPath() ? refused(answer) : judge(role, answer, false);
                    if (problem != null) {
                        leaks.add(role.user() + " GET " + path + " (" + route.handler() + "): " + problem);
                    }
                }
            }
        }
        assertThat(leaks)
                .as("out-of-scope reads answered with data or an error (%d requests)", requests)
                .isEmpty();
    }

    /**
     * The walk can see a leak: each area's owner, walking the same routes with its own rows, is shown their
     * names on many of them (were it not, an empty answer would pass the walk above for the wrong reason).
     */
    @Test
    void the_owner_walking_its_own_rows_is_shown_them() {
        record Owner(String user, Foreign own) {}
        List<Route> routes =
                routes().stream().filter(route -> route.unfillable().isEmpty()).toList();
        for (Owner owner : List.of(
                new Owner(
                        "kommune-aarhus",
                        aarhus.facilitySide()
                                .with(Kind.REGION, "1082")
                                .with(Kind.PRACTICE, aarhus.practice)
                                .with(Kind.DOCTOR, aarhus.doctor)
                                .with(Kind.CHANGE_REQUEST, aarhus.changeRequest())),
                new Owner("region-nord", aalborg.all()))) {
            WebSession session = WebSession.signIn(port, owner.user());
            Api api = Api.on(port).as(owner.user());
            List<String> shown = new ArrayList<>();
            for (Route route : routes) {
                for (String path : route.paths(owner.own())) {
                    HttpResponse<byte[]> answer =
                            path.startsWith("/api/") ? api.getBytes(path) : session.getBytes(path);
                    String body = answer.statusCode() == 200 ? text(answer) : "";
                    if (owner.own().names().stream().anyMatch(body::contains)) {
                        shown.add(path);
                    }
                }
            }
            assertThat(shown)
                    .as("routes that show %s its own rows", owner.user())
                    .hasSizeGreaterThan(10)
                    .anyMatch(path -> path.startsWith("/agreements/unit-options"))
                    .anyMatch(path -> path.startsWith("/api/v1/facilities/"));
        }
    }

    /**
     * Null when a route that names a foreign row in its path (/facilities/{id}, /agreements/{id}/edit, ...) is
     * refused; such a route reads that row, so even a 200 showing none of the names checked is a leak.
     */
    private static String refused(HttpResponse<byte[]> answer) {
        int status = answer.statusCode();
        return status == 403 || status == 404
                ? null
                : "answered " + status
                        + " for a row outside the caller's scope named in the path (expected 403 or 404)";
    }

    /** Null when the answer is a refusal or shows none of the role's foreign names; else what is wrong. */
    private static String judge(Outsider role, HttpResponse<byte[]> answer, boolean statusNotJudged) {
        int status = statusNotJudged ? 200 : answer.statusCode();
        if (status >= 500) {
            return "answered " + status;
        }
        if (status == 403 || status == 404) {
            return null;
        }
        if (status >= 300 && status < 400) {
            String location = answer.headers().firstValue("Location").orElse("");
            return location.contains("/login") ? "the session was lost: redirect to " + location : null;
        }
        if (status != 200) {
            return "answered " + status + " (expected 403, 404 or a 200 without the rows): " + text(answer);
        }
        String body = text(answer);
        for (String name : role.foreign().names()) {
            if (body.contains(name)) {
                return "shows \"" + name + "\"";
            }
        }
        return null;
    }

    /** The readable text of an answer: a PDF's text, an XLSX's cells, anything else as UTF-8. */
    private static String text(HttpResponse<byte[]> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        byte[] body = answer.body();
        try {
            if (type.startsWith("application/pdf")) {
                try (PDDocument document = Loader.loadPDF(body)) {
                    return new PDFTextStripper().getText(document);
                }
            }
            if (type.contains("spreadsheetml")) {
                StringBuilder text = new StringBuilder();
                DataFormatter format = new DataFormatter();
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                    for (Sheet sheet : workbook) {
                        for (Row row : sheet) {
                            for (Cell cell : row) {
                                text.append(format.formatCellValue(cell)).append('\t');
                            }
                        }
                    }
                }
                return text.toString();
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable " + type + " answer", e);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    // --- the routes -------------------------------------------------------------------------------------

    /** Every GET route (a handler method with no method condition answers GET too), one per path pattern. */
    private List<Route> routes() {
        Map<String, Route> routes = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                routes.put(pattern + " " + entry.getValue().getShortLogMessage(), new Route(pattern, entry.getValue()));
            }
        }
        return List.copyOf(routes.values());
    }

    /** One GET path pattern and its handler; fills its parameters with a role's foreign values. */
    record Route(String pattern, HandlerMethod method) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

        String handler() {
            return method.getBeanType().getSimpleName() + "."
                    + method.getMethod().getName();
        }

        /** What this test cannot fill, as messages for the developer; empty when every parameter is known. */
        List<String> unfillable() {
            List<String> problems = new ArrayList<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                String name = name(parameter);
                Class<?> type = parameter.getParameterType();
                if (!fromPathOrQuery(parameter)) {
                    if (parameter.getParameterAnnotations().length == 0
                            && INJECTED.stream().noneMatch(known -> known.isAssignableFrom(type))) {
                        problems.add("GET " + pattern + " (" + handler() + "): argument '" + name + "' of type "
                                + type.getSimpleName() + " is neither a path variable nor a request parameter "
                                + "this test knows; add a filler to EveryReadIsScopedTest");
                    }
                    continue;
                }
                if (name.equals("id") && parameter.hasParameterAnnotation(PathVariable.class)) {
                    if (idKind() == null) {
                        problems.add("GET " + pattern + " (" + handler() + "): path variable 'id' after a segment "
                                + "EveryReadIsScopedTest.ID_BY_SEGMENT does not know; add the segment there");
                    }
                } else if (!ID_PARAMETERS.containsKey(name) && !NEUTRAL_PARAMETERS.containsKey(name)) {
                    problems.add("GET " + pattern + " (" + handler() + "): parameter '" + name + "' is unknown; add "
                            + "it to EveryReadIsScopedTest.ID_PARAMETERS (an id or code, filled with an "
                            + "out-of-scope value) or NEUTRAL_PARAMETERS (a filter or option)");
                }
            }
            return problems;
        }

        /**
         * The paths to call: path variables replaced by foreign values, and each id request parameter given a
         * foreign value in a request of its own (so that one foreign filter cannot hide another's leak).
         */
        List<String> paths(Foreign foreign) {
            List<String> ids = new ArrayList<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(PathVariable.class)
                        && fromPathOrQuery(parameter)
                        && ID_PARAMETERS.containsKey(name(parameter))) {
                    ids.add(name(parameter));
                }
            }
            if (ids.size() <= 1) {
                return List.of(path(foreign, null));
            }
            List<String> paths = new ArrayList<>();
            ids.forEach(only -> paths.add(path(foreign, only)));
            return paths;
        }

        /** The path with the foreign values: path variables replaced, id request parameters added. */
        String path(Foreign foreign) {
            return path(foreign, null);
        }

        /** As {@link #path(Foreign)}, with only the id request parameter {@code only} when it is not null. */
        private String path(Foreign foreign, String only) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = name.equals("id")
                        ? foreign.value(idKind())
                        : ID_PARAMETERS.containsKey(name)
                                ? foreign.value(ID_PARAMETERS.get(name))
                                : NEUTRAL_PARAMETERS.get(name);
                m.appendReplacement(path, Matcher.quoteReplacement(encode(value)));
            }
            m.appendTail(path);
            List<String> query = new ArrayList<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(PathVariable.class)) {
                    continue;
                }
                if (!fromPathOrQuery(parameter)) {
                    continue;
                }
                Kind kind = ID_PARAMETERS.get(name(parameter));
                String neutral = NEUTRAL_PARAMETERS.getOrDefault(name(parameter), "");
                if (kind != null) {
                    // a required one is always given (left out, the request would only fail as incomplete)
                    if (only == null || only.equals(name(parameter)) || required(parameter)) {
                        query.add(name(parameter) + "=" + encode(foreign.value(kind)));
                    }
                } else if (!neutral.isEmpty()) {
                    query.add(name(parameter) + "=" + encode(neutral));
                }
            }
            return query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
        }

        /** A request parameter the route cannot do without (required, no default). */
        private static boolean required(MethodParameter parameter) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            return param != null
                    && param.required()
                    && org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE.equals(param.defaultValue());
        }

        /**
         * A path variable, a request parameter, or an unannotated simple value (which Spring binds from the
         * query); not a header (@RequestHeader), a setting (@Value) or an injected argument (the user, the locale).
         */
        private static boolean fromPathOrQuery(MethodParameter parameter) {
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(RequestParam.class)) {
                return true;
            }
            Class<?> type = parameter.getParameterType();
            return parameter.getParameterAnnotations().length == 0
                    && INJECTED.stream().noneMatch(known -> known.isAssignableFrom(type))
                    && org.springframework.beans.BeanUtils.isSimpleProperty(type);
        }

        /** Whether a path variable names a row (an id; a month or a template's kind names none). */
        boolean namesARowInItsPath() {
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                Kind kind = m.group(1).equals("id") ? idKind() : ID_PARAMETERS.get(m.group(1));
                if (kind != null && kind != Kind.MONTH) {
                    return true;
                }
            }
            return false;
        }

        private Kind idKind() {
            Matcher m = Pattern.compile("/([a-z-]+)/\\{id[}:]").matcher(pattern);
            return m.find() ? ID_BY_SEGMENT.get(m.group(1)) : null;
        }

        private static String name(MethodParameter parameter) {
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            if (path != null && !path.name().isEmpty()) {
                return path.name();
            }
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && !param.name().isEmpty()) {
                return param.name();
            }
            Parameter reflected = parameter.getMethod().getParameters()[parameter.getParameterIndex()];
            return reflected.getName();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    // --- the rows outside each role's scope ----------------------------------------------------------------

    record Outsider(String user, Foreign foreign) {}

    /** The out-of-scope value of each kind, and the names that must not show in a 200 answer. */
    record Foreign(Map<Kind, String> values, List<String> names) {

        String value(Kind kind) {
            if (kind == Kind.NOTIFICATION) {
                return String.valueOf(foreignNotification); // issue 14: nobody's but a user of its own
            }
            if (kind == Kind.API_CLIENT) {
                return String.valueOf(Long.MAX_VALUE); // issue 15 part C: see Kind.API_CLIENT
            }
            String value = values.get(kind);
            if (value == null) {
                throw new AssertionError("no out-of-scope " + kind + " for this role; add one in roles()");
            }
            return value;
        }

        Foreign with(Foreign other) {
            Map<Kind, String> merged = new EnumMap<>(Kind.class);
            merged.putAll(values);
            merged.putAll(other.values);
            List<String> allNames = new ArrayList<>(names);
            allNames.addAll(other.names);
            return new Foreign(merged, allNames);
        }

        Foreign withNames(List<String> more) {
            List<String> allNames = new ArrayList<>(names);
            allNames.addAll(more);
            return new Foreign(values, allNames);
        }

        Foreign with(Kind kind, Object value) {
            return with(kind, value, null);
        }

        Foreign with(Kind kind, Object value, String name) {
            Map<Kind, String> merged = new EnumMap<>(Kind.class);
            merged.putAll(values);
            merged.put(kind, String.valueOf(value));
            List<String> allNames = new ArrayList<>(names);
            if (name != null) {
                allNames.add(name);
            }
            return new Foreign(merged, allNames);
        }

        Foreign with(Kind kind, Named row) {
            return with(kind, row.id(), row.name());
        }
    }

    record Named(long id, String name) {}

    /**
     * The rows of one area: a facility alone with a draft agreement, two grouped facilities one of which
     * has a section, a practice and its doctor, a closed matching round.
     */
    record Area(
            String regionCode,
            String municipalityCode,
            Named facility,
            Named section,
            Named group,
            Named agreement,
            Named practice,
            Named doctor,
            long round,
            long changeRequest,
            long dispensationApplication,
            Named survey,
            List<String> facilityNames) {

        /** The facility side: facilities, their sections, groups, agreements and rounds, and the area's codes. */
        Foreign facilitySide() {
            Map<Kind, String> values = new EnumMap<>(Kind.class);
            values.put(Kind.FACILITY, String.valueOf(facility.id()));
            values.put(Kind.SECTION, String.valueOf(section.id()));
            values.put(Kind.GROUP, String.valueOf(group.id()));
            values.put(Kind.AGREEMENT, String.valueOf(agreement.id()));
            values.put(Kind.ROUND, String.valueOf(round));
            // filed by the area's municipality (Aalborg's by the municipality of Aalborg) for the area's doctor
            values.put(Kind.DISPENSATION_APPLICATION, String.valueOf(dispensationApplication));
            // a survey the area's region sent to the area's municipality
            values.put(Kind.SURVEY, String.valueOf(survey.id()));
            values.put(Kind.MUNICIPALITY, municipalityCode);
            values.put(Kind.MONTH, YearMonth.now().minusMonths(1).toString());
            List<String> names = new ArrayList<>(facilityNames);
            names.add(section.name());
            names.add(group.name());
            names.add(survey.name());
            return new Foreign(values, names);
        }

        /** The registry side: the practice and doctor, and the region's code. */
        Foreign registrySide() {
            Map<Kind, String> values = new EnumMap<>(Kind.class);
            values.put(Kind.PRACTICE, String.valueOf(practice.id()));
            values.put(Kind.DOCTOR, String.valueOf(doctor.id()));
            values.put(Kind.CHANGE_REQUEST, String.valueOf(changeRequest));
            values.put(Kind.REGION, regionCode);
            return new Foreign(values, List.of(practice.name(), doctor.name()));
        }

        Foreign all() {
            return facilitySide().with(registrySide());
        }
    }

    private Area area(
            Api api,
            String owner,
            String regionCode,
            String municipalityCode,
            String operator,
            long practiceId,
            long doctorId) {
        String tag = municipalityCode + " " + UUID.randomUUID().toString().substring(0, 8);
        Named alone = facility(api, owner, "Scope Alone " + tag, municipalityCode, operator);
        Named first = facility(api, owner, "Scope First " + tag, municipalityCode, operator);
        Named second = facility(api, owner, "Scope Second " + tag, municipalityCode, operator);
        String sectionName = "Scope Section " + tag;
        Api.Response section = api.as(owner)
                .post("/api/v1/facilities/" + first.id() + "/sections", Map.of("name", sectionName, "residents", 40));
        assertThat(section.status()).as("section: %s", section).isEqualTo(201);
        String groupName = "Scope Group " + tag;
        Api.Response group = api.as(owner)
                .post(
                        "/api/v1/facility-groups",
                        Map.of(
                                "name",
                                groupName,
                                "kind",
                                "SAME_ADDRESS",
                                "facilityIds",
                                List.of(first.id(), second.id())));
        assertThat(group.status()).as("group: %s", group).isEqualTo(201);
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("doctorId", doctorId);
        agreement.put("facilityIds", List.of(alone.id()));
        agreement.put(
                "startDate", LocalDate.now().withDayOfMonth(1).plusMonths(2).toString());
        agreement.put("matchMethod", "PRACTICE_CONSULTANT");
        Api.Response created = api.as(owner).post("/api/v1/agreements", agreement);
        assertThat(created.status()).as("agreement: %s", created).isEqualTo(201);
        // a closed round: closed, so that it never stands in the way of a round another test opens
        long round = jdbc.sql("""
                        insert into matching_round (region_code, municipality_code, local_method, status,
                                                    outcome_method, opened_by, closed_by, closed_at)
                        values (:region, :municipality, 'STABLE_MATCHING', 'CLOSED', 'STABLE_MATCHING',
                                :owner, :owner, now())
                        returning id
                        """)
                .param("region", regionCode)
                .param("municipality", municipalityCode)
                .param("owner", owner)
                .query(Long.class)
                .single();
        // a change request the practice's doctor filed (inserted: the walk's areas have no doctor logins)
        long changeRequest =
                jdbc.sql("""
                        insert into change_request (practice_id, field, new_value, old_value, valid_from, reason,
                                                    filed_by)
                        values (:practice, 'doctorCapacity', '3', '2', current_date, 'Scope', 'scope-test')
                        returning id
                        """).param("practice", practiceId).query(Long.class).single();
        // a dispensation application the area's municipality filed for the practice's doctor (inserted:
        // Aalborg's area is made by the region, which files none)
        long dispensationApplication = jdbc.sql("""
                        insert into dispensation_application (kind, doctor_id, facility_ids, reason, applicant_role,
                                                              municipality_code, applied_by)
                        values ('MULTIPLE_FACILITIES', :doctor, array[cast(:facility as bigint)], 'Scope',
                                'MUNICIPALITY', :municipality, :owner)
                        returning id
                        """)
                .param("doctor", doctorId)
                .param("facility", alone.id())
                .param("municipality", municipalityCode)
                .param("owner", owner)
                .query(Long.class)
                .single();
        // a survey the area's region sent to the area's municipality (inserted: a municipality composes none)
        String surveyTitle = "Scope Survey " + tag;
        long survey = jdbc.sql("""
                        insert into survey (region_code, title, deadline, status, created_by, sent_by, sent_at)
                        values (:region, :title, current_date + 30, 'SENT', 'scope-test', 'scope-test', now())
                        returning id
                        """)
                .param("region", regionCode)
                .param("title", surveyTitle)
                .query(Long.class)
                .single();
        jdbc.sql("insert into survey_addressee (survey_id, municipality_code) values (:s, :m)")
                .param("s", survey)
                .param("m", municipalityCode)
                .update();
        Named practice = new Named(
                practiceId,
                jdbc.sql("select name from practice where id = :id")
                        .param("id", practiceId)
                        .query(String.class)
                        .single());
        Named doctor = new Named(
                doctorId,
                jdbc.sql("select name from doctor where id = :id")
                        .param("id", doctorId)
                        .query(String.class)
                        .single());
        // the facility named by the routes is the grouped one with a section, so that helpers listing a
        // facility's sections and group (the agreement form's unit options) have something to leak
        return new Area(
                regionCode,
                municipalityCode,
                first,
                new Named(section.json().path("id").asLong(), sectionName),
                new Named(group.json().path("id").asLong(), groupName),
                new Named(created.json().path("id").asLong(), alone.name()),
                practice,
                doctor,
                round,
                changeRequest,
                dispensationApplication,
                new Named(survey, surveyTitle),
                List.of(alone.name(), first.name(), second.name()));
    }

    private static Named facility(Api api, String owner, String name, String municipalityCode, String operator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("address", "Scopevej 1");
        body.put("municipalityCode", municipalityCode);
        body.put("operator", operator);
        body.put("legalBasis", "SEL_108");
        body.put("places", 90);
        body.put("residents", 80);
        body.put("temporaryPlaces", 0);
        body.put("latitude", 56.4);
        body.put("longitude", 10.2);
        Api.Response created = api.as(owner).post("/api/v1/facilities", body);
        assertThat(created.status()).as("facility: %s", created).isEqualTo(201);
        return new Named(created.json().path("id").asLong(), name);
    }

    private static final java.util.concurrent.atomic.AtomicInteger PROVIDERS =
            new java.util.concurrent.atomic.AtomicInteger(930_000 + (int) (System.nanoTime() % 1000) * 10);

    private static long practice(Api api, String owner, String municipalityCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNumber", String.valueOf(PROVIDERS.incrementAndGet()));
        body.put(
                "name",
                "Scope Practice " + municipalityCode + " "
                        + UUID.randomUUID().toString().substring(0, 8));
        body.put("address", "Scopevej 2");
        body.put("municipalityCode", municipalityCode);
        body.put("clinicType", "ORDINARY");
        body.put("doctorCapacity", 2);
        body.put("openForNewPatients", true);
        body.put("vatRegistered", false);
        body.put("latitude", 56.4);
        body.put("longitude", 10.2);
        Api.Response created = api.as(owner).post("/api/v1/practices", body);
        assertThat(created.status()).as("practice: %s", created).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static long doctor(Api api, String owner, long practiceId) {
        Api.Response created = api.as(owner)
                .post(
                        "/api/v1/doctors",
                        Map.of(
                                "practiceId",
                                practiceId,
                                "name",
                                "Scope Doctor " + UUID.randomUUID().toString().substring(0, 8),
                                "nursingHomeDoctor",
                                false));
        assertThat(created.status()).as("doctor: %s", created).isEqualTo(201);
        return created.json().path("id").asLong();
    }
}
