package dk.botilbudslaege.agreement;

import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the agreement form offers a filer: their facilities, the sections and group of one, and doctors. */
@Component
class AgreementChoices {

    private final JdbcClient jdbc;

    AgreementChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record FacilityChoice(
            long id, String name, String municipalityName, int residents, boolean inScope, boolean covered) {}

    record SectionChoice(long id, String name, int residents) {}

    /** A group the facility belongs to, with its members' total residents (SPEC R7). */
    record GroupChoice(long id, String name, String kind, List<String> memberNames, int residents) {}

    record DoctorChoice(
            long id,
            String name,
            String practiceName,
            String providerNumber,
            String municipalityName,
            boolean nursingHomeDoctor,
            int activeAgreements) {}

    /** The facilities the user may file for, with whether they are in scope and covered today. */
    List<FacilityChoice> facilities(CurrentUser user) {
        return facilities(user, null);
    }

    /** Whether the user may file for this facility: it is one of {@link #facilities(CurrentUser)}. */
    boolean mayFileFor(CurrentUser user, long facilityId) {
        return !facilities(user, facilityId).isEmpty();
    }

    private List<FacilityChoice> facilities(CurrentUser user, Long onlyFacility) {
        String scope = switch (user.role()) {
            case MUNICIPALITY -> "f.municipality_code = :v and f.operator <> 'REGIONAL'";
            case REGION -> "r.region_code = :v and f.operator = 'REGIONAL'";
            case FACILITY -> "f.id = :v and f.operator = 'PRIVATE'";
            default -> "false";
        };
        Object value = switch (user.role()) {
            case MUNICIPALITY -> user.municipalityCode();
            case REGION -> user.regionCode();
            case FACILITY -> user.facilityId();
            default -> "";
        };
        return jdbc.sql("""
                        select f.id, f.name, m.name as municipality_name, f.residents,
                               legal_basis_in_scope(f.legal_basis, current_date) as in_scope,
                               exists (select 1 from agreement_coverage c join agreement a on a.id = c.agreement_id
                                        where c.facility_id = f.id and c.period @> current_date
                                          and a.status in ('ACTIVE', 'NOTICE_GIVEN')) as covered
                          from registry_facility f
                          join registry_municipality m on m.code = f.municipality_code
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where\s""" + scope + " and (cast(:only as bigint) is null or f.id = :only)"
                        + " order by covered, f.name")
                .param("v", value)
                .param("only", onlyFacility)
                .query(FacilityChoice.class)
                .list();
    }

    List<SectionChoice> sections(long facilityId) {
        return jdbc.sql(
                        "select id, name, residents from registry_facility_section where facility_id = :f order by name")
                .param("f", facilityId)
                .query(SectionChoice.class)
                .list();
    }

    List<GroupChoice> group(long facilityId) {
        return jdbc.sql("""
                        select g.id, g.name, g.kind,
                               array(select m.name from registry_facility m where m.group_id = g.id order by m.name) as members,
                               (select coalesce(sum(m.residents), 0) from registry_facility m where m.group_id = g.id) as residents
                          from registry_facility f join registry_facility_group g on g.id = f.group_id where f.id = :f
                        """)
                .param("f", facilityId)
                .query((rs, i) -> new GroupChoice(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        List.of((String[]) rs.getArray("members").getArray()),
                        rs.getInt("residents")))
                .list();
    }

    /** Doctors of the user's region, those of the given municipality first, with their current roles. */
    List<DoctorChoice> doctors(CurrentUser user, String preferredMunicipality) {
        return jdbc.sql("""
                        select d.id, d.name, p.name as practice_name, p.provider_number, m.name as municipality_name,
                               d.nursing_home_doctor,
                               (select count(*) from agreement_state a where a.doctor_id = d.id
                                   and a.effective_status in ('ACTIVE', 'NOTICE_GIVEN')) as active_agreements
                          from registry_doctor d
                          join registry_practice p on p.id = d.practice_id
                          join registry_municipality m on m.code = p.municipality_code
                          join current_municipality_region r on r.municipality_code = p.municipality_code
                         where r.region_code = :region
                         order by (p.municipality_code = :preferred) desc, m.name, d.name
                        """)
                .param("region", user.regionCode() == null ? "" : user.regionCode())
                .param("preferred", preferredMunicipality == null ? "" : preferredMunicipality)
                .query(DoctorChoice.class)
                .list();
    }

    /** Names of the doctors of the user's region (or the doctor themself), by id, for listing dispensations. */
    java.util.Map<Long, String> doctorNames(CurrentUser user) {
        var result = new java.util.HashMap<Long, String>();
        jdbc.sql("""
                        select d.id, d.name || ' (' || p.provider_number || ')' as label
                          from registry_doctor d join registry_practice p on p.id = d.practice_id
                          join current_municipality_region r on r.municipality_code = p.municipality_code
                         where r.region_code = :region or d.id = :doctor
                        """)
                .param("region", user.regionCode() == null ? "" : user.regionCode())
                .param("doctor", user.doctorId() == null ? -1L : user.doctorId())
                .query((rs, i) -> java.util.Map.entry(rs.getLong("id"), rs.getString("label")))
                .list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
