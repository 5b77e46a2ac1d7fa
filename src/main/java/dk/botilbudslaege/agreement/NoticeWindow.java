package dk.botilbudslaege.agreement;

import java.time.LocalDate;

/**
 * When a notice may be dated (SPEC §3, issue 11 item 2): on the day it is registered or up to
 * {@value #DAYS_BACK} days earlier (a letter registered late), never before the agreement starts and
 * never in the future. Registered on 2026-11-30, an agreement that started 2025-04-01 may be given
 * notice dated 2026-10-31 to 2026-11-30; one that started 2026-11-15, from 2026-11-15. The window is
 * empty while the agreement has not started.
 *
 * @param from the earliest allowed notice date
 * @param to   the latest: the day of registration
 */
public record NoticeWindow(LocalDate from, LocalDate to) {

    /** How many days back a notice may be dated. */
    public static final int DAYS_BACK = 30;

    public static NoticeWindow of(LocalDate agreementStart, LocalDate today) {
        LocalDate earliest = today.minusDays(DAYS_BACK);
        return new NoticeWindow(agreementStart.isAfter(earliest) ? agreementStart : earliest, today);
    }

    /** No date is allowed: the agreement starts after today. */
    public boolean empty() {
        return from.isAfter(to);
    }

    public boolean allows(LocalDate noticeDate) {
        return !noticeDate.isBefore(from) && !noticeDate.isAfter(to);
    }
}
