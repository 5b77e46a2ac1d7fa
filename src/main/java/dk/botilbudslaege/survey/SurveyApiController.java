package dk.botilbudslaege.survey;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/surveys} (API.md "Added: notifications and surveys"): status surveys ({@link Surveys}). */
@RestController
@RequestMapping("/api/v1/surveys")
class SurveyApiController {

    private final Surveys surveys;
    private final SurveyResults results;
    private final SurveyTags tags;

    SurveyApiController(Surveys surveys, SurveyResults results, SurveyTags tags) {
        this.surveys = surveys;
        this.results = results;
        this.tags = tags;
    }

    record QuestionJson(long id, int position, String text, String type, List<String> options, boolean required) {}

    record AddresseesJson(List<String> municipalityCodes) {}

    record SurveyJson(
            long id,
            String regionCode,
            String title,
            String intro,
            LocalDate deadline,
            List<Integer> reminderDays,
            String status,
            Instant createdAt,
            Instant sentAt,
            List<QuestionJson> questions,
            AddresseesJson addressees) {
        static SurveyJson of(Survey s) {
            return new SurveyJson(
                    s.id(),
                    s.regionCode(),
                    s.title(),
                    s.intro(),
                    s.deadline(),
                    s.reminderDays(),
                    s.status(),
                    s.createdAt(),
                    s.sentAt(),
                    s.questions().stream()
                            .map(q -> new QuestionJson(
                                    q.id(), q.position(), q.text(), q.type(), q.options(), q.required()))
                            .toList(),
                    new AddresseesJson(s.municipalityCodes()));
        }
    }

    record ValueJson(long questionId, JsonNode value) {}

    record AnswerJson(
            long surveyId,
            String municipalityCode,
            List<ValueJson> answers,
            boolean submitted,
            Instant submittedAt,
            Instant updatedAt,
            boolean editable) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SurveyJson create(CurrentUser user, @RequestBody(required = false) Surveys.Input body) {
        return SurveyJson.of(surveys.create(user, body));
    }

    @GetMapping
    List<SurveyJson> list(CurrentUser user) {
        return surveys.list(user).stream().map(SurveyJson::of).toList();
    }

    @GetMapping("/{id}")
    SurveyJson get(CurrentUser user, @PathVariable long id) {
        return SurveyJson.of(surveys.get(user, id));
    }

    @PostMapping("/{id}/send")
    SurveyJson send(CurrentUser user, @PathVariable long id) {
        return SurveyJson.of(surveys.send(user, id));
    }

    @GetMapping("/{id}/answer")
    AnswerJson answer(CurrentUser user, @PathVariable long id) {
        return json(surveys.answer(user, id), surveys.get(user, id));
    }

    @PutMapping("/{id}/answer")
    AnswerJson save(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Surveys.AnswerInput body) {
        return json(surveys.save(user, id, body), surveys.get(user, id));
    }

    @PostMapping("/{id}/answer/submit")
    AnswerJson submit(
            CurrentUser user, @PathVariable long id, @RequestBody(required = false) Surveys.AnswerInput body) {
        return json(surveys.submit(user, id, body), surveys.get(user, id));
    }

    private AnswerJson json(Surveys.Answer a, Survey survey) {
        return new AnswerJson(
                a.surveyId(),
                a.municipalityCode(),
                a.values().entrySet().stream()
                        .map(e -> new ValueJson(e.getKey(), e.getValue()))
                        .toList(),
                a.submitted(),
                a.submittedAt(),
                a.updatedAt(),
                !surveys.today().isAfter(survey.deadline()));
    }

    record ResultsJson(
            long id,
            String title,
            LocalDate deadline,
            int addressees,
            int submitted,
            BigDecimal responseRate,
            List<SurveyResults.Municipality> notAnswered,
            List<QuestionResultJson> questions) {}

    record QuestionResultJson(
            long id,
            int position,
            String text,
            String type,
            Map<String, Integer> counts,
            List<SurveyResults.AnswerRow> answers) {}

    @GetMapping("/{id}/results")
    ResultsJson results(CurrentUser user, @PathVariable long id) {
        SurveyResults.Results r = results.results(user, id);
        return new ResultsJson(
                r.survey().id(),
                r.survey().title(),
                r.survey().deadline(),
                r.addressees(),
                r.submitted(),
                r.responseRate(),
                r.notAnswered(),
                r.questions().stream()
                        .map(q -> new QuestionResultJson(
                                q.id(), q.position(), q.text(), q.type(), q.counts(), q.answers()))
                        .toList());
    }

    @GetMapping("/{id}/results.xlsx")
    ResponseEntity<byte[]> xlsx(CurrentUser user, @PathVariable long id) {
        byte[] book = results.xlsx(user, id);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"spoergeskema-" + id + "-svar.xlsx\"")
                .body(book);
    }

    // ---------------------------------------------------------------- the region's tags on free-text answers

    @GetMapping("/{id}/tags")
    List<SurveyTags.Tag> tags(CurrentUser user, @PathVariable long id) {
        return tags.list(user, id);
    }

    /** 201 when added; 200 when the answer carries the tag already (no change). */
    @PostMapping("/{id}/tags")
    ResponseEntity<SurveyTags.Tag> tag(
            CurrentUser user, @PathVariable long id, @RequestBody(required = false) SurveyTags.TagInput body) {
        SurveyTags.Added added = tags.add(user, id, body);
        return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(added.tag());
    }

    @DeleteMapping("/{id}/tags")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void untag(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) Long questionId,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String tag) {
        // one 400 names every missing parameter (the API's conventions)
        List<FieldProblem> missing = new ArrayList<>();
        if (questionId == null) {
            missing.add(FieldProblem.of("questionId", "survey.tag.question.required"));
        }
        if (municipalityCode == null || municipalityCode.isBlank()) {
            missing.add(FieldProblem.of("municipalityCode", "survey.tag.municipality.required"));
        }
        if (tag == null || tag.isBlank()) {
            missing.add(FieldProblem.of("tag", "survey.tag.tag.required"));
        }
        if (!missing.isEmpty()) {
            tags.list(user, id); // who may: 404/403 before the 400
            throw new InvalidInputException("VALIDATION_FAILED", missing);
        }
        tags.remove(user, id, questionId, municipalityCode, tag);
    }
}
