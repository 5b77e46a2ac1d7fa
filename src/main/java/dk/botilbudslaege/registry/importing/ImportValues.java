package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.TextRules;
import dk.botilbudslaege.registry.ClinicType;
import dk.botilbudslaege.registry.LegalBasis;
import dk.botilbudslaege.registry.Municipality;
import dk.botilbudslaege.registry.Operator;
import dk.botilbudslaege.registry.PrivateOwnership;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * How a cell of an imported file reads as a value (SPEC §2, imports): the way Danish Excel writes
 * numbers and yes/no, and the Danish words and legal references people type. Every reader answers
 * null for a blank cell and throws {@link BadValue} for a cell it cannot read.
 */
final class ImportValues {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern INTEGER_WITH_ZERO_DECIMALS = Pattern.compile("([+-]?\\d+),0+");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern LEGAL_REFERENCE = Pattern.compile("(SEL|ABL|BL)?(\\d+).*");
    private static final Pattern CODE_AND_NAME = Pattern.compile("(\\d{3})\\D.*");

    private static final Set<String> YES = Set.of("ja", "j", "yes", "y", "true", "sand", "1", "x");
    private static final Set<String> NO = Set.of("nej", "n", "no", "false", "falsk", "0");

    private static final Map<String, Operator> OPERATORS = Map.of(
            "kommunal",
            Operator.MUNICIPAL,
            "kommune",
            Operator.MUNICIPAL,
            "regional",
            Operator.REGIONAL,
            "region",
            Operator.REGIONAL,
            "privat",
            Operator.PRIVATE);
    private static final Map<String, PrivateOwnership> OWNERSHIPS =
            Map.of("selvejende", PrivateOwnership.SELF_OWNING, "kommerciel", PrivateOwnership.COMMERCIAL);
    private static final Map<String, ClinicType> CLINIC_TYPES = Map.of(
            "almindelig",
            ClinicType.ORDINARY,
            "almindelig praksis",
            ClinicType.ORDINARY,
            "almen praksis",
            ClinicType.ORDINARY,
            "udbudsklinik",
            ClinicType.TENDER,
            "regionsklinik",
            ClinicType.REGIONAL,
            "regional klinik",
            ClinicType.REGIONAL);

    private ImportValues() {}

    /** A cell that cannot be read: why, as a message key with its arguments. */
    static final class BadValue extends RuntimeException {

        private final String messageKey;
        private final transient Object[] args;

        BadValue(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] args() {
            return args.clone();
        }
    }

    /**
     * The trimmed text, or null when blank. Text the app refuses in any field ({@link TextRules}:
     * control and invisible characters) is refused in a cell too, whatever the cell holds.
     */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.replace('\u00A0', ' ').strip();
        TextRules.Problem problem = TextRules.check(trimmed, false);
        if (problem != null) {
            throw new BadValue(problem.messageKey());
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A whole number: {@code 12}, {@code 12,0} or with Danish thousands separators {@code 1.200}. */
    static Integer integer(String raw) {
        String s = withoutSpaces(raw);
        if (s == null) {
            return null;
        }
        Matcher zeroDecimals = INTEGER_WITH_ZERO_DECIMALS.matcher(s);
        if (zeroDecimals.matches()) {
            s = zeroDecimals.group(1);
        } else if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(".", "");
        }
        if (!INTEGER.matcher(s).matches()) {
            throw new BadValue("import.value.integer", raw.strip());
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new BadValue("import.value.integer", raw.strip());
        }
    }

