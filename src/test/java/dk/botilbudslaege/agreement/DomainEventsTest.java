package dk.botilbudslaege.agreement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dk.botilbudslaege.audit.AuditedChange;
import dk.botilbudslaege.registry.RegistryEvents;
import dk.botilbudslaege.settlement.SettlementEvents;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The main flows publish one event per change (issue 12 item 3), the audit trail records each in the
 * change's transaction, and a listener after commit that fails keeps its publication in the registry
 * (event_publication) until a resubmission succeeds. Through the API as the users, on the whole
 * application: the events are captured by a listener of this test, on whatever thread publishes them.
 */
@IntegrationTest
@Import(DomainEventsTest.Listeners.class)
class DomainEventsTest {

    @TestConfiguration
    static class Listeners {

        // static: the bean is a proxy (a listener after commit runs in a transaction of its own)
        static final List<AuditedChange> published = new CopyOnWriteArrayList<>();
        static final AtomicBoolean failNext = new AtomicBoolean();
        static final AtomicInteger failures = new AtomicInteger();
        static final List<Long> handled = new CopyOnWriteArrayList<>();

        @EventListener
        void record(AuditedChange change) {
            published.add(change);
        }

        /** Stands for a later listener (notifications): fails once when told to. */
        @ApplicationModuleListener
        void on(AgreementApproved approved) {
            if (failNext.compareAndSet(true, false)) {
                failures.incrementAndGet();
                throw new IllegalStateException("the mail server is away");
            }
            handled.add(approved.agreementId());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FailedEventPublications failed;
    Api api;
    AgreementFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void an_agreement_filed_and_approved_publishes_its_events_and_the_audit_records_them() {
        long id = filedAndApproved();

        assertThat(eventsOf(AgreementEvents.Filed.class)).anySatisfy(e -> {
            assertThat(e.agreementId()).isEqualTo(id);
            assertThat(e.actor()).isEqualTo(NORDDJURS);
        });
        assertThat(eventsOf(AgreementApproved.class)).anySatisfy(e -> {
            assertThat(e.agreementId()).isEqualTo(id);
            assertThat(e.startDate()).isEqualTo(LocalDate.of(2025, 9, 1));
            assertThat(e.actor()).isEqualTo(REGION_MIDT);
        });
        assertThat(jdbc.sql("""
                        select actor || ' ' || action || ' ' || changes::text from audit_event
                         where entity_type = 'AGREEMENT' and entity_id = :id order by id
                        """).param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly(NORDDJURS + " CREATED " + auditOf(id, "CREATED"),
                        NORDDJURS + " SUBMITTED {\"status\": {\"to\": \"SUBMITTED\", \"from\": \"DRAFT\"}}",
                        REGION_MIDT + " APPROVED {\"status\": {\"to\": \"ACTIVE\", \"from\": \"SUBMITTED\"}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> Listeners.handled.contains(id));
    }

    @Test
    void a_month_approved_in_settlement_is_an_event() {
        assertThat(api.as(REGION_MIDT).post("/api/v1/settlements/2025-03/run", "").status()).isEqualTo(200);
        assertThat(api.as(REGION_MIDT).post("/api/v1/settlements/2025-03/approve", "").status()).isEqualTo(200);

        assertThat(eventsOf(SettlementEvents.MonthApproved.class)).anySatisfy(e -> {
            assertThat(e.regionMonth()).isEqualTo("1082/2025-03");
            assertThat(e.actor()).isEqualTo(REGION_MIDT);
            assertThat(e.action()).isEqualTo("APPROVED");
        });
    }

    @Test
    void a_registry_change_is_an_event() {
        long facility = fixtures.facility("SEL_108", 14);

        assertThat(eventsOf(RegistryEvents.FacilityCreated.class)).anySatisfy(e -> {
            assertThat(e.facilityId()).isEqualTo(facility);
            assertThat(e.changes()).containsKeys("name", "residents");
        });
    }

    @Test
    void a_failing_listener_keeps_its_publication_until_a_resubmission_succeeds() {
        Listeners.failNext.set(true);
        long id = filedAndApproved();

        await().atMost(Duration.ofSeconds(10)).until(() -> Listeners.failures.get() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(id) == 1);
        assertThat(Listeners.handled).doesNotContain(id);
        // the change and its audit row committed all the same
        assertThat(api.as(REGION_MIDT).get("/api/v1/agreements/" + id).json().path("status").asString())
                .isEqualTo("ACTIVE");

        failed.resubmit(ResubmissionOptions.defaults()); // what config.EventPublicationRetry does every minute

        await().atMost(Duration.ofSeconds(10)).until(() -> Listeners.handled.contains(id));
        // completed publications are deleted (spring.modulith.events.completion-mode=delete)
        await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(id) == 0 && publications(id) == 0);
    }

    private long filedAndApproved() {
        long doctor = fixtures.freeDoctor();
        long facility = fixtures.facility("SEL_108", 18);
        Api.Response created = fixtures.create(NORDDJURS, doctor, facility, LocalDate.of(2025, 9, 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/submit",
                Map.of("contactName", "Lise Holm", "contactRole", "Leder", "noOtherContract", true)).status())
                .isEqualTo(200);
        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private String auditOf(long id, String action) {
        return jdbc.sql("select changes::text from audit_event where entity_type = 'AGREEMENT' and entity_id = :id"
                        + " and action = :action").param("id", String.valueOf(id)).param("action", action)
                .query(String.class).single();
    }

    private long incomplete(long agreementId) {
        return jdbc.sql("""
                        select count(*) from event_publication where completion_date is null
                           and listener_id like '%DomainEventsTest%' and serialized_event like :id
                        """).param("id", "%\"agreementId\":" + agreementId + ",%").query(Long.class).single();
    }

    private long publications(long agreementId) {
        return jdbc.sql("""
                        select count(*) from event_publication
                         where listener_id like '%DomainEventsTest%' and serialized_event like :id
                        """).param("id", "%\"agreementId\":" + agreementId + ",%").query(Long.class).single();
    }

    private <T> List<T> eventsOf(Class<T> type) {
        return Listeners.published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
