package dk.botilbudslaege;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk through each other's public API only, never through internals, and form no cycles. */
class ModularityTests {

    @Test
    void modules_respect_their_boundaries() {
        ApplicationModules.of(BotilbudslaegeApplication.class).verify();
    }
}
