package dk.botilbudslaege.demo;

import dk.botilbudslaege.agreement.AgreementForm;
import dk.botilbudslaege.agreement.Agreements;
import dk.botilbudslaege.agreement.DispensationForm;
import dk.botilbudslaege.agreement.DispensationKind;
import dk.botilbudslaege.agreement.Dispensations;
import dk.botilbudslaege.agreement.InformationFormInput;
import dk.botilbudslaege.agreement.MatchMethod;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo agreements, made through the agreement service so that every rule holds: Norddjurs as its
 * status describes it (seed 001: Skovstjernen and Dolmerhave from 1 April 2025, seven more in spring
 * and summer, the last three after the summer), with a filed form waiting for the region, an ended
 * agreement, a rejected one, a draft and dispensations; and a realistic share of the other
 * municipalities of Region Midtjylland covered, some still at zero.
 */
@Component
class DemoAgreements {

    private static final String MIDT = "1082";
    private static final CurrentUser REGION =
            new CurrentUser("region-midt", "Region Midtjylland", Role.REGION, MIDT, null, null, null, null);
    /** Municipalities left without any agreement, so the zero-list has something to show. */
    private static final Set<String> STILL_AT_ZERO = Set.of("741", "665");

    private final Agreements agreements;
    private final Dispensations dispensations;
    private final JdbcClient jdbc;

    DemoAgreements(Agreements agreements, Dispensations dispensations, JdbcClient jdbc) {
        this.agreements = agreements;
        this.dispensations = dispensations;
        this.jdbc = jdbc;
    }

    void load(long seed) {
        loadNorddjurs();
        loadRestOfRegion(new Random(seed));
    }

    private void loadNorddjurs() {
        CurrentUser norddjurs = municipality("707");
        active(norddjurs, "Skovstjernen", "Anne Kjær", "2025-04-01", MatchMethod.EXISTING_RELATION);
        active(norddjurs, "Dolmerhave", "Peter Holm", "2025-04-01", MatchMethod.EXISTING_RELATION);
        active(norddjurs, "Ålunden", "Søren Bach", "2025-05-01", MatchMethod.PRACTICE_CONSULTANT);
        active(norddjurs, "Nøddebo", "Mette Lund", "2025-05-01", MatchMethod.PRACTICE_CONSULTANT);
        active(norddjurs, "Nyvang", "Jens Vestergaard", "2025-06-01", MatchMethod.PRACTICE_CONSULTANT);
        active(norddjurs, "Kornvænget", "Katrine Møller", "2025-06-01", MatchMethod.PRACTICE_CONSULTANT);
        active(norddjurs, "Åparken", "Lars Thomsen", "2025-07-01", MatchMethod.PRACTICE_CONSULTANT);

        // Banesvinget and Stadionparken share a management and one doctor (R7), who may serve two units
        dispensation(
                doctor("Anne Kjær"),
                DispensationKind.MULTIPLE_FACILITIES,
                2,
                null,
                "2025-06-01",
                null,
                "Fælles ledelse; lægen kender begge botilbud.");
        long group = jdbc.sql("select group_id from facility where name = 'Banesvinget' and municipality_code = '707'")
                .query(Long.class)
                .single();
        long id = create(
                norddjurs,
                doctor("Anne Kjær"),
                groupMembers(group),
                group,
                "2025-08-01",
                MatchMethod.PRACTICE_CONSULTANT);
        fileAndApprove(norddjurs, id);

        // the private Glesborg bofællesskab: a nursing-home doctor, with dispensation, waits for the region
        dispensation(
                doctor("Hanne Dam"),
                DispensationKind.NURSING_HOME_AND_FACILITY,
                null,
                null,
                "2025-09-01",
                null,
                "Ingen anden læge i området har kapacitet.");
        long glesborg = create(
                norddjurs,
                doctor("Hanne Dam"),
                List.of(facility("Glesborg bofællesskab", "707")),
                null,
                "2025-10-01",
                MatchMethod.DEVELOPMENT_NURSE);
        agreements.submit(
                norddjurs,
                glesborg,
                new InformationFormInput(
                        "Jette Kragh", "Forstander", "jette.kragh@glesborg-bofaellesskab.dk", "86 38 00 00", true),
                null);

        // Skovvang: served for half a year under a time-limited dispensation, then ended by notice
        dispensation(
                doctor("Peter Holm"),
                DispensationKind.MULTIPLE_FACILITIES,
                2,
                null,
                "2025-09-01",
                "2026-03-31",
                "Midlertidig løsning, indtil en ny læge er fundet.");
        long skovvang = create(
                norddjurs,
                doctor("Peter Holm"),
                List.of(facility("Skovvang", "707")),
                null,
                "2025-09-01",
                MatchMethod.PRACTICE_CONSULTANT);
        fileAndApprove(norddjurs, skovvang);
        agreements.recordNotice(norddjurs, skovvang, LocalDate.parse("2025-10-15"), LocalDate.parse("2025-10-15"));

        // Kærvang: a doctor from Syddjurs was proposed, the region said no
        List<Long> syddjurs = freeDoctors("706", 2);
        long kaervang = create(
                norddjurs,
                syddjurs.get(0),
                List.of(facility("Kærvang", "707")),
                null,
                "2025-10-01",
                MatchMethod.JOB_POSTING);
        agreements.submit(norddjurs, kaervang, InformationFormInput.empty(), null);
        agreements.reject(
                REGION, kaervang, "Lægen har for langt til botilbuddet; kommunen finder en læge tættere på.", null);
        // and Skovvang's next doctor is being prepared
        create(
                norddjurs,
                syddjurs.get(1),
                List.of(facility("Skovvang", "707")),
                null,
                "2026-04-01",
                MatchMethod.JOB_POSTING);
    }

