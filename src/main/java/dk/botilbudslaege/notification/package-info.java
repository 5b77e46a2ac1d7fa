/**
 * Notifications (issue 14, SPEC §8): the right person is told, in the app and by e-mail. A module that causes a
 * notification calls {@link dk.botilbudslaege.notification.Notifier#notify} inside the transaction of the change
 * (or the notification module listens to its events): one row per user told in {@code notification} (the in-app
 * list, read in the reader's language) and, for users who want that kind at once by e-mail and have an address,
 * a row in {@code mail_outbox}, rendered in the user's language. The sender delivers the outbox with retries and
 * backoff; rows are claimed {@code FOR UPDATE SKIP LOCKED}, so two instances never send the same mail. No more
 * personal data than needed: a subject and one link to the page in question.
 */
package dk.botilbudslaege.notification;
