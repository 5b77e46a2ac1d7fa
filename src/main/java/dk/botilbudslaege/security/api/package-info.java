/**
 * API clients (issue 15 item 3): integrations registered by an administrator, with a role and scope like a user's
 * and READ or READ_WRITE rights. They call {@code /api/**} with an opaque bearer token from {@code POST
 * /oauth2/token} (OAuth 2.0 client credentials) or with an API key ({@code X-API-Key}); rate-limited per client.
 * {@link dk.botilbudslaege.security.api.ApiClients} is the service the administration pages use.
 */
@org.springframework.modulith.NamedInterface("api-clients")
package dk.botilbudslaege.security.api;
