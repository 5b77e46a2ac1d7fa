package dk.botilbudslaege.notification;

import static dk.botilbudslaege.security.Role.DOCTOR;
import static dk.botilbudslaege.security.Role.FACILITY;
import static dk.botilbudslaege.security.Role.MUNICIPALITY;
import static dk.botilbudslaege.security.Role.REGION;

import dk.botilbudslaege.security.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a notification is about (issue 14 item 3): one kind per event of the table, so a user can choose per kind
 * how to be told. The default delivery is e-mail at once. Each kind names the roles that can be told of it (the
 * "who is told" table of docs/api.md); the profile offers a user only those. The national viewer and the
 * administrator are told of nothing.
 */
public enum NotificationKind {
    /** An information form was filed: the region. */
    FORM_FILED(REGION),
    /** A form was approved or rejected: the filer and the doctor. */
    FORM_DECIDED(REGION, MUNICIPALITY, FACILITY, DOCTOR),
    /** Notice was given on an agreement: the other party and the region. */
    NOTICE_GIVEN(REGION, MUNICIPALITY, FACILITY, DOCTOR),
    /** An agreement ended: the parties and the region. */
    AGREEMENT_ENDED(REGION, MUNICIPALITY, FACILITY, DOCTOR),
    /** A dispensation application was filed: the region. */
    DISPENSATION_APPLIED(REGION),
    /** A dispensation was granted or refused: the applicant. */
    DISPENSATION_DECIDED(MUNICIPALITY, DOCTOR),
    /** A matching round opened: the area's doctors. */
    ROUND_OPENED(DOCTOR),
    /** A proposal waits for confirmation: the one who confirms it. */
    PROPOSAL_WAITING(REGION, MUNICIPALITY, FACILITY),
    /** A filed information form was taken back by its filer: the region (issue 14 follow-up). */
    FORM_WITHDRAWN(REGION),
    /** A matching proposal was declined: its doctor, the other party (issue 14 follow-up). */
    PROPOSAL_DECLINED(DOCTOR),
    /** A doctor filed a change request: the region. */
    CHANGE_REQUEST_FILED(REGION),
    /** The region decided a change request: the doctor. */
    CHANGE_REQUEST_DECIDED(DOCTOR),
    /** A facility asked for a sick visit: the doctor. */
    SICK_VISIT_REQUESTED(DOCTOR),
    /** The doctor logged an advisory session: the facility contact. */
    SESSION_LOGGED(MUNICIPALITY, FACILITY),
    /** The region sent a survey: the addressees. */
    SURVEY_SENT(MUNICIPALITY),
    /** A survey's reminder: the addressees who have not submitted. */
    SURVEY_REMINDER(MUNICIPALITY);

    private final Set<Role> told;

    NotificationKind(Role first, Role... rest) {
        this.told = EnumSet.of(first, rest);
    }

    /** Whether a user of this role can be told of this kind. */
    public boolean tells(Role role) {
        return told.contains(role);
    }

    /** The kinds a user of this role can be told of, in the table's order (none for national and admin). */
    public static List<NotificationKind> toldTo(Role role) {
        return Arrays.stream(values()).filter(kind -> kind.tells(role)).toList();
    }
}
