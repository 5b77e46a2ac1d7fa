package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.common.SortColumns;
import dk.botilbudslaege.common.SqlConditions;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for facilities and their sections. */
@Repository
class FacilityRepository {

    private static final String SELECT = """
            select f.id, f.name, f.address, f.municipality_code, m.name as municipality_name, fr.region_code,
                   f.operator, f.private_ownership, f.legal_basis, f.places, f.residents, f.temporary_places,
                   f.latitude, f.longitude, f.group_id, legal_basis_in_scope(f.legal_basis, current_date) as in_scope,
                   f.version
              from facility f
              join municipality m on m.code = f.municipality_code
              join current_municipality_region fr on fr.municipality_code = f.municipality_code
            """;

    /** The facility list's sort keys (i16 lists). */
    static final SortColumns SORT = new SortColumns(
            Map.of(
                    "name", "f.name",
                    "municipality", "m.name",
                    "operator", "f.operator",
                    "legalBasis", "f.legal_basis",
                    "residents", "f.residents",
                    "places", "f.places",
                    "inScope", "legal_basis_in_scope(f.legal_basis, current_date)"),
            "name",
            false,
            "f.id");

    private final JdbcClient jdbc;
    private final RegistryCommitments commitments;

    FacilityRepository(JdbcClient jdbc, RegistryCommitments commitments) {
        this.jdbc = jdbc;
        this.commitments = commitments;
    }

