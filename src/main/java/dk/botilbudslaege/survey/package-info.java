/**
 * Status surveys (issue 14 items 5-8, SPEC §8): the region asks its municipalities questions with a deadline and
 * reminders, sends the survey (each addressed municipality's users are told through
 * {@link dk.botilbudslaege.notification.Notifier}, the one module allowed to depend on notification), records the
 * municipalities' answers (a draft, then submitted; editable until the deadline), reminds those who have not
 * submitted on the reminder days (once, across instances), and shows the answers side by side with the response
 * rate. Counts and opinions only: no resident, no person.
 */
package dk.botilbudslaege.survey;
