package dk.botilbudslaege.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.CacheFollows;
import dk.botilbudslaege.support.ConcurrentMisses;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.web.DanishTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * i18-settle: the budget and a region's month are kept in {@link SettlementCache} while their data is unchanged. A
 * change to any of their inputs, committed through plain SQL on a connection of its own (as another instance, a
 * migration or an import writes, publishing no event), gives the new answer at once: the same as computed from
 * scratch, and not the answer before. A user never gets the answer of another scope, and what a writing transaction
 * reads is never kept. Each change is undone at the end (the test database is shared).
 */
@IntegrationTest
class SettlementCacheTest {

    static final CurrentUser NATIONAL = new CurrentUser("n", "n", Role.NATIONAL, null, null, null, null, null);
    static final CurrentUser MIDT = new CurrentUser("r", "r", Role.REGION, "1082", null, null, null, null);

    /** Next year: every month of it projected at the agreements in force, none run or locked. */
    static final int YEAR = LocalDate.now(DanishTime.DENMARK).getYear() + 1;

    /** Next month: a preview, computed and never locked. */
    static final YearMonth NEXT = YearMonth.now(DanishTime.DENMARK).plusMonths(1);

    @Autowired
    Budget budget;

    @Autowired
    Settlements settlements;

    @Autowired
    SettlementCache cache;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Rates rates;

    @Test
    void a_new_rate_is_in_the_budget_at_once() {
        follows()
                .assertFollows(
                        () -> budget.year(NATIONAL, YEAR),
                        "insert into hourly_rate (valid_from, hourly_rate) values (make_date(" + YEAR
                                + ", 3, 1), 1234.56)",
                        "delete from hourly_rate where valid_from = make_date(" + YEAR + ", 3, 1)");
    }

    @Test
    void a_new_population_figure_is_in_the_frames_at_once() {
        follows()
                .assertFollows(
                        () -> budget.year(NATIONAL, YEAR),
                        "update municipality set population = population + 500000 where code = '751'",
                        "update municipality set population = population - 500000 where code = '751'");
    }

    @Test
    void a_frame_set_for_a_region_is_in_the_budget_at_once() {
        follows()
                .assertFollows(
                        () -> budget.year(NATIONAL, YEAR),
                        "insert into budget_frame (year, region_code, annual_amount) values (" + YEAR
                                + ", '1082', 1.00)",
                        "delete from budget_frame where year = " + YEAR + " and region_code = '1082'");
    }

    @Test
    void an_agreement_ending_is_in_the_budget_and_the_month_at_once() {
        long agreement = jdbc.sql("""
                        select id from agreement_overview
                         where region_code = '1082' and status = 'ACTIVE' and end_date is null
                         order by id limit 1
                        """).query(Long.class).single();
        String end = "update agreement set end_date = %s where id = " + agreement;
        follows()
                .assertFollows(
                        () -> budget.year(NATIONAL, YEAR),
                        end.formatted("make_date(" + YEAR + ", 6, 30)"),
                        end.formatted("null"));
        follows()
                .assertFollows(
                        () -> settlements.month(MIDT, NEXT, null),
                        end.formatted("date '" + NEXT.atDay(10) + "'"),
                        end.formatted("null"));
    }

    @Test
    void a_resident_count_is_in_the_budget_and_the_month_at_once() {
        // a facility of 30 residents or fewer pays 2 hours; 45 residents from the first of the month pay 3
        long facility = jdbc.sql("""
                        select facility_id from agreement_overview
                         where region_code = '1082' and status = 'ACTIVE' and end_date is null
                           and unit_kind = 'FACILITY' and residents <= 30
                           and doctor_id not in (select doctor_id from agreement_dispensation where kind = 'HOURS')
                         order by id limit 1
                        """).query(Long.class).single();
        String day = "date '" + NEXT.atDay(1) + "'";
        follows()
                .assertFollows(
                        () -> budget.year(NATIONAL, NEXT.getYear()),
                        "insert into facility_residents (facility_id, valid_from, residents) values (" + facility + ", "
                                + day + ", 45)",
                        "delete from facility_residents where facility_id = " + facility + " and valid_from = " + day);
        follows()
                .assertFollows(
                        () -> settlements.month(MIDT, NEXT, null),
                        "insert into facility_residents (facility_id, valid_from, residents) values (" + facility + ", "
                                + day + ", 45)",
                        "delete from facility_residents where facility_id = " + facility + " and valid_from = " + day);
    }

    @Test
    void a_dated_vat_status_is_in_the_month_at_once() {
        record Practice(long id, boolean vat) {}
        Practice practice =
                jdbc.sql("""
                        select practice_id as id, practice_vat_registered_on(practice_id, :d) as vat
                          from agreement_overview
                         where region_code = '1082' and status = 'ACTIVE' and end_date is null
                         order by id limit 1
                        """).param("d", NEXT.atDay(1)).query(Practice.class).single();
        String day = "date '" + NEXT.atDay(16) + "'";
        follows()
                .assertFollows(
                        () -> settlements.month(MIDT, NEXT, null),
                        "insert into practice_vat_status (practice_id, valid_from, vat_registered) values ("
                                + practice.id() + ", " + day + ", " + !practice.vat() + ")",
                        "delete from practice_vat_status where practice_id = " + practice.id() + " and valid_from = "
                                + day);
    }

