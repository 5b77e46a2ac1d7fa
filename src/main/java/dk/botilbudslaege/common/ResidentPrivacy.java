package dk.botilbudslaege.common;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No person is stored (SPEC §7): the one check every free text of the collaboration passes, whether a plan, a
 * session's notes or a sick-visit reference.
 * <ul>
 *   <li>A CPR number: a date ddmmyy and four digits, in any of the ways people write it (010190-1234,
 *       010190 1234, 0101901234, 01.01.90-1234, 01/01/90-1234, 010190 - 1234, 01 01 90 - 1234, with an en dash or
 *       in full-width digits), not inside a longer run of digits.</li>
 *   <li>A resident named: "beboeren Hans", "Beboeren HANS", "borger Jens Hansen", "patient ida".</li>
 * </ul>
 * <p>Where only residents can be meant (a sick visit's references and note, a session's topic, notes and comment: no
 * staff member is named there either), {@link #namesPerson} also finds a person's name without the word "beboer",
 * written in any case: a common first name anywhere ("Ida har feber", "værelse 4 (Ida)", "Mohammed Ali"), a common
 * surname anywhere ("HANS JENSEN", "Jensen, Hans", "H. Jensen"), a title and a name ("fru Hansen", "Hr. Jensen",
 * "frk. Ida"), a capitalised name and a surname ending in -sen/-søn/-datter ("Ida M. Kjeldsen"). First names that
 * are also Danish words (hans, per, bo, tage, jan, ...) count only as the whole text or when capitalised inside a
 * sentence ("værelse 4, Per"), never as a sentence's first word ("Per telefon med personalet", "Hans medicin gives
 * kl. 8"). The cooperation plan names its contact person and the substitute doctor, so it is checked with
 * {@link #namesResident} only.
 */
public final class ResidentPrivacy {

    private static final String SEPARATOR = "[ \\t]{0,3}[./-]?[ \\t]{0,3}";
    private static final Pattern CPR_LIKE = Pattern.compile("(?<!\\d)(0[1-9]|[12]\\d|3[01])" + SEPARATOR
            + "(0[1-9]|1[0-2])" + SEPARATOR + "\\d{2}" + SEPARATOR + "\\d{4}(?!\\d)");
    private static final Pattern DASHES = Pattern.compile("\\p{Pd}");
    private static final Pattern NAMED_RESIDENT =
            Pattern.compile("(?iu)\\b(beboer(en|ne)?|borger(en)?|patient(en)?|resident)\\s+(?-i)(?<name>\\p{L}+)");

    /** A word, with its place in the text. */
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** A surname's ending, when the word is capitalised: "Kjeldsen", "Pedersøn", "Mette Pedersdatter". */
    private static final Pattern SURNAME_ENDING = Pattern.compile("(?U).+(?:sen|søn|datter)");

    /** Nouns in the definite form that end like a surname: "Ifølge Sundhedsstyrelsen", "Efter Indlæggelsen". */
    private static final Pattern NOUN_LIKE_SURNAME =
            Pattern.compile("(?U).*(?:styrelsen|gelsen|nnelsen|velsen|ndelsen|ftelsen|rrelsen|ølelsen|åelsen|ldelsen)");

    /** Titles before a name: "fru Hansen", "Hr. Jensen", "frk. Ida". */
    private static final Set<String> TITLES = Set.of("fru", "frk", "hr", "herr", "frøken");

    /**
     * Common first names in Denmark, of all ages and of immigrant origin, that are no Danish word: anywhere in the
     * text, in any case, they name a person.
     */
    private static final Set<String> FIRST_NAMES = Set.of(
            "aage",
            "aase",
            "abdi",
            "abdul",
            "abdullah",
            "adam",
            "adnan",
            "agnes",
            "agnethe",
            "agnieszka",
            "ahmad",
            "ahmed",
            "ahmet",
            "aisha",
            "alberte",
            "alexander",
            "alfred",
            "ali",
            "allan",
            "alma",
            "amal",
            "amalie",
            "amina",
            "amir",
            "anders",
            "andrea",
            "andreas",
            "andrzej",
            "anna",
            "anne",
            "annette",
            "anny",
            "anton",
            "anwar",
            "arash",
            "arne",
            "arthur",
            "asta",
            "astrid",
            "ayesha",
            "ayse",
            "benny",
            "bent",
            "bente",
            "betina",
            "bilal",
            "birgit",
            "birthe",
            "bjarne",
            "bodil",
            "brian",
            "camilla",
            "carl",
            "caroline",
            "carsten",
            "cecilie",
            "charlotte",
            "christian",
            "christina",
            "christoffer",
            "clara",
            "claus",
            "dagmar",
            "daniel",
            "david",
            "dennis",
            "dina",
            "dmytro",
            "dorota",
            "dorte",
            "dorthe",
            "ebba",
            "edith",
            "egon",
            "eigil",
            "einar",
            "ejner",
            "ejvind",
            "elias",
            "elif",
            "ella",
            "ellen",
            "elly",
            "else",
            "emil",
            "emilie",
            "emily",
            "emma",
            "emre",
            "erik",
            "erling",
            "erna",
            "esther",
            "eva",
            "fadumo",
            "faisal",
            "farah",
            "fatima",
            "fatma",
            "felix",
            "finn",
            "flemming",
            "frederik",
            "freja",
            "frida",
            "gerda",
            "gitte",
            "gorm",
            "grethe",
            "gudrun",
            "gunnar",
            "halima",
            "hamid",
            "hamza",
            "hanan",
            "hanne",
            "harald",
            "hassan",
            "hatice",
            "hawa",
            "heidi",
            "helge",
            "helle",
            "henning",
            "henrik",
            "hiba",
            "hodan",
            "holger",
            "huda",
            "hugo",
            "husein",
            "hussein",
            "ib",
            "ibrahim",
            "ida",
            "idris",
            "inge",
            "inger",
            "ingrid",
            "iryna",
            "isabella",
            "ismail",
            "ivan",
            "jacob",
            "jakob",
            "jamal",
            "jane",
            "jasmin",
            "jens",
            "jeppe",
            "jesper",
            "jette",
            "jimmy",
            "johan",
            "johanne",
            "john",
            "johnny",
            "jonas",
            "josefine",
            "julie",
            "jytte",
            "jørgen",
            "kamal",
            "kamma",
            "karen",
            "karim",
            "karin",
            "karla",
            "karsten",
            "kasper",
            "katarzyna",
            "katrine",
            "kemal",
            "kenneth",
            "khadija",
            "khalid",
            "kirsten",
            "klaus",
            "knud",
            "konrad",
            "kristian",
            "kristine",
            "kristoffer",
            "krzysztof",
            "kurt",
            "lars",
            "lasse",
            "laura",
            "laurits",
            "layla",
            "lea",
            "leif",
            "leila",
            "lene",
            "liam",
            "lilly",
            "lily",
            "lis",
            "lisbeth",
            "liva",
            "lone",
            "louise",
            "lucas",
            "lukas",
            "luna",
            "mads",
            "magda",
            "magnus",
            "mahmoud",
            "maiken",
            "maja",
            "malene",
            "malthe",
            "marek",
            "margrethe",
            "maria",
            "mariam",
            "marianne",
            "marie",
            "martin",
            "maryam",
            "mathias",
            "mathilde",
            "matthias",
            "mehmet",
            "mette",
            "mia",
            "michael",
            "michelle",
            "mikael",
            "mikkel",
            "mille",
            "mogens",
            "mohamad",
            "mohamed",
            "mohammad",
            "mohammed",
            "molly",
            "mona",
            "morten",
            "muhammad",
            "murat",
            "mustafa",
            "nadia",
            "nanna",
            "nasrin",
            "natalia",
            "natasja",
            "nicolai",
            "niels",
            "nikolaj",
            "nina",
            "noah",
            "noor",
            "nora",
            "nour",
            "oksana",
            "ole",
            "olena",
            "olga",
            "oliver",
            "olivia",
            "omar",
            "oscar",
            "osman",
            "otto",
            "ove",
            "palle",
            "patrick",
            "pernille",
            "peter",
            "philip",
            "pia",
            "piotr",
            "poul",
            "preben",
            "randi",
            "rania",
            "rashid",
            "rasmus",
            "reza",
            "rigmor",
            "rikke",
            "ruth",
            "sabrina",
            "salma",
            "samira",
            "sanne",
            "sara",
            "sarah",
            "sebastian",
            "shirin",
            "silje",
            "simon",
            "sofia",
            "sofie",
            "soraya",
            "steen",
            "stefan",
            "steffen",
            "stine",
            "sumaya",
            "susanne",
            "søren",
            "tanja",
            "tariq",
            "theo",
            "thomas",
            "thorbjørn",
            "tina",
            "tine",
            "tobias",
            "tomasz",
            "tommy",
            "tonny",
            "torben",
            "tove",
            "troels",
            "uffe",
            "ulla",
            "ulrik",
            "vagn",
            "valdemar",
            "vera",
            "verner",
            "vibeke",
            "victor",
            "victoria",
            "vigga",
            "viggo",
            "viktor",
            "villads",
            "vincent",
            "walid",
            "werner",
            "william",
            "winnie",
            "yasin",
            "yasmin",
            "yousef",
            "youssef",
            "yusuf",
            "yvonne",
            "zahra",
            "zainab",
            "zeynep",
            "åse");

    /**
     * First names that are also ordinary Danish words (hans = his, per, bo, tage, jan, svend, kaj, lærke, ...): they
     * name a person only as the whole text, capitalised inside a sentence, or before a surname.
     */
    private static final Set<String> WORD_LIKE_FIRST_NAMES = Set.of(
            "aksel", "bjørn", "ask", "august", "bo", "børge", "dan", "ebbe", "ester", "frank", "frede", "hans", "jan",
            "kaj", "karl", "kim", "line", "lise", "lykke", "lærke", "maj", "mark", "max", "naja", "per", "rene", "rené",
            "rose", "rune", "saga", "said", "signe", "sol", "sten", "storm", "svend", "tage", "tim", "trine", "viola");

    /** Common surnames in Denmark that are no Danish word: anywhere, in any case, they name a person. */
    private static final Set<String> SURNAMES = Set.of(
            "andersen",
            "andreasen",
            "bertelsen",
            "bruun",
            "christensen",
            "christiansen",
            "christoffersen",
            "clausen",
            "demir",
            "eriksen",
            "frandsen",
            "frederiksen",
            "friis",
            "hansen",
            "henriksen",
            "hussain",
            "iversen",
            "jacobsen",
            "jakobsen",
            "jensen",
            "jeppesen",
            "jepsen",
            "jespersen",
            "johansen",
            "juhl",
            "jørgensen",
            "kaya",
            "khan",
            "kirkegaard",
            "kjeldsen",
            "kjær",
            "kjærgaard",
            "knudsen",
            "kristensen",
            "kristiansen",
            "krogh",
            "larsen",
            "lauridsen",
            "lauritsen",
            "laursen",
            "madsen",
            "mathiasen",
            "mikkelsen",
            "mogensen",
            "mortensen",
            "møller",
            "nguyen",
            "nielsen",
            "nygaard",
            "nørgaard",
            "nørregaard",
            "olesen",
            "olsen",
            "pedersen",
            "petersen",
            "poulsen",
            "rasmussen",
            "schmidt",
            "simonsen",
            "svendsen",
            "søndergaard",
            "sørensen",
            "thomsen",
            "thygesen",
            "vestergaard",
            "winther",
            "yilmaz",
            "østergaard",
            "şahin");

    /** Surnames that are also Danish words (lund, holm, skov, ...): only capitalised after a capitalised name. */
    private static final Set<String> WORD_LIKE_SURNAMES = Set.of(
            "bach", "bak", "beck", "berg", "brandt", "dahl", "dam", "hald", "holm", "koch", "kruse", "lind", "lund",
            "munk", "ravn", "skov", "toft");

    private ResidentPrivacy() {}

    /**
     * Whether the text names a person: a resident named ({@link #namesResident}), a title and a name, a common first
     * name or surname in any case, a name and a surname, or a name alone, as a reference may be ("Jens", "Hansen").
     */
    public static boolean namesPerson(String text) {
        if (text == null) {
            return false;
        }
        String plain = plain(text).strip();
        if (namesResident(plain)) {
            return true;
        }
        List<Word> words = words(plain);
        if (words.size() == 1) {
            Word only = words.get(0);
            if (WORD_LIKE_FIRST_NAMES.contains(only.lower())
                    || (only.capitalised() && isSurname(only))
                    || WORD_LIKE_SURNAMES.contains(only.lower()) && only.capitalised()) {
                return true;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            Word next = i + 1 < words.size() ? words.get(i + 1) : null;
            Word afterInitial = next != null && next.isInitial() && i + 2 < words.size() ? words.get(i + 2) : next;
            if (FIRST_NAMES.contains(word.lower()) || SURNAMES.contains(word.lower())) {
                return true;
            }
            if (WORD_LIKE_FIRST_NAMES.contains(word.lower()) && word.capitalised() && !word.startsSentence()) {
                return true;
            }
            if (word.capitalised() && !word.startsSentence() && isSurname(word)) {
                return true;
            }
            if (next != null && TITLES.contains(word.lower()) && !word.text().equals("HR") && next.mayBeName()) {
                return true;
            }
            if (word.isInitial() && next != null && next.capitalised() && isSurname(next)) {
                return true;
            }
            if ((word.capitalised() || WORD_LIKE_FIRST_NAMES.contains(word.lower()))
                    && afterInitial != null
                    && afterInitial.capitalised()
                    && (isSurname(afterInitial) || WORD_LIKE_SURNAMES.contains(afterInitial.lower()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds something that looks like a CPR number. */
    public static boolean looksLikeCpr(String text) {
        return text != null && CPR_LIKE.matcher(plain(text)).find();
    }

    /**
     * Whether the text names a resident: the word beboer, borger or patient and a capitalised word ("beboeren Hans",
     * "Beboeren HANS") or a first name in any case ("borgeren ida").
     */
    public static boolean namesResident(String text) {
        if (text == null) {
            return false;
        }
        Matcher named = NAMED_RESIDENT.matcher(plain(text));
        while (named.find()) {
            String name = named.group("name");
            if (Character.isUpperCase(name.codePointAt(0)) || FIRST_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSurname(Word word) {
        return SURNAMES.contains(word.lower())
                || (SURNAME_ENDING.matcher(word.lower()).matches()
                        && !NOUN_LIKE_SURNAME.matcher(word.lower()).matches());
    }

    /**
     * The words of the text. A word is capitalised when it starts with a capital letter and has more letters ("Ida",
     * "IDA"; in a text written in capitals only, a word in capitals counts only when it is a known name). A word
     * starts a sentence when only spaces, or a bullet at a line's start, stand between it and the text's start or a
     * '.', '!', '?', ':' or ';'.
     */
    private static List<Word> words(String text) {
        boolean allCaps = text.equals(text.toUpperCase(Locale.ROOT));
        List<Word> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String found = word.group();
            boolean upperStart = Character.isUpperCase(found.codePointAt(0));
            boolean restLower = found.substring(1).equals(found.substring(1).toLowerCase(Locale.ROOT));
            boolean capitalised = found.length() > 1 && upperStart && (restLower || !allCaps);
            boolean initial =
                    found.length() == 1 && upperStart && word.end() < text.length() && text.charAt(word.end()) == '.';
            words.add(new Word(found, capitalised, initial, startsSentence(text, word.start())));
        }
        return words;
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        if (i < 0 || ".!?:;\n\r".indexOf(text.charAt(i)) >= 0) {
            return true;
        }
        if ("-•*".indexOf(text.charAt(i)) >= 0) {
            int j = i - 1;
            while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j--;
            }
            return j < 0 || text.charAt(j) == '\n' || text.charAt(j) == '\r';
        }
        return false;
    }

    /** Full-width digits as digits, every kind of dash as '-', non-breaking spaces as spaces. */
    private static String plain(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return DASHES.matcher(folded).replaceAll("-").replace('\u00a0', ' ');
    }

    private record Word(String text, boolean capitalised, boolean isInitial, boolean startsSentence) {

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        /** Whether a title may stand before it: a capitalised word or a known name. */
        boolean mayBeName() {
            return capitalised
                    || FIRST_NAMES.contains(lower())
                    || WORD_LIKE_FIRST_NAMES.contains(lower())
                    || SURNAMES.contains(lower());
        }
    }
}
