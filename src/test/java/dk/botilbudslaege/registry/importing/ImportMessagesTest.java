package dk.botilbudslaege.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The import's messages exist in Danish and English alike (the rest of messages_en is translated separately). */
class ImportMessagesTest {

    @Test
    void every_import_message_has_a_danish_and_an_english_text() throws IOException {
        Set<String> danish = importKeys("messages_da.properties");
        Set<String> english = importKeys("messages_en.properties");

        assertThat(danish).isNotEmpty();
        assertThat(english).isEqualTo(danish);
    }

    private static Set<String> importKeys(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                ImportMessagesTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("import."))
                .forEach(keys::add);
        return keys;
    }
}
