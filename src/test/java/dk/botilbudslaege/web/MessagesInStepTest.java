package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Danish and English message bundles are kept in step: same keys, no blanks, same placeholders, a real
 * translation rather than a copy, and every literal message key used in the templates exists.
 */
class MessagesInStepTest {

    /** A MessageFormat or Bean Validation placeholder: {0}, {1}, {value}, {max}, also {0,number} etc. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*(?:,[^{}]*)?}");

    /** A literal message expression #{a.b.c} or #{a.b.c(args)}; dynamic keys ('...' + ${...}) do not match. */
    private static final Pattern TEMPLATE_KEY =
            Pattern.compile("#\\{\\s*([A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]+)*)\\s*[}(]");

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");

    /** An audit record with a literal action: audit.record(entity, id, "ACTION", ...). */
    private static final Pattern AUDIT_ACTION =
            Pattern.compile("String action\\(\\)\\s*\\{\\s*return\\s+\"([A-Z][A-Z_]*)\"");

    /** Codes, "API", legal references and the like may read the same in both languages, but only a few. */
    private static final double MAX_IDENTICAL_SHARE = 0.15;

    private static final Map<String, String> DANISH = load("messages_da.properties");
    private static final Map<String, String> ENGLISH = load("messages_en.properties");

    @Test
    void danish_and_english_messages_have_the_same_keys() {
        Set<String> missingInEnglish = new TreeSet<>(DANISH.keySet());
        missingInEnglish.removeAll(ENGLISH.keySet());
        Set<String> missingInDanish = new TreeSet<>(ENGLISH.keySet());
        missingInDanish.removeAll(DANISH.keySet());

        assertThat(DANISH).as("messages_da.properties has messages").isNotEmpty();
        assertThat(missingInEnglish.isEmpty() && missingInDanish.isEmpty())
                .as(
                        "keys missing in messages_en: %s; keys missing in messages_da: %s",
                        missingInEnglish, missingInDanish)
                .isTrue();
    }

    @Test
    void no_message_is_blank_in_either_language() {
        assertThat(blankKeys(DANISH)).as("blank messages in messages_da").isEmpty();
        assertThat(blankKeys(ENGLISH)).as("blank messages in messages_en").isEmpty();
    }

    @Test
    void a_translation_keeps_the_placeholders_of_the_danish_message() {
        Map<String, String> mismatches = new TreeMap<>();
        DANISH.forEach((key, danish) -> {
            String english = ENGLISH.get(key);
            if (english != null && !placeholders(danish).equals(placeholders(english))) {
                mismatches.put(key, "da " + placeholders(danish) + " vs en " + placeholders(english));
            }
        });

        assertThat(mismatches)
                .as("messages whose placeholders differ between Danish and English")
                .isEmpty();
    }

    @Test
    void english_messages_are_translated_rather_than_copied_from_danish() {
        Set<String> identical = new TreeSet<>();
        DANISH.forEach((key, danish) -> {
            if (danish.equals(ENGLISH.get(key))) {
                identical.add(key);
            }
        });
        double share = (double) identical.size() / DANISH.size();

        assertThat(share)
                .as(
                        "%d of %d messages read the same in Danish and English: %s",
                        identical.size(), DANISH.size(), identical)
                .isLessThan(MAX_IDENTICAL_SHARE);
    }

    @Test
    void every_message_key_used_in_the_templates_exists_in_danish() throws IOException {
        Map<String, Set<String>> usedKeys = templateKeys();
        Map<String, Set<String>> missing = new TreeMap<>(usedKeys);
        missing.keySet().removeAll(DANISH.keySet());

        assertThat(usedKeys).as("message keys found in %s", TEMPLATES).isNotEmpty();
        assertThat(missing)
                .as("keys used in templates (key=[templates]) but missing in messages_da")
                .isEmpty();
    }

    /**
     * The history shows each audit entry's action as audit.action.&lt;ACTION&gt; (fragments/fields.html): every
     * action an audited event names ({@code String action() { return "…"; }} on an AuditedChange) has its message,
     * and so do the proposal decisions (matching's ProposalAnswered carries the status it sets).
     */
    @Test
    void every_audit_action_written_in_the_code_has_a_message() throws IOException {
        Set<String> actions = new TreeSet<>(Set.of("CREATED", "UPDATED", "ACCEPTED", "DECLINED"));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = AUDIT_ACTION.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    actions.add(matcher.group(1));
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        actions.stream().filter(a -> !DANISH.containsKey("audit.action." + a)).forEach(missing::add);

        assertThat(actions).as("audit actions found in %s", SOURCES).contains("ENDED_BY_REGION", "NOTICE_GIVEN");
        assertThat(missing)
                .as("audit actions without audit.action.<ACTION> in messages_da")
                .isEmpty();
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = MessagesInStepTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the classpath", resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> messages = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> blankKeys(Map<String, String> messages) {
        Set<String> blank = new TreeSet<>();
        messages.forEach((key, value) -> {
            if (value.isBlank()) {
                blank.add(key);
            }
        });
        return blank;
    }

    private static Set<String> placeholders(String message) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Map<String, Set<String>> templateKeys() throws IOException {
        assertThat(TEMPLATES)
                .as("templates folder (tests run from the project directory)")
                .isDirectory();
        Map<String, Set<String>> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    keys.computeIfAbsent(matcher.group(1), k -> new TreeSet<>())
                            .add(TEMPLATES.relativize(file).toString());
                }
            }
        }
        return keys;
    }

    @Test
    void a_counted_label_agrees_with_its_number() {
        var source = new org.springframework.context.support.ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        java.util.Locale danish = java.util.Locale.forLanguageTag("da");
        assertThat(source.getMessage("coverage.kpi.partly", new Object[] {1}, danish))
                .startsWith("delvist dækket botilbud");
        assertThat(source.getMessage("coverage.kpi.partly", new Object[] {2}, danish))
                .startsWith("delvist dækkede botilbud");
        assertThat(source.getMessage("coverage.kpi.startingLater", new Object[] {1}, danish))
                .isEqualTo("aftale indgået, der starter senere");
        assertThat(source.getMessage("coverage.kpi.awaitingApproval", new Object[] {0}, danish))
                .isEqualTo("blanketter, der venter på regionens godkendelse");
        assertThat(source.getMessage("coverage.kpi.awaitingApproval", new Object[] {1}, java.util.Locale.ENGLISH))
                .isEqualTo("form awaiting the region's approval");
        // i14-fix-notify: the bell and "mark all read" count in the singular and the plural
        assertThat(source.getMessage("nav.notifications.unread", new Object[] {1}, danish))
                .isEqualTo("Beskeder, 1 ulæst");
        assertThat(source.getMessage("nav.notifications.unread", new Object[] {2}, danish))
                .isEqualTo("Beskeder, 2 ulæste");
        assertThat(source.getMessage("notification.flash.readAll", new Object[] {1}, danish))
                .endsWith("(1 var ulæst).");
        assertThat(source.getMessage("notification.flash.readAll", new Object[] {1200}, danish))
                .endsWith("(1.200 var ulæste).");
        assertThat(source.getMessage("notification.flash.readAll", new Object[] {1}, java.util.Locale.ENGLISH))
                .endsWith("(1 was unread).");
    }
}
