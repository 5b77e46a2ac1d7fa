package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.CacheFollows;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.time.YearMonth;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * i19-hours: the hours overviews are kept in {@link HoursCache} while their data is unchanged. A change to each kind of
 * table behind the figures, committed through plain SQL on a connection of its own (as another instance, a migration
 * or an import writes, publishing no event), gives the new answer at once, the same as computed from scratch, for the
 * nation, the region and the coverage report. A user never gets the answer of another scope, and what a writing
 * transaction reads is never kept. Each change is undone at the end (the test database is shared).
 */
@IntegrationTest
class HoursCacheTest {

    static final CurrentUser NATIONAL = new CurrentUser("n", "n", Role.NATIONAL, null, null, null, null, null);
    static final CurrentUser MIDT = new CurrentUser("r", "r", Role.REGION, "1082", null, null, null, null);

    /** A running agreement of Midtjylland's: its id, doctor, facility and municipality. */
    record Running(long id, long doctorId, long facilityId, String municipalityCode) {}

    @Autowired
    Hours hours;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void an_advisory_session_confirmed_is_in_the_overviews_at_once() {
        Running a = running("and dispensation_hours is null");
        LocalDate day = YearMonth.now(DanishTime.DENMARK).minusMonths(2).atDay(3);
        String insert =
                "insert into advisory_session (agreement_id, session_date, duration_minutes, kind, format, topic,"
                        + " status, logged_by) values (" + a.id() + ", date '" + day + "', 1440, 'ADVICE', 'PHYSICAL',"
                        + " 'i19-hours-cache', 'CONFIRMED', 'test')";
        String undo = "delete from advisory_session where topic = 'i19-hours-cache'";
        follows().assertFollows(() -> hours.overview(NATIONAL, null, null), insert, undo);
        follows().assertFollows(() -> hours.overview(MIDT, null, null), insert, undo);
        follows().assertFollows(() -> hours.overview(municipality(a), null, null), insert, undo);
        follows().assertFollows(() -> hours.report("1082", null), insert, undo);
        follows().assertFollows(() -> hours.report(null, null), insert, undo);
    }

    @Test
    void an_agreement_ending_is_in_the_overviews_at_once() {
        Running a = running("");
        String end = "update agreement set end_date = %s where id = " + a.id();
        String yesterday = "date '" + LocalDate.now(DanishTime.DENMARK).minusDays(2) + "'";
        follows()
                .assertFollows(
                        () -> hours.overview(NATIONAL, null, null), end.formatted(yesterday), end.formatted("null"));
        follows()
                .assertFollows(() -> hours.overview(MIDT, null, null), end.formatted(yesterday), end.formatted("null"));
        follows().assertFollows(() -> hours.report("1082", null), end.formatted(yesterday), end.formatted("null"));
    }

    @Test
    void an_hours_dispensation_is_in_the_agreed_hours_at_once() {
        Running a = running("and dispensation_hours is null");
        String insert = "insert into dispensation (doctor_id, kind, monthly_hours, valid_from, reason, granted_by)"
                + " values (" + a.doctorId() + ", 'HOURS', 7.5, date '2000-01-01', 'i19-hours-cache', 'test')";
        String undo = "delete from dispensation where reason = 'i19-hours-cache'";
        follows().assertFollows(() -> hours.overview(NATIONAL, null, null), insert, undo);
        follows().assertFollows(() -> hours.overview(MIDT, null, null), insert, undo);
    }

    @Test
    void a_resident_count_is_in_the_agreed_hours_at_once() {
        // 2 hours up to 30 residents, 3 above
        Running a = running("and unit_kind = 'FACILITY' and residents <= 30 and dispensation_hours is null");
        String more = "update facility set places = greatest(places, 40), residents = 40 where id = " + a.facilityId();
        String undo = undoOf(a.facilityId());
        follows().assertFollows(() -> hours.overview(NATIONAL, null, null), more, undo);
        follows().assertFollows(() -> hours.overview(MIDT, null, null), more, undo);
    }

    @Test
    void a_facility_moved_to_another_municipality_is_in_the_subtotals_at_once() {
        Running a = running("and unit_kind = 'FACILITY'");
        String other = jdbc.sql("""
                        select municipality_code from current_municipality_region
                         where region_code = '1082' and municipality_code <> :m
                         order by municipality_code limit 1
                        """)
                .param("m", a.municipalityCode())
                .query(String.class)
                .single();
        String move = "update facility set municipality_code = '%s' where id = " + a.facilityId();
        follows()
                .assertFollows(
                        () -> hours.overview(MIDT, null, null),
                        move.formatted(other),
                        move.formatted(a.municipalityCode()));
        follows()
                .assertFollows(
                        () -> hours.overview(municipality(a), null, null),
                        move.formatted(other),
                        move.formatted(a.municipalityCode()));
    }

    @Test
    void a_municipality_renamed_or_moved_to_another_region_is_in_the_overviews_at_once() {
        Running a = running("");
        String name = jdbc.sql("select name from municipality where code = :m")
                .param("m", a.municipalityCode())
                .query(String.class)
                .single();
        String rename = "update municipality set name = '%s' where code = '" + a.municipalityCode() + "'";
        follows()
                .assertFollows(
                        () -> hours.overview(MIDT, null, null),
                        rename.formatted("Omdøbt i19"),
                        rename.formatted(name.replace("'", "''")));
        String move = "update municipality_region set region_code = '%s' where municipality_code = '"
                + a.municipalityCode() + "' and valid_to is null";
        follows()
                .assertFollows(
                        () -> hours.overview(NATIONAL, null, null), move.formatted("1081"), move.formatted("1082"));
    }

