package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.registry.RegistryCommitments;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16 item 2 (i16-rest): the practice page shows the capacities used as R3 counts them, from the rules' own
 * query ({@link AgreementRoom}), with what is free and a tag at the limit.
 */
@IntegrationTest
class PracticeLoadShownTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgreementRoom room;

    @Autowired
    RegistryCommitments commitments;

    @Test
    void the_practice_page_shows_the_counted_roles_of_the_capacities_as_r3_counts_them() {
        long torvet = jdbc.sql("select id from registry_practice where name = 'Lægerne ved Torvet'")
                .query(Long.class)
                .single();
        AgreementRoom.PracticeRoom rule =
                room.of(List.of(torvet), LocalDate.now()).practices().get(torvet);
        RegistryCommitments.PracticeLoad shown =
                commitments.practiceLoad(torvet).orElseThrow();
        assertThat(shown.counted()).isEqualTo(rule.countedRoles());
        assertThat(shown.capacity()).isEqualTo(rule.capacity());
        assertThat(shown.free()).isEqualTo(rule.room());

        String page = WebSession.signIn(port, "laege-norddjurs")
                .get("/practices/" + torvet)
                .body();
        assertThat(page)
                .contains("Faste lægeroller (R3)")
                .contains(rule.countedRoles() + " af " + rule.capacity() + " kapaciteter brugt")
                .contains("1 af 1 botilbud") // Anne Kjær, the demo doctor, holds Skovstjernen
                .doesNotContain("??");
    }

    @Test
    void free_capacities_and_the_tags_follow_the_numbers() {
        // a practice of 5 capacities with 3 roles counted; one of 2 with 2 (full); one of 2 with 3 (lowered, over)
        var some = new RegistryCommitments.PracticeLoad(5, 3, java.util.Map.of());
        assertThat(some.free()).isEqualTo(2);
        assertThat(some.full()).isFalse();
        var full = new RegistryCommitments.PracticeLoad(2, 2, java.util.Map.of());
        assertThat(full.full()).isTrue();
        assertThat(full.over()).isFalse();
        var over = new RegistryCommitments.PracticeLoad(2, 3, java.util.Map.of());
        assertThat(over.over()).isTrue();
        assertThat(over.free()).isZero();
    }
}