    PageResult<Facility> search(SqlConditions conditions, PageRequest page) {
        long total = conditions
                .bind(jdbc.sql("""
                        select count(*) from facility f
                          join current_municipality_region fr on fr.municipality_code = f.municipality_code
                        """ + conditions.where()))
                .query(Long.class)
                .single();
        List<Facility> rows = conditions
                .bind(jdbc.sql(SELECT + conditions.where() + " order by " + page.orderBy(SORT)
                        + " limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::mapWithoutSections)
                .list();
        return new PageResult<>(withSections(rows), page.page(), page.size(), total);
    }

    Optional<Facility> findById(long id) {
        return jdbc.sql(SELECT + " where f.id = :id")
                .param("id", id)
                .query(this::mapWithoutSections)
                .optional()
                .map(f -> withSections(List.of(f)).get(0));
    }

    long insert(Facility.FacilityData d) {
        return bindData(jdbc.sql("""
                        insert into facility (name, address, municipality_code, operator, private_ownership,
                                              legal_basis, places, residents, temporary_places, latitude, longitude,
                                              group_id)
                        values (:name, :address, :municipalityCode, :operator, :privateOwnership, :legalBasis,
                                :places, :residents, :temporaryPlaces, :latitude, :longitude, :groupId)
                        returning id
                        """), d).query(Long.class).single();
    }

    /** Updates when the version still matches; false when someone else changed it first. */
    boolean update(long id, int version, Facility.FacilityData d) {
        return bindData(jdbc.sql("""
                        update facility set name = :name, address = :address, municipality_code = :municipalityCode,
                               operator = :operator, private_ownership = :privateOwnership, legal_basis = :legalBasis,
                               places = :places, residents = :residents, temporary_places = :temporaryPlaces,
                               latitude = :latitude, longitude = :longitude, group_id = :groupId,
                               version = version + 1, updated_at = now()
                         where id = :id and version = :version
                        """), d)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    List<FacilityGroup> groupsIn(List<String> municipalityCodes) {
        if (municipalityCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, name, kind, municipality_code from facility_group
                         where municipality_code in (:codes) order by name
                        """)
                .param("codes", municipalityCodes)
                .query(FacilityGroup.class)
                .list();
    }

    Optional<FacilityGroup> group(long id) {
        return jdbc.sql("select id, name, kind, municipality_code from facility_group where id = :id")
                .param("id", id)
                .query(FacilityGroup.class)
                .optional();
    }

    /** Whether the registry holds a facility with this name, address, municipality and legal basis. */
    boolean exists(Facility.FacilityData d) {
        return jdbc.sql("""
                        select count(*) from facility
                         where lower(name) = lower(:name) and lower(address) = lower(:address)
                           and municipality_code = :municipalityCode and legal_basis = :legalBasis
                        """)
                        .param("name", d.name())
                        .param("address", d.address())
                        .param("municipalityCode", d.municipalityCode())
                        .param("legalBasis", d.legalBasis().name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The group's members are fixed: an agreement on the group is, or will be, in force (answered by agreement). */
    boolean groupHasAgreementInForce(long groupId) {
        return commitments.groupFixed(groupId);
    }

    boolean sectionHasAgreement(long sectionId) {
        return commitments.sectionInUse(sectionId);
    }

    int sectionResidents(long facilityId) {
        return jdbc.sql("select coalesce(sum(residents), 0) from facility_section where facility_id = :id")
                .param("id", facilityId)
                .query(Integer.class)
                .single();
    }

    long insertSection(long facilityId, String name, int residents) {
        return jdbc.sql("""
                        insert into facility_section (facility_id, name, residents) values (:f, :name, :residents)
                        returning id
                        """)
                .param("f", facilityId)
                .param("name", name)
                .param("residents", residents)
                .query(Long.class)
                .single();
    }

    boolean sectionNameTaken(long facilityId, String name) {
        return jdbc.sql("select count(*) from facility_section where facility_id = :f and lower(name) = lower(:name)")
                        .param("f", facilityId)
                        .param("name", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean deleteSection(long facilityId, long sectionId) {
        return jdbc.sql("delete from facility_section where id = :s and facility_id = :f")
                        .param("s", sectionId)
                        .param("f", facilityId)
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec bindData(JdbcClient.StatementSpec spec, Facility.FacilityData d) {
        return spec.param("name", d.name())
                .param("address", d.address())
                .param("municipalityCode", d.municipalityCode())
                .param("operator", d.operator().name())
                .param(
                        "privateOwnership",
                        d.privateOwnership() == null
                                ? null
                                : d.privateOwnership().name())
                .param("legalBasis", d.legalBasis().name())
                .param("places", d.places())
                .param("residents", d.residents())
                .param("temporaryPlaces", d.temporaryPlaces())
                .param("latitude", d.latitude() == null ? null : BigDecimal.valueOf(d.latitude()))
                .param("longitude", d.longitude() == null ? null : BigDecimal.valueOf(d.longitude()))
                .param("groupId", d.groupId());
    }

    private List<Facility> withSections(List<Facility> facilities) {
        if (facilities.isEmpty()) {
            return facilities;
        }
        Map<Long, List<Facility.Section>> sections = jdbc
                .sql("""
                        select id, facility_id, name, residents from facility_section
                         where facility_id in (:ids) order by name
                        """)
                .param("ids", facilities.stream().map(Facility::id).toList())
                .query((rs, i) -> Map.entry(
                        rs.getLong("facility_id"),
                        new Facility.Section(rs.getLong("id"), rs.getString("name"), rs.getInt("residents"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return facilities.stream()
                .map(f -> new Facility(
                        f.id(),
                        f.name(),
                        f.address(),
                        f.municipalityCode(),
                        f.municipalityName(),
                        f.regionCode(),
                        f.operator(),
                        f.privateOwnership(),
                        f.legalBasis(),
                        f.places(),
                        f.residents(),
                        f.temporaryPlaces(),
                        f.latitude(),
                        f.longitude(),
                        f.groupId(),
                        f.inScope(),
                        sections.getOrDefault(f.id(), List.of()),
                        f.version()))
                .toList();
    }

    private Facility mapWithoutSections(ResultSet rs, int row) throws SQLException {
        String ownership = rs.getString("private_ownership");
        BigDecimal lat = rs.getBigDecimal("latitude");
        BigDecimal lon = rs.getBigDecimal("longitude");
        return new Facility(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getString("municipality_code"),
                rs.getString("municipality_name"),
                rs.getString("region_code"),
                Operator.valueOf(rs.getString("operator")),
                ownership == null ? null : PrivateOwnership.valueOf(ownership),
                LegalBasis.valueOf(rs.getString("legal_basis")),
                rs.getInt("places"),
                rs.getInt("residents"),
                rs.getInt("temporary_places"),
                lat == null ? null : lat.doubleValue(),
                lon == null ? null : lon.doubleValue(),
                (Long) rs.getObject("group_id"),
                rs.getBoolean("in_scope"),
                List.of(),
                rs.getInt("version"));
    }

    // issue 16 item 2: the fixed doctor of a facility, read from the agreement module's published views
    /** NONE, PARTLY or COVERED today for the facility {@code f} (as the coverage module counts it, C1). */
    static final String STATE = """
            (select case when coalesce(bool_or(c.section_id is null), false) then 'COVERED'
                         when count(c.section_id) = 0 then 'NONE'
                         when count(c.section_id) >= (select count(*) from facility_section x where x.facility_id = f.id)
                              then 'COVERED'
                         else 'PARTLY' end
               from agreement_facility_coverage c where c.facility_id = f.id and c.period @> current_date)""";

    /** The list's column: the state and the doctors' names today. */
    public record DoctorColumn(String state, String doctors) {}

    /*
     * i17-cov: the doctors' names from agreement_state and the registry's own doctor table (agreement_overview's
     * doctor_name is doctor.name): over the view the planner hashed every agreement with its doctor, practice and
     * municipality once per listed facility (13 ms a page); now two index lookups per covering agreement.
     */
    java.util.Map<Long, DoctorColumn> doctorColumns(List<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, DoctorColumn> columns = new java.util.HashMap<>();
        jdbc.sql("select f.id, " + STATE + """
                         as state,
                               (select string_agg(distinct d.name, ', ')
                                  from agreement_facility_coverage c join agreement_state a on a.id = c.agreement_id
                                  join doctor d on d.id = a.doctor_id
                                 where c.facility_id = f.id and c.period @> current_date) as doctors
                          from facility f where f.id in (:ids)
                        """)
                .param("ids", ids)
                .query((rs, n) ->
                        columns.put(rs.getLong("id"), new DoctorColumn(rs.getString("state"), rs.getString("doctors"))))
                .list();
        return columns;
    }

    List<Facilities.FixedDoctor> fixedDoctorsOf(long facilityId) {
        return jdbc.sql("""
                        select a.id as agreement_id, a.doctor_name, a.practice_name, a.unit_name, a.status,
                               a.start_date, a.notice_date, a.end_date
                          from agreement_overview a
                         where :f = any(a.facility_ids) and a.status in ('ACTIVE', 'NOTICE_GIVEN')
                         order by a.start_date, a.id
                        """)
                .param("f", facilityId)
                .query(Facilities.FixedDoctor.class)
                .list();
    }
}
