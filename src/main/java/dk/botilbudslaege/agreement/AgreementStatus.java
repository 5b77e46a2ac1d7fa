package dk.botilbudslaege.agreement;

/** The lifecycle of an agreement (SPEC §3). */
public enum AgreementStatus {
    /** Being prepared by the municipality, the region or a private facility; not yet filed. */
    DRAFT,
    /** The information form is filed with the region, which approves or rejects it. */
    SUBMITTED,
    /** Approved by the region: in force and paid from its start date. */
    ACTIVE,
    /** One side has given notice; still in force until its end date. */
    NOTICE_GIVEN,
    /** Its end date has passed. Derived from the dates, never stored. */
    ENDED,
    /** The region said no, with a reason. */
    REJECTED,
    /** Taken back before the region decided. */
    WITHDRAWN;

    /** Approved and counting for its period (ACTIVE, NOTICE_GIVEN, ENDED). */
    public boolean approved() {
        return this == ACTIVE || this == NOTICE_GIVEN || this == ENDED;
    }
}
