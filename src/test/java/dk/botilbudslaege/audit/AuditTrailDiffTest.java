package dk.botilbudslaege.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What the audit trail records: only what changed, with values a person can read. */
class AuditTrailDiffTest {

    enum Kind {
        A,
        B
    }

    record Snapshot(long id, String name, int places, BigDecimal rate, LocalDate from, Kind kind, int version) {}

    @Test
    void a_creation_records_every_field_from_nothing_but_not_id_and_version() {
        var changes = AuditTrail.diff(
                null, new Snapshot(1, "Nyvang", 12, new BigDecimal("1072.010"), LocalDate.of(2025, 4, 1), Kind.A, 0));
        assertThat(changes).containsOnlyKeys("name", "places", "rate", "from", "kind");
        assertThat(changes.get("rate")).isEqualTo(new AuditTrail.Change(null, "1072.01"));
        assertThat(changes.get("from")).isEqualTo(new AuditTrail.Change(null, "2025-04-01"));
        assertThat(changes.get("kind")).isEqualTo(new AuditTrail.Change(null, "A"));
    }

    @Test
    void an_update_records_only_the_changed_fields_with_before_and_after() {
        var before = new Snapshot(1, "Nyvang", 12, new BigDecimal("1072.01"), LocalDate.of(2025, 4, 1), Kind.A, 0);
        var after = new Snapshot(1, "Nyvang", 14, new BigDecimal("1072.010"), LocalDate.of(2025, 4, 1), Kind.B, 1);
        assertThat(AuditTrail.diff(before, after)).containsOnlyKeys("places", "kind");
        assertThat(AuditTrail.diff(before, after).get("places")).isEqualTo(new AuditTrail.Change(12, 14));
    }

    @Test
    void nothing_changed_records_nothing() {
        var same = new Snapshot(1, "Nyvang", 12, BigDecimal.ONE, LocalDate.of(2025, 4, 1), Kind.A, 0);
        assertThat(AuditTrail.diff(same, same)).isEmpty();
    }
}
