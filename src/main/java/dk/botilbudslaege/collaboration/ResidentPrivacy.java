package dk.botilbudslaege.collaboration;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
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
 * <p>Where only residents can be meant (a sick visit's references and note, a session's topic and notes: no staff
 * member is named there either), {@link #namesPerson} also finds a person's name without the word "beboer":
 * a capitalised name followed by a Danish surname ("Hans Jensen", "Ida M. Sørensen", "Jens Kjær"), and a reference
 * that is a first name alone ("Jens"). The cooperation plan names its contact person and the substitute doctor, so
 * it is checked with {@link #namesResident} only.
 */
final class ResidentPrivacy {

    private static final Pattern CPR_LIKE =
            Pattern.compile("(?<!\\d)(0[1-9]|[12]\\d|3[01])[./ -]?(0[1-9]|1[0-2])[./ -]?\\d{2}[./ -]?\\d{4}(?!\\d)");
    private static final Pattern DASHES = Pattern.compile("\\p{Pd}");
    private static final Pattern NAMED_RESIDENT =
            Pattern.compile("(?iu)\\b(beboer(en|ne)?|borger(en)?|patient(en)?|resident)\\s+(?-i)\\p{Lu}\\p{Ll}+");

    /** A capitalised name, perhaps an initial, and a surname: the common Danish ones and every -sen/-søn/-datter. */
    private static final Pattern FULL_NAME = Pattern.compile(
            "(?U)\\b\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?"
                    + "(?:\\s+\\p{Lu}\\.)?\\s+(?<surname>\\p{Lu}\\p{Ll}*(?:sen|søn|datter)|Møller|Lund|Schmidt|Holm|Kjær"
                    + "|Vestergaard|Nørgaard|Dahl|Skov|Østergaard|Bach|Berg|Krogh|Friis|Winther|Bak|Lind|Dam|Juhl|Kjærgaard)\\b");

    /** A text that is a surname alone, as a reference may be ("Hansen"). */
    private static final Pattern SURNAME_ALONE = Pattern.compile("(?U)\\p{Lu}\\p{Ll}+(?:sen|søn|datter)");

    /** Nouns in the definite form that end like a surname: "Ifølge Sundhedsstyrelsen", "Efter Indlæggelsen". */
    private static final Pattern NOUN_LIKE_SURNAME =
            Pattern.compile("(?U).*(?:styrelsen|gelsen|nnelsen|velsen|ndelsen|ftelsen|rrelsen|ølelsen|åelsen|ldelsen)");

    /** The most common Danish first names: a reference that is one of them alone names a person. */
    private static final Set<String> FIRST_NAMES = Set.of(
            "anne",
            "kirsten",
            "mette",
            "hanne",
            "helle",
            "anna",
            "susanne",
            "lene",
            "maria",
            "marianne",
            "lone",
            "camilla",
            "pia",
            "louise",
            "charlotte",
            "tina",
            "gitte",
            "bente",
            "jette",
            "karen",
            "inge",
            "ida",
            "emma",
            "sofie",
            "julie",
            "laura",
            "ella",
            "freja",
            "birgit",
            "else",
            "grethe",
            "ruth",
            "eva",
            "inger",
            "peter",
            "michael",
            "jens",
            "lars",
            "thomas",
            "henrik",
            "søren",
            "christian",
            "martin",
            "jan",
            "morten",
            "jesper",
            "anders",
            "niels",
            "mads",
            "rasmus",
            "per",
            "hans",
            "ole",
            "poul",
            "erik",
            "jørgen",
            "john",
            "kim",
            "frederik",
            "mikkel",
            "kasper",
            "carl",
            "william",
            "oliver",
            "lucas",
            "victor",
            "emil",
            "knud",
            "preben",
            "bent",
            "finn",
            "svend",
            "flemming",
            "torben",
            "kurt",
            "leif",
            "bo",
            "allan",
            "steen",
            "tage");

    private ResidentPrivacy() {}

    /**
     * Whether the text names a person: a resident named ({@link #namesResident}), a first name and a surname ("Hans
     * Jensen", "Ida M. Sørensen"), or a first name or surname alone, as a reference may be ("Jens", "Hansen").
     */
    static boolean namesPerson(String text) {
        if (text == null) {
            return false;
        }
        String plain = plain(text).strip();
        if (NAMED_RESIDENT.matcher(plain).find()
                || FIRST_NAMES.contains(plain.toLowerCase(Locale.ROOT))
                || (SURNAME_ALONE.matcher(plain).matches()
                        && !NOUN_LIKE_SURNAME.matcher(plain).matches())) {
            return true;
        }
        Matcher name = FULL_NAME.matcher(plain);
        while (name.find()) {
            if (!NOUN_LIKE_SURNAME.matcher(name.group("surname")).matches()) {
                return true;
            }
        }
        return false;
    }

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