    /** A decimal number with a comma as Danish Excel writes it ({@code 56,4123}) or a point. */
    static Double decimal(String raw) {
        String s = withoutSpaces(raw);
        if (s == null) {
            return null;
        }
        int comma = s.lastIndexOf(',');
        int point = s.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            s = comma > point ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new BadValue("import.value.number", raw.strip());
        }
        return new BigDecimal(s).doubleValue();
    }

    /** Ja/nej: ja, nej, true, false, 1, 0, x (and sand/falsk, as Danish Excel writes TRUE/FALSE). */
    static Boolean yesNo(String raw) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        String key = s.toLowerCase(Locale.ROOT);
        if (YES.contains(key)) {
            return Boolean.TRUE;
        }
        if (NO.contains(key)) {
            return Boolean.FALSE;
        }
        throw new BadValue("import.value.boolean", s);
    }

    static Operator operator(String raw) {
        return choice(raw, Operator.class, OPERATORS, "import.allowed.operator");
    }

    static PrivateOwnership privateOwnership(String raw) {
        return choice(raw, PrivateOwnership.class, OWNERSHIPS, "import.allowed.privateOwnership");
    }

    static ClinicType clinicType(String raw) {
        return choice(raw, ClinicType.class, CLINIC_TYPES, "import.allowed.clinicType");
    }

    /**
     * A legal basis as a code ({@code SEL_108}) or as people write the reference: {@code SEL § 108},
     * {@code §108}, {@code Servicelovens § 108}, {@code ABL 105}, {@code BL § 43 stk. 1 nr. 6}.
     */
    static LegalBasis legalBasis(String raw) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        String compact = s.toUpperCase(Locale.ROOT)
                .replace("SERVICELOVENS", "SEL")
                .replace("SERVICELOVEN", "SEL")
                .replace("ALMENBOLIGLOVENS", "ABL")
                .replace("ALMENBOLIGLOVEN", "ABL")
                .replace("BARNETS LOV", "BL")
                .replaceAll("[^A-Z0-9]", "");
        Matcher m = LEGAL_REFERENCE.matcher(compact);
        if (m.matches()) {
            String law = m.group(1);
            for (LegalBasis basis : LegalBasis.values()) {
                String[] parts = basis.name().split("_");
                if (parts[1].equals(m.group(2)) && (law == null || law.equals(parts[0]))) {
                    return basis;
                }
            }
        }
        throw new BadValue("import.value.invalid", s, allowed("import.allowed.legalBasis"));
    }

    /**
     * A municipality as its 3-digit code ({@code 707}), as code and name ({@code 707 Norddjurs}) or
     * as its name ({@code Norddjurs}, {@code Norddjurs Kommune}, {@code Københavns Kommune}). An
     * unknown code is left to the registry's own rule; an unknown name is refused here.
     */
    static String municipalityCode(String raw, Collection<Municipality> municipalities) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            String code = s.replaceFirst("^0+(?=\\d{3})", "");
            return code.length() < 3 ? "0".repeat(3 - code.length()) + code : code;
        }
        Matcher codeAndName = CODE_AND_NAME.matcher(s);
        if (codeAndName.matches()) {
            return codeAndName.group(1);
        }
        String name = nameKey(s).replaceFirst(" (regions)?kommune$", "");
        for (Municipality municipality : municipalities) {
            String known = nameKey(municipality.name());
            if (known.equals(name) || (known + "s").equals(name)) {
                return municipality.code();
            }
        }
        throw new BadValue("import.municipality.unknown", s);
    }

    /**
     * A provider number (ydernummer), always six digits: Excel drops the leading zeros of a number
     * typed into a cell ({@code 070101} becomes {@code 70101}), so a shorter number is padded.
     */
    static String providerNumber(String raw) {
        String s = withoutSpaces(raw);
        if (s == null) {
            return null;
        }
        return s.length() < 6 && s.chars().allMatch(Character::isDigit) ? "0".repeat(6 - s.length()) + s : s;
    }

    private static <E extends Enum<E>> E choice(String raw, Class<E> type, Map<String, E> words, String allowedKey) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        String word = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (words.containsKey(word)) {
            return words.get(word);
        }
        String code = s.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return constant;
            }
        }
        throw new BadValue("import.value.invalid", s, allowed(allowedKey));
    }

    private static DefaultMessageSourceResolvable allowed(String key) {
        return new DefaultMessageSourceResolvable(key);
    }

    private static String withoutSpaces(String raw) {
        String s = text(raw);
        return s == null ? null : s.replaceAll("[\\s\u00A0]", "");
    }

    private static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .strip()
                .replace('-', ' ')
                .replaceAll("\\s+", " ")
                .replace("æ", "ae")
                .replace("ø", "oe")
                .replace("å", "aa");
    }
}
