package dk.botilbudslaege;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class PrintModulesScratch {
    @Test
    void print() {
        ApplicationModules m = ApplicationModules.of(BotilbudslaegeApplication.class);
        m.forEach(mod -> {
            System.out.println("MODULE " + mod.getIdentifier() + " -> " + mod.getDirectDependencies(m).uniqueModules().map(x -> x.getIdentifier().toString()).toList()
                + " ALL " + mod.getBootstrapDependencies(m).map(x -> x.getIdentifier().toString()).toList());
        });
    }
}
