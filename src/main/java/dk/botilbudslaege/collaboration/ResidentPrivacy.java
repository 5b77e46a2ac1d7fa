package dk.botilbudslaege.collaboration;

import java.util.regex.Pattern;

/**
 * No person is stored (SPEC §7): the one check every free text of the collaboration passes, whether a plan, a
 * session's notes or a sick-visit reference. A CPR number is six digits, an optional dash or space and four
 * digits, not inside a longer run of digits (ddmmyy-xxxx, ddmmyy xxxx, ddmmyyxxxx).
 */
final class ResidentPrivacy {

    private static final Pattern CPR_LIKE = Pattern.compile("(?<!\\d)\\d{6}[- ]?\\d{4}(?!\\d)");

    private ResidentPrivacy() {}

    /** Whether the text holds something that looks like a CPR number. */
    static boolean looksLikeCpr(String text) {
        return text != null && CPR_LIKE.matcher(text).find();
    }
}
