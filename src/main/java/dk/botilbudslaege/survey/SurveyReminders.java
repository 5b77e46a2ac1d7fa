package dk.botilbudslaege.survey;

import dk.botilbudslaege.notification.Notice;
import dk.botilbudslaege.notification.NotificationKind;
import dk.botilbudslaege.notification.Notifier;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the addressees of a sent survey who have not submitted (issue 14 item 6): on each reminder day (the
 * deadline minus N days, a Danish date), their municipality's users are told {@code SURVEY_REMINDER}. Once per
 * survey and day: {@code survey_reminder_sent} records the day in the same transaction, and a transaction-level
 * advisory lock keeps a second instance running at the same moment out. Runs at {@code
 * botilbud.surveys.reminder-cron} (default 07:00 Danish time; "-" turns it off).
 */
@Component
class SurveyReminders {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyReminders.class);
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final JdbcClient jdbc;
    private final Notifier notifier;

    SurveyReminders(JdbcClient jdbc, Notifier notifier) {
        this.jdbc = jdbc;
        this.notifier = notifier;
    }

    @Scheduled(cron = "${botilbud.surveys.reminder-cron:0 0 7 * * *}", zone = "Europe/Copenhagen")
    @SchedulerLock(name = "survey.reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void daily() {
        int told = remind(LocalDate.now(DanishTime.DENMARK));
        if (told > 0) {
            LOG.info("Reminded {} users of surveys not yet answered", told);
        }
    }

    private record Due(long id, String title, LocalDate deadline) {}

    /** Sends the reminders due on {@code today} that have not gone yet; answers how many users were told. */
    @Transactional
    public int remind(LocalDate today) {
        boolean held = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('survey.reminders'))")
                .query(Boolean.class)
                .single();
        if (!held) {
            return 0;
        }
        List<Due> due = jdbc.sql("""
                        select id, title, deadline from survey
                         where status = 'SENT' and deadline >= :today
                           and (deadline - :today) = any(reminder_days)
                           and not exists (select 1 from survey_reminder_sent r where r.survey_id = survey.id
                                            and r.day = :today)
                         order by id
                        """).param("today", today).query(Due.class).list();
        int told = 0;
        for (Due survey : due) {
            List<String> missing =
                    jdbc.sql("""
                            select a.municipality_code from survey_addressee a
                             where a.survey_id = :s and not exists (
                                   select 1 from survey_answer x where x.survey_id = a.survey_id
                                      and x.municipality_code = a.municipality_code and x.submitted_at is not null)
                             order by a.municipality_code
                            """).param("s", survey.id()).query(String.class).list();
            int count = 0;
            if (!missing.isEmpty()) {
                Map<String, List<String>> users = notifier.municipalityUsers(missing);
                for (String code : missing) {
                    count += notifier.notify(Notice.of(
                            NotificationKind.SURVEY_REMINDER,
                            users.getOrDefault(code, List.of()),
                            "/surveys/" + survey.id() + "/answer",
                            "notification.survey.reminder",
                            survey.title(),
                            DANISH_DATE.format(survey.deadline())));
                }
            }
            jdbc.sql("insert into survey_reminder_sent (survey_id, day, told) values (:s, :d, :t)")
                    .param("s", survey.id())
                    .param("d", today)
                    .param("t", count)
                    .update();
            told += count;
        }
        return told;
    }
}
