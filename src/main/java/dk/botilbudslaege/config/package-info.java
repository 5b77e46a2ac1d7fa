/**
 * Start-up configuration: the embedded PostgreSQL used when no external database is configured,
 * and the application's settings.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.botilbudslaege.config;
