package dk.botilbudslaege.demo;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo resident counts (issue 13 items 5 and 7): the four months before the current one for six of
 * Norddjurs' facilities with a fixed doctor; Åparken and the rest of the region have none, so the share on
 * the dashboard says where counts are missing. The current month is left for the facility to enter. A month in
 * which no agreement covered the facility has no resident enrolled (there was no fixed doctor).
 */
@Component
class DemoResidentCounts {

    /** Facility and the share of its residents enrolled with the fixed doctor, in percent. */
    private record Counted(String facility, int enrolledPercent) {}

    private static final List<Counted> COUNTED = List.of(
            new Counted("Skovstjernen", 80),
            new Counted("Dolmerhave", 70),
            new Counted("Ålunden", 60),
            new Counted("Nøddebo", 85),
            new Counted("Nyvang", 50),
            new Counted("Kornvænget", 75));

    private final JdbcClient jdbc;

    DemoResidentCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void load() {
        YearMonth current = YearMonth.now(ZoneId.of("Europe/Copenhagen"));
        for (Counted c : COUNTED) {
            for (int back = 4; back >= 1; back--) {
                YearMonth month = current.minusMonths(back);
                jdbc.sql("""
                                insert into resident_count
                                    (facility_id, month, residents, enrolled, temporary, told_about_choice, updated_by)
                                select f.id, :m, f.residents,
                                       case when exists (select 1 from agreement_overview o
                                                          where f.id = any(o.facility_ids)
                                                            and o.status in ('ACTIVE', 'NOTICE_GIVEN', 'ENDED')
                                                            and o.start_date <= :last
                                                            and (o.end_date is null or o.end_date >= :m))
                                            then (f.residents * :p + :b) / 100 else 0 end,
                                       least(f.residents, 1), least(f.residents, (5 - :back) % 3), 'demo'
                                  from facility f where f.name = :n and f.municipality_code = '707'
                                """)
                        .param("last", month.atEndOfMonth())
                        .param("m", month.atDay(1))
                        .param("p", c.enrolledPercent())
                        .param("b", (4 - back) * 100 / 2)
                        .param("back", back)
                        .param("n", c.facility())
                        .update();
            }
        }
    }
}
