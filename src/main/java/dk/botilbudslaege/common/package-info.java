/**
 * Shared kernel: the exceptions every module uses to say "not found", "not allowed", "bad input", "busy"
 * and "someone else changed it first"; the problem+json body they become ({@link dk.botilbudslaege.common.Problem});
 * the one home of Danish formats ({@link dk.botilbudslaege.common.DanishFormats}); the text and date rules
 * every input meets ({@link dk.botilbudslaege.common.TextRules}, {@link dk.botilbudslaege.common.SaneDates});
 * paging, and text made safe for spreadsheets; no resident in free text ({@link dk.botilbudslaege.common.ResidentPrivacy}:
 * a CPR number, a resident named), shared by the collaboration and the surveys.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.botilbudslaege.common;
