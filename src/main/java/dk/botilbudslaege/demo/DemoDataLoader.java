package dk.botilbudslaege.demo;

import dk.botilbudslaege.config.ConditionalOnLocalDatabase;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local mode only: fills an empty database once with demo data and the demo logins of API.md,
 * then prints where to go and how to sign in.
 */
@Component
@ConditionalOnLocalDatabase
@ConditionalOnProperty(name = "botilbud.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String PASSWORD = "demo";
    static final String NORDDJURS = "707";
    static final String MIDTJYLLAND = "1082";

    private final RegistryLoader loader;
    private final Users users;
    private final JdbcClient jdbc;
    private final DemoProperties properties;
    private final Environment environment;
    private final DemoAgreements demoAgreements;
    private final DemoMatching demoMatching;
    // issue 13, sick visits
    private final DemoSickVisits demoSickVisits;
    // issue 13, cooperation plan
    private final DemoCollaborationPlans demoCollaborationPlans;
    // issue 13, advisory sessions: a year of sessions for Norddjurs' running agreements
    private final dk.botilbudslaege.collaboration.AdvisorySessionDemo advisorySessionDemo;
    // issue 13, residents' choice
    private final DemoResidentCounts demoResidentCounts;
    // issue 13, performance: collaboration data for the national data set
    private final SyntheticCollaboration syntheticCollaboration;
    // issue 14, surveys: Region Midtjylland's 2025 midway survey (seed 000)
    private final DemoSurvey demoSurvey;

    DemoDataLoader(
            RegistryLoader loader,
            Users users,
            JdbcClient jdbc,
            DemoProperties properties,
            Environment environment,
            DemoAgreements demoAgreements,
            DemoMatching demoMatching,
            DemoSickVisits demoSickVisits,
            DemoCollaborationPlans demoCollaborationPlans,
            dk.botilbudslaege.collaboration.AdvisorySessionDemo advisorySessionDemo,
            DemoResidentCounts demoResidentCounts,
            SyntheticCollaboration syntheticCollaboration,
            DemoSurvey demoSurvey) {
        this.demoSurvey = demoSurvey; // issue 14, surveys
        this.syntheticCollaboration = syntheticCollaboration;
        this.demoResidentCounts = demoResidentCounts;
        this.demoSickVisits = demoSickVisits;
        this.demoCollaborationPlans = demoCollaborationPlans;
        this.advisorySessionDemo = advisorySessionDemo;
        this.demoAgreements = demoAgreements;
        this.demoMatching = demoMatching;
        this.loader = loader;
        this.users = users;
        this.jdbc = jdbc;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (loader.registryIsEmpty()) {
            long started = System.nanoTime();
            if (properties.dataset() == DemoProperties.Dataset.NATIONAL) {
                loadNational();
            } else {
                loadMidtjylland();
            }
            // issue 14, in-app notifications: the demo users get e-mail addresses, so that the mails can be seen
            // on the local mail page
            jdbc.sql("update app_user set email = username || '@demo.botilbudslaege.dk' where email is null")
                    .update();
            // end in-app notifications
            // issue 15, user administration: a region's and a municipality's user administrator, so that the scoped
            // administration can be tried
            jdbc.sql("update app_user set user_admin = true where username in ('region-midt', 'kommune-norddjurs')")
                    .update();
            // end user administration
            log.info("Demo data ({}) loaded in {} ms", properties.dataset(), (System.nanoTime() - started) / 1_000_000);
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        // issue 16, login: the logins this database really has (the national data set has no region-midt)
        List<String> logins = users.demoLogins();
        List<String> userAdmins = logins.isEmpty()
                ? List.of()
                : jdbc
                        .sql(
                                "select username from app_user where (user_admin or role = 'ADMIN') and username in (:names)")
                        .param("names", logins)
                        .query(String.class)
                        .list()
                        .stream()
                        .sorted(java.util.Comparator.comparingInt(logins::indexOf))
                        .toList();
        log.info(banner(port, logins, userAdmins));
    }

    /** The startup banner: where to go and the demo logins that exist (issue 16: never one that was not created). */
    static String banner(String port, List<String> logins, List<String> userAdmins) {
        StringBuilder text = new StringBuilder("\n")
                .append("------------------------------------------------------------------\n")
                .append(" Botilbudslæge is running: http://localhost:")
                .append(port)
                .append("/\n");
        if (logins.isEmpty()) {
            text.append(" No demo logins in this database.\n");
        } else {
            text.append(" Demo logins, all with password '").append(PASSWORD).append("':\n");
            wrap(text, logins);
        }
        List<String> admins = userAdmins.stream()
                .map(name -> name.equals("admin") ? "admin (everyone)" : name)
                .toList();
        if (!admins.isEmpty()) {
            text.append(" User administrators (issue 15), /admin/users:\n");
            wrap(text, admins);
        }
        return text.append(" E-mails sent (issue 14): http://localhost:")
                .append(port)
                .append("/mails\n")
                .append("   (without SPRING_MAIL_HOST they are caught by the built-in\n")
                .append("   mail server and not sent out)\n")
                .append("------------------------------------------------------------------")
                .toString();
    }

    private static void wrap(StringBuilder text, List<String> names) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) + (i < names.size() - 1 ? "," : "");
            if (line.length() + 1 + name.length() > 66) {
                text.append(line).append('\n');
                line = new StringBuilder("  ");
            }
            line.append(' ').append(name);
        }
        text.append(line).append('\n');
    }

    private void loadMidtjylland() {
        var nation = loader.municipalities();
        var region = nation.stream()
                .filter(m -> regionOf(m.code()).equals(MIDTJYLLAND))
                .filter(m -> !m.code().equals(NORDDJURS))
                .toList();
        var generated = new SyntheticRegistry(properties.seed()).generate(region, nation);
        loader.insertFacilities(generated.facilities());
        loader.insertPractices(generated.practices());
        loader.insertFacilities(Norddjurs.FACILITIES);
        loader.insertPractices(Norddjurs.PRACTICES);
        Norddjurs.GROUPS.forEach(group -> {
            long groupId = jdbc.sql("""
                            insert into facility_group (name, kind, municipality_code) values (:n, :k, :m) returning id
                            """)
                    .param("n", group.name())
                    .param("k", group.kind())
                    .param("m", NORDDJURS)
                    .query(Long.class)
                    .single();
            jdbc.sql("update facility set group_id = :g where municipality_code = :m and name in (:names)")
                    .param("g", groupId)
                    .param("m", NORDDJURS)
                    .param("names", group.members())
                    .update();
        });
        createAccounts();
        demoAgreements.load(properties.seed());
        demoMatching.load(properties.seed());
        demoSickVisits.load(); // issue 13, sick visits
        demoCollaborationPlans.load(); // issue 13, cooperation plan
        advisorySessionDemo.load(java.time.LocalDate.now(dk.botilbudslaege.web.DanishTime.DENMARK));
        // issue 13, residents' choice: monthly counts for Norddjurs
        demoResidentCounts.load();
        // issue 14, surveys: the 2025 midway survey, 18 of 19 answered
        demoSurvey.load();
    }

    private void loadNational() {
        var nation = loader.municipalities();
        var generated = new SyntheticRegistry(properties.seed()).generate(nation, nation);
        loader.insertFacilities(generated.facilities());
        loader.insertPractices(generated.practices());
        for (String code : List.of("1081", "1082", "1083", "1084", "1085")) {
            users.create(new Users.NewUser(
                    "region-" + code, PASSWORD, "Region " + code, Role.REGION, code, null, null, null));
        }
        users.create(new Users.NewUser(
                "kommune-aarhus", PASSWORD, "Aarhus Kommune", Role.MUNICIPALITY, null, "751", null, null));
        users.create(new Users.NewUser("national", PASSWORD, "National læser", Role.NATIONAL, null, null, null, null));
        users.create(new Users.NewUser("admin", PASSWORD, "Administrator", Role.ADMIN, null, null, null, null));
        loader.coverEveryInScopeFacility();
        // issue 13, performance: collaboration data for every running agreement, and a doctor and a facility
        // login (the first running agreement in Aarhus) to measure their pages with
        syntheticCollaboration.load(
                properties.seed(), java.time.LocalDate.now(dk.botilbudslaege.web.DanishTime.DENMARK));
        jdbc.sql("""
                        select doctor_id, facility_id from agreement_overview
                         where municipality_code = '751' and status = 'ACTIVE' order by id limit 1
                        """)
                .query((rs, n) -> new long[] {rs.getLong("doctor_id"), rs.getLong("facility_id")})
                .optional()
                .ifPresent(first -> {
                    users.create(new Users.NewUser(
                            "laege-aarhus", PASSWORD, "Læge i Aarhus", Role.DOCTOR, null, null, null, first[0]));
                    users.create(new Users.NewUser(
                            "botilbud-aarhus",
                            PASSWORD,
                            "Botilbud i Aarhus",
                            Role.FACILITY,
                            null,
                            null,
                            first[1],
                            null));
                });
    }

    private void createAccounts() {
        users.create(new Users.NewUser(
                "region-midt",
                PASSWORD,
                "Region Midtjylland, Sundhedsplanlægning",
                Role.REGION,
                MIDTJYLLAND,
                null,
                null,
                null));
        users.create(new Users.NewUser(
                "region-nord",
                PASSWORD,
                "Region Nordjylland, Sundhedsplanlægning",
                Role.REGION,
                "1081",
                null,
                null,
                null));
        users.create(new Users.NewUser(
                "kommune-norddjurs",
                PASSWORD,
                "Norddjurs Kommune, Socialområdet",
                Role.MUNICIPALITY,
                null,
                NORDDJURS,
                null,
                null));
        users.create(new Users.NewUser(
                "kommune-aarhus",
                PASSWORD,
                "Aarhus Kommune, praksiskonsulent",
                Role.MUNICIPALITY,
                null,
                "751",
                null,
                null));
        users.create(new Users.NewUser(
                "botilbud-skovstjernen",
                PASSWORD,
                "Skovstjernen, kontaktperson",
                Role.FACILITY,
                null,
                null,
                loader.facilityId("Skovstjernen", NORDDJURS),
                null));
        users.create(new Users.NewUser(
                "laege-norddjurs",
                PASSWORD,
                "Anne Kjær, praktiserende læge",
                Role.DOCTOR,
                null,
                null,
                null,
                loader.doctorId(Norddjurs.DEMO_DOCTOR)));
        users.create(new Users.NewUser(
                "national", PASSWORD, "National læser (RLTN, PLO, KL)", Role.NATIONAL, null, null, null, null));
        users.create(
                new Users.NewUser("admin", PASSWORD, "Ordningens administration", Role.ADMIN, null, null, null, null));
    }

    private String regionOf(String municipalityCode) {
        return jdbc.sql("select region_code from current_municipality_region where municipality_code = :m")
                .param("m", municipalityCode)
                .query(String.class)
                .single();
    }
}
