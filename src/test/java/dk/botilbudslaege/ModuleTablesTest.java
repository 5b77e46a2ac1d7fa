package dk.botilbudslaege;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Modules own their tables (issue 12): a module's SQL names only its own tables, the views other modules
 * publish ({@code <module>_<what>}) and their SQL functions. What another module may read is published as
 * a view listing the columns it needs, or as a Java API in the owner's base package; a published view reads
 * only its own module's tables and other modules' views.
 * <p>
 * Who owns which table is written here, and checked against the live database: a new table fails this test
 * until it is given an owner. The {@code demo} module loads seed data as a migration would, so it may write
 * (and read) any table; its accesses are counted apart and not refused.
 */
@IntegrationTest
class ModuleTablesTest {

    /** Each base table and its owning module. */
    static final Map<String, String> OWNER = owners(
            "registry",
            "region municipality municipality_region facility facility_group facility_section"
                    + " legal_basis_scope legal_basis_scope_change practice doctor change_request practice_vat_status"
                    // the dated history of the registry field facility.residents, written by a trigger on
                    // facility
                    // (V6); settlement reads it through registry_facility_residents
                    + " facility_residents"
                    // issue 15 part D: region mergers (V35)
                    + " region_merger region_merger_source"
                    // i19-misc: the version of the counts RegistryOverview.summary keeps (V46)
                    + " registry_summary_version",
            "agreement",
            "agreement agreement_coverage dispensation dispensation_application information_form",
            "settlement",
            "budget_frame hourly_rate settlement_line settlement_month",
            "matching",
            "doctor_wish facility_priority matching_opening matching_proposal matching_round" + " region_neighbour",
            "coverage",
            "coverage_target",
            "security",
            "app_user user_invitation api_client api_token login_failure login_known_address",
            "audit",
            "audit_event",
            // issue 13: the collaboration of facility and doctor (one line per part: plan, sessions, visits, counts)
            "collaboration",
            "cooperation_plan cooperation_plan_version cooperation_contact"
                    + " advisory_session session_topic"
                    + " sick_visit"
                    + " resident_count",
            // issue 14: notifications (the in-app list, each user's choices, the mail outbox)
            "notification",
            "notification notification_preference mail_outbox",
            // issue 14 items 5-8: status surveys (the region's surveys, questions, addressees, answers, tags,
            // reminders)
            "survey",
            "survey survey_question survey_addressee survey_answer survey_tag survey_reminder_sent",
            // the frameworks' tables: Spring Modulith's event publication registry, Spring Session (issue 17) and
            // ShedLock's job locks (issue 17); the config module sets them up and alone reads one in SQL (the
            // incomplete-event gauges of EventPublicationMetrics)
            "config",
            "event_publication event_publication_archive spring_session spring_session_attributes shedlock");

    /** Views published before the {@code <module>_<what>} naming. */
    static final Map<String, String> OLD_VIEWS = Map.of(
            "agreement_overview",
            "agreement",
            "agreement_state",
            "agreement",
            "current_municipality_region",
            "registry");

    /** The module that loads seed data and may write any table, like a migration. */
    static final String SEED_LOADER = "demo";

    static final Path MAIN = Path.of("src/main/java/dk/botilbudslaege");

