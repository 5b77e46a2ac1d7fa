package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;

/**
 * Who may read and change what in the registry (SPEC §1). Reading out of scope answers "not found"
 * so that existence does not leak; changing what one may read but not change is "forbidden".
 * <ul>
 *   <li>Region: reads and changes facilities, practices and doctors in its region.</li>
 *   <li>Municipality: reads the facilities located in it and changes the municipal and private ones;
 *       reads the practices and doctors of its region (to find doctors).</li>
 *   <li>Facility: reads its own facility; reads the practices and doctors of its region.</li>
 *   <li>Doctor: reads the facilities, practices and doctors of its region; changes its own practice
 *       and that practice's doctors.</li>
 *   <li>National viewer: aggregates only, no registry rows: every registry call is "forbidden" (403),
 *       whatever the id, so nothing leaks.</li>
 * </ul>
 */
final class RegistryAccess {

    private RegistryAccess() {}

    static void requireRegistryReader(CurrentUser user) {
        if (user.national()) {
            throw new ForbiddenException("scope.national.aggregatesOnly");
        }
    }

    static boolean canReadFacility(CurrentUser user, String municipalityCode, String regionCode, long facilityId) {
        return switch (user.role()) {
            case REGION, DOCTOR -> user.inRegion(regionCode);
            case MUNICIPALITY -> user.inMunicipality(municipalityCode);
            case FACILITY -> user.facilityId() != null && user.facilityId() == facilityId;
            case NATIONAL, ADMIN -> false;
        };
    }

    static boolean canWriteFacility(CurrentUser user, String municipalityCode, String regionCode, Operator operator) {
        return switch (user.role()) {
            case REGION -> user.inRegion(regionCode);
            case MUNICIPALITY -> user.inMunicipality(municipalityCode) && operator != Operator.REGIONAL;
            case FACILITY, DOCTOR, NATIONAL, ADMIN -> false;
        };
    }

    static String facilityWriteRefusal(CurrentUser user) {
        return switch (user.role()) {
            case REGION -> "scope.facility.region";
            case MUNICIPALITY -> "scope.facility.municipality";
            default -> "scope.facility.readOnly";
        };
    }

    static boolean canReadPractice(CurrentUser user, String regionCode) {
        return !user.national() && user.inRegion(regionCode);
    }

    static boolean canWritePractice(CurrentUser user, String regionCode, Long practiceId) {
        return switch (user.role()) {
            case REGION -> user.inRegion(regionCode);
            case DOCTOR -> practiceId != null && practiceId.equals(user.practiceId());
            default -> false;
        };
    }

    static boolean canCreatePractice(CurrentUser user, String regionCode) {
        return user.is(dk.botilbudslaege.security.Role.REGION) && user.inRegion(regionCode);
    }

    /** The SQL condition (facility alias {@code f}, its current region {@code fr}) that limits a list to scope. */
    static ScopeFilter facilityFilter(CurrentUser user) {
        return switch (user.role()) {
            case REGION, DOCTOR -> new ScopeFilter("fr.region_code = :scopeRegion", "scopeRegion", user.regionCode());
            case MUNICIPALITY ->
                new ScopeFilter(
                        "f.municipality_code = :scopeMunicipality", "scopeMunicipality", user.municipalityCode());
            case FACILITY -> new ScopeFilter("f.id = :scopeFacility", "scopeFacility", user.facilityId());
            case NATIONAL, ADMIN -> throw new ForbiddenException("scope.national.aggregatesOnly");
        };
    }

    /** The SQL condition (practice's current region {@code pr}) that limits a list of practices to scope. */
    static ScopeFilter practiceFilter(CurrentUser user) {
        requireRegistryReader(user);
        return new ScopeFilter("pr.region_code = :scopeRegion", "scopeRegion", user.regionCode());
    }

    record ScopeFilter(String sql, String param, Object value) {}
}
