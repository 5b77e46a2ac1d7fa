package dk.botilbudslaege.notification;

/**
 * What a notification is about (issue 14 item 3): one kind per event of the table, so a user can choose per kind
 * how to be told. The default delivery is e-mail at once.
 */
public enum NotificationKind {
    /** An information form was filed: the region. */
    FORM_FILED,
    /** A form was approved or rejected: the filer and the doctor. */
    FORM_DECIDED,
    /** Notice was given on an agreement: the other party and the region. */
    NOTICE_GIVEN,
    /** An agreement ended: the parties and the region. */
    AGREEMENT_ENDED,
    /** A dispensation application was filed: the region. */
    DISPENSATION_APPLIED,
    /** A dispensation was granted or refused: the applicant. */
    DISPENSATION_DECIDED,
    /** A matching round opened: the area's doctors. */
    ROUND_OPENED,
    /** A proposal waits for confirmation: the one who confirms it. */
    PROPOSAL_WAITING,
    /** A filed information form was taken back by its filer: the region (issue 14 follow-up). */
    FORM_WITHDRAWN,
    /** A matching proposal was declined: its doctor, the other party (issue 14 follow-up). */
    PROPOSAL_DECLINED,
    /** A doctor filed a change request: the region. */
    CHANGE_REQUEST_FILED,
    /** The region decided a change request: the doctor. */
    CHANGE_REQUEST_DECIDED,
    /** A facility asked for a sick visit: the doctor. */
    SICK_VISIT_REQUESTED,
    /** The doctor logged an advisory session: the facility contact. */
    SESSION_LOGGED,
    /** The region sent a survey: the addressees. */
    SURVEY_SENT,
    /** A survey's reminder: the addressees who have not submitted. */
    SURVEY_REMINDER
}
