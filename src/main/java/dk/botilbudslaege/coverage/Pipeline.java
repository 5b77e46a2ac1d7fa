package dk.botilbudslaege.coverage;

import java.time.LocalDate;

/**
 * The pipeline beside the coverage of a day (issue 11 item 10; seed 001: "12 botilbud og aftaler …
 * de resterende tre steder … umiddelbart efter sommerferien eller i løbet af efteråret"; seed 000:
 * municipalities "i gang med implementeringsprocessen"), counted in agreements:
 * <ul>
 * <li>{@code startingLater}: agreements made — approved by the region on or before the day — whose
 * start date lies after the day. They count as covered from their start date (C1).</li>
 * <li>{@code awaitingApproval}: information forms filed on or before the day that the region had not
 * yet decided by the end of the day, and that were not withdrawn by then.</li>
 * </ul>
 * Both are as of the day asked, from the agreement's own timestamps (decided, filed, withdrawn:
 * Danish dates); drafts, rejected and withdrawn agreements count in neither once they left the queue.
 * {@code CoverageQueries} holds the same rules in SQL; the static methods are their statement.
 */
public record Pipeline(long startingLater, long awaitingApproval) {

    static final Pipeline NONE = new Pipeline(0, 0);

    /**
     * An approved agreement (ACTIVE or NOTICE_GIVEN) decided on {@code decidedOn} (null: no record,
     * taken as made) and starting on {@code start} is made but not started on {@code date}.
     */
    public static boolean startsLater(LocalDate decidedOn, LocalDate start, LocalDate date) {
        return (decidedOn == null || !decidedOn.isAfter(date)) && start.isAfter(date);
    }

    /**
     * A form filed on {@code filedOn} that left the queue on {@code leftOn} (approved, rejected or
     * withdrawn; null: still filed) awaits approval on {@code date}.
     */
    public static boolean awaitsApproval(LocalDate filedOn, LocalDate leftOn, LocalDate date) {
        return filedOn != null && !filedOn.isAfter(date) && (leftOn == null || leftOn.isAfter(date));
    }
}
