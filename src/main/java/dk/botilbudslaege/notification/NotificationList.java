package dk.botilbudslaege.notification;

import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's own notifications (issue 14 item 4): the list, marking read, the unread count of the header. Every
 * query names the user: nobody reads or marks another user's notification (an unknown or another's id is
 * "not found").
 */
@Service
public class NotificationList {

    /** The API's page size when none is asked for: the newest 500 (as before paging). */
    static final int API_PAGE_SIZE = 500;

    /** The page's rows per page. */
    static final int PAGE_SIZE = 50;

    /** One notification, its subject rendered in the reader's language. */
    public record Item(
            long id,
            NotificationKind kind,
            OffsetDateTime createdAt,
            OffsetDateTime readAt,
            String subject,
            String link) {
        public boolean unread() {
            return readAt == null;
        }
    }

    private record Row(
            long id,
            String kind,
            OffsetDateTime createdAt,
            OffsetDateTime readAt,
            String subjectKey,
            String args,
            String link) {}

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final JsonMapper json;

    NotificationList(JdbcClient jdbc, Notifier notifier, JsonMapper json) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.json = json;
    }

    /** The notification page's sort keys (i16 lists): unread first, then newest, by default. */
    public static final dk.botilbudslaege.common.SortColumns PAGE_SORT = new dk.botilbudslaege.common.SortColumns(
            java.util.Map.of("status", "(read_at is null)", "kind", "kind", "when", "created_at"),
            "status",
            true,
            "created_at, id");

    /**
     * One page of the user's notifications, newest first, or (for the page) unread first and then newest;
     * {@code unreadOnly} true gives the unread ones, false the read ones, null all.
     */
    @Transactional(readOnly = true)
    public PageResult<Item> list(
            String username, Boolean unreadOnly, boolean unreadFirst, PageRequest page, Locale locale) {
        String filter = unreadOnly == null ? "" : unreadOnly ? " and read_at is null" : " and read_at is not null";
        String order = unreadFirst && page.sort() != null
                ? page.orderBy(PAGE_SORT)
                : unreadFirst ? "(read_at is null) desc, created_at desc, id desc" : "created_at desc, id desc";
        List<Item> items = jdbc
                .sql("select id, kind, created_at, read_at, subject_key, subject_args::text as args, link"
                        + " from notification where username = :u" + filter + " order by " + order
                        + " limit :limit offset :offset")
                .param("u", username)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Row.class)
                .list()
                .stream()
                .map(r -> item(r, locale))
                .toList();
        long total = jdbc.sql("select count(*) from notification where username = :u" + filter)
                .param("u", username)
                .query(Long.class)
                .single();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Marks the user's notification read (a repeat keeps the first time); not found when it is not theirs. */
    @Transactional
    public Item markRead(String username, long id, Locale locale) {
        jdbc.sql("update notification set read_at = coalesce(read_at, now()) where id = :id and username = :u")
                .param("id", id)
                .param("u", username)
                .update();
        return jdbc.sql("""
                        select id, kind, created_at, read_at, subject_key, subject_args::text as args, link
                          from notification where id = :id and username = :u
                        """)
                .param("id", id)
                .param("u", username)
                .query(Row.class)
                .optional()
                .map(r -> item(r, locale))
                .orElseThrow(() -> NotFoundException.of("notification", id));
    }

    /** Marks all the user's notifications read; answers how many were unread. */
    @Transactional
    public int markAllRead(String username) {
        return jdbc.sql("update notification set read_at = now() where username = :u and read_at is null")
                .param("u", username)
                .update();
    }

    /** How many of the user's notifications are unread (the header's bell; one indexed count). */
    @Transactional(readOnly = true)
    public int unreadCount(String username) {
        return jdbc.sql("select count(*) from notification where username = :u and read_at is null")
                .param("u", username)
                .query(Integer.class)
                .single();
    }

    /**
     * Following a notification: marks it read and answers where it leads, a path of this app. A link that is not
     * one (it never should be) leads to the list instead.
     */
    @Transactional
    public String open(String username, long id) {
        return safePath(markRead(username, id, Locale.ROOT).link());
    }

    /** The link if it is a path of this app ("/..." but neither "//host" nor "/\host"), else the list. */
    static String safePath(String link) {
        if (link == null
                || !link.startsWith("/")
                || link.startsWith("//")
                || link.startsWith("/\\")
                || link.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return "/notifications";
        }
        return link;
    }

    private Item item(Row r, Locale locale) {
        List<String> args = json.readValue(r.args(), STRINGS);
        return new Item(
                r.id(),
                NotificationKind.valueOf(r.kind()),
                r.createdAt(),
                r.readAt(),
                notifier.subject(r.subjectKey(), args, locale),
                r.link());
    }
}
