package dk.botilbudslaege.agreement;

import java.util.EnumSet;
import java.util.Set;

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

    /**
     * The one table of the lifecycle: each step, the statuses it may be taken from, the status it leads
     * to, and the message a step from another status is refused with (409 INVALID_STATUS). The guards
     * of {@link Agreements} and the actions it offers to pages and the API both read it.
     */
    public enum Step {
        /** The filer changes a draft; it stays a draft. */
        CHANGE(DRAFT, "agreement.status.onlyDraftChanges", DRAFT),
        /** The filer files the information form. */
        SUBMIT(SUBMITTED, "agreement.status.submitOnlyDraft", DRAFT),
        /** The region approves the filed form. */
        APPROVE(ACTIVE, "agreement.status.decideOnlySubmitted", SUBMITTED),
        /** The region rejects the filed form. */
        REJECT(REJECTED, "agreement.status.decideOnlySubmitted", SUBMITTED),
        /** The filer takes it back before the region decides. */
        WITHDRAW(WITHDRAWN, "agreement.status.withdrawOnlyUndecided", DRAFT, SUBMITTED),
        /** A party gives notice; from NOTICE_GIVEN only while the region's ending stands alone. */
        GIVE_NOTICE(NOTICE_GIVEN, "agreement.status.noticeOnlyActive", ACTIVE, NOTICE_GIVEN),
        /** The region ends one that can no longer run. */
        END(NOTICE_GIVEN, "agreement.status.endOnlyRunning", ACTIVE, NOTICE_GIVEN);

        private final AgreementStatus target;
        private final String refusal;
        private final Set<AgreementStatus> from;

        Step(AgreementStatus target, String refusal, AgreementStatus first, AgreementStatus... rest) {
            this.target = target;
            this.refusal = refusal;
            this.from = EnumSet.of(first, rest);
        }

        public boolean allowedFrom(AgreementStatus status) {
            return from.contains(status);
        }

        public AgreementStatus target() {
            return target;
        }

        /** The message key of the 409 INVALID_STATUS a step from another status answers. */
        public String refusal() {
            return refusal;
        }
    }
}
