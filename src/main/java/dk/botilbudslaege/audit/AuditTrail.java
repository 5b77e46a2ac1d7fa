package dk.botilbudslaege.audit;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records and reads the audit trail. It listens to every {@link AuditedChange} and records it in the
 * transaction of the change: no change without its record.
 */
@Service
public class AuditTrail {

    private static final TypeReference<Map<String, Change>> CHANGES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A field's value before and after; {@code from} is null on create, {@code to} null on delete. */
    public record Change(Object from, Object to) {}

    /** One recorded event of an entity's history. */
    public record AuditEvent(
            long id,
            OffsetDateTime occurredAt,
            String actor,
            String entityType,
            String entityId,
            String action,
            Map<String, Change> changes) {}

    /**
     * Records a change in the transaction that made it, as the event is published: a plain listener,
     * not one after commit, so that no change commits without its record and none is recorded that
     * rolled back.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AuditedChange change) {
        jdbc.sql("""
                        insert into audit_event (actor, entity_type, entity_id, action, changes)
                        values (:actor, :type, :id, :action, cast(:changes as jsonb))
                        """)
                .param("actor", change.actor())
                .param("type", change.entityType())
                .param("id", String.valueOf(change.entityId()))
                .param("action", change.action())
                .param("changes", json.writeValueAsString(change.changes()))
                .update();
    }

    public List<AuditEvent> history(String entityType, Object entityId) {
        return jdbc.sql("""
                        select id, occurred_at, actor, entity_type, entity_id, action, changes::text as changes
                          from audit_event where entity_type = :type and entity_id = :id
                         order by occurred_at desc, id desc
                        """)
                .param("type", entityType)
                .param("id", String.valueOf(entityId))
                .query((rs, i) -> new AuditEvent(
                        rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("action"),
                        json.readValue(rs.getString("changes"), CHANGES)))
                .list();
    }

    /**
     * The fields (record components) whose values differ between two snapshots of the same kind: every
     * field from nothing when {@code before} is null, to nothing when {@code after} is null. The one
     * way changes are described.
     */
    public static Map<String, Change> diff(Record before, Record after) {
        Record shape = after != null ? after : before;
        Map<String, Change> changes = new LinkedHashMap<>();
        if (shape == null) {
            return changes;
        }
        for (var component : shape.getClass().getRecordComponents()) {
            if (component.getName().equals("version") || component.getName().equals("id")) {
                continue;
            }
            Object from = before == null ? null : read(component, before);
            Object to = after == null ? null : read(component, after);
            if (!Objects.equals(normalize(from), normalize(to))) {
                changes.put(component.getName(), new Change(normalize(from), normalize(to)));
            }
        }
        return changes;
    }

    private static Object read(java.lang.reflect.RecordComponent component, Record record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.time.temporal.Temporal t) {
            return t.toString();
        }
        return value;
    }
}
