package dk.botilbudslaege.registry;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.util.List;
import org.springframework.stereotype.Service;

/** The audit trail of registry entities, readable by region users within their region (SPEC §9). */
@Service
public class RegistryAudit {

    private final Facilities facilities;
    private final Practices practices;
    private final Doctors doctors;
    private final AuditTrail audit;

    RegistryAudit(Facilities facilities, Practices practices, Doctors doctors, AuditTrail audit) {
        this.facilities = facilities;
        this.practices = practices;
        this.doctors = doctors;
        this.audit = audit;
    }

    public static boolean canRead(CurrentUser user) {
        return user.is(Role.REGION);
    }

    public List<AuditTrail.AuditEvent> facilityHistory(CurrentUser user, long id) {
        facilities.get(user, id);
        requireRegion(user);
        return audit.history(Facilities.ENTITY, id);
    }

    public List<AuditTrail.AuditEvent> practiceHistory(CurrentUser user, long id) {
        practices.get(user, id);
        requireRegion(user);
        return audit.history(Practices.ENTITY, id);
    }

    public List<AuditTrail.AuditEvent> doctorHistory(CurrentUser user, long id) {
        doctors.get(user, id);
        requireRegion(user);
        return audit.history(Doctors.ENTITY, id);
    }

    private static void requireRegion(CurrentUser user) {
        if (!canRead(user)) {
            throw new ForbiddenException("scope.audit.regionOnly");
        }
    }
}
