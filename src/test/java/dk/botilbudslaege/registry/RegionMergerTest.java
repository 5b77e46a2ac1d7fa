package dk.botilbudslaege.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Regions are dated reference data (SPEC §2): the planned merger of Region Hovedstaden and Region
 * Sjælland into Region Østdanmark is a data change with a validity date, and history keeps the
 * region of its day. Each test rolls its change back.
 */
@IntegrationTest
class RegionMergerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ReferenceData reference;

    void merge() {
        jdbc.sql("insert into region (code, name, valid_from) values ('1086', 'Region Østdanmark', date '2027-01-01')")
                .update();
        jdbc.sql("update region set valid_to = date '2026-12-31' where code in ('1084', '1085')")
                .update();
        jdbc.sql("""
                        update municipality_region set valid_to = date '2026-12-31'
                         where region_code in ('1084', '1085') and valid_to is null
                        """).update();
        jdbc.sql("""
                        insert into municipality_region (municipality_code, region_code, valid_from)
                        select municipality_code, '1086', date '2027-01-01' from municipality_region
                         where region_code in ('1084', '1085') and valid_to = date '2026-12-31'
                        """).update();
    }

    @Test
    void after_a_merger_a_municipality_belongs_to_the_new_region_and_history_keeps_the_old_one() {
        transactions.executeWithoutResult(status -> {
            merge();
            assertThat(reference.regionOf("101", LocalDate.of(2026, 12, 31))).contains("1084");
            assertThat(reference.regionOf("101", LocalDate.of(2027, 1, 1))).contains("1086");
            assertThat(reference.regionOf("253", LocalDate.of(2025, 6, 1))).contains("1085");
            assertThat(reference.regionOf("253", LocalDate.of(2027, 6, 1))).contains("1086");
            assertThat(reference.regionOf("751", LocalDate.of(2027, 6, 1))).contains("1082");
            status.setRollbackOnly();
        });
    }

    @Test
    void a_municipality_can_never_belong_to_two_regions_on_the_same_day() {
        transactions.executeWithoutResult(status -> {
            assertThatThrownBy(() -> jdbc.sql("""
                            insert into municipality_region (municipality_code, region_code, valid_from)
                            values ('101', '1085', date '2026-01-01')
                            """).update()).isInstanceOf(DataIntegrityViolationException.class);
            status.setRollbackOnly();
        });
    }
}
