package dk.botilbudslaege.notification;

import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is told, for the {@code *Told} listeners (issue 14 item 3): the users of a side of an agreement, read from
 * the published views ({@code security_user}, {@code registry_facility}). The actor is never told of their own act.
 */
@Component
class Recipients {

    private final JdbcClient jdbc;
    private final Notifier notifier;

    Recipients(JdbcClient jdbc, Notifier notifier) {
        this.jdbc = jdbc;
        this.notifier = notifier;
    }

    /**
     * The signed-in user who made the change. Changes made by no one signed in (the demo data loaded at start-up,
     * history recorded from elsewhere) tell nobody: empty.
     */
    static Optional<CurrentUser> actor() {
        return CurrentUsers.current();
    }

    /**
     * The facility side of a unit, those who act for its facilities (SPEC §3): the facilities' own users and, when
     * a facility is municipal or private, the users of its municipality. For an agreement's parties (notice, ending)
     * a regional facility's side is also the region, which files for it; a session is confirmed by the facility
     * itself ({@code regionCode} null: the region is not added).
     */
    Set<String> facilitySide(Collection<Long> facilityIds, String regionCode) {
        Set<String> told = new LinkedHashSet<>();
        for (long id : facilityIds) {
            told.addAll(notifier.facilityUsers(id));
        }
        if (facilityIds.isEmpty()) {
            return told;
        }
        record Operated(String operator, String municipalityCode) {}
        List<Operated> facilities = jdbc.sql(
                        "select operator, municipality_code from registry_facility where id = any(:ids) order by id")
                .param("ids", facilityIds.toArray(Long[]::new))
                .query(Operated.class)
                .list();
        List<String> municipalities = facilities.stream()
                .filter(f -> !"REGIONAL".equals(f.operator()))
                .map(Operated::municipalityCode)
                .distinct()
                .toList();
        if (!municipalities.isEmpty()) {
            notifier.municipalityUsers(municipalities).values().forEach(told::addAll);
        }
        if (regionCode != null && facilities.stream().anyMatch(f -> "REGIONAL".equals(f.operator()))) {
            told.addAll(notifier.regionUsers(regionCode));
        }
        return told;
    }

    /** The users told, without the actor. */
    static List<String> without(String actor, Collection<String> usernames) {
        return usernames.stream().distinct().filter(u -> !u.equals(actor)).toList();
    }
}
