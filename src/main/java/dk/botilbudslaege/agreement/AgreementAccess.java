package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.SqlConditions;
import dk.botilbudslaege.security.CurrentUser;
import java.util.List;

/**
 * Who may see and act on agreements (SPEC §1, §3).
 * <ul>
 *   <li>File (create, change, submit, withdraw): the municipality for municipal and private facilities
 *       located in it, the region for regional facilities in its region, a private facility itself.</li>
 *   <li>Approve or reject: the region of the facility.</li>
 *   <li>Give notice: the doctor, and the party that files for the facility (SPEC §3): the municipality for
 *       municipal and private facilities, the private facility itself, the region for regional ones. A
 *       municipality is refused on a regional facility's agreement, a region on a municipal one.</li>
 *   <li>End an agreement that can no longer run: the region of the agreement, whatever the operator.</li>
 *   <li>Read: the region, the municipality and the facility of the unit, and the doctor. The national
 *       viewer sees aggregates only: every agreement and dispensation call is "forbidden" (403), whatever
 *       the id, as in the registry.</li>
 * </ul>
 */
final class AgreementAccess {

    private AgreementAccess() {}

    /** The facts of a unit that decide who may file for it. */
    record UnitScope(
            List<String> operators, List<String> municipalityCodes, List<String> regionCodes, List<Long> facilityIds) {}

    /** Refuses the national viewer before anything is looked up, so that neither rows nor ids leak. */
    static void requireAgreementUser(CurrentUser user) {
        if (user.national()) {
            throw new ForbiddenException("scope.national.aggregatesOnly");
        }
    }

    static boolean canFile(CurrentUser user, UnitScope unit) {
        return switch (user.role()) {
            case MUNICIPALITY ->
                unit.municipalityCodes().stream().allMatch(user::inMunicipality)
                        && unit.operators().stream().noneMatch("REGIONAL"::equals);
            case REGION ->
                unit.regionCodes().stream().allMatch(user::inRegion)
                        && unit.operators().stream().allMatch("REGIONAL"::equals);
            case FACILITY ->
                unit.facilityIds().contains(user.facilityId())
                        && unit.operators().stream().allMatch("PRIVATE"::equals);
            case DOCTOR, NATIONAL, ADMIN -> false;
        };
    }

    static boolean canRead(CurrentUser user, Agreement a) {
        return switch (user.role()) {
            case REGION -> user.inRegion(a.regionCode());
            case MUNICIPALITY -> user.inMunicipality(a.municipalityCode());
            case FACILITY -> a.facilityIds().contains(user.facilityId());
            case DOCTOR -> user.doctorId() != null && user.doctorId() == a.doctorId();
            case NATIONAL, ADMIN -> false;
        };
    }

    static boolean canDecide(CurrentUser user, Agreement a) {
        return user.is(dk.botilbudslaege.security.Role.REGION) && user.inRegion(a.regionCode());
    }

    /** The doctor of the agreement, or the party that files for the unit ({@link #canFile}). */
    static boolean canGiveNotice(CurrentUser user, Agreement a, UnitScope unit) {
        return user.is(dk.botilbudslaege.security.Role.DOCTOR)
                ? user.doctorId() != null && user.doctorId() == a.doctorId()
                : canFile(user, unit);
    }

    /** The region of the agreement ends one that can no longer run (SPEC §3). */
    static boolean canEnd(CurrentUser user, Agreement a) {
        return canDecide(user, a);
    }

    /**
     * The agreements (alias {@code a}, the agreement_overview) whose unit holds the facility named by the
     * parameter: {@code :p = any(a.facility_ids)}, led by the same test on the agreement's own columns (a
     * facility or section names its facility, a group its group: V5's checks), which the planner can use.
     * Without it every list of a facility computed facility_ids for every agreement and was planned anew on
     * every execution (issue 17); the any() stays, so the rows are the same.
     */
    static String ofFacility(String param) {
        return "(a.facility_id = :%1$s or a.group_id = (select g.group_id from registry_facility g where g.id = :%1$s))"
                        .formatted(param)
                + " and :%s = any(a.facility_ids)".formatted(param);
    }

    /** Limits a list of agreements (alias {@code a}, the agreement_overview) to the caller's scope. */
    static SqlConditions scoped(CurrentUser user) {
        SqlConditions conditions = new SqlConditions();
        return switch (user.role()) {
            case REGION -> conditions.add("a.region_code = :scopeRegion", "scopeRegion", user.regionCode());
            case MUNICIPALITY ->
                conditions.add(
                        "a.municipality_code = :scopeMunicipality", "scopeMunicipality", user.municipalityCode());
            case FACILITY -> conditions.add(ofFacility("scopeFacility"), "scopeFacility", user.facilityId());
            case DOCTOR -> conditions.add("a.doctor_id = :scopeDoctor", "scopeDoctor", user.doctorId());
            case NATIONAL, ADMIN -> throw new ForbiddenException("scope.national.aggregatesOnly");
        };
    }
}
