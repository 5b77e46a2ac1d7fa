/**
 * Users, roles and scopes (SPEC §1): form login for people, HTTP Basic for API clients. The
 * signed-in {@link dk.botilbudslaege.security.CurrentUser} carries the scope that every module checks
 * on the server.
 */
package dk.botilbudslaege.security;
