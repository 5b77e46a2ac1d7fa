package dk.botilbudslaege.security.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/token}: the OAuth 2.0 client credentials grant (RFC 6749 §4.4). The client authenticates with
 * {@code client_secret_basic} (HTTP Basic, id and secret form-urlencoded) or {@code client_secret_post} (form
 * fields), not both. Answers are RFC 6749 JSON with {@code Cache-Control: no-store}: an opaque bearer token valid 15
 * minutes, or {@code invalid_client} 401, {@code invalid_request} / {@code unsupported_grant_type} 400 (also for a
 * repeated parameter, RFC 6749 §3.2). Two separate limits (429 RATE_LIMITED, Retry-After): tokens issued per client
 * id a minute, and failed authentications per client id and caller address a minute. A failure never counts against
 * the issuance limit, so someone who only knows a client id (it is not secret) cannot use up the real client's
 * allowance; the secret is still checked when the failure limit is reached (secrets are 256 random bits, so the
 * failure limit bounds work and log lines, not guessing). Any other method on the path is a JSON 405
 * (ApiClientSecurity, in the endpoint's chain).
 */
@RestController
class TokenEndpoint {

    static final String PATH = "/oauth2/token";
    private static final Logger SECURITY = LoggerFactory.getLogger("security");

    private final ApiClients clients;
    private final ApiRateLimiter limiter;
    private final ApiProblems problems;
    private final int perMinute;
    private final int failuresPerMinute;

    /** Parameters that must appear at most once (RFC 6749 §3.2). */
    private static final List<String> PARAMETERS = List.of("grant_type", "client_id", "client_secret", "scope");

    TokenEndpoint(
            ApiClients clients,
            ApiRateLimiter limiter,
            ApiProblems problems,
            @Value("${botilbud.api-clients.token-requests-per-minute:30}") int perMinute,
            @Value("${botilbud.api-clients.token-failures-per-minute:30}") int failuresPerMinute) {
        this.clients = clients;
        this.limiter = limiter;
        this.problems = problems;
        this.perMinute = perMinute;
        this.failuresPerMinute = failuresPerMinute;
    }

    @PostMapping(path = PATH)
    ResponseEntity<Map<String, Object>> token(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String clientId;
        String secret;
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic) {
            if (request.getParameter("client_secret") != null) {
                return error(HttpStatus.BAD_REQUEST, "invalid_request", "use one client authentication method");
            }
            String[] pair = basic(authorization.substring(6).trim());
            if (pair == null) {
                return invalidClient();
            }
            clientId = pair[0];
            secret = pair[1];
        } else {
            clientId = request.getParameter("client_id");
            secret = request.getParameter("client_secret");
        }
        for (String name : PARAMETERS) {
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 1) {
                return error(HttpStatus.BAD_REQUEST, "invalid_request", name + " must not be repeated");
            }
        }
        if (clientId == null || clientId.isBlank() || secret == null || secret.isEmpty() || clientId.length() > 100) {
            return invalidClient();
        }
        Optional<ApiClients.Authenticated> client = clients.bySecret(clientId, secret);
        if (client.isEmpty()) {
            long wait = limiter.secondsToWait(
                    "token-failed:" + clientId + "@" + request.getRemoteAddr(), failuresPerMinute);
            if (wait > 0) {
                problems.rateLimited(request, response, wait);
                return null;
            }
            SECURITY.warn("API_TOKEN_REFUSED invalid_client from {}", request.getRemoteAddr());
            return invalidClient();
        }
        long wait = limiter.secondsToWait("token:" + client.get().id(), perMinute);
        if (wait > 0) {
            problems.rateLimited(request, response, wait);
            return null;
        }
        String grantType = request.getParameter("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "only client_credentials is supported");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", clients.issueToken(client.get().id()));
        body.put("token_type", "Bearer");
        body.put("expires_in", ApiClients.TOKEN_MINUTES * 60);
        return answer(HttpStatus.OK).body(body);
    }

    /** id and secret of client_secret_basic: base64 of form-urlencoded id ':' secret (RFC 6749 §2.3.1). */
    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<Map<String, Object>> invalidClient() {
        return answer(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Basic realm=\"Botilbudslaege\"")
                .body(Map.of("error", "invalid_client", "error_description", "client authentication failed"));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        return answer(status).body(Map.of("error", error, "error_description", description));
    }

    private static ResponseEntity.BodyBuilder answer(HttpStatus status) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .contentType(MediaType.APPLICATION_JSON);
    }
}
