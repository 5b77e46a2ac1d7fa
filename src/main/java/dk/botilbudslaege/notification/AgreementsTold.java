package dk.botilbudslaege.notification;

import dk.botilbudslaege.agreement.AgreementApproved;
import dk.botilbudslaege.agreement.AgreementEvents;
import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told of an agreement's steps (issue 14 item 3), in the transaction of the step; the link is the
 * agreement's page {@code /agreements/{id}}, the subject names the agreement's number and unit.
 * <ul>
 *   <li>form filed: the region of the agreement;</li>
 *   <li>form approved or rejected: the user who filed the form and the doctor;</li>
 *   <li>a filed form withdrawn by its filer: the region (a draft withdrawn tells nobody);</li>
 *   <li>notice given: the other party (the facility side when the doctor gave notice, else the doctor) and the
 *       region;</li>
 *   <li>agreement ended by the region: both parties (the doctor and the facility side) and the region.</li>
 * </ul>
 * The facility side is {@link Recipients#facilitySide}. The actor is never told.
 */
@Component
class AgreementsTold {

    static final String LINK = "/agreements/";

    record Overview(
            long id,
            String unitName,
            String regionCode,
            long doctorId,
            List<Long> facilityIds,
            LocalDate endDate,
            String createdBy) {}

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final Recipients recipients;

    AgreementsTold(JdbcClient jdbc, Notifier notifier, Recipients recipients) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.recipients = recipients;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgreementEvents.Filed filed) {
        Recipients.actor().ifPresent(actor -> {
            Overview a = overview(filed.agreementId());
            tell(NotificationKind.FORM_FILED, actor, notifier.regionUsers(a.regionCode()), a, "formFiled");
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgreementApproved approved) {
        Recipients.actor().ifPresent(actor -> decided(actor, approved.agreementId(), "formApproved"));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgreementEvents.Rejected rejected) {
        Recipients.actor().ifPresent(actor -> decided(actor, rejected.agreementId(), "formRejected"));
    }

    /** A form taken back after it was filed (not a draft, which the region never saw): the region. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgreementEvents.Withdrawn withdrawn) {
        AuditTrail.Change status = withdrawn.changes().get("status");
        if (status == null || !"SUBMITTED".equals(String.valueOf(status.from()))) {
            return;
        }
        Recipients.actor().ifPresent(actor -> {
            Overview a = overview(withdrawn.agreementId());
            tell(NotificationKind.FORM_WITHDRAWN, actor, notifier.regionUsers(a.regionCode()), a, "formWithdrawn");
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgreementEvents.NoticeGiven notice) {
        Recipients.actor().ifPresent(actor -> {
            Overview a = overview(notice.agreementId());
            Set<String> told = new LinkedHashSet<>();
            if (actor.is(Role.DOCTOR)) {
                told.addAll(recipients.facilitySide(a.facilityIds(), a.regionCode()));
            } else {
                told.addAll(notifier.doctorUsers(List.of(a.doctorId())));
            }
            told.addAll(notifier.regionUsers(a.regionCode()));
            tell(NotificationKind.NOTICE_GIVEN, actor, told, a, "noticeGiven", DanishFormats.date(a.endDate()));
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgreementEvents.EndedByRegion ended) {
        Recipients.actor().ifPresent(actor -> {
            Overview a = overview(ended.agreementId());
            Set<String> told = new LinkedHashSet<>(notifier.doctorUsers(List.of(a.doctorId())));
            told.addAll(recipients.facilitySide(a.facilityIds(), a.regionCode()));
            told.addAll(notifier.regionUsers(a.regionCode()));
            tell(NotificationKind.AGREEMENT_ENDED, actor, told, a, "agreementEnded", DanishFormats.date(a.endDate()));
        });
    }

    /** The filer of the form (the last filing; the creator of the draft if none is recorded) and the doctor. */
    private void decided(CurrentUser actor, long agreementId, String subject) {
        Overview a = overview(agreementId);
        String filer = jdbc.sql("""
                        select filed_by from agreement_information_form
                         where agreement_id = :id order by filed_at desc limit 1
                        """)
                .param("id", agreementId)
                .query(String.class)
                .optional()
                .orElse(a.createdBy());
        Set<String> told = new LinkedHashSet<>();
        if (filer != null) {
            told.add(filer);
        }
        told.addAll(notifier.doctorUsers(List.of(a.doctorId())));
        tell(NotificationKind.FORM_DECIDED, actor, told, a, subject);
    }

    private void tell(
            NotificationKind kind,
            CurrentUser actor,
            java.util.Collection<String> told,
            Overview a,
            String subject,
            String... more) {
        String[] args = new String[2 + more.length];
        args[0] = String.valueOf(a.id());
        args[1] = a.unitName();
        System.arraycopy(more, 0, args, 2, more.length);
        notifier.notify(Notice.of(
                kind,
                Recipients.without(actor.username(), told),
                LINK + a.id(),
                "notification.subject." + subject,
                args));
    }

    private Overview overview(long id) {
        return jdbc.sql("""
                        select id, unit_name, region_code, doctor_id, facility_ids, end_date, created_by
                          from agreement_overview where id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Overview(
                        rs.getLong("id"),
                        rs.getString("unit_name"),
                        rs.getString("region_code"),
                        rs.getLong("doctor_id"),
                        ids(rs.getArray("facility_ids")),
                        rs.getObject("end_date", LocalDate.class),
                        rs.getString("created_by")))
                .single();
    }

    static List<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .filter(java.util.Objects::nonNull)
                .map(o -> ((Number) o).longValue())
                .toList();
    }
}
