package dk.botilbudslaege.demo;

import dk.botilbudslaege.agreement.MatchMethod;
import dk.botilbudslaege.matching.RankedLists;
import dk.botilbudslaege.matching.Rounds;
import dk.botilbudslaege.matching.SolverFacade;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An open matching round for the demo (SPEC §6): Region Midtjylland has published its facilities without
 * a doctor through the practice consultants; some free doctors have wished for the openings near them,
 * the facilities have ranked those who offered, and Anne Kjær (who already holds her role, R1) has
 * wished too, so a preview shows a rule limiting the outcome.
 */
@Component
class DemoMatching {

    private static final CurrentUser REGION =
            new CurrentUser("region-midt", "Region Midtjylland", Role.REGION, "1082", null, null, null, null);
    private static final int WISHING_DOCTORS = 40;
    private static final int WISHES = 3;
    private static final double WISH_KM = 30;

    private final Rounds rounds;
    private final RankedLists lists;
    private final JdbcClient jdbc;

    DemoMatching(Rounds rounds, RankedLists lists, JdbcClient jdbc) {
        this.rounds = rounds;
        this.lists = lists;
        this.jdbc = jdbc;
    }

    void load(long seed) {
        Rounds.Round round = rounds.open(
                REGION,
                null,
                MatchMethod.PRACTICE_CONSULTANT,
                LocalDate.now(DanishTime.DENMARK).plusWeeks(3),
                "Praksiskonsulenterne samler ønsker ind; sæt jer på de botilbud, I kan nå.",
                null);
        record Place(long id, double lat, double lon) {}
        List<Place> openings =
                jdbc.sql("""
                        select f.id, f.latitude as lat, f.longitude as lon from matching_opening o join facility f on f.id = o.facility_id
                         where o.round_id = :r and f.latitude is not null order by f.id
                        """).param("r", round.id()).query(Place.class).list();
        List<Place> doctors = jdbc.sql("""
                        select d.id, p.latitude as lat, p.longitude as lon from doctor d join practice p on p.id = d.practice_id
                          join current_municipality_region r on r.municipality_code = p.municipality_code
                         where r.region_code = '1082' and p.latitude is not null and not d.nursing_home_doctor
                           and not exists (select 1 from agreement a where a.doctor_id = d.id)
                         order by d.id
                        """).query(Place.class).list();
        Random random = new Random(seed);
        List<Place> wishing = new ArrayList<>(doctors);
        java.util.Collections.shuffle(wishing, random);
        Map<Long, List<Long>> offers = new java.util.HashMap<>();
        for (Place doctor : wishing.subList(0, Math.min(WISHING_DOCTORS, wishing.size()))) {
            List<Long> near = openings.stream()
                    .filter(o -> SolverFacade.distanceKm(doctor.lat(), doctor.lon(), o.lat(), o.lon()) <= WISH_KM)
                    .sorted(Comparator.comparingDouble(
                            o -> SolverFacade.distanceKm(doctor.lat(), doctor.lon(), o.lat(), o.lon())
                                    + random.nextDouble() * 8))
                    .limit(WISHES)
                    .map(Place::id)
                    .toList();
            if (!near.isEmpty()) {
                lists.replaceWishes(REGION, doctor.id(), near);
                near.forEach(
                        f -> offers.computeIfAbsent(f, k -> new ArrayList<>()).add(doctor.id()));
            }
        }
        long anne = jdbc.sql("""
                        select d.id from doctor d join practice p on p.id = d.practice_id
                         where d.name = 'Anne Kjær' and p.provider_number = '070101'
                        """).query(Long.class).single();
        List<Long> norddjursOpenings =
                jdbc.sql("""
                        select f.id from matching_opening o join facility f on f.id = o.facility_id
                         where o.round_id = :r and f.municipality_code = '707' order by f.name limit 2
                        """).param("r", round.id()).query(Long.class).list();
        lists.replaceWishes(REGION, anne, norddjursOpenings);
        norddjursOpenings.forEach(
                f -> offers.computeIfAbsent(f, k -> new ArrayList<>()).add(0, anne));
        // the facilities rank those who offered, most of them at least; a few have not got round to it
        offers.forEach((facility, doctorIds) -> {
            if (random.nextInt(5) > 0) {
                lists.replacePriorities(REGION, facility, doctorIds);
            }
        });
    }
}
