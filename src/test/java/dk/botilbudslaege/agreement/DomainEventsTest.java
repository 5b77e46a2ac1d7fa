package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.audit.AuditedChange;
import dk.botilbudslaege.registry.RegistryEvents;
import dk.botilbudslaege.settlement.SettlementEvents;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The main flows publish one event per change (issue 12 item 3) and the audit trail records each in the
 * change's transaction. Through the API as the users, on the whole application with the demo data: the
 * events are captured by a listener this test adds to the shared context for each test and removes after
 * it (no context of its own), on whatever thread publishes them. The flows module by module, and a
 * failing listener after commit kept in the registry until resubmitted, are the module scenarios
 * ({@link AgreementModuleTest} and the other {@code @ModuleScenarioTest}s).
 */
@IntegrationTest
class DomainEventsTest {

    private final List<AuditedChange> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload() instanceof AuditedChange change) {
            published.add(change);
        }
    };

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    Api api;
    AgreementFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        fixtures = new AgreementFixtures(api);
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void stopRecording() {
        context.removeApplicationListener(recorder);
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
                        """)
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly(
                        NORDDJURS + " CREATED " + auditOf(id, "CREATED"),
                        NORDDJURS + " SUBMITTED {\"status\": {\"to\": \"SUBMITTED\", \"from\": \"DRAFT\"}}",
                        REGION_MIDT + " APPROVED {\"status\": {\"to\": \"ACTIVE\", \"from\": \"SUBMITTED\"}}");
    }

    @Test
    void a_month_approved_in_settlement_is_an_event() {
        assertThat(api.as(REGION_MIDT)
                        .post("/api/v1/settlements/2025-03/run", "")
                        .status())
                .isEqualTo(200);
        assertThat(api.as(REGION_MIDT)
                        .post("/api/v1/settlements/2025-03/approve", "")
                        .status())
                .isEqualTo(200);

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

    private long filedAndApproved() {
        long doctor = fixtures.freeDoctor();
        long facility = fixtures.facility("SEL_108", 18);
        Api.Response created = fixtures.create(NORDDJURS, doctor, facility, LocalDate.of(2025, 9, 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(api.as(NORDDJURS)
                        .post(
                                "/api/v1/agreements/" + id + "/submit",
                                Map.of("contactName", "Lise Holm", "contactRole", "Leder", "noOtherContract", true))
                        .status())
                .isEqualTo(200);
        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private String auditOf(long id, String action) {
        return jdbc.sql("select changes::text from audit_event where entity_type = 'AGREEMENT' and entity_id = :id"
                        + " and action = :action")
                .param("id", String.valueOf(id))
                .param("action", action)
                .query(String.class)
                .single();
    }

    private <T> List<T> eventsOf(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
