/**
 * The start page (issue 16 item 1): what each role has to do, read from the owning modules' public services
 * (agreements, settlement, surveys, matching, collaboration, the registry and coverage). Nothing depends on this
 * module, and it owns no table and runs no SQL of its own.
 */
package dk.botilbudslaege.start;
