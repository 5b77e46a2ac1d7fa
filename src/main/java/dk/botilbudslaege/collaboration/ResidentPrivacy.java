package dk.botilbudslaege.collaboration;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * No person is stored (SPEC §7): the one check every free text of the collaboration passes, whether a plan, a
 * session's notes or a sick-visit reference.
 * <ul>
 *   <li>A CPR number: a date ddmmyy and four digits, in any of the ways people write it (010190-1234,
 *       010190 1234, 0101901234, 01.01.90-1234, 01/01/90-1234, with an en dash or in full-width digits), not
 *       inside a longer run of digits.</li>
 *   <li>A resident named: "beboeren Hans", "borger Jens Hansen", "patient Ida".</li>
 * </ul>
 */
final class ResidentPrivacy {

    private static final Pattern CPR_LIKE =
            Pattern.compile("(?<!\\d)(0[1-9]|[12]\\d|3[01])[./ -]?(0[1-9]|1[0-2])[./ -]?\\d{2}[./ -]?\\d{4}(?!\\d)");
    private static final Pattern DASHES = Pattern.compile("\\p{Pd}");
    private static final Pattern NAMED_RESIDENT =
            Pattern.compile("(?iu)\\b(beboer(en|ne)?|borger(en)?|patient(en)?|resident)\\s+(?-i)\\p{Lu}\\p{Ll}+");

    private ResidentPrivacy() {}

    /** Whether the text holds something that looks like a CPR number. */
    static boolean looksLikeCpr(String text) {
        return text != null && CPR_LIKE.matcher(plain(text)).find();
    }

    /** Whether the text names a resident ("beboeren Hans"). */
    static boolean namesResident(String text) {
        return text != null && NAMED_RESIDENT.matcher(plain(text)).find();
    }

    /** Full-width digits as digits, every kind of dash as '-', non-breaking spaces as spaces. */
    private static String plain(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return DASHES.matcher(folded).replaceAll("-").replace('\u00a0', ' ');
    }
}
