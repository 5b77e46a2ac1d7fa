package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows the cooperation plan tests make through the API: a practice in Norddjurs with two doctors (the
 * agreement's doctor and a colleague who may be the substitute), a municipal facility, an active agreement,
 * and logins for the doctor and the facility's contact.
 */
public final class CooperationPlanScenarios {

    static final String REGION_MIDT = "region-midt";
    static final String REGION_NORD = "region-nord";
    static final String NORDDJURS = "kommune-norddjurs";
    static final String AARHUS = "kommune-aarhus";
    static final String NATIONAL = "national";
    static final String PASSWORD = Api.PASSWORD;
    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(880_000);

    private final Api api;
    private final Users users;

    public CooperationPlanScenarios(Api api, Users users) {
        this.api = api;
        this.users = users;
    }

    /** An agreement with its parties' logins and the colleague's name. */
    public record Running(
            long id,
            long facilityId,
            String facilityName,
            Api doctor,
            Api facility,
            String colleague,
            String doctorLogin,
            String facilityLogin) {}

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public Running active(LocalDate start) {
        long practice = practice();
        long doctor = doctor(practice, unique("Læge"));
        String colleague = unique("Kollega");
        doctor(practice, colleague);
        String facilityName = unique("Bostedet");
        long facility = facility(facilityName);
        long id = created(api.as(NORDDJURS).post("/api/v1/agreements", agreement(doctor, facility, start)));
        Api.Response filed = api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/submit", Map.of());
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return running(id, facility, facilityName, doctor, colleague);
    }

    /** A draft agreement: not running. */
    Running draftAgreement() {
        long practice = practice();
        long doctor = doctor(practice, unique("Læge"));
        String facilityName = unique("Bostedet");
        long facility = facility(facilityName);
        long id = created(api.as(NORDDJURS)
                .post(
                        "/api/v1/agreements",
                        agreement(doctor, facility, LocalDate.now().plusMonths(1))));
        return running(id, facility, facilityName, doctor, null);
    }

    long practice() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        body.put("name", unique("Lægehuset"));
        body.put("address", "Torvet 1, 8500 Grenaa");
        body.put("municipalityCode", "707");
        body.put("clinicType", "ORDINARY");
        body.put("doctorCapacity", 4);
        body.put("openForNewPatients", true);
        body.put("vatRegistered", false);
        return created(api.as(REGION_MIDT).post("/api/v1/practices", body));
    }

    long doctor(long practiceId, String name) {
        return created(api.as(REGION_MIDT)
                .post("/api/v1/doctors", Map.of("practiceId", practiceId, "name", name, "nursingHomeDoctor", false)));
    }

    long facility(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("address", "Testvej 1, 8500 Grenaa");
        body.put("municipalityCode", "707");
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", 20);
        body.put("residents", 18);
        return created(api.as(REGION_MIDT).post("/api/v1/facilities", body));
    }

    private Running running(long id, long facility, String facilityName, long doctor, String colleague) {
        String doctorLogin = doctorUser(doctor);
        String facilityLogin = facilityUser(facility);
        return new Running(
                id,
                facility,
                facilityName,
                api.withPassword(doctorLogin, PASSWORD),
                api.withPassword(facilityLogin, PASSWORD),
                colleague,
                doctorLogin,
                facilityLogin);
    }

    /** A doctor login (password "demo", as the browser signs in). */
    String doctorUser(long doctorId) {
        String username = "laege-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(username, PASSWORD, "Testlæge", Role.DOCTOR, null, null, null, doctorId));
        return username;
    }

    String facilityUser(long facilityId) {
        String username = "botilbud-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(
                new Users.NewUser(username, PASSWORD, "Kontaktperson", Role.FACILITY, null, null, facilityId, null));
        return username;
    }

    static Map<String, Object> agreement(long doctorId, long facilityId, LocalDate start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("facilityIds", List.of(facilityId));
        body.put("startDate", start.toString());
        body.put("matchMethod", "PRACTICE_CONSULTANT");
        return body;
    }

    /** A complete draft of the plan. */
    static Map<String, Object> plan(LocalDate start, Integer version, String substitute) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startDate", start.toString());
        body.put("scope", "Rådgivning og undervisning af personalet, 2 timer om måneden.");
        body.put("schedule", "Første tirsdag i måneden kl. 13-15.");
        body.put("meetings", "Samarbejdsmøde hvert kvartal med ledelsen.");
        body.put("communication", "Sikker mail til praksis; telefon i konsultationstiden.");
        body.put("contactName", "Mette Sørensen");
        body.put("contactRole", "HEALTH_PROFESSIONAL");
        body.put("contactEmail", "mette@bostedet.dk");
        body.put("contactPhone", "+45 86 12 34 56");
        if (substitute != null) {
            body.put("substituteDoctor", substitute);
        }
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    static long created(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }
}
