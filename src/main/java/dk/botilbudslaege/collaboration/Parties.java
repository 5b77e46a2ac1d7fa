package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.agreement.AgreementStatus;
import dk.botilbudslaege.agreement.Agreements;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.registry.Facilities;
import dk.botilbudslaege.registry.Facility;
import dk.botilbudslaege.registry.Operator;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two parties of the collaboration and who reads it (issue 13 item 6, SPEC §1):
 * <ul>
 *   <li>the facility side: the facility's own contact; the municipality for its municipal and private
 *       facilities (a regional facility's side is its own contact);</li>
 *   <li>the doctor side: the doctor of the agreement;</li>
 *   <li>readers: both sides, the municipality for every facility in it, the region for everything in it;
 *       the national viewer and the administrator read aggregates only (403 here, whatever the id).</li>
 * </ul>
 * Reading an agreement or a facility goes through its module, which refuses what is out of scope (403/404).
 */
@Component
public class Parties {

    private final Agreements agreements;
    private final Facilities facilities;
    private final JdbcClient jdbc;

    Parties(Agreements agreements, Facilities facilities, JdbcClient jdbc) {
        this.agreements = agreements;
        this.facilities = facilities;
        this.jdbc = jdbc;
    }

    /** The agreement as this user may read it; the national viewer is refused before anything is read. */
    public Agreement agreement(CurrentUser user, long agreementId) {
        requireNotNational(user);
        return agreements.get(user, agreementId);
    }

    /** The facility as this user may read it; the national viewer is refused before anything is read. */
    public Facility facility(CurrentUser user, long facilityId) {
        requireNotNational(user);
        return facilities.get(user, facilityId);
    }

    /** The agreement, when the user acts for its facility side; otherwise 403 with {@code refusal}. */
    public Agreement asFacilitySide(CurrentUser user, long agreementId, String refusal) {
        Agreement a = agreement(user, agreementId);
        if (!facilitySide(user, a)) {
            throw new ForbiddenException(refusal);
        }
        return a;
    }

    /** The agreement, when the user is its doctor; otherwise 403 with {@code refusal}. */
    public Agreement asDoctor(CurrentUser user, long agreementId, String refusal) {
        Agreement a = agreement(user, agreementId);
        if (!doctorSide(user, a)) {
            throw new ForbiddenException(refusal);
        }
        return a;
    }

    /** The agreement, when the user is one of its two parties; otherwise 403 with {@code refusal}. */
    public Agreement asEitherParty(CurrentUser user, long agreementId, String refusal) {
        Agreement a = agreement(user, agreementId);
        if (!facilitySide(user, a) && !doctorSide(user, a)) {
            throw new ForbiddenException(refusal);
        }
        return a;
    }

    /** The facility, when the user acts for it; otherwise 403 with {@code refusal}. */
    public Facility asFacilitySideOf(CurrentUser user, long facilityId, String refusal) {
        Facility f = facility(user, facilityId);
        if (!facilitySide(user, f)) {
            throw new ForbiddenException(refusal);
        }
        return f;
    }

    public boolean facilitySide(CurrentUser user, Agreement a) {
        return switch (user.role()) {
            case FACILITY -> a.facilityIds().contains(user.facilityId());
            case MUNICIPALITY ->
                user.inMunicipality(a.municipalityCode())
                        && a.facilityIds().stream().allMatch(id -> facilitySide(user, facilities.get(user, id)));
            default -> false;
        };
    }

    public boolean facilitySide(CurrentUser user, Facility f) {
        return switch (user.role()) {
            case FACILITY -> user.facilityId() != null && user.facilityId() == f.id();
            case MUNICIPALITY -> user.inMunicipality(f.municipalityCode()) && f.operator() != Operator.REGIONAL;
            default -> false;
        };
    }

    public boolean doctorSide(CurrentUser user, Agreement a) {
        return user.is(Role.DOCTOR) && user.doctorId() != null && user.doctorId() == a.doctorId();
    }

    /** Whether the agreement runs on the day: approved (active or under notice) and within its dates. */
    public static boolean runsOn(Agreement a, LocalDate day) {
        boolean approved = a.status() == AgreementStatus.ACTIVE || a.status() == AgreementStatus.NOTICE_GIVEN;
        return approved && !day.isBefore(a.startDate()) && (a.endDate() == null || !day.isAfter(a.endDate()));
    }

    /** The id of the agreement that runs for the facility on the day (its fixed doctor's), if any. */
    public Optional<Long> runningAgreementOf(long facilityId, LocalDate day) {
        return jdbc.sql("""
                        select id from agreement_overview
                         where :facility = any(facility_ids) and status in ('ACTIVE', 'NOTICE_GIVEN')
                           and start_date <= :day and (end_date is null or end_date >= :day)
                         order by start_date desc limit 1
                        """)
                .param("facility", facilityId)
                .param("day", day)
                .query(Long.class)
                .optional();
    }

    private static void requireNotNational(CurrentUser user) {
        if (user.national()) {
            throw new ForbiddenException("scope.national.aggregatesOnly");
        }
    }
}
