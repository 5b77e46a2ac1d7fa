package dk.botilbudslaege.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in person's session over plain HTTP (no browser): the session cookie, the CSRF token of a
 * page's forms, no redirects followed, so a test sees each answer's status as the server gives it.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private WebSession(String base) {
        this.base = base;
    }

    /** Signs in through the login form; fails the test when the login is refused. */
    public static WebSession signIn(int port, String username) {
        WebSession session = new WebSession("http://127.0.0.1:" + port);
        HttpResponse<String> login =
                session.post("/login", "/login", Map.of("username", username, "password", Api.PASSWORD));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("login of " + username + " refused: " + login.statusCode() + " " + location);
        }
        return session;
    }

    /** Issue 16, login: a session that has not signed in yet (a deep link, then the login form). */
    public static WebSession anonymous(int port) {
        return new WebSession("http://127.0.0.1:" + port);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET whose body is kept as bytes (a PDF, an XLSX). */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form as the page at {@code formPage} would: with that page's CSRF token. */
    public HttpResponse<String> post(String path, String formPage, Map<String, String> fields) {
        Matcher m = CSRF.matcher(get(formPage).body());
        String token = m.find() ? m.group(1) : "";
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(
                        Collectors.joining("&", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&", ""));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any request with this session's cookie and the given headers (name, value, ...), e.g. a JSON call. */
    public HttpResponse<String> request(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