    @Test
    void a_doctor_renamed_is_in_the_rows_at_once() {
        Running a = running("");
        String name = jdbc.sql("select name from doctor where id = " + a.doctorId())
                .query(String.class)
                .single();
        String rename = "update doctor set name = '%s' where id = " + a.doctorId();
        follows()
                .assertFollows(
                        () -> hours.overview(MIDT, null, null),
                        rename.formatted("Omdøbt i19"),
                        rename.formatted(name.replace("'", "''")));
    }

    @Test
    void a_user_never_reads_the_overview_of_another_scope() {
        Running a = running("");
        CurrentUser kommune = municipality(a);
        CurrentUser laege = new CurrentUser("l", "Læge i19", Role.DOCTOR, "1082", null, null, a.doctorId(), null);
        CurrentUser nord = new CurrentUser("r1", "r1", Role.REGION, "1081", null, null, null, null);

        Hours.Overview region = hours.overview(MIDT, null, null);
        Hours.Overview own = hours.overview(kommune, null, null);
        Hours.Overview doctors = hours.overview(laege, null, null);
        Hours.Overview north = hours.overview(nord, null, null);

        assertThat(own.rows()).isNotEmpty().hasSizeLessThan(region.rows().size());
        assertThat(own.rows()).allSatisfy(r -> assertThat(r.municipalityCode()).isEqualTo(a.municipalityCode()));
        assertThat(own).isEqualTo(follows().fresh(() -> hours.overview(kommune, null, null)));
        assertThat(doctors.rows())
                .isNotEmpty()
                .extracting(Hours.OverviewRow::agreementId)
                .contains(a.id());
        assertThat(doctors.name()).isEqualTo("Læge i19");
        assertThat(doctors).isEqualTo(follows().fresh(() -> hours.overview(laege, null, null)));
        assertThat(north.code()).isEqualTo("1081");
        assertThat(north.rows()).noneMatch(r -> r.agreementId() == a.id());
        assertThat(north).isEqualTo(follows().fresh(() -> hours.overview(nord, null, null)));
        // an answer kept for one scope is never a way in for another
        assertThatThrownBy(() -> hours.overview(nord, "REGION", "1082")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> hours.overview(kommune, "REGION", "1082")).isInstanceOf(ForbiddenException.class);
        assertThat(hours.overview(MIDT, null, null)).isEqualTo(region);
        assertThat(hours.overview(MIDT, "MUNICIPALITY", a.municipalityCode())).isEqualTo(own);
    }

    @Test
    void the_kept_answer_is_the_computed_one_and_cannot_be_changed() {
        Hours.Overview first = hours.overview(NATIONAL, null, null);
        // kept: the same answer, not a new one (once more if an event of another test drew a version in between)
        Hours.Overview kept =
                hours.overview(NATIONAL, null, null) == first ? first : hours.overview(NATIONAL, null, null);
        assertThat(hours.overview(NATIONAL, null, null)).isSameAs(kept);
        assertThat(kept).isEqualTo(follows().fresh(() -> hours.overview(NATIONAL, null, null)));
        assertThat(hours.overview(MIDT, null, null)).isEqualTo(follows().fresh(() -> hours.overview(MIDT, null, null)));
        assertThatThrownBy(() -> kept.regions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> hours.overview(MIDT, null, null).rows().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void what_a_writing_transaction_reads_is_never_kept() {
        Running a = running("and unit_kind = 'FACILITY' and residents <= 30 and dispensation_hours is null");
        Hours.Overview before = hours.overview(MIDT, null, null);
        Hours.Overview inside = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("update facility set places = greatest(places, 40), residents = 40 where id = :f")
                    .param("f", a.facilityId())
                    .update();
            return hours.overview(MIDT, null, null);
        });

        assertThat(inside).as("the transaction reads its own change").isNotEqualTo(before);
        assertThat(hours.overview(MIDT, null, null))
                .as("rolled back: never kept")
                .isEqualTo(before);
    }

    private Running running(String condition) {
        return jdbc.sql("""
                        select id, doctor_id, coalesce(facility_id, 0) as facility_id, municipality_code
                          from agreement_overview
                         where region_code = '1082' and status = 'ACTIVE' and end_date is null
                           and start_date < current_date - 120 %s
                         order by id limit 1
                        """.formatted(condition)).query(Running.class).single();
    }

    /** The statement that gives the facility back its places and residents. */
    private String undoOf(long facility) {
        return jdbc.sql("select 'update facility set residents = ' || residents || ', places = ' || places"
                        + " || ' where id = ' || id from facility where id = :f")
                .param("f", facility)
                .query(String.class)
                .single();
    }

    private static CurrentUser municipality(Running a) {
        return new CurrentUser("k", "k", Role.MUNICIPALITY, "1082", a.municipalityCode(), null, null, null);
    }

    private CacheFollows follows() {
        return new CacheFollows(dataSource, transactions);
    }
}
