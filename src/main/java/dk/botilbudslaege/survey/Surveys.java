package dk.botilbudslaege.survey;

import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.ResidentPrivacy;
import dk.botilbudslaege.notification.Notice;
import dk.botilbudslaege.notification.NotificationKind;
import dk.botilbudslaege.notification.Notifier;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Status surveys (issue 14 items 5-7, SPEC §8). The region composes a survey (a draft) and sends it to
 * municipalities of its own region; each addressed municipality keeps one answer, a draft until submitted and
 * editable until the deadline (a Danish date, the last day); the region reads the results.
 *
 * <p>Scope: a survey is the region's; another region gets 404. A municipality sees the surveys addressed to it
 * once sent (others 404). The facility, the doctor and the national viewer have no surveys (403).
 */
@Service
@Transactional(readOnly = true)
public class Surveys {

    static final String ENTITY = "SURVEY";
    static final int MAX_QUESTIONS = 50;
    static final int MAX_OPTIONS = 20;
    static final int MAX_TEXT_ANSWER = 4000;
    static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000");
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    Surveys(JdbcClient jdbc, Notifier notifier, JsonMapper json, ApplicationEventPublisher events) {
        this(jdbc, notifier, json, events, Clock.system(DanishTime.DENMARK));
    }

    Surveys(JdbcClient jdbc, Notifier notifier, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** What the region fills in. */
    public record Input(
            String title,
            @MultiLine String intro,
            LocalDate deadline,
            List<Integer> reminderDays,
            List<QuestionInput> questions,
            Addressees addressees) {}

    public record QuestionInput(@MultiLine String text, String type, List<String> options, Boolean required) {}

    public record Addressees(List<String> municipalityCodes) {}

    /** One answer as sent: the question and its value (true/false, an option, options, a number, a text). */
    public record AnswerValue(Long questionId, JsonNode value) {}

    public record AnswerInput(List<AnswerValue> answers) {}

    /** An addressee's answer: values by question id, and whether submitted. */
    public record Answer(
            long surveyId,
            String municipalityCode,
            Map<Long, JsonNode> values,
            boolean submitted,
            java.time.Instant submittedAt,
            java.time.Instant updatedAt) {}

    /** The Danish date today. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- reading

    /** The caller's surveys: the region's own (newest first); a municipality's sent surveys addressed to it. */
    public List<Survey> list(CurrentUser user) {
        if (user.is(Role.REGION)) {
            return jdbc
                    // a merged region also reads its predecessors' surveys (issue 15 item 4)
                    .sql("""
                            select id from survey where region_code in (select region_lineage(:r))
                             order by created_at desc, id desc
                            """)
                    .param("r", user.regionCode())
                    .query(Long.class)
                    .list()
                    .stream()
                    .map(this::load)
                    .toList();
        }
        if (user.is(Role.MUNICIPALITY)) {
            return jdbc.sql("""
                            select s.id from survey s join survey_addressee a on a.survey_id = s.id
                             where a.municipality_code = :m and s.status = 'SENT'
                             order by s.deadline desc, s.id desc
                            """).param("m", user.municipalityCode()).query(Long.class).list().stream()
                    .map(this::load)
                    .toList();
        }
        throw new ForbiddenException("survey.forbidden");
    }

    // issue 16 item 1: the start pages
    /** A sent survey still running, with how many it was sent to and how many have answered. */
    public record Running(long id, String title, LocalDate deadline, int addressees, int answered) {

        /** The share answered, 0-100. */
        public int percent() {
            return addressees == 0 ? 0 : Math.round(100f * answered / addressees);
        }
    }

    /**
     * A region's sent surveys whose deadline has not passed; a municipality's sent surveys it has not answered
     * (submitted) yet. One query; nearest deadline first.
     */
    @Transactional(readOnly = true)
    public List<Running> running(CurrentUser user) {
        String scope;
        Object value;
        if (user.is(Role.REGION)) {
            scope = "s.region_code in (select region_lineage(:v)) and s.deadline >= :today";
            value = user.regionCode();
        } else if (user.is(Role.MUNICIPALITY)) {
            scope = """
                    exists (select 1 from survey_addressee m where m.survey_id = s.id and m.municipality_code = :v)
                    and not exists (select 1 from survey_answer m where m.survey_id = s.id
                                     and m.municipality_code = :v and m.submitted_at is not null)""";
            value = user.municipalityCode();
        } else {
            throw new ForbiddenException("survey.forbidden");
        }
        return jdbc.sql("""
                        select s.id, s.title, s.deadline,
                               (select count(*) from survey_addressee a where a.survey_id = s.id) as addressees,
                               (select count(*) from survey_answer a where a.survey_id = s.id
                                   and a.submitted_at is not null) as answered
                          from survey s where s.status = 'SENT' and\s""" + scope + " order by s.deadline, s.id")
                .param("v", value)
                .param("today", today())
                .query(Running.class)
                .list();
    }

    /** A survey as the caller may read it: the region's own, or sent and addressed to the municipality. */
    public Survey get(CurrentUser user, long id) {
        if (user.is(Role.REGION)) {
            return own(user, id);
        }
        if (user.is(Role.MUNICIPALITY)) {
            return addressed(user, id);
        }
        throw new ForbiddenException("survey.forbidden");
    }

    /** The region's own survey (404 otherwise; 403 for any other role). */
    Survey own(CurrentUser user, long id) {
        if (!user.is(Role.REGION)) {
            throw new ForbiddenException("survey.regionOnly");
        }
        Survey survey = find(id);
        if (survey == null || !(user.inRegion(survey.regionCode()) || inLineage(user, survey.regionCode()))) {
            throw NotFoundException.of(ENTITY, id);
        }
        return survey;
    }

    /** A survey of a region that merged into the caller's region (issue 15 item 4). */
    private boolean inLineage(CurrentUser user, String regionCode) {
        return user.regionCode() != null
                && jdbc.sql("select count(*) from region_lineage(:u) l where l = :r")
                                .param("u", user.regionCode())
                                .param("r", regionCode)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    /** A sent survey addressed to the caller's municipality (404 otherwise; 403 for any other role). */
    Survey addressed(CurrentUser user, long id) {
        if (!user.is(Role.MUNICIPALITY)) {
            throw new ForbiddenException("survey.municipalityOnly");
        }
        Survey survey = find(id);
        if (survey == null || !survey.sent() || !survey.municipalityCodes().contains(user.municipalityCode())) {
            throw NotFoundException.of(ENTITY, id);
        }
        return survey;
    }

    Survey find(long id) {
        boolean exists = jdbc.sql("select exists (select 1 from survey where id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
        return exists ? load(id) : null;
    }

    Survey load(long id) {
        List<Survey.Question> questions = jdbc.sql("""
                        select id, position, text, type, options::text as options, required
                          from survey_question where survey_id = :id order by position
                        """)
                .param("id", id)
                .query((rs, n) -> new Survey.Question(
                        rs.getLong("id"),
                        rs.getInt("position"),
                        rs.getString("text"),
                        rs.getString("type"),
                        strings(rs.getString("options")),
                        rs.getBoolean("required")))
                .list();
        List<String> codes = jdbc.sql(
                        "select municipality_code from survey_addressee where survey_id = :id order by municipality_code")
                .param("id", id)
                .query(String.class)
                .list();
        return jdbc.sql("select * from survey where id = :id")
                .param("id", id)
                .query((rs, n) -> new Survey(
                        rs.getLong("id"),
                        rs.getString("region_code"),
                        rs.getString("title"),
                        rs.getString("intro"),
                        rs.getObject("deadline", LocalDate.class),
                        ints(rs.getArray("reminder_days")),
                        rs.getString("status"),
                        rs.getString("created_by"),
                        instant(rs, "created_at"),
                        instant(rs, "sent_at"),
                        questions,
                        codes))
                .single();
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<Integer> ints(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> ((Number) v).intValue()).toList();
    }

    private List<String> strings(String jsonArray) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : json.readTree(jsonArray)) {
            out.add(n.asString());
        }
        return out;
    }

    /** The names of municipalities by code. */
    Map<String, String> municipalityNames(List<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from registry_municipality where code = any(:c) order by name")
                .param("c", codes.toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The municipalities of the region today, code → name, by name. */
    public Map<String, String> regionMunicipalities(String regionCode) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.code, m.name from registry_municipality m
                          join registry_municipality_region r on r.municipality_code = m.code
                         where r.region_code = :r and r.valid_from <= current_date
                           and (r.valid_to is null or r.valid_to >= current_date)
                         order by m.name
                        """)
                .param("r", regionCode)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    // ---------------------------------------------------------------- composing and sending

    /** Creates a draft survey of the caller's region; every bad field in one 400. */
    @Transactional
    public Survey create(CurrentUser user, Input input) {
        if (!user.is(Role.REGION)) {
            throw new ForbiddenException("survey.regionOnly");
        }
        if (input == null) {
            input = new Input(null, null, null, null, null, null);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty()) {
            problems.add(FieldProblem.of("title", "survey.title.required"));
        } else if (length(title) > 200) {
            problems.add(FieldProblem.of("title", "survey.title.tooLong", 200));
        } else {
            privacy("title", "survey.title", title, problems);
        }
        String intro = input.intro() == null ? "" : input.intro().strip();
        if (length(intro) > 4000) {
            problems.add(FieldProblem.of("intro", "survey.intro.tooLong", 4000));
        } else {
            privacy("intro", "survey.intro", intro, problems);
        }
        LocalDate deadline = input.deadline();
        if (deadline == null) {
            problems.add(FieldProblem.of("deadline", "survey.deadline.required"));
        } else if (!deadline.isAfter(today())) {
            problems.add(FieldProblem.of("deadline", "survey.deadline.future"));
        } else if (deadline.isAfter(today().plusYears(2))) {
            problems.add(FieldProblem.of("deadline", "survey.deadline.tooFar"));
        }
        List<Integer> reminderDays = new ArrayList<>();
        List<Integer> days = input.reminderDays() == null ? List.of() : input.reminderDays();
        if (days.size() > 10) {
            problems.add(FieldProblem.of("reminderDays", "survey.reminderDays.tooMany", 10));
        } else {
            for (int i = 0; i < days.size(); i++) {
                Integer d = days.get(i);
                String field = "reminderDays[" + i + "]";
                if (d == null || d < 1) {
                    problems.add(FieldProblem.of(field, "survey.reminderDays.positive"));
                } else if (deadline != null && !deadline.minusDays(d).isAfter(today())) {
                    problems.add(FieldProblem.of(field, "survey.reminderDays.past", d));
                } else if (reminderDays.contains(d)) {
                    problems.add(FieldProblem.of(field, "survey.reminderDays.twice", d));
                } else {
                    reminderDays.add(d);
                }
            }
        }
        List<QuestionInput> questions = input.questions() == null ? List.of() : input.questions();
        if (questions.isEmpty()) {
            problems.add(FieldProblem.of("questions", "survey.questions.required"));
        } else if (questions.size() > MAX_QUESTIONS) {
            problems.add(FieldProblem.of("questions", "survey.questions.tooMany", MAX_QUESTIONS));
        }
        List<QuestionInput> clean = new ArrayList<>();
        for (int i = 0; i < questions.size() && i < MAX_QUESTIONS; i++) {
            clean.add(question(i, questions.get(i), problems));
        }
        List<String> codes = input.addressees() == null || input.addressees().municipalityCodes() == null
                ? List.of()
                : input.addressees().municipalityCodes();
        Set<String> ofRegion = regionMunicipalities(user.regionCode()).keySet();
        List<String> addressees = new ArrayList<>();
        if (codes.isEmpty()) {
            problems.add(FieldProblem.of("addressees.municipalityCodes", "survey.addressees.required"));
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String field = "addressees.municipalityCodes[" + i + "]";
            if (code == null || !ofRegion.contains(code)) {
                problems.add(FieldProblem.of(field, "survey.addressees.notOfRegion", code == null ? "" : code));
            } else if (!addressees.contains(code)) {
                addressees.add(code);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        long id = jdbc.sql("""
                        insert into survey (region_code, title, intro, deadline, reminder_days, created_by)
                        values (:r, :t, :i, :d, :days, :by) returning id
                        """)
                .param("r", user.regionCode())
                .param("t", title)
                .param("i", intro)
                .param("d", deadline)
                .param("days", reminderDays.stream().sorted((a, b) -> b - a).toArray(Integer[]::new))
                .param("by", user.username())
                .query(Long.class)
                .single();
        for (int i = 0; i < clean.size(); i++) {
            QuestionInput q = clean.get(i);
            jdbc.sql("""
                            insert into survey_question (survey_id, position, text, type, options, required)
                            values (:s, :p, :t, :ty, cast(:o as jsonb), :r)
                            """)
                    .param("s", id)
                    .param("p", i + 1)
                    .param("t", q.text())
                    .param("ty", q.type())
                    .param("o", json.writeValueAsString(q.options()))
                    .param("r", q.required())
                    .update();
        }
        for (String code : addressees) {
            jdbc.sql("insert into survey_addressee (survey_id, municipality_code) values (:s, :m)")
                    .param("s", id)
                    .param("m", code)
                    .update();
        }
        Survey created = load(id);
        events.publishEvent(new SurveyEvents.SurveyCreated(id, SurveyEvents.created(created), user.username()));
        return created;
    }

    private QuestionInput question(int i, QuestionInput q, List<FieldProblem> problems) {
        String prefix = "questions[" + i + "].";
        if (q == null) {
            problems.add(FieldProblem.of("questions[" + i + "]", "survey.question.required"));
            return null;
        }
        String text = q.text() == null ? "" : q.text().strip();
        if (text.isEmpty()) {
            problems.add(FieldProblem.of(prefix + "text", "survey.question.text.required"));
        } else if (length(text) > 1000) {
            problems.add(FieldProblem.of(prefix + "text", "survey.question.text.tooLong", 1000));
        } else {
            privacy(prefix + "text", "survey.question.text", text, problems);
        }
        QuestionType type = QuestionType.of(q.type());
        List<String> options = new ArrayList<>();
        if (type == null) {
            problems.add(FieldProblem.of(prefix + "type", "survey.question.type.invalid"));
        } else if (type == QuestionType.CHOICE || type == QuestionType.MULTI) {
            List<String> given = q.options() == null ? List.of() : q.options();
            for (int j = 0; j < given.size(); j++) {
                String o = given.get(j) == null ? "" : given.get(j).strip();
                String field = prefix + "options[" + j + "]";
                if (o.isEmpty()) {
                    problems.add(FieldProblem.of(field, "survey.question.option.required"));
                } else if (length(o) > 200) {
                    problems.add(FieldProblem.of(field, "survey.question.option.tooLong", 200));
                } else if (privacy(field, "survey.question.option", o, problems)) {
                    continue;
                } else if (options.contains(o)) {
                    problems.add(FieldProblem.of(field, "survey.question.option.twice", o));
                } else {
                    options.add(o);
                }
            }
            if (given.size() < 2) {
                problems.add(FieldProblem.of(prefix + "options", "survey.question.options.atLeastTwo"));
            } else if (given.size() > MAX_OPTIONS) {
                problems.add(FieldProblem.of(prefix + "options", "survey.question.options.tooMany", MAX_OPTIONS));
            }
        } else if (q.options() != null && !q.options().isEmpty()) {
            problems.add(FieldProblem.of(prefix + "options", "survey.question.options.notForType"));
        }
        return new QuestionInput(text, type == null ? null : type.name(), options, Boolean.TRUE.equals(q.required()));
    }

    /** Sends a draft to its addressees (DRAFT → SENT) and tells each addressed municipality's users. */
    @Transactional
    public Survey send(CurrentUser user, long id) {
        Survey survey = own(user, id);
        if (!survey.deadline().isAfter(today())) {
            throw new ConflictException("SURVEY_DEADLINE_PASSED", "survey.conflict.deadlinePassed");
        }
        int changed = jdbc.sql("""
                        update survey set status = 'SENT', sent_at = now(), sent_by = :by, version = version + 1
                         where id = :id and status = 'DRAFT'
                        """).param("id", id).param("by", user.username()).update();
        if (changed == 0) {
            throw new ConflictException("SURVEY_ALREADY_SENT", "survey.conflict.alreadySent");
        }
        Map<String, List<String>> users = notifier.municipalityUsers(survey.municipalityCodes());
        for (String code : survey.municipalityCodes()) {
            notifier.notify(Notice.of(
                    NotificationKind.SURVEY_SENT,
                    users.getOrDefault(code, List.of()),
                    "/surveys/" + id + "/answer",
                    "notification.survey.sent",
                    survey.title(),
                    DANISH_DATE.format(survey.deadline())));
        }
        events.publishEvent(new SurveyEvents.SurveySent(id, SurveyEvents.sent(survey), user.username()));
        return load(id);
    }

    /** The names of the survey's municipalities that have no user to tell (nobody gets the survey there). */
    public List<String> noUsers(Survey survey) {
        Map<String, List<String>> users = notifier.municipalityUsers(survey.municipalityCodes());
        List<String> codes = survey.municipalityCodes().stream()
                .filter(c -> users.getOrDefault(c, List.of()).isEmpty())
                .toList();
        return codes.isEmpty()
                ? List.of()
                : List.copyOf(municipalityNames(codes).values());
    }

    // ---------------------------------------------------------------- answering

    /** The caller's municipality's answer (empty until saved). */
    public Answer answer(CurrentUser user, long id) {
        Survey survey = addressed(user, id);
        return answerOf(survey.id(), user.municipalityCode());
    }

    Answer answerOf(long surveyId, String municipalityCode) {
        return jdbc.sql("""
                        select answers::text as answers, submitted_at, updated_at from survey_answer
                         where survey_id = :s and municipality_code = :m
                        """)
                .param("s", surveyId)
                .param("m", municipalityCode)
                .query((rs, n) -> new Answer(
                        surveyId,
                        municipalityCode,
                        values(rs.getString("answers")),
                        rs.getTimestamp("submitted_at") != null,
                        instant(rs, "submitted_at"),
                        instant(rs, "updated_at")))
                .optional()
                .orElse(new Answer(surveyId, municipalityCode, Map.of(), false, null, null));
    }

    private Map<Long, JsonNode> values(String jsonObject) {
        Map<Long, JsonNode> values = new LinkedHashMap<>();
        JsonNode node = json.readTree(jsonObject);
        for (var e : node.properties()) {
            values.put(Long.parseLong(e.getKey()), e.getValue());
        }
        return values;
    }

    /** Saves the answer as given (a draft, or a change to a submitted answer); editable until the deadline. */
    @Transactional
    public Answer save(CurrentUser user, long id, AnswerInput input) {
        Survey survey = addressed(user, id);
        open(survey);
        Answer before = answerOf(id, user.municipalityCode());
        Map<Long, JsonNode> values = check(survey, input, before.submitted());
        store(survey, user, values, before.submitted());
        dropTags(survey, user.municipalityCode(), before.values(), values);
        audit(user, id, before, values, before.submitted());
        return answerOf(id, user.municipalityCode());
    }

    /** Submits the answer saved (with the values given, if any); every required question must be answered. */
    @Transactional
    public Answer submit(CurrentUser user, long id, AnswerInput input) {
        Survey survey = addressed(user, id);
        open(survey);
        Answer before = answerOf(id, user.municipalityCode());
        Map<Long, JsonNode> values;
        if (input == null || input.answers() == null) {
            values = new LinkedHashMap<>(before.values());
            List<FieldProblem> problems = new ArrayList<>();
            required(survey, values, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException("VALIDATION_FAILED", problems);
            }
        } else {
            values = check(survey, input, true);
        }
        store(survey, user, values, true);
        dropTags(survey, user.municipalityCode(), before.values(), values);
        audit(user, id, before, values, true);
        return answerOf(id, user.municipalityCode());
    }

    /** One audit event per saved answer: a draft saved, submitted, or a submitted answer changed. */
    private void audit(CurrentUser user, long id, Answer before, Map<Long, JsonNode> values, boolean submitted) {
        var changes =
                SurveyEvents.answer(user.municipalityCode(), before.values(), values, before.submitted(), submitted);
        if (before.submitted()) {
            events.publishEvent(new SurveyEvents.AnswerChanged(id, changes, user.username()));
        } else if (submitted) {
            events.publishEvent(new SurveyEvents.AnswerSubmitted(id, changes, user.username()));
        } else {
            events.publishEvent(new SurveyEvents.AnswerDraftSaved(id, changes, user.username()));
        }
    }

    /**
     * A tag belongs to the text it was put on: when the municipality changes or removes a free-text answer, the
     * region's tags on it go too (the change itself is audited as the answer's; the tags are not audited one by one).
     */
    private void dropTags(Survey survey, String code, Map<Long, JsonNode> before, Map<Long, JsonNode> after) {
        List<Long> changed = new ArrayList<>();
        for (Survey.Question q : survey.questions()) {
            if (q.type().equals(QuestionType.TEXT.name())
                    && before.containsKey(q.id())
                    && !before.get(q.id()).equals(after.get(q.id()))) {
                changed.add(q.id());
            }
        }
        if (!changed.isEmpty()) {
            jdbc.sql("delete from survey_tag where survey_id = :s and municipality_code = :m and question_id = any(:q)")
                    .param("s", survey.id())
                    .param("m", code)
                    .param("q", changed.toArray(Long[]::new))
                    .update();
        }
    }

    private void open(Survey survey) {
        if (today().isAfter(survey.deadline())) {
            throw new ConflictException("SURVEY_CLOSED", "survey.conflict.closed");
        }
    }

    private void store(Survey survey, CurrentUser user, Map<Long, JsonNode> values, boolean submitted) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        values.forEach((q, v) -> object.set(String.valueOf(q), v));
        jdbc.sql("""
                        insert into survey_answer (survey_id, municipality_code, answers, submitted_at, updated_by)
                        values (:s, :m, cast(:a as jsonb), case when :sub then now() end, :by)
                        on conflict (survey_id, municipality_code) do update
                           set answers = excluded.answers,
                               submitted_at = coalesce(survey_answer.submitted_at, excluded.submitted_at),
                               updated_by = excluded.updated_by, updated_at = now()
                        """)
                .param("s", survey.id())
                .param("m", user.municipalityCode())
                .param("a", json.writeValueAsString(object))
                .param("sub", submitted)
                .param("by", user.username())
                .update();
    }

    /** The values of the input checked per question type; with {@code submitting}, required questions too. */
    Map<Long, JsonNode> check(Survey survey, AnswerInput input, boolean submitting) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, Survey.Question> byId = new LinkedHashMap<>();
        survey.questions().forEach(q -> byId.put(q.id(), q));
        Map<Long, JsonNode> values = new LinkedHashMap<>();
        List<AnswerValue> answers = input == null || input.answers() == null ? List.of() : input.answers();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            AnswerValue a = answers.get(i);
            String prefix = "answers[" + i + "].";
            if (a == null || a.questionId() == null) {
                problems.add(FieldProblem.of(prefix + "questionId", "survey.answer.question.required"));
                continue;
            }
            Survey.Question q = byId.get(a.questionId());
            if (q == null) {
                problems.add(FieldProblem.of(
                        prefix + "questionId", "survey.answer.question.unknown", String.valueOf(a.questionId())));
                continue;
            }
            if (!seen.add(q.id())) {
                problems.add(FieldProblem.of(prefix + "questionId", "survey.answer.question.twice", q.position()));
                continue;
            }
            JsonNode value = value(q, a.value(), prefix + "value", problems);
            if (value != null) {
                values.put(q.id(), value);
            }
        }
        if (submitting && problems.isEmpty()) {
            required(survey, values, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        return values;
    }

    private static void required(Survey survey, Map<Long, JsonNode> values, List<FieldProblem> problems) {
        for (Survey.Question q : survey.questions()) {
            if (q.required() && !values.containsKey(q.id())) {
                problems.add(FieldProblem.of(
                        "questions[" + (q.position() - 1) + "]", "survey.answer.required", q.position()));
            }
        }
    }

    /** A value checked for its question: null when empty (not answered); a problem added when wrong. */
    static JsonNode value(Survey.Question q, JsonNode v, String field, List<FieldProblem> problems) {
        if (v == null
                || v.isNull()
                || v.isMissingNode()
                || (v.isString() && v.asString().isBlank())) {
            return null;
        }
        switch (QuestionType.valueOf(q.type())) {
            case YES_NO -> {
                if (!v.isBoolean()) {
                    problems.add(FieldProblem.of(field, "survey.answer.yesNo", q.position()));
                    return null;
                }
                return v;
            }
            case CHOICE -> {
                if (!v.isString() || !q.options().contains(v.asString())) {
                    problems.add(FieldProblem.of(field, "survey.answer.choice", q.position()));
                    return null;
                }
                return v;
            }
            case MULTI -> {
                if (!v.isArray()) {
                    problems.add(FieldProblem.of(field, "survey.answer.multi", q.position()));
                    return null;
                }
                Set<String> chosen = new HashSet<>();
                for (JsonNode o : v) {
                    if (!o.isString() || !q.options().contains(o.asString())) {
                        problems.add(FieldProblem.of(field, "survey.answer.multi", q.position()));
                        return null;
                    }
                    if (!chosen.add(o.asString())) {
                        problems.add(FieldProblem.of(field, "survey.answer.multi.twice", q.position(), o.asString()));
                        return null;
                    }
                }
                if (chosen.isEmpty()) {
                    return null;
                }
                var array = JsonNodeFactory.instance.arrayNode();
                q.options().stream().filter(chosen::contains).forEach(array::add);
                return array;
            }
            case NUMBER -> {
                if (!v.isNumber() || v.decimalValue().abs().compareTo(MAX_NUMBER) > 0) {
                    problems.add(FieldProblem.of(field, "survey.answer.number", q.position()));
                    return null;
                }
                return v;
            }
            case TEXT -> {
                if (!v.isString()) {
                    problems.add(FieldProblem.of(field, "survey.answer.text", q.position()));
                    return null;
                }
                String text = v.asString().strip();
                var bad = dk.botilbudslaege.common.TextRules.check(text, true);
                if (bad != null) {
                    problems.add(FieldProblem.of(field, bad.messageKey()));
                    return null;
                }
                if (length(text) > MAX_TEXT_ANSWER) {
                    problems.add(FieldProblem.of(field, "survey.answer.tooLong", MAX_TEXT_ANSWER));
                    return null;
                }
                if (privacy(field, "survey.answer", text, problems, q.position())) {
                    return null;
                }
                return JsonNodeFactory.instance.stringNode(text);
            }
            default -> throw new IllegalStateException(q.type());
        }
    }

    /** A text's length in characters (code points), as a reader counts them: "😀" is one. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * No resident in a survey (SPEC §7): a text that looks like a CPR number ({@code key + ".cpr"}) or names a
     * resident ("beboeren Hans", {@code key + ".resident"}) is refused on its field. Only the named-resident rule
     * applies, not every name: a survey's texts and answers name schools, staff and contact persons ("Hans
     * Christian Andersen Skolen", "kontaktperson Mette Jensen"), which sick-visit notes never do.
     */
    static boolean privacy(String field, String key, String text, List<FieldProblem> problems, Object... args) {
        if (ResidentPrivacy.looksLikeCpr(text)) {
            problems.add(FieldProblem.of(field, key + ".cpr", args));
            return true;
        }
        if (ResidentPrivacy.namesResident(text)) {
            problems.add(FieldProblem.of(field, key + ".resident", args));
            return true;
        }
        return false;
    }
}
