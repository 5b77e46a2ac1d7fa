package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review 19: a change written by plain SQL (another writer, a migration, psql) to the resident counts, the targets or
 * the names coverage shows moves {@code coverage_data_version} at its commit, so the kept coverage answers (the
 * dashboard's figures, C5's share who chose the fixed doctor) are recomputed at once, not after the TTL.
 */
@IntegrationTest
class CoverageVersionTriggersTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_plain_sql_change_to_the_resident_counts_moves_the_version() {
        long facility =
                jdbc.sql("select min(id) from facility").query(Long.class).single();
        long before = version();
        jdbc.sql("""
                        insert into resident_count (facility_id, month, residents, enrolled, temporary, told_about_choice,
                                                    updated_by)
                        values (:f, date '2024-01-01', 10, 7, 0, 10, 'r19-test')
                        on conflict (facility_id, month) do update set enrolled = excluded.enrolled
                        """).param("f", facility).update();
        long afterInsert = version();
        jdbc.sql("delete from resident_count where facility_id = :f and month = date '2024-01-01'")
                .param("f", facility)
                .update();

        assertThat(afterInsert).isGreaterThan(before);
        assertThat(version()).isGreaterThan(afterInsert);
    }

    @Test
    void a_plain_sql_change_to_a_target_or_a_name_shown_moves_the_version() {
        for (String change : new String[] {
            "update coverage_target set note = note where id = (select min(id) from coverage_target)",
            "update practice set name = name where id = (select min(id) from practice)",
            "update doctor set name = name where id = (select min(id) from doctor)",
            "update municipality set name = name where code = (select min(code) from municipality)"
        }) {
            long before = version();
            int rows = jdbc.sql(change).update();
            assertThat(rows).as(change).isEqualTo(1);
            assertThat(version()).as(change).isGreaterThan(before);
        }
    }

    private long version() {
        return jdbc.sql("select last_value + case when is_called then 1 else 0 end from coverage_data_version")
                .query(Long.class)
                .single();
    }
}
