package dk.botilbudslaege.agreement;

import dk.botilbudslaege.registry.RegistryCommitments;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The agreements built on registry entries, answered to the registry (which does not know agreements). */
@Component
class AgreementCommitments implements RegistryCommitments {

    private final JdbcClient jdbc;
    private final AgreementRoom room;
    private final AgreementRepository agreements;

    AgreementCommitments(JdbcClient jdbc, AgreementRoom room, AgreementRepository agreements) {
        this.jdbc = jdbc;
        this.room = room;
        this.agreements = agreements;
    }

    /** Review 16 finding 4: the read check of {@link Agreements#get}, without the not-found answer. */
    @Override
    public boolean canReadAgreement(dk.botilbudslaege.security.CurrentUser user, long agreementId) {
        if (user.national()) {
            return false;
        }
        return agreements
                .find(agreementId)
                .map(a -> AgreementAccess.canRead(user, a))
                .orElse(false);
    }

    /** R1 with extra capacity: the approved roles running or to come and a MULTIPLE_FACILITIES dispensation today. */
    @Override
    public int capacitiesInUse(long doctorId) {
        return room.ofDoctor(doctorId, LocalDate.now())
                .map(AgreementRoom.DoctorRoom::capacitiesInUse)
                .orElse(1);
    }

    /** Any agreement, of any status, on the section. */
    @Override
    public boolean sectionInUse(long sectionId) {
        return jdbc.sql("select exists (select 1 from agreement where section_id = :s)")
                .param("s", sectionId)
                .query(Boolean.class)
                .single();
    }

    /** The group has an approved agreement that is, or will be, in force: its members are fixed until it ends. */
    @Override
    public boolean groupFixed(long groupId) {
        return jdbc.sql("""
                        select exists (select 1 from agreement a where a.group_id = :g
                                          and a.status in ('ACTIVE', 'NOTICE_GIVEN')
                                          and (a.end_date is null or a.end_date >= current_date))
                        """).param("g", groupId).query(Boolean.class).single();
    }

    // i16-rest: the practice page shows the room R3 leaves, counted by the rules' own query (AgreementRoom)
    @Override
    public java.util.Optional<PracticeLoad> practiceLoad(long practiceId) {
        AgreementRoom.Rooms rooms = room.of(java.util.List.of(practiceId), LocalDate.now());
        AgreementRoom.PracticeRoom practice = rooms.practices().get(practiceId);
        if (practice == null) {
            return java.util.Optional.empty();
        }
        java.util.Map<Long, DoctorLoad> doctors = new java.util.LinkedHashMap<>();
        rooms.doctors()
                .forEach((id, d) -> doctors.put(
                        id,
                        new DoctorLoad(
                                d.countedFacilityRoles(),
                                d.allowedRoles(),
                                d.countedRoles(),
                                d.dispensed(),
                                d.nursingHomeDoctor())));
        return java.util.Optional.of(new PracticeLoad(practice.capacity(), practice.countedRoles(), doctors));
    }
}
