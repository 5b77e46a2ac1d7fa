package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.common.SqlConditions;
import dk.botilbudslaege.registry.LegalBasis;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for agreements, their coverage rows and the facts the rules need. */
@Repository
class AgreementRepository {

    /** The overview with the region's ending (V13), read from the table so the shared view stays as it is. */
    private static final String SELECT =
            "select a.*, x.end_reason, x.ended_by from agreement_overview a" + " join agreement x on x.id = a.id";

    /** The agreement list's sort keys (i16 lists); newest start first by default. */
    static final dk.botilbudslaege.common.SortColumns SORT = new dk.botilbudslaege.common.SortColumns(
            java.util.Map.of(
                    "unit", "a.unit_name",
                    "doctor", "a.doctor_name",
                    "status", "a.status",
                    "start", "a.start_date",
                    "end", "a.end_date"),
            "start",
            true,
            "a.id");

    private final JdbcClient jdbc;

    AgreementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<Agreement> search(SqlConditions conditions, PageRequest page) {
        long total = conditions
                .bind(jdbc.sql("select count(*) from agreement_overview a" + conditions.where()))
                .query(Long.class)
                .single();
        List<Agreement> rows = conditions
                .bind(jdbc.sql(SELECT + conditions.where() + " order by " + page.orderBy(SORT)
                        + " limit :limit offset :offset"))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AgreementRepository::map)
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    Optional<Agreement> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query(AgreementRepository::map)
                .optional();
    }

    long insert(NewAgreement a, String createdBy) {
        return jdbc.sql("""
                        insert into agreement (doctor_id, unit_kind, facility_id, section_id, group_id, status,
                                               start_date, match_method, created_by)
                        values (:doctor, :kind, :facility, :section, :group, 'DRAFT', :start, :method, :by)
                        returning id
                        """)
                .param("doctor", a.doctorId())
                .param("kind", a.unit().kind().name())
                .param(
                        "facility",
                        a.unit().kind() == UnitKind.GROUP
                                ? null
                                : a.unit().facilityIds().get(0))
                .param("section", a.unit().sectionId())
                .param("group", a.unit().groupId())
                .param("start", a.startDate())
                .param("method", a.matchMethod().name())
                .param("by", createdBy)
                .query(Long.class)
                .single();
    }

    boolean updateDraft(long id, int version, NewAgreement a) {
        return jdbc.sql("""
                        update agreement set doctor_id = :doctor, unit_kind = :kind, facility_id = :facility,
                               section_id = :section, group_id = :group, start_date = :start, match_method = :method,
                               version = version + 1, updated_at = now()
                         where id = :id and version = :version and status = 'DRAFT'
                        """)
                        .param("doctor", a.doctorId())
                        .param("kind", a.unit().kind().name())
                        .param(
                                "facility",
                                a.unit().kind() == UnitKind.GROUP
                                        ? null
                                        : a.unit().facilityIds().get(0))
                        .param("section", a.unit().sectionId())
                        .param("group", a.unit().groupId())
                        .param("start", a.startDate())
                        .param("method", a.matchMethod().name())
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Moves the agreement from one stored status to another if nobody changed it since {@code version}. */
    boolean transition(long id, int version, AgreementStatus from, AgreementStatus to) {
        return jdbc.sql("""
                        update agreement set status = :to, version = version + 1, updated_at = now()
                         where id = :id and version = :version and status = :from
                        """)
                        .param("to", to.name())
                        .param("from", from.name())
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    void recordDecision(long id, String by, String reason) {
        jdbc.sql("update agreement set decided_by = :by, decided_at = now(), decision_reason = :reason where id = :id")
                .param("by", by)
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    boolean giveNotice(long id, int version, LocalDate noticeDate, LocalDate endDate, String by) {
        return jdbc.sql("""
                        update agreement set status = 'NOTICE_GIVEN', notice_date = :notice, end_date = :end,
                               notice_by = :by, version = version + 1, updated_at = now()
                         where id = :id and version = :version
                           and (status = 'ACTIVE' or (status = 'NOTICE_GIVEN' and notice_date is null
                                                      and end_reason is not null and end_date > :end))
                        """)
                        .param("notice", noticeDate)
                        .param("end", endDate)
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /**
     * The region ends the agreement on {@code endDate} (SPEC §3): an active one gets the status
     * NOTICE_GIVEN (ENDED once the date has passed, agreement_state); one under notice keeps its notice
     * and ends earlier.
     */
    boolean end(long id, int version, LocalDate endDate, String reason, String by) {
        return jdbc.sql("""
                        update agreement set status = 'NOTICE_GIVEN', end_date = :end, end_reason = :reason,
                               ended_by = :by, ended_at = now(), version = version + 1, updated_at = now()
                         where id = :id and version = :version and status in ('ACTIVE', 'NOTICE_GIVEN')
                        """)
                        .param("end", endDate)
                        .param("reason", reason)
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /**
     * Writes what an approved agreement covers; the exclusion constraint refuses overlaps (R4). The unit's
     * facility rows are locked first, in id order: two approvals racing for the same facility then queue,
     * and the second meets the first's coverage as an exclusion violation. Without the lock both insert,
     * each waits for the other's row in the exclusion check, and PostgreSQL aborts one as a deadlock.
     */
    void insertCoverage(Agreement a) {
        jdbc.sql("select id from registry_facility where id in (:ids) order by id for no key update")
                .param("ids", a.facilityIds())
                .query(Long.class)
                .list();
        for (Long facilityId : a.facilityIds()) {
            jdbc.sql("""
                            insert into agreement_coverage (agreement_id, facility_id, section_id, section_range, period)
                            values (:a, :f, :s,
                                    case when :s::bigint is null then int8range(null, null)
                                         else int8range(:s, :s, '[]') end,
                                    daterange(:start, :end, '[]'))
                            """)
                    .param("a", a.id())
                    .param("f", facilityId)
                    .param("s", a.sectionId())
                    .param("start", a.startDate())
                    .param("end", a.endDate())
                    .update();
        }
    }

    void shortenCoverage(long agreementId, LocalDate endDate) {
        jdbc.sql("update agreement_coverage set period = daterange(lower(period), :end, '[]') where agreement_id = :a")
                .param("end", endDate)
                .param("a", agreementId)
                .update();
    }

    // ---- facts for the rules ------------------------------------------------------------------

    /** The unit's facilities with their legal basis, region and operator. */
    List<UnitFacility> unitFacilities(Unit unit) {
        return jdbc.sql("""
                        select f.id, f.legal_basis, f.operator, f.municipality_code, r.region_code, f.residents, f.group_id
                          from registry_facility f join current_municipality_region r on r.municipality_code = f.municipality_code
                         where f.id in (:ids) order by f.id
                        """)
                .param("ids", unit.facilityIds())
                .query(UnitFacility.class)
                .list();
    }

    List<Long> groupMembers(long groupId) {
        return jdbc.sql("select id from registry_facility where group_id = :g order by id")
                .param("g", groupId)
                .query(Long.class)
                .list();
    }

    Optional<Long> groupOf(long facilityId) {
        return jdbc.sql("select group_id from registry_facility where id = :f")
                .param("f", facilityId)
                .query(Long.class)
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    Optional<SectionFacts> section(long sectionId) {
        return jdbc.sql("select facility_id, residents from registry_facility_section where id = :s")
                .param("s", sectionId)
                .query(SectionFacts.class)
                .optional();
    }

    /** Another approved agreement covers one of these facilities (whole, or the same section) in the period. */
    boolean coveredByAnother(Unit unit, LocalDate start, LocalDate end, Long exceptAgreement) {
        return jdbc.sql("""
                        select exists (select 1 from agreement_coverage c join agreement a on a.id = c.agreement_id
                                        where c.facility_id in (:ids)
                                          and (c.section_id is null or :s::bigint is null or c.section_id = :s)
                                          and c.period && daterange(:start, :end, '[]')
                                          and a.status in ('ACTIVE', 'NOTICE_GIVEN')
                                          and (:except::bigint is null or a.id <> :except))
                        """)
                .param("ids", unit.facilityIds())
                .param("s", unit.sectionId())
                .param("start", start)
                .param("end", end)
                .param("except", exceptAgreement)
                .query(Boolean.class)
                .single();
    }

    Optional<DoctorFacts> doctor(long doctorId) {
        return jdbc.sql("""
                        select d.id, d.practice_id, d.nursing_home_doctor, p.doctor_capacity as practice_capacity, r.region_code
                          from registry_doctor d join registry_practice p on p.id = d.practice_id
                          join current_municipality_region r on r.municipality_code = p.municipality_code
                         where d.id = :d
                        """).param("d", doctorId).query(DoctorFacts.class).optional();
    }

    /** Serialises decisions that touch one practice, so R1 and R3 are checked against settled facts. */
    void lockPractice(long practiceId) {
        jdbc.sql("select id from registry_practice where id = :p for update")
                .param("p", practiceId)
                .query(Long.class)
                .single();
    }

    static Dispensation mapDispensation(ResultSet rs, int row) throws SQLException {
        BigDecimal hours = rs.getBigDecimal("monthly_hours");
        return new Dispensation(
                rs.getLong("id"),
                rs.getLong("doctor_id"),
                DispensationKind.valueOf(rs.getString("kind")),
                (Integer) rs.getObject("max_facilities"),
                plain(hours),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("reason"),
                rs.getString("granted_by"),
                rs.getObject("granted_at", OffsetDateTime.class));
    }

    /**
     * Hours as stored (numeric(4, 1)) without trailing zeros, but never in exponent form: 10.0 is 10,
     * not 1E+1, in JSON and on pages.
     */
    static BigDecimal plain(BigDecimal hours) {
        if (hours == null) {
            return null;
        }
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Agreement map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("facility_ids");
        List<Long> facilityIds = new ArrayList<>();
        if (array != null) {
            Arrays.stream((Object[]) array.getArray())
                    .map(o -> ((Number) o).longValue())
                    .forEach(facilityIds::add);
        }
        BigDecimal dispensationHours = rs.getBigDecimal("dispensation_hours");
        int residents = rs.getInt("residents");
        return new Agreement(
                rs.getLong("id"),
                AgreementStatus.valueOf(rs.getString("status")),
                rs.getLong("doctor_id"),
                rs.getString("doctor_name"),
                rs.getLong("practice_id"),
                rs.getString("provider_number"),
                rs.getString("practice_name"),
                rs.getBoolean("vat_registered"),
                UnitKind.valueOf(rs.getString("unit_kind")),
                List.copyOf(facilityIds),
                (Long) rs.getObject("section_id"),
                (Long) rs.getObject("group_id"),
                rs.getString("unit_name"),
                rs.getString("municipality_code"),
                rs.getString("municipality_name"),
                rs.getString("region_code"),
                residents,
                MonthlyHours.of(residents, plain(dispensationHours)),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getObject("notice_date", LocalDate.class),
                rs.getString("notice_by"),
                MatchMethod.valueOf(rs.getString("match_method")),
                rs.getString("decision_reason"),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("created_by"),
                rs.getInt("version"),
                rs.getString("end_reason"),
                rs.getString("ended_by"));
    }

    record UnitFacility(
            long id,
            LegalBasis legalBasis,
            String operator,
            String municipalityCode,
            String regionCode,
            int residents,
            Long groupId) {}

    record SectionFacts(long facilityId, int residents) {}

    record DoctorFacts(long id, long practiceId, boolean nursingHomeDoctor, int practiceCapacity, String regionCode) {}

    /**
     * @param sectionFacilities the facility of each approved section agreement overlapping the period
     * @param capacities        how many of the practice's capacities the doctor holds
     */
    static List<Long> longs(Array array) throws SQLException {
        List<Long> values = new ArrayList<>();
        if (array != null) {
            Arrays.stream((Object[]) array.getArray())
                    .map(o -> ((Number) o).longValue())
                    .forEach(values::add);
        }
        return values;
    }

    // issue 16 item 1: the region's start page
    /** The filed forms waiting for a decision in the conditions' scope, oldest first, and how many there are. */
    Agreements.WaitingForms waitingForms(SqlConditions conditions, int limit) {
        SqlConditions waiting = conditions.add("a.status = :waitingStatus", "waitingStatus", "SUBMITTED");
        long count = waiting.bind(jdbc.sql("select count(*) from agreement_overview a" + waiting.where()))
                .query(Long.class)
                .single();
        List<Agreements.WaitingForm> oldest = waiting.bind(jdbc.sql(
                        """
                        select a.id, a.unit_name, a.municipality_name, a.doctor_name,
                               (coalesce(f.filed_at, a.created_at) at time zone 'Europe/Copenhagen')::date as filed_on
                          from agreement_overview a left join information_form f on f.agreement_id = a.id
                        """ + waiting.where() + " order by coalesce(f.filed_at, a.created_at), a.id limit :limit"))
                .param("limit", limit)
                .query((rs, n) -> new Agreements.WaitingForm(
                        rs.getLong("id"),
                        rs.getString("unit_name"),
                        rs.getString("municipality_name"),
                        rs.getString("doctor_name"),
                        rs.getObject("filed_on", java.time.LocalDate.class)))
                .list();
        return new Agreements.WaitingForms(count, oldest);
    }
}