    /** About a third of the in-scope facilities of each other municipality, most approved, a few filed. */
    private void loadRestOfRegion(Random random) {
        List<String> municipalities =
                jdbc.sql("""
                        select municipality_code from current_municipality_region
                         where region_code = :r and municipality_code <> '707' order by municipality_code
                        """).param("r", MIDT).query(String.class).list();
        for (String code : municipalities) {
            if (STILL_AT_ZERO.contains(code)) {
                continue;
            }
            CurrentUser filer = municipality(code);
            List<Long> facilities =
                    jdbc.sql("""
                            select id from facility
                             where municipality_code = :m and legal_basis in ('SEL_108', 'ABL_105')
                               and operator <> 'REGIONAL' and group_id is null
                             order by id
                            """).param("m", code).query(Long.class).list();
            int wanted = (int) Math.ceil(facilities.size() * (0.2 + random.nextDouble() * 0.35));
            List<Long> doctors = freeDoctors(code, wanted);
            for (int i = 0; i < Math.min(wanted, doctors.size()); i++) {
                LocalDate start = LocalDate.of(2025, 3 + random.nextInt(10), 1);
                MatchMethod method = MatchMethod.values()[random.nextInt(6)];
                long id = create(filer, doctors.get(i), List.of(facilities.get(i)), null, start.toString(), method);
                agreements.submit(filer, id, InformationFormInput.empty(), null);
                if (random.nextInt(10) > 0) {
                    agreements.approve(REGION, id, null);
                }
            }
        }
    }

    private void active(CurrentUser filer, String facility, String doctor, String start, MatchMethod method) {
        fileAndApprove(filer, create(filer, doctor(doctor), List.of(facility(facility, "707")), null, start, method));
    }

    private void fileAndApprove(CurrentUser filer, long id) {
        agreements.submit(filer, id, InformationFormInput.empty(), null);
        agreements.approve(REGION, id, null);
    }

    private long create(
            CurrentUser filer, long doctorId, List<Long> facilityIds, Long groupId, String start, MatchMethod method) {
        AgreementForm form = new AgreementForm();
        form.setDoctorId(doctorId);
        form.setFacilityIds(facilityIds);
        form.setGroupId(groupId);
        form.setStartDate(LocalDate.parse(start));
        form.setMatchMethod(method);
        return agreements.create(filer, form).id();
    }

    private void dispensation(
            long doctorId,
            DispensationKind kind,
            Integer maxFacilities,
            BigDecimal hours,
            String from,
            String to,
            String reason) {
        DispensationForm form = new DispensationForm();
        form.setDoctorId(doctorId);
        form.setKind(kind);
        form.setMaxFacilities(maxFacilities);
        form.setMonthlyHours(hours);
        form.setValidFrom(LocalDate.parse(from));
        form.setValidTo(to == null ? null : LocalDate.parse(to));
        form.setReason(reason);
        dispensations.grant(REGION, form);
    }

    /** Doctors with no role yet, at most one from each practice, in practices of the municipality. */
    private List<Long> freeDoctors(String municipalityCode, int count) {
        List<Long> doctors =
                jdbc.sql("""
                        select distinct on (p.id) d.id from doctor d join practice p on p.id = d.practice_id
                         where p.municipality_code = :m and not d.nursing_home_doctor
                           and not exists (select 1 from agreement a where a.doctor_id = d.id)
                         order by p.id, d.id
                        """).param("m", municipalityCode).query(Long.class).list();
        return new ArrayList<>(doctors.subList(0, Math.min(count, doctors.size())));
    }

    private List<Long> groupMembers(long groupId) {
        return jdbc.sql("select id from facility where group_id = :g order by id")
                .param("g", groupId)
                .query(Long.class)
                .list();
    }

    private long facility(String name, String municipalityCode) {
        return jdbc.sql("select id from facility where name = :n and municipality_code = :m")
                .param("n", name)
                .param("m", municipalityCode)
                .query(Long.class)
                .single();
    }

    private long doctor(String name) {
        return jdbc.sql("select d.id from doctor d join practice p on p.id = d.practice_id "
                        + "where d.name = :n and p.municipality_code = '707'")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    /**
     * Who files for a municipality: its demo account where it has one (issue 16 item 5: the pages name the
     * account's holder, "Norddjurs Kommune, Socialområdet", not a user name nobody has).
     */
    private static CurrentUser municipality(String code) {
        String username = switch (code) {
            case "707" -> "kommune-norddjurs";
            case "751" -> "kommune-aarhus";
            default -> "kommune-" + code;
        };
        return new CurrentUser(username, "Kommune " + code, Role.MUNICIPALITY, MIDT, code, null, null, null);
    }
}
