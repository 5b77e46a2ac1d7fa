package dk.botilbudslaege.matching;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each side ranks (SPEC §6 M1–M2): the openings a doctor can wish for, nearest first, and the
 * doctors who offered to take a facility, with both ranks and the distance.
 */
@Service
public class Offers {

    /** An opening as a doctor sees it (M1): how far from the practice, and its place in the doctor's list. */
    public record NearOpening(
            long facilityId,
            String name,
            String address,
            String municipalityName,
            int residents,
            Double distanceKm,
            Integer wishRank,
            long roundId,
            LocalDate closesOn,
            String municipalityCode,
            String legalBasis) {}

    /** A doctor who offered to take a facility (M2), with the ranks on both sides. */
    public record Offer(
            long doctorId,
            String doctorName,
            String practiceName,
            Double distanceKm,
            int doctorRank,
            Integer priorityRank,
            String enteredBy,
            java.time.Instant enteredAt) {}

    private final JdbcClient jdbc;

    Offers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The openings of the open rounds the doctor takes part in ({@link Rounds#takesPart}: those of its area,
     * those elsewhere in its region within the round's reach, and those of a neighbouring region's round that
     * includes its region, within the reach), nearest first, with the doctor's ranks. Issue 16: an opening whose
     * facility has got a doctor since the round opened (an agreement in force today or later) is gone.
     */
    @Transactional(readOnly = true)
    public List<NearOpening> near(long doctorId) {
        return jdbc
                .sql("""
                        select distinct on (f.id) f.id, f.name, f.address, m.name as municipality, f.residents,
                               f.latitude, f.longitude, p.latitude as plat, p.longitude as plon, w.rank, r.id as round_id,
                               r.closes_on, f.municipality_code, f.legal_basis
                          from registry_doctor d join registry_practice p on p.id = d.practice_id
                          join matching_round r on r.status = 'OPEN'
                          join matching_opening o on o.round_id = r.id
                          join registry_facility f on f.id = o.facility_id
                          join registry_municipality m on m.code = f.municipality_code
                          left join doctor_wish w on w.doctor_id = d.id and w.facility_id = f.id
                         where d.id = :doctor
                           and not exists (select 1 from agreement_facility_coverage c where c.facility_id = f.id
                                            and c.period && daterange(current_date, null))
                           and\s""" + Rounds.takesPart("r", "p", "f") + """
                         order by f.id, r.id desc
                        """)
                .param("doctor", doctorId)
                .query((rs, i) -> new NearOpening(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("address"),
                        rs.getString("municipality"),
                        rs.getInt("residents"),
                        SolverFacade.km(
                                SolverFacade.decimal(rs, "plat"),
                                SolverFacade.decimal(rs, "plon"),
                                SolverFacade.decimal(rs, "latitude"),
                                SolverFacade.decimal(rs, "longitude")),
                        rs.getObject("rank", Integer.class),
                        rs.getLong("round_id"),
                        rs.getObject("closes_on", LocalDate.class),
                        rs.getString("municipality_code"),
                        rs.getString("legal_basis")))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(
                                (NearOpening o) -> o.distanceKm() == null ? Double.MAX_VALUE : o.distanceKm())
                        .thenComparing(NearOpening::name))
                .toList();
    }

    /**
     * The doctors who put the facility on their wish list and take part in the latest round that published it
     * ({@link Rounds#takesPart}; before any round: the doctors of the facility's region), in the facility's
     * order, then the unranked ones, with who entered each wish and when (issue 11 item 14). A doctor of
     * another region is an offer only when that round includes its region and the facility is within reach
     * (issue 10 scope); otherwise it is not shown by name.
     */
    @Transactional(readOnly = true)
    public List<Offer> toFacility(long facilityId) {
        return jdbc.sql("""
                        select d.id, d.name, p.name as practice, w.rank as doctor_rank, fp.rank as priority_rank,
                               p.latitude as plat, p.longitude as plon, f.latitude, f.longitude,
                               coalesce(u.display_name, w.entered_by) as entered_by, w.entered_at
                          from doctor_wish w join registry_doctor d on d.id = w.doctor_id join registry_practice p on p.id = d.practice_id
                          join registry_facility f on f.id = w.facility_id
                          left join security_user u on u.username = w.entered_by
                          left join facility_priority fp on fp.facility_id = f.id and fp.doctor_id = d.id
                          join current_municipality_region fr on fr.municipality_code = f.municipality_code
                          join current_municipality_region pr on pr.municipality_code = p.municipality_code
                          left join lateral (select lr.* from matching_opening lo join matching_round lr on lr.id = lo.round_id
                                              where lo.facility_id = f.id order by lr.id desc limit 1) r on true
                         where w.facility_id = :f
                           and (case when r.id is null then pr.region_code = fr.region_code
                                     else\s""" + Rounds.takesPart("r", "p", "f") + """
                                end)
                         order by fp.rank nulls last, d.name, d.id
                        """)
                .param("f", facilityId)
                .query((rs, i) -> new Offer(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("practice"),
                        SolverFacade.km(
                                SolverFacade.decimal(rs, "plat"),
                                SolverFacade.decimal(rs, "plon"),
                                SolverFacade.decimal(rs, "latitude"),
                                SolverFacade.decimal(rs, "longitude")),
                        rs.getInt("doctor_rank"),
                        rs.getObject("priority_rank", Integer.class),
                        rs.getString("entered_by"),
                        instant(rs.getTimestamp("entered_at"))))
                .list();
    }

    static java.time.Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
