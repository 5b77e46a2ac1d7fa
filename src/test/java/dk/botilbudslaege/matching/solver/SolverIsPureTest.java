package dk.botilbudslaege.matching.solver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The solver is the pure core of matchmaking (issue 12): it knows nothing of Spring, the database, the web or
 * the rest of the application, so it can be read, tested and benchmarked alone.
 */
class SolverIsPureTest {

    static final String SOLVER = "dk.botilbudslaege.matching.solver..";

    static ArchRule solverIsPure() {
        return noClasses()
                .that()
                .resideInAPackage(SOLVER)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.servlet..",
                        "java.sql..",
                        "javax.sql..",
                        "dk.botilbudslaege.matching",
                        "dk.botilbudslaege.registry..",
                        "dk.botilbudslaege.agreement..",
                        "dk.botilbudslaege.security..",
                        "dk.botilbudslaege.web..",
                        "dk.botilbudslaege.coverage..",
                        "dk.botilbudslaege.settlement..",
                        "dk.botilbudslaege.audit..",
                        "dk.botilbudslaege.common..")
                .because("the solver is free of Spring, the database and the web (matching/solver/package-info)");
    }

    @Test
    void the_solver_depends_on_nothing_but_java() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.botilbudslaege.matching.solver");
        assertThat(main).isNotEmpty();
        solverIsPure().check(main);
    }

    @Test
    void the_rule_fails_on_a_solver_class_that_reaches_for_spring() {
        JavaClasses offender = new ClassFileImporter().importClasses(SpringInTheSolver.class);
        EvaluationResult result = solverIsPure().evaluate(offender);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("org.springframework.jdbc.core.simple.JdbcClient");
    }

    /** A class as the rule must refuse it: in the solver's package, using the database through Spring. */
    static class SpringInTheSolver {
        long count(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            return jdbc.sql("select 1").query(Long.class).single();
        }
    }
}
