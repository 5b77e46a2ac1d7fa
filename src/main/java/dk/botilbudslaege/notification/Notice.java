package dk.botilbudslaege.notification;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One notification to some users: its kind, the subject as a message key with its arguments (rendered in each
 * reader's language; the e-mail also in the user's language), and the one link, a path of this app such as
 * {@code /agreements/12}. No more personal data than needed: the arguments name units, months and agreements,
 * never a resident.
 *
 * @param usernames the users told; unknown and disabled users are skipped, each user is told once
 */
public record Notice(
        NotificationKind kind, Collection<String> usernames, String subjectKey, List<String> subjectArgs, String link) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectKey, "subjectKey");
        usernames = usernames == null ? List.of() : List.copyOf(usernames);
        subjectArgs = subjectArgs == null ? List.of() : List.copyOf(subjectArgs);
        if (link == null || !link.startsWith("/") || link.startsWith("//")) {
            throw new IllegalArgumentException("a notification links to a path of this app: " + link);
        }
    }

    public static Notice of(
            NotificationKind kind,
            Collection<String> usernames,
            String link,
            String subjectKey,
            String... subjectArgs) {
        return new Notice(kind, usernames, subjectKey, List.of(subjectArgs), link);
    }
}
