/**
 * Shared kernel: the exceptions every module uses to say "not found", "not allowed", "bad input"
 * and "someone else changed it first". The web layer turns them into pages and problem+json.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.botilbudslaege.common;
