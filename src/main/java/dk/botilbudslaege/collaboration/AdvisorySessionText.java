package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.ResidentPrivacy;

/**
 * What a session's free text may not hold (issue 13 item 2: no resident data): a CPR number (ddmmyy-xxxx,
 * ddmmyyxxxx or ten digits in a row) or a resident named ("beboeren Hans", "borger Jens Hansen").
 */
final class AdvisorySessionText {

    private AdvisorySessionText() {}

    /** The message key of the text's problem, or null when it may be stored. */
    static String problem(String text) {
        if (text == null) {
            return null;
        }
        if (ResidentPrivacy.looksLikeCpr(text)) {
            return "session.text.cpr";
        }
        if (ResidentPrivacy.namesPerson(text)) {
            return "session.text.resident";
        }
        return null;
    }
}
