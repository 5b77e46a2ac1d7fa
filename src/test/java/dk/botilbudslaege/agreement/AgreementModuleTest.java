package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.support.ScenarioUsers.NORDDJURS;
import static dk.botilbudslaege.support.ScenarioUsers.REGION_MIDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dk.botilbudslaege.audit.AuditedChange;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.registry.DoctorForm;
import dk.botilbudslaege.registry.Doctors;
import dk.botilbudslaege.registry.Facilities;
import dk.botilbudslaege.registry.FacilityForm;
import dk.botilbudslaege.registry.PracticeForm;
import dk.botilbudslaege.registry.Practices;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.support.ModuleScenarioTest;
import dk.botilbudslaege.support.Notifications;
import dk.botilbudslaege.support.ScenarioUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agreement module's main flow as events (issue 12 item 3): filing and approving through
 * {@link Agreements} publishes {@code Filed} and {@link AgreementApproved}, a refused transition
 * publishes nothing, and a listener after commit that fails keeps its publication in the registry
 * (event_publication) until a resubmission succeeds.
 */
@ModuleScenarioTest
class AgreementModuleTest {

    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(900_000);

    private final Agreements agreements;
    private final Practices practices;
    private final Doctors doctors;
    private final Facilities facilities;
    private final ScenarioUsers users;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final FailedEventPublications failed;

    AgreementModuleTest(
            Agreements agreements,
            Practices practices,
            Doctors doctors,
            Facilities facilities,
            ScenarioUsers users,
            JsonMapper json,
            JdbcClient jdbc,
            FailedEventPublications failed) {
        this.agreements = agreements;
        this.practices = practices;
        this.doctors = doctors;
        this.facilities = facilities;
        this.users = users;
        this.json = json;
        this.jdbc = jdbc;
        this.failed = failed;
    }

    @AfterEach
    void signOut() {
        users.signOut();
    }

    @Test
    void an_agreement_filed_and_approved_publishes_filed_then_approved(Scenario scenario) {
        long id = draft();
        CurrentUser norddjurs = users.signIn(NORDDJURS);

        scenario.stimulate(() -> agreements.submit(norddjurs, id, filing(), null))
                .andWaitForEventOfType(AgreementEvents.Filed.class)
                .matching(filed -> filed.agreementId() == id)
                .toArriveAndVerify(filed -> {
                    assertThat(filed.actor()).isEqualTo(NORDDJURS);
                    assertThat(filed.changes()).containsOnlyKeys("status");
                });

        CurrentUser region = users.signIn(REGION_MIDT);
        scenario.stimulate(() -> agreements.approve(region, id, null))
                .andWaitForEventOfType(AgreementApproved.class)
                .matching(approved -> approved.agreementId() == id)
                .toArriveAndVerify(approved -> {
                    assertThat(approved.startDate()).isEqualTo(LocalDate.of(2025, 9, 1));
                    assertThat(approved.actor()).isEqualTo(REGION_MIDT);
                });
    }

    @Test
    void a_refused_transition_publishes_nothing(AssertablePublishedEvents events) {
        long id = draft();
        List<AuditedChange> madeSoFar = new ArrayList<>();
        events.ofType(AuditedChange.class).forEach(madeSoFar::add);
        assertThat(madeSoFar).last().isInstanceOf(AgreementEvents.Created.class);
        CurrentUser region = users.signIn(REGION_MIDT);

        // a draft is not filed yet: the region cannot approve it
        assertThatThrownBy(() -> agreements.approve(region, id, null)).isInstanceOf(ConflictException.class);

        assertThat(events.ofType(AuditedChange.class)).containsExactlyElementsOf(madeSoFar);
        assertThat(agreements.get(region, id).status()).isEqualTo(AgreementStatus.DRAFT);
    }

    @Test
    void a_failing_listener_keeps_its_publication_until_a_resubmission_succeeds() {
        long id = draft();
        Notifications.failNext.set(true);
        agreements.submit(users.signIn(NORDDJURS), id, filing(), null);
        agreements.approve(users.signIn(REGION_MIDT), id, null);

        await().atMost(Duration.ofSeconds(10)).until(() -> Notifications.failures.get() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(id) == 1);
        assertThat(Notifications.handled).doesNotContain(id);
        // the change and its audit record committed all the same
        assertThat(agreements.get(users.signIn(REGION_MIDT), id).status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'AGREEMENT' and entity_id = :id"
                                + " and action = 'APPROVED'")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isOne();

        failed.resubmit(ResubmissionOptions.defaults()); // what config.EventPublicationRetry does every minute

        await().atMost(Duration.ofSeconds(10)).until(() -> Notifications.handled.contains(id));
        // completed publications are deleted (spring.modulith.events.completion-mode=delete)
        await().atMost(Duration.ofSeconds(10)).until(() -> publications(id) == 0);
    }

    /** A draft in Norddjurs: a free doctor in a practice of their own, a facility of 18 residents. */
    private long draft() {
        CurrentUser region = users.signIn(REGION_MIDT);
        long practice = practices
                .create(
                        region,
                        form(
                                PracticeForm.class,
                                Map.of(
                                        "providerNumber",
                                        String.valueOf(PROVIDER_NUMBERS.incrementAndGet()),
                                        "name",
                                        "Lægehuset",
                                        "address",
                                        "Torvet 1, 8500 Grenaa",
                                        "municipalityCode",
                                        "707",
                                        "clinicType",
                                        "ORDINARY",
                                        "doctorCapacity",
                                        1,
                                        "openForNewPatients",
                                        true,
                                        "vatRegistered",
                                        false)))
                .id();
        long doctor = doctors.create(
                        region,
                        form(
                                DoctorForm.class,
                                Map.of("practiceId", practice, "name", "Læge", "nursingHomeDoctor", false)))
                .id();
        long facility = facilities
                .create(
                        region,
                        form(
                                FacilityForm.class,
                                Map.of(
                                        "name",
                                        "Botilbud",
                                        "address",
                                        "Testvej 1, 8500 Grenaa",
                                        "municipalityCode",
                                        "707",
                                        "operator",
                                        "MUNICIPAL",
                                        "legalBasis",
                                        "SEL_108",
                                        "places",
                                        18,
                                        "residents",
                                        18)))
                .id();
        return agreements
                .create(
                        users.signIn(NORDDJURS),
                        form(
                                AgreementForm.class,
                                Map.of(
                                        "doctorId",
                                        doctor,
                                        "facilityIds",
                                        List.of(facility),
                                        "startDate",
                                        "2025-09-01",
                                        "matchMethod",
                                        "PRACTICE_CONSULTANT")))
                .id();
    }

    private InformationFormInput filing() {
        return form(
                InformationFormInput.class,
                Map.of("contactName", "Lise Holm", "contactRole", "Leder", "noOtherContract", true));
    }

    /** A form as the API binds it from JSON, whether it is a JavaBean or a record. */
    private <T> T form(Class<T> type, Map<String, Object> fields) {
        return json.convertValue(new LinkedHashMap<>(fields), type);
    }

    private long incomplete(long agreementId) {
        return jdbc.sql("""
                        select count(*) from event_publication where completion_date is null
                           and listener_id like '%Notifications%' and serialized_event like :id
                        """)
                .param("id", "%\"agreementId\":" + agreementId + ",%")
                .query(Long.class)
                .single();
    }

    private long publications(long agreementId) {
        return jdbc.sql("""
                        select count(*) from event_publication
                         where listener_id like '%Notifications%' and serialized_event like :id
                        """)
                .param("id", "%\"agreementId\":" + agreementId + ",%")
                .query(Long.class)
                .single();
    }
}
