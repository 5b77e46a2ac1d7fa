package dk.botilbudslaege.notification;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a user wants each kind of notification (issue 14 item 4): at once by e-mail (the default), in the daily
 * digest, or in the app only. Stored in {@code notification_preference}, one row per kind chosen otherwise
 * than the default; {@link Notifier} and the digest read them there.
 */
@Service
public class Preferences {

    /** The three deliveries a user chooses between. */
    public enum Delivery {
        IMMEDIATE,
        DIGEST,
        APP_ONLY
    }

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every kind with the user's delivery for it (the default where they have chosen nothing). */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Delivery> of(String username) {
        Map<NotificationKind, Delivery> all = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            all.put(kind, Delivery.valueOf(Notifier.DEFAULT_DELIVERY));
        }
        jdbc.sql("select kind, delivery from notification_preference where username = :u")
                .param("u", username)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> {
                    try {
                        all.put(NotificationKind.valueOf(e.getKey()), Delivery.valueOf(e.getValue()));
                    } catch (IllegalArgumentException gone) {
                        // a kind no longer known: ignored
                    }
                });
        return all;
    }

    /** Stores the user's choices (kinds left out keep theirs); the default is stored as no row. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void save(String username, Map<NotificationKind, Delivery> choices) {
        choices.forEach((kind, delivery) -> {
            if (delivery.name().equals(Notifier.DEFAULT_DELIVERY)) {
                jdbc.sql("delete from notification_preference where username = :u and kind = :k")
                        .param("u", username)
                        .param("k", kind.name())
                        .update();
            } else {
                jdbc.sql("""
                                insert into notification_preference (username, kind, delivery) values (:u, :k, :d)
                                on conflict (username, kind) do update set delivery = excluded.delivery
                                """)
                        .param("u", username)
                        .param("k", kind.name())
                        .param("d", delivery.name())
                        .update();
            }
        });
    }
}
