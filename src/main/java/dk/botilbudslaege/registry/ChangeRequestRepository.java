package dk.botilbudslaege.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for change requests. */
@Repository
class ChangeRequestRepository {

    private static final String SELECT = """
            select c.*, p.name as practice_name, p.provider_number, pr.region_code, d.name as doctor_name
              from change_request c
              join practice p on p.id = c.practice_id
              join current_municipality_region pr on pr.municipality_code = p.municipality_code
              left join doctor d on d.id = c.doctor_id
            """;

    private final JdbcClient jdbc;

    ChangeRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A region's requests (regionCode set) or a practice's (practiceId set), pending first, newest first. */
    List<ChangeRequest> list(String regionCode, Long practiceId, ChangeRequest.Status status) {
        return jdbc.sql(SELECT + """
                         where (cast(:region as text) is null or pr.region_code = :region)
                           and (cast(:practice as bigint) is null or c.practice_id = :practice)
                           and (cast(:status as text) is null or c.status = :status)
                         order by (c.status = 'PENDING') desc, c.filed_at desc, c.id desc
                         limit 500
                        """)
                .param("region", regionCode)
                .param("practice", practiceId)
                .param("status", status == null ? null : status.name())
                .query(ChangeRequest.class)
                .list();
    }

    Optional<ChangeRequest> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", id)
                .query(ChangeRequest.class)
                .optional();
    }

    /** The request, locked until the transaction ends, so two decisions cannot both pass the PENDING check. */
    Optional<ChangeRequest> findForUpdate(long id) {
        jdbc.sql("select id from change_request where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional();
        return find(id);
    }

    long insert(
            long practiceId,
            Long doctorId,
            String field,
            String newValue,
            String oldValue,
            LocalDate validFrom,
            String reason,
            String filedBy) {
        return jdbc.sql("""
                        insert into change_request (practice_id, doctor_id, field, new_value, old_value, valid_from,
                                                    reason, filed_by)
                        values (:practice, :doctor, :field, :newValue, :oldValue, :validFrom, :reason, :filedBy)
                        returning id
                        """)
                .param("practice", practiceId)
                .param("doctor", doctorId)
                .param("field", field)
                .param("newValue", newValue)
                .param("oldValue", oldValue)
                .param("validFrom", validFrom)
                .param("reason", reason)
                .param("filedBy", filedBy)
                .query(Long.class)
                .single();
    }

    /** Decides a pending request; false when it was already decided. */
    boolean decide(long id, ChangeRequest.Status status, String by, String reason) {
        return jdbc.sql("""
                        update change_request set status = :status, decided_by = :by, decided_at = now(),
                               decision_reason = :reason
                         where id = :id and status = 'PENDING'
                        """)
                        .param("status", status.name())
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", id)
                        .update()
                == 1;
    }
}
