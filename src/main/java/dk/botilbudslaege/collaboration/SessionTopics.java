package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of generic session topics (seed 004: KOL, hjerte-kar-sygdomme, infektioner, dehydrering,
 * forstoppelse, medicinhåndtering, kost, mobilitet): read by every signed-in user, kept by the administrator.
 * A session may also have a free topic; removing a topic leaves the sessions' topic text as it was.
 */
@Service
public class SessionTopics {

    static final String ENTITY = "SESSION_TOPIC";

    /** One topic of the catalogue. */
    public record Topic(long id, String name) {}

    /** A topic as the administrator adds it (API.md: {@code POST /session-topics}). */
    public record NewTopic(String name) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SessionTopics(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public List<Topic> list() {
        return jdbc.sql("select id, name from session_topic where active order by sort_order, lower(name)")
                .query(Topic.class)
                .list();
    }

    @Transactional
    public Topic add(CurrentUser user, NewTopic topic) {
        requireAdmin(user);
        String name = topic == null || topic.name() == null ? "" : topic.name().strip();
        if (name.isEmpty()) {
            throw InvalidInputException.of(FieldProblem.of("name", "sessionTopic.name.required"));
        }
        if (name.length() > 120) {
            throw InvalidInputException.of(FieldProblem.of("name", "validation.size.max.n", 120));
        }
        String problem = AdvisorySessionText.problem(name);
        if (problem != null) {
            throw InvalidInputException.of(FieldProblem.of("name", problem));
        }
        boolean exists = jdbc.sql("select count(*) > 0 from session_topic where active and lower(name) = lower(:n)")
                .param("n", name)
                .query(Boolean.class)
                .single();
        if (exists) {
            throw InvalidInputException.of(FieldProblem.of("name", "sessionTopic.exists"));
        }
        long id = jdbc.sql("insert into session_topic (name, created_by) values (:n, :by) returning id")
                .param("n", name)
                .param("by", user.username())
                .query(Long.class)
                .single();
        events.publishEvent(new AdvisorySessionEvents.TopicAdded(
                id, Map.of("name", new AuditTrail.Change(null, name)), CurrentUsers.actor()));
        return new Topic(id, name);
    }

    @Transactional
    public void remove(CurrentUser user, long id) {
        requireAdmin(user);
        String name = jdbc.sql("select name from session_topic where id = :id and active")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of(ENTITY, id));
        jdbc.sql("update session_topic set active = false where id = :id")
                .param("id", id)
                .update();
        events.publishEvent(new AdvisorySessionEvents.TopicRemoved(
                id, Map.of("name", new AuditTrail.Change(name, null)), CurrentUsers.actor()));
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("scope.sessionTopic.edit");
        }
    }
}
