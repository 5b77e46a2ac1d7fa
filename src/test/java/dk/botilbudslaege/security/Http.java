package dk.botilbudslaege.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests with full control of headers for the login and proxy tests: Basic, forms, raw sockets. */
final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Http() {}

    static HttpResponse<String> basic(
            int port, String method, String path, String user, String password, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form login as a browser makes it (GET the page for its CSRF token, POST), from a forwarded address. */
    static HttpResponse<String> formLogin(int port, String user, String password, String forwardedFor) {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        try {
            String page = client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                    .header("X-Forwarded-For", forwardedFor)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = CSRF.matcher(page);
            String token = m.find() ? m.group(1) : "";
            String form = "_csrf=" + enc(token) + "&username=" + enc(user) + "&password=" + enc(password);
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                            .header("X-Forwarded-For", forwardedFor)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request written by hand, for headers HttpClient will not send (Host); the answer's head only. */
    static String raw(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
