/**
 * Administration (SPEC §1, the administrator): one page for the national settings each module keeps,
 * the hourly rate (settlement, F1), the legal bases in scope (registry, §2) and the coverage targets
 * (coverage, C3). The rules live in those modules; this module only shows and forwards.
 */
package dk.botilbudslaege.admin;
