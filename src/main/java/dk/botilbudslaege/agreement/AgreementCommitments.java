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

    AgreementCommitments(JdbcClient jdbc, AgreementRoom room) {
        this.jdbc = jdbc;
        this.room = room;
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
}
