package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** i16-rest: the demo's agreements in other municipalities are filed by "kommune-615", who has no account. */
@IntegrationTest
class ShownMunicipalActorTest {

    @Autowired
    ShownText shown;

    @Test
    void a_municipal_actor_without_an_account_is_named_by_its_municipality() {
        assertThat(shown.person("kommune-615")).isEqualTo("Horsens Kommune");
        assertThat(shown.person("kommune-norddjurs")).isEqualTo("Norddjurs Kommune, Socialområdet");
        assertThat(shown.person("kommune-999")).isEqualTo("kommune-999");
        assertThat(shown.person("someone")).isEqualTo("someone");
    }
}
