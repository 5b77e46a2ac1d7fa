package dk.botilbudslaege.notification;

import dk.botilbudslaege.security.Users;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user's profile (issue 14 item 4): the e-mail address notifications go to, the language they are written
 * in, and the delivery per kind. The address and language live on the account (security's {@code app_user});
 * both and the choices are saved together or not at all.
 */
@Service
public class Profiles {

    /** The address as the table checks it: one "@", a dot in the domain, no spaces, at most 254 characters. */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public static final int EMAIL_MAX = 254;

    public record Profile(String email, String language, Map<NotificationKind, Preferences.Delivery> deliveries) {}

    private final Users users;
    private final Preferences preferences;

    Profiles(Users users, Preferences preferences) {
        this.users = users;
        this.preferences = preferences;
    }

    @Transactional(readOnly = true)
    public Profile of(String username) {
        Users.Contact contact = users.contact(username).orElse(new Users.Contact(null, "da"));
        return new Profile(contact.email(), contact.language(), preferences.of(username));
    }

    /** Issue 15: another user has this address already (any case). */
    @Transactional(readOnly = true)
    public boolean emailTaken(String username, String email) {
        return users.emailTaken(email, username);
    }

    /** The address as stored: trimmed, empty as none; null when it is not an e-mail address. */
    static String normalised(String email) {
        String text = email == null ? "" : email.strip();
        return text.isEmpty()
                ? ""
                : text.length() <= EMAIL_MAX && EMAIL.matcher(text).matches() ? text : null;
    }

    /** Saves a checked profile (the address normalised, "" for none; the language "da" or "en"). */
    @Transactional
    public void save(
            String username, String email, String language, Map<NotificationKind, Preferences.Delivery> deliveries) {
        users.updateContact(username, email.isEmpty() ? null : email, language.toLowerCase(Locale.ROOT));
        preferences.save(username, deliveries);
    }
}
