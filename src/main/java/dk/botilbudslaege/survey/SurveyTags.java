package dk.botilbudslaege.survey;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.TextRules;
import dk.botilbudslaege.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region's own tags on the free-text answers of its sent survey (issue 14 item 7), e.g. the seed's thirds by
 * progress ("Langt", "Midtvejs", "Begyndt"). Only the region that owns the survey reads and changes them (another
 * region 404, any other role 403); a tag goes on a submitted answer to a TEXT question. Adding and removing are
 * audited on the survey.
 */
@Service
@Transactional(readOnly = true)
public class SurveyTags {

    static final int MAX_TAG = 60;
    static final String TAG_ENTITY = "SURVEY_TAG";

    private final Surveys surveys;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SurveyTags(Surveys surveys, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.surveys = surveys;
        this.jdbc = jdbc;
        this.events = events;
    }

    public record Tag(long questionId, String municipalityCode, String tag) {}

    public record TagInput(Long questionId, String municipalityCode, String tag) {}

    /** A tag as stored, and whether this call added it (false: it was there already). */
    public record Added(Tag tag, boolean created) {}

    /** The survey's tags, by question, municipality and tag. */
    public List<Tag> list(CurrentUser user, long id) {
        return tags(surveys.own(user, id).id());
    }

    List<Tag> tags(long surveyId) {
        return jdbc.sql("""
                        select question_id, municipality_code, tag from survey_tag where survey_id = :s
                         order by question_id, municipality_code, tag
                        """)
                .param("s", surveyId)
                .query((rs, n) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The survey's tags with how many answers carry each, by tag: for the summary and the reuse list. */
    public Map<String, Integer> counts(long surveyId, Long questionId) {
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Tag t : tags(surveyId)) {
            if (questionId == null || questionId == t.questionId()) {
                counts.merge(t.tag(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Tags a submitted free-text answer; the same tag twice is no change. Every bad field in one 400. */
    @Transactional
    public Added add(CurrentUser user, long id, TagInput body) {
        Survey survey = surveys.own(user, id);
        TagInput input = body == null ? new TagInput(null, null, null) : body;
        List<FieldProblem> problems = new ArrayList<>();
        Survey.Question question = null;
        if (input.questionId() == null) {
            problems.add(FieldProblem.of("questionId", "survey.tag.question.required"));
        } else {
            question = survey.questions().stream()
                    .filter(q -> q.id() == input.questionId())
                    .findFirst()
                    .orElse(null);
            if (question == null || !question.type().equals(QuestionType.TEXT.name())) {
                problems.add(FieldProblem.of(
                        "questionId", "survey.tag.question.notText", String.valueOf(input.questionId())));
                question = null;
            }
        }
        String code =
                input.municipalityCode() == null ? "" : input.municipalityCode().strip();
        if (code.isEmpty()) {
            problems.add(FieldProblem.of("municipalityCode", "survey.tag.municipality.required"));
        } else if (!survey.municipalityCodes().contains(code)) {
            problems.add(FieldProblem.of("municipalityCode", "survey.tag.municipality.notAddressee", code));
        } else {
            Surveys.Answer answer = surveys.answerOf(survey.id(), code);
            if (!answer.submitted()) {
                problems.add(FieldProblem.of("municipalityCode", "survey.tag.municipality.notSubmitted", code));
            } else if (question != null && !answer.values().containsKey(question.id())) {
                problems.add(FieldProblem.of("municipalityCode", "survey.tag.municipality.noAnswer", code));
            }
        }
        String tag = input.tag() == null ? "" : input.tag().strip();
        TextRules.Problem bad = TextRules.check(tag, false);
        if (tag.isEmpty()) {
            problems.add(FieldProblem.of("tag", "survey.tag.tag.required"));
        } else if (bad != null) {
            problems.add(FieldProblem.of("tag", bad.messageKey()));
        } else if (tag.codePointCount(0, tag.length()) > MAX_TAG) {
            problems.add(FieldProblem.of("tag", "survey.tag.tag.tooLong", MAX_TAG));
        } else {
            Surveys.privacy("tag", "survey.tag.tag", tag, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        Tag added = new Tag(question.id(), code, tag);
        int inserted = jdbc.sql("""
                        insert into survey_tag (survey_id, question_id, municipality_code, tag)
                        values (:s, :q, :m, :t) on conflict (question_id, municipality_code, tag) do nothing
                        """)
                .param("s", survey.id())
                .param("q", added.questionId())
                .param("m", code)
                .param("t", tag)
                .update();
        if (inserted > 0) {
            events.publishEvent(
                    new SurveyEvents.TagAdded(survey.id(), SurveyEvents.tagChanges(added, true), user.username()));
        }
        return new Added(added, inserted > 0);
    }

    /** Removes a tag (404 when the survey has no such tag). */
    @Transactional
    public void remove(CurrentUser user, long id, long questionId, String municipalityCode, String tag) {
        Survey survey = surveys.own(user, id);
        Tag removed = new Tag(
                questionId, municipalityCode == null ? "" : municipalityCode.strip(), tag == null ? "" : tag.strip());
        int deleted = jdbc.sql("""
                        delete from survey_tag
                         where survey_id = :s and question_id = :q and municipality_code = :m and tag = :t
                        """)
                .param("s", survey.id())
                .param("q", removed.questionId())
                .param("m", removed.municipalityCode())
                .param("t", removed.tag())
                .update();
        if (deleted == 0) {
            throw NotFoundException.of(TAG_ENTITY, removed.tag());
        }
        events.publishEvent(
                new SurveyEvents.TagRemoved(survey.id(), SurveyEvents.tagChanges(removed, false), user.username()));
    }
}
