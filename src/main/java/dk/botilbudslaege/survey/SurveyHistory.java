package dk.botilbudslaege.survey;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.security.CurrentUser;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A survey's audit trail as its region reads it (issue 14 item 7): who (the user's name), when and what, with
 * municipalities by name, questions by number and the status in words, for the shared history fragment (field
 * labels "survey.history.&lt;field&gt;"). Only the region that owns the survey (another region 404, other roles
 * 403).
 */
@Service
@Transactional(readOnly = true)
public class SurveyHistory {

    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Surveys surveys;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    SurveyHistory(Surveys surveys, AuditTrail audit, JdbcClient jdbc, MessageSource messages) {
        this.surveys = surveys;
        this.audit = audit;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The survey's events, newest first, shown in words. */
    public List<AuditTrail.AuditEvent> history(CurrentUser user, long id, Locale locale) {
        Survey survey = surveys.own(user, id);
        List<AuditTrail.AuditEvent> events = audit.history(Surveys.ENTITY, survey.id());
        List<String> codes = new ArrayList<>(survey.municipalityCodes());
        List<String> actors = new ArrayList<>();
        for (AuditTrail.AuditEvent e : events) {
            actors.add(e.actor());
            AuditTrail.Change one = e.changes().get("municipalityCode");
            if (one != null && one.to() != null) {
                codes.add(one.to().toString());
            }
        }
        Map<String, String> municipalities = surveys.municipalityNames(codes);
        Map<String, String> people = names(actors);
        Map<Long, Integer> positions = new HashMap<>();
        survey.questions().forEach(q -> positions.put(q.id(), q.position()));
        List<AuditTrail.AuditEvent> shown = new ArrayList<>();
        for (AuditTrail.AuditEvent e : events) {
            Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
            e.changes().forEach((field, c) -> {
                Object from = shown(field, c.from(), municipalities, positions, locale);
                Object to = shown(field, c.to(), municipalities, positions, locale);
                if (from != null || to != null) {
                    changes.put(field, new AuditTrail.Change(from, to));
                }
            });
            shown.add(new AuditTrail.AuditEvent(
                    e.id(),
                    e.occurredAt(),
                    people.getOrDefault(e.actor(), e.actor()),
                    e.entityType(),
                    e.entityId(),
                    e.action(),
                    changes));
        }
        return shown;
    }

    private Object shown(
            String field,
            Object value,
            Map<String, String> municipalities,
            Map<Long, Integer> positions,
            Locale locale) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case "municipalityCode" -> municipalities.getOrDefault(value.toString(), value.toString());
            case "municipalityCodes" -> byName(value, municipalities);
            case "questionId", "questionIds" ->
                joined(value, v -> {
                    Integer p = positions.get(((Number) v).longValue());
                    return p == null ? v.toString() : String.valueOf(p);
                });
            case "reminderDays" -> joined(value, Object::toString);
            case "deadline" -> DANISH_DATE.format(LocalDate.parse(value.toString()));
            case "status" -> messages.getMessage("survey.history.status." + value, null, value.toString(), locale);
            default -> value;
        };
    }

    /** A list's values in words, comma separated; nothing when empty. */
    private static String joined(Object value, java.util.function.Function<Object, String> word) {
        if (!(value instanceof Collection<?> values)) {
            return word.apply(value);
        }
        List<String> words = values.stream().map(word).toList();
        return words.isEmpty() ? null : String.join(", ", words);
    }

    /** Municipalities by name, in the order of the names (the map is by name). */
    private static String byName(Object value, Map<String, String> municipalities) {
        if (!(value instanceof Collection<?> values)) {
            return municipalities.getOrDefault(value.toString(), value.toString());
        }
        List<String> codes = values.stream().map(Object::toString).toList();
        List<String> words = new ArrayList<>();
        municipalities.forEach((code, name) -> {
            if (codes.contains(code)) {
                words.add(name);
            }
        });
        codes.stream().filter(c -> !municipalities.containsKey(c)).forEach(words::add);
        return words.isEmpty() ? null : String.join(", ", words);
    }

    private Map<String, String> names(List<String> usernames) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select username, display_name from security_user where username = any(:u)")
                .param("u", usernames.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }
}