    /** A table named where SQL takes a relation: after from, join, into, update, table, references, using. */
    static final Pattern RELATION = Pattern.compile(
            "\\b(?:from|join|into|update|table|references|using)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b",
            Pattern.CASE_INSENSITIVE);

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_table_has_an_owner() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                         where table_schema = 'public' and table_type = 'BASE TABLE'
                           and table_name <> 'flyway_schema_history'
                        """).query(String.class).list();
        assertThat(tables).isNotEmpty();
        assertThat(tables.stream().filter(t -> !OWNER.containsKey(t)).toList())
                .as("tables without an owner in ModuleTablesTest.OWNER")
                .isEmpty();
    }

    @Test
    void a_published_view_reads_only_its_modules_tables_and_other_views() {
        record Use(String view, String used, String usedType) {}
        List<Use> uses = jdbc.sql("""
                        select u.view_name as view, u.table_name as used, t.table_type as used_type
                          from information_schema.view_table_usage u
                          join information_schema.tables t
                            on t.table_schema = u.table_schema and t.table_name = u.table_name
                         where u.view_schema = 'public'
                        """).query(Use.class).list();
        List<String> views = jdbc.sql("select table_name from information_schema.views where table_schema = 'public'")
                .query(String.class)
                .list();
        assertThat(views.stream().filter(v -> viewOwner(v) == null).toList())
                .as("views named neither <module>_<what> nor in OLD_VIEWS")
                .isEmpty();
        assertThat(uses).isNotEmpty();
        List<String> wrong = uses.stream()
                .filter(u -> u.usedType().equals("BASE TABLE")
                        && !viewOwner(u.view()).equals(OWNER.get(u.used())))
                .map(u -> u.view() + " (" + viewOwner(u.view()) + ") reads " + u.used() + " (" + OWNER.get(u.used())
                        + ")")
                .toList();
        assertThat(wrong)
                .as("published views reading another module's private table")
                .isEmpty();
    }

    @Test
    void sql_names_only_its_own_modules_tables() {
        Map<String, List<String>> found = crossModuleReads(MAIN);
        report(found);
        assertThat(found.entrySet().stream()
                        .filter(e -> !e.getKey().startsWith(SEED_LOADER + " "))
                        .flatMap(e -> e.getValue().stream().map(where -> e.getKey() + ": " + where))
                        .toList())
                .as("SQL naming another module's private table (module -> owner: file: table); read the owner's"
                        + " published view (<module>_<what>) or ask its Java API instead")
                .isEmpty();
    }

    @Test
    void the_rule_fails_on_sql_naming_another_modules_table() throws IOException {
        Path root = Files.createTempDirectory("module-tables");
        Path offender = root.resolve("matching/Offending.java");
        Files.createDirectories(offender.getParent());
        Files.writeString(offender, """
                class Offending {
                    // select * from agreement (a comment, not SQL)
                    String sql = \"""
                            select d.name, f.region from registry_doctor d
                              join facility f on f.id = d.id
                            \""";
                    String other = "select region from matching_round where region = 'x'";
                }
                """);
        Map<String, List<String>> found = crossModuleReads(root);
        assertThat(found).containsOnlyKeys("matching -> registry");
        assertThat(found.get("matching -> registry")).containsExactly("Offending.java: facility");
    }

    static String viewOwner(String view) {
        if (OLD_VIEWS.containsKey(view)) {
            return OLD_VIEWS.get(view);
        }
        return OWNER.values().stream()
                .distinct()
                .filter(m -> view.startsWith(m + "_"))
                .findFirst()
                .orElse(null);
    }

    /** Per "module -> owner", each naming of another module's table in SQL: "File.java: table". */
    static Map<String, List<String>> crossModuleReads(Path root) {
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String module = root.relativize(file).getName(0).toString();
                for (String literal : stringLiterals(Files.readString(file))) {
                    Matcher m = RELATION.matcher(literal);
                    while (m.find()) {
                        String table = m.group(1).toLowerCase(Locale.ROOT);
                        String owner = OWNER.get(table);
                        if (owner != null && !owner.equals(module)) {
                            found.computeIfAbsent(module + " -> " + owner, k -> new ArrayList<>())
                                    .add(file.getFileName() + ": " + table);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The contents of the string literals and text blocks of a Java source, comments left out. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '\'') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(source.substring(i + 1, Math.min(j, n)));
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static void report(Map<String, List<String>> found) {
        found.forEach((pair, uses) -> System.out.println("ModuleTablesTest: " + pair + " " + uses.size() + " "
                + uses.stream().collect(Collectors.groupingBy(u -> u, TreeMap::new, Collectors.counting()))));
    }

    /** Pairs of a module and its tables (space-separated), as many as there are modules. */
    private static Map<String, String> owners(String... moduleAndTables) {
        Map<String, String> owner = new TreeMap<>();
        for (int i = 0; i < moduleAndTables.length; i += 2) {
            String module = moduleAndTables[i];
            for (String table : moduleAndTables[i + 1].trim().split("\\s+")) {
                assertThat(owner.put(table, module)).as(table + " owned twice").isNull();
            }
        }
        return owner;
    }

    static Set<String> modules() {
        return new TreeSet<>(OWNER.values());
    }
}