    @Test
    void a_user_never_reads_the_month_of_another_scope() {
        String municipality = jdbc.sql("""
                        select municipality_code from agreement_overview
                         where region_code = '1082' and status = 'ACTIVE' and end_date is null
                         group by municipality_code order by count(*) desc, municipality_code limit 1
                        """).query(String.class).single();
        long doctor = jdbc.sql("""
                        select doctor_id from agreement_overview
                         where region_code = '1082' and status = 'ACTIVE' and end_date is null
                         order by id limit 1
                        """).query(Long.class).single();
        CurrentUser kommune = new CurrentUser("k", "k", Role.MUNICIPALITY, "1082", municipality, null, null, null);
        CurrentUser laege = new CurrentUser("l", "l", Role.DOCTOR, "1082", null, null, doctor, null);

        Settlements.MonthView region = settlements.month(MIDT, NEXT, null);
        Settlements.MonthView own = settlements.month(kommune, NEXT, null);
        Settlements.MonthView doctors = settlements.month(laege, NEXT, null);

        assertThat(own.lines()).isNotEmpty().hasSizeLessThan(region.lines().size());
        assertThat(own.lines()).allSatisfy(l -> assertThat(l.municipalityCode()).isEqualTo(municipality));
        assertThat(own).isEqualTo(follows().fresh(() -> settlements.month(kommune, NEXT, null)));
        assertThat(doctors.lines()).isNotEmpty().hasSizeLessThan(region.lines().size());
        assertThat(doctors.lines())
                .allSatisfy(l -> assertThat(l.line().doctorId()).isEqualTo(doctor));
        assertThat(doctors).isEqualTo(follows().fresh(() -> settlements.month(laege, NEXT, null)));
        // and the region's own answer, read again, is still the whole region's
        assertThat(settlements.month(MIDT, NEXT, null)).isEqualTo(region);
    }

    @Test
    void a_user_who_may_not_read_the_budget_is_refused_however_it_is_kept() {
        budget.year(NATIONAL, YEAR);
        CurrentUser kommune = new CurrentUser("k", "k", Role.MUNICIPALITY, "1082", "751", null, null, null);

        assertThatThrownBy(() -> budget.year(kommune, YEAR)).isInstanceOf(ForbiddenException.class);
        assertThat(budget.year(MIDT, YEAR)).isEqualTo(budget.year(NATIONAL, YEAR));
    }

    @Test
    void the_caller_gets_its_own_list() {
        Budget.Year first = budget.year(NATIONAL, YEAR);
        first.regions().clear();

        assertThat(budget.year(NATIONAL, YEAR).regions()).isNotEmpty();
    }

    @Test
    void what_a_writing_transaction_reads_is_never_kept() {
        Budget.Year before = budget.year(NATIONAL, YEAR);
        Budget.Year inside = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("insert into hourly_rate (valid_from, hourly_rate) values (:d, 1234.56)")
                    .param("d", LocalDate.of(YEAR, 3, 1))
                    .update();
            return budget.year(NATIONAL, YEAR);
        });

        assertThat(inside).as("the transaction reads its own rate").isNotEqualTo(before);
        assertThat(budget.year(NATIONAL, YEAR)).as("rolled back: never kept").isEqualTo(before);
    }

    @Test
    void an_audited_change_draws_one_more_version_after_its_commit() {
        CurrentUser admin = new CurrentUser("admin", "admin", Role.ADMIN, null, null, null, null, null);
        LocalDate day = LocalDate.of(YEAR + 1, 2, 1);
        long before = version();
        try {
            rates.add(admin, day, new BigDecimal("1100.00"));
            // the trigger draws one number at the commit, the listener of the event one more after it
            long deadline = System.currentTimeMillis() + 10_000;
            while (version() < before + 2 && System.currentTimeMillis() < deadline) {
                sleep(50);
            }
            assertThat(version()).isGreaterThanOrEqualTo(before + 2);
        } finally {
            follows().commit("delete from hourly_rate where valid_from = date '" + day + "'");
        }
    }

    @Test
    void concurrent_misses_of_one_key_compute_once() throws Exception {
        String key = "test|" + UUID.randomUUID();
        ConcurrentMisses.assertComputedOnce(compute -> cache.get(key, compute, List::copyOf));
    }

    private long version() {
        return jdbc.sql("select last_value from settlement_data_version")
                .query(Long.class)
                .single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CacheFollows follows() {
        return new CacheFollows(dataSource, transactions);
    }
}
