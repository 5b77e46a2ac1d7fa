/**
 * Start-up and cross-cutting configuration: the embedded PostgreSQL used when no external database is
 * configured, the locale (Danish by default), the public address behind a proxy
 * ({@link dk.botilbudslaege.config.PublicUrlFilter}), MVC settings and the retry of domain events whose
 * listener failed ({@link dk.botilbudslaege.config.EventPublicationRetry}; the publications are kept in
 * PostgreSQL, table {@code event_publication}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.botilbudslaege.config;
