package dk.botilbudslaege.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for API tests: real requests to the running application, as an integrator
 * makes them, with HTTP Basic as one of the demo users (password "demo").
 */
public final class Api {

    public static final String PASSWORD = "demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final MockMvcTester mvc;
    private final String user;
    private final String password;
    private final Map<String, String> headers;

    private Api(String base, MockMvcTester mvc, String user, String password, Map<String, String> headers) {
        this.base = base;
        this.mvc = mvc;
        this.user = user;
        this.password = password;
        this.headers = headers;
    }

    public static Api on(int port) {
        return new Api("http://127.0.0.1:" + port, null, null, null, Map.of());
    }

    /**
     * The same client without a socket: requests go through MockMvc into the running application's
     * context (no second context), with its Spring Security filter chain. For API tests of rules and
     * authorisation; tests of the other servlet filters, uploads and the browser keep real HTTP.
     */
    public static Api through(WebApplicationContext context) {
        return new Api(
                "http://localhost",
                MockMvcTester.from(
                        context,
                        builder -> builder.apply(org.springframework.security.test.web.servlet.setup
                                        .SecurityMockMvcConfigurers.springSecurity())
                                .build()),
                null,
                null,
                Map.of());
    }

    /** The same client signed in as this demo user (password "demo"). */
    public Api as(String username) {
        return new Api(base, mvc, username, PASSWORD, headers);
    }

    public Api withPassword(String username, String password) {
        return new Api(base, mvc, username, password, headers);
    }

    public Api anonymous() {
        return new Api(base, mvc, null, null, headers);
    }

    public Api header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, mvc, user, password, more);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response put(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** PATCH with a JSON body (issue 13: a sick visit's status, a session's decision). */
    public Response patch(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** A raw body, e.g. malformed JSON. */
    public Response postRaw(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A raw JSON body sent with PUT. */
    public Response putRaw(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postBytes(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart/form-data upload of one file in the field {@code file}, as a browser sends it. */
    public Response postFile(String path, String filename, byte[] content) {
        return postMultipart(path, "file", filename, content);
    }

    public Response postMultipart(String path, String field, String filename, byte[] content) {
        String boundary = "----botilbud" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postBytes(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        if (mvc != null) {
            return exchange(builder.build());
        }
        try {
            HttpResponse<String> response =
                    CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request through MockMvc: its method, path, headers and body as they would go on the wire. */
    private Response exchange(HttpRequest request) {
        var mock = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                org.springframework.http.HttpMethod.valueOf(request.method()), request.uri());
        request.headers()
                .map()
                .forEach((name, values) -> values.stream()
                        .filter(value -> !"Content-Type".equalsIgnoreCase(name))
                        .forEach(value -> mock.header(name, value)));
        request.headers().firstValue("Content-Type").ifPresent(mock::contentType);
        request.bodyPublisher().ifPresent(publisher -> mock.content(bytes(publisher)));
        var response = mvc.perform(mock).getResponse();
        try {
            return new Response(
                    response.getStatus(),
                    response.getContentAsString(StandardCharsets.UTF_8),
                    java.util.Objects.requireNonNullElse(response.getContentType(), ""));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(HttpRequest.BodyPublisher publisher) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var done = new java.util.concurrent.CompletableFuture<Void>();
        publisher.subscribe(new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(java.nio.ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.join();
        return out.toByteArray();
    }

    public static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    /** Status, body and content type of an answer; {@link #json()} parses the body. */
    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The "code" of a problem+json answer. */
        public String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
