package dk.botilbudslaege.security;

/**
 * The scope of a signed-in principal as SQL, for the two tables that hold one: {@code app_user} (people,
 * {@link UserScopeQuery}) and {@code api_client} (integrations, {@code security.api.ApiClients}). Both store a
 * role with a region (REGION only), a municipality, a facility or a doctor; the municipality and region in force
 * today are derived the same way: a stored region through its successor after a merger, else the region of the
 * municipality (stored, the facility's or the doctor's practice's).
 */
public final class ScopeSql {

    private ScopeSql() {}

    /** {@code municipality_code, region_code} of the row aliased {@code alias}; needs {@link #joins}. */
    public static String columns(String alias) {
        return """
                coalesce(%1$s.municipality_code, f.municipality_code) as municipality_code,
                coalesce(region_successor(%1$s.region_code, current_date),
                         region_of(coalesce(%1$s.municipality_code, f.municipality_code, p.municipality_code),
                                   current_date)) as region_code
                """.formatted(alias);
    }

    /** The facility {@code f}, doctor {@code d} and practice {@code p} of the row aliased {@code alias}. */
    public static String joins(String alias) {
        return """
                left join registry_facility f on f.id = %1$s.facility_id
                left join registry_doctor d on d.id = %1$s.doctor_id
                left join registry_practice p on p.id = d.practice_id
                """.formatted(alias);
    }
}
