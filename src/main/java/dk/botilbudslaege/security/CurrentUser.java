package dk.botilbudslaege.security;

/**
 * The signed-in user and the scope their role gives (SPEC §1). Resolved once at login: the region
 * of a municipal, facility or doctor user is the region their municipality belongs to today.
 *
 * @param regionCode       the region in scope; null only for the national viewer and the administrator
 * @param municipalityCode the municipality of a municipal or facility user
 * @param facilityId       the facility of a facility user
 * @param doctorId         the doctor of a doctor user
 * @param practiceId       the practice of a doctor user
 */
public record CurrentUser(
        String username,
        String displayName,
        Role role,
        String regionCode,
        String municipalityCode,
        Long facilityId,
        Long doctorId,
        Long practiceId)
        implements java.io.Serializable {

    public boolean is(Role other) {
        return role == other;
    }

    /** National in scope (the national viewer or the administrator): reads aggregates, nothing of one region. */
    public boolean national() {
        return role == Role.NATIONAL || role == Role.ADMIN;
    }

    public boolean inRegion(String code) {
        return regionCode != null && regionCode.equals(code);
    }

    public boolean inMunicipality(String code) {
        return municipalityCode != null && municipalityCode.equals(code);
    }
}
